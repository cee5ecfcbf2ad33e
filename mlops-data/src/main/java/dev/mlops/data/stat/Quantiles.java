package dev.mlops.data.stat;

import dev.mlops.data.internal.SortedArrays;
import java.util.Objects;

/**
 * Exact quantiles of raw values by linear interpolation between order statistics
 * (Hyndman–Fan type 7, numpy's default {@code quantile(values, p, method="linear")}).
 * Stateless and thread-safe.
 */
public final class Quantiles {

    private Quantiles() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns the quantiles of {@code values} at each probability.
     *
     * @param values the values, at least one, all finite; not changed (a sorted copy is used)
     * @param probabilities the probabilities, each in {@code [0, 1]}
     * @return the quantiles, one per probability, in their order
     * @throws IllegalArgumentException if there is no value, a value is NaN or infinite, or a
     *     probability is outside {@code [0, 1]}
     */
    public static double[] of(double[] values, double... probabilities) {
        Objects.requireNonNull(probabilities, "probabilities");
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("probabilities[" + i + "] must be in [0, 1] but was " + p);
            }
        }
        double[] sorted = Samples.sorted("values", values, 1);
        double[] quantiles = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            quantiles[i] = SortedArrays.quantile(sorted, probabilities[i]);
        }
        return quantiles;
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least
     * {@code share} of the values at or below it (the value at rank {@code ceil(share * n)},
     * the first value for a share of 0). The timing of predictions reports its latencies so.
     *
     * @param sorted the values in ascending order, at least one
     * @param share the share, in {@code [0, 1]}
     * @return the percentile, one of the values
     * @throws IllegalArgumentException if there is no value or the share is outside {@code [0, 1]}
     */
    public static long nearestRank(long[] sorted, double share) {
        Objects.requireNonNull(sorted, "sorted");
        if (sorted.length == 0) {
            throw new IllegalArgumentException("sorted must hold at least one value");
        }
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in [0, 1] but was " + share);
        }
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
