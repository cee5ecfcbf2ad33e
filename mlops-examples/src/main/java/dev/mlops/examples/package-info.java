/**
 * The whole lifecycle on a real data set, run by the README's first command, and the data sets
 * the project ships.
 *
 * <p>{@link dev.mlops.examples.lifecycle.CreditApprovalLifecycle} walks the guide on the bundled
 * German credit data (with synthetic, seeded application dates: credit-g has none): data checks,
 * a recent set and a stratified split with slices, tracked baselines and experiments, the quality
 * gate, the registry, a canary with capture, drift, an alarm and the rollback, quality from late
 * labels and the HTML report. {@code dev.mlops.examples.spark} runs a generated table on Apache
 * Spark. The data sets are under {@code src/main/resources/data/}, each with its source and
 * licence in the README beside it.
 */
@NullMarked
package dev.mlops.examples;

import org.jspecify.annotations.NullMarked;
