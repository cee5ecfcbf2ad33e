/**
 * Measures of predictions against the truth: the {@link dev.mlops.train.metrics.Metric}
 * interface, which leaderboards, bootstraps, permutation importance and the gate share, and the
 * built-in metrics behind {@link dev.mlops.train.metrics.Metrics} (accuracy, macro-F1, AUC and
 * log loss for a classifier; RMSE, MAE and R² for a regression model), each matching
 * scikit-learn 1.2 on the same input.
 */
@NullMarked
package dev.mlops.train.metrics;

import org.jspecify.annotations.NullMarked;
