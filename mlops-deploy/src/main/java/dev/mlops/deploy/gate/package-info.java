/**
 * The CI quality gate: a candidate model is evaluated beside the production model (or, for the
 * first model, a baseline) on the same fixed validation set, on its named slices and on a recent
 * set, and a list of {@link dev.mlops.deploy.gate.GateRule rules} gives a
 * {@link dev.mlops.deploy.gate.GateReport} that passes or fails. Metrics, slices and significance
 * tests are mlops-train's ({@code dev.mlops.train.metrics}, {@code dev.mlops.train.significance});
 * nothing is computed twice here.
 */
@NullMarked
package dev.mlops.deploy.gate;

import org.jspecify.annotations.NullMarked;
