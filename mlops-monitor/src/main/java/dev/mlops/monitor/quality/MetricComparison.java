package dev.mlops.monitor.quality;

import java.util.Objects;

/**
 * A window's metric set against the same metric on the training data.
 *
 * @param metric the metric's name, such as {@code accuracy} or {@code rmse}
 * @param value the window's value; NaN when the window could not measure it
 * @param training the training value the user gave
 * @param delta {@code value - training}
 * @param higherIsBetter whether a higher value is better (accuracy, F1, R²) or worse (RMSE, MAE)
 * @param tolerance how far the value may fall behind the training value before it counts as worse
 * @param worse whether the value is worse than the training value by more than the tolerance
 *     (false when the value is NaN)
 */
public record MetricComparison(String metric, double value, double training, double delta, boolean higherIsBetter,
        double tolerance, boolean worse) {

    /**
     * Checks the name.
     *
     * @param metric the metric's name
     * @param value the window's value
     * @param training the training value
     * @param delta the difference
     * @param higherIsBetter whether higher is better
     * @param tolerance the tolerance
     * @param worse whether it is worse beyond the tolerance
     */
    public MetricComparison {
        Objects.requireNonNull(metric, "metric");
    }

    /**
     * Compares a window's value with the training value.
     *
     * @param metric the metric's name
     * @param value the window's value
     * @param training the training value
     * @param higherIsBetter whether a higher value is better
     * @param tolerance the tolerance, not negative
     * @return the comparison
     */
    static MetricComparison of(String metric, double value, double training, boolean higherIsBetter,
            double tolerance) {
        double delta = value - training;
        boolean worse = higherIsBetter ? delta < -tolerance : delta > tolerance;
        return new MetricComparison(metric, value, training, delta, higherIsBetter, tolerance, worse);
    }
}
