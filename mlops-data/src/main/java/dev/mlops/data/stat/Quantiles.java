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
}
