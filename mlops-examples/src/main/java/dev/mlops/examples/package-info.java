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
 * licence in the README beside it. What the examples' {@code main} methods share is here too:
 * {@link dev.mlops.examples.ExampleMain} (usage, Tribuo's logging, a one-line failure) and
 * {@link dev.mlops.examples.OutputDirectory} (which output directory an example may write into).
 */
@NullMarked
package dev.mlops.examples;

import org.jspecify.annotations.NullMarked;
