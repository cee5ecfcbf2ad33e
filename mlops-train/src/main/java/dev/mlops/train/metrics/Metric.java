package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;

/**
 * A measure of a model's predictions against the truth: accuracy, macro-F1, AUC, log loss for
 * classification; RMSE, MAE, R² for regression ({@code Metrics}); a user's own by implementing
 * these three methods.
 *
 * <p>The contract: {@link #compute} is a pure function of the truth and the prediction table
 * (in the shape of {@link dev.mlops.train.predict.Outputs}), so that a bootstrap may call it
 * on resampled rows; it answers NaN when the metric is not defined for the rows (AUC when a
 * class is absent from the truth); it refuses a truth column and a prediction table of
 * different lengths, or a missing truth, with an {@link IllegalArgumentException} naming the
 * row. Instances are immutable and thread-safe.
 */
public interface Metric {

    /** @return the metric's name, such as {@code accuracy} or {@code rmse}, as runs and leaderboards show it */
    String name();

    /** @return true if a larger value is better (accuracy), false if a smaller one is (log loss, RMSE) */
    boolean higherIsBetter();

    /**
     * Measures the predictions.
     *
     * @param truth the true class (categorical) or value (numeric) of each row
     * @param predictions the prediction table, one row per truth row
     * @return the metric's value, or NaN where it is not defined
     * @throws IllegalArgumentException if the lengths differ, a truth is missing, or the column
     *     types do not fit the metric
     */
    double compute(Column truth, Table predictions);
}
