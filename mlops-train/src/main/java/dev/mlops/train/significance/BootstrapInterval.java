package dev.mlops.train.significance;

import java.util.Arrays;

/**
 * A bootstrap percentile interval of a metric's value, or of the difference of two models'
 * values. Immutable.
 *
 * @param estimate the value on the rows themselves, not resampled
 * @param lower the {@code (1 - level) / 2} quantile of the resampled values
 * @param upper the {@code (1 + level) / 2} quantile of the resampled values
 * @param standardError the standard deviation of the resampled values (divisor count − 1): the
 *     bootstrap's estimate of the estimate's standard error; NaN with fewer than two defined values
 * @param level the interval's confidence level, in (0, 1), such as 0.95
 * @param resamples how many resamples were drawn
 * @param undefined how many of them gave NaN (an AUC of a resample that lacks a class) and were
 *     left out; the quantiles are of the others, and are NaN if none is left
 */
public record BootstrapInterval(double estimate, double lower, double upper, double standardError, double level,
        int resamples, int undefined) {

    /**
     * Computes the interval of resampled values: the quantiles interpolate linearly between the
     * sorted values, numpy's default {@code quantile(method="linear")}: the {@code q} quantile of
     * {@code m} values is at position {@code (m - 1) q}.
     *
     * @param estimate the value on the rows themselves
     * @param values the value of each resample, NaN where undefined; sorted in place
     * @param level the confidence level, in (0, 1)
     * @return the interval
     */
    static BootstrapInterval of(double estimate, double[] values, double level) {
        Arrays.sort(values);
        int defined = values.length;
        while (defined > 0 && Double.isNaN(values[defined - 1])) {
            defined--;
        }
        double sum = 0.0;
        for (int i = 0; i < defined; i++) {
            sum += values[i];
        }
        double mean = sum / defined;
        double squares = 0.0;
        for (int i = 0; i < defined; i++) {
            double deviation = values[i] - mean;
            squares += deviation * deviation;
        }
        double standardError = defined < 2 ? Double.NaN : Math.sqrt(squares / (defined - 1));
        double tail = (1.0 - level) / 2.0;
        return new BootstrapInterval(estimate, quantile(values, defined, tail), quantile(values, defined, 1.0 - tail),
                standardError, level, values.length, values.length - defined);
    }

    private static double quantile(double[] sorted, int count, double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double position = (count - 1) * q;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * @param value a value, such as 0 for a difference
     * @return true if the value lies inside the interval, its ends included
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
