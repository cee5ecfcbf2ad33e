package dev.mlops.data.stat;

import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.NumericProfile;
import java.util.Map;
import java.util.Objects;

/**
 * The Jensen–Shannon distance between two binned distributions: with {@code m = (p + q) / 2},
 * {@code JS = sqrt((KL(p || m) + KL(q || m)) / 2)}, natural logarithms, in {@code [0, sqrt(ln 2)]}
 * (0 for equal shares). This is {@code scipy.spatial.distance.jensenshannon(p, q)}. Unlike
 * {@link PopulationStability} it needs no replacement of empty bins: it stays finite when a bin is
 * empty on one side. It is a distance, not a test: the p-value is always empty.
 *
 * <pre>{@code
 * TwoSampleResult r = JensenShannon.categorical(Map.of("a", 30L, "b", 10L), Map.of("a", 20L, "b", 20L));
 * boolean drifted = r.statistic() >= 0.1;
 * }</pre>
 *
 * <p>The bins are {@link PopulationStability}'s: the reference's quantile bins for numbers (from
 * raw values or a profile, within the profile's rank error when it holds a KLL sketch), one bin
 * per category for counts (with an "other" bin against a sketched categorical profile). Stateless
 * and thread-safe.
 */
public final class JensenShannon {
    /** The name in {@link TwoSampleResult#test()}. */
    public static final String NAME = "jensen-shannon";

    private JensenShannon() {
        throw new AssertionError("no instances");
    }

    /**
     * The distance between two vectors of non-negative weights, each normalised to sum to 1.
     *
     * @param p the first weights, none negative or NaN, not all 0; not changed
     * @param q the second weights, as many as {@code p}, none negative or NaN, not all 0; not changed
     * @return the Jensen–Shannon distance, natural logarithms
     * @throws IllegalArgumentException if the lengths differ, a weight is negative, NaN or infinite,
     *     or a side sums to 0; the message names the argument and the value
     */
    public static double distance(double[] p, double[] q) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        if (p.length != q.length) {
            throw new IllegalArgumentException("p and q must weigh the same bins but p has " + p.length + " and q "
                    + q.length);
        }
        double pSum = sum("p", p);
        double qSum = sum("q", q);
        double divergence = 0.0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / pSum;
            double b = q[i] / qSum;
            double m = (a + b) / 2;
            divergence += relativeEntropy(a, m) + relativeEntropy(b, m);
        }
        return Math.sqrt(Math.max(0.0, divergence / 2));
    }

    /**
     * The distance of raw numbers in the raw reference's quantile bins.
     *
     * @param current the current values, at least 2, all finite; not changed
     * @param reference the reference values, at least 2, all finite; not changed
     * @param bins how many quantile bins to cut the reference into, at least 2
     * @return the distance, the sizes, {@link TestMethod#EXACT} and the number of bins after merging
     * @throws IllegalArgumentException if {@code bins} is below 2, a sample has fewer than 2 values
     *     or a NaN or infinite one; the message names the argument and the value
     */
    public static TwoSampleResult numeric(double[] current, double[] reference, int bins) {
        return distance(BinnedShares.numeric(current, reference, bins));
    }

    /**
     * The distance of raw numbers in the quantile bins of a reference profile's finite values.
     *
     * @param current the current values, at least 2, all finite; not changed
     * @param reference the reference column's profile, with at least 2 finite values
     * @param bins how many quantile bins to cut the reference into, at least 2
     * @return the distance, the sizes, the method, the sketch's rank error if any and the number of bins
     * @throws IllegalArgumentException if {@code bins} is below 2, a side has fewer than 2 finite
     *     values or the sample a NaN or infinite one; the message names the argument and the value
     */
    public static TwoSampleResult numeric(double[] current, NumericProfile reference, int bins) {
        return distance(BinnedShares.numeric(current, reference, bins));
    }

    /**
     * The distance of two maps of counts by category, one bin per category counted on either side.
     *
     * @param current the current count of each category, none negative, not all 0
     * @param reference the reference count of each category, none negative, not all 0
     * @return the distance, the total counts, {@link TestMethod#EXACT} and the number of categories
     * @throws IllegalArgumentException if a count is negative (the message names the side and the
     *     category) or a side counts nothing
     */
    public static TwoSampleResult categorical(Map<String, Long> current, Map<String, Long> reference) {
        return distance(BinnedShares.categorical(current, reference));
    }

    /**
     * The distance of counts by category against a reference profile: exact from its exact counts,
     * else from its most frequent values and one "other" bin.
     *
     * @param current the current count of each category, none negative, not all 0
     * @param reference the reference column's profile, with at least 1 present value
     * @return the distance, the total counts, the method, the share error if sketched and the number of bins
     * @throws IllegalArgumentException if a count is negative or a side counts nothing (the message
     *     names the argument), or the reference keeps sketches in which no value is guaranteed frequent
     */
    public static TwoSampleResult categorical(Map<String, Long> current, CategoricalProfile reference) {
        return distance(BinnedShares.categorical(current, reference));
    }

    private static TwoSampleResult distance(BinnedShares shares) {
        return shares.result(NAME, distance(shares.actual(), shares.expected()));
    }

    private static double sum(String argument, double[] weights) {
        double sum = 0.0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0.0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(argument + "[" + i + "] must be a finite weight of 0 or more but was "
                        + weights[i]);
            }
            sum += weights[i];
        }
        if (sum == 0.0) {
            throw new IllegalArgumentException(argument + " must not weigh all bins 0");
        }
        return sum;
    }

    /** {@code a ln(a / m)}, 0 where {@code a} is 0 (scipy's {@code rel_entr}). */
    private static double relativeEntropy(double a, double m) {
        return a == 0.0 ? 0.0 : a * Math.log(a / m);
    }
}
