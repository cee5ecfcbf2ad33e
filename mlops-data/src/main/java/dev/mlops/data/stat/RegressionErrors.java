package dev.mlops.data.stat;

import java.util.Objects;

/**
 * The errors of a regression model's predictions against the true values, as sklearn's
 * {@code mean_squared_error}, {@code mean_absolute_error} and {@code r2_score} compute them.
 *
 * <p>The residual of a row is {@code truth - predicted}. R²'s conventions are sklearn's: NaN for
 * fewer than two rows; when the truth is constant ({@code SS_tot} is 0), 1 if every prediction is
 * exact and 0 otherwise ({@code force_finite=True}); a constant truth is recognised exactly,
 * where sklearn tests {@code SS_tot == 0} on a mean that may round. Without rows every error is
 * NaN. Immutable.
 *
 * @param count the number of rows
 * @param meanSquaredError the mean of the squared residuals
 * @param meanAbsoluteError the mean of the absolute residuals
 * @param rSquared the coefficient of determination, {@code 1 - SS_res / SS_tot}
 * @param meanResidual the mean residual (its bias: positive when the model predicts too low)
 */
public record RegressionErrors(int count, double meanSquaredError, double meanAbsoluteError, double rSquared,
        double meanResidual) {

    /**
     * Checks the count.
     *
     * @param count the number of rows, not negative
     * @param meanSquaredError the mean of the squared residuals
     * @param meanAbsoluteError the mean of the absolute residuals
     * @param rSquared the coefficient of determination
     * @param meanResidual the mean residual
     * @throws IllegalArgumentException if the count is negative
     */
    public RegressionErrors {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative but was " + count);
        }
    }

    /**
     * Measures predictions against the true values.
     *
     * @param truth the true values, all finite; not changed
     * @param predicted the predictions, as many, all finite; not changed
     * @return the errors
     * @throws IllegalArgumentException if the lengths differ or a value is NaN or infinite; the
     *     message names the argument, the index and the value
     */
    public static RegressionErrors of(double[] truth, double[] predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predicted must have the same length but had "
                    + truth.length + " and " + predicted.length);
        }
        Samples.check("truth", truth, 0);
        Samples.check("predicted", predicted, 0);
        int n = truth.length;
        double squares = 0.0;
        double absolute = 0.0;
        double residuals = 0.0;
        double sum = 0.0;
        boolean constant = true;
        for (int row = 0; row < n; row++) {
            double error = truth[row] - predicted[row];
            squares += error * error;
            absolute += Math.abs(error);
            residuals += error;
            sum += truth[row];
            constant &= truth[row] == truth[0];
        }
        return new RegressionErrors(n, squares / n, absolute / n, rSquared(truth, squares, sum, constant),
                residuals / n);
    }

    private static double rSquared(double[] truth, double squares, double sum, boolean constant) {
        int n = truth.length;
        if (n < 2) {
            return Double.NaN;
        }
        if (squares == 0.0) {
            return 1.0;
        }
        if (constant) {
            return 0.0;
        }
        double mean = sum / n;
        double total = 0.0;
        for (double y : truth) {
            double deviation = y - mean;
            total += deviation * deviation;
        }
        return 1.0 - squares / total;
    }

    /** @return the root mean squared error, {@code mean_squared_error(squared=False)} */
    public double rootMeanSquaredError() {
        return Math.sqrt(meanSquaredError);
    }
}
