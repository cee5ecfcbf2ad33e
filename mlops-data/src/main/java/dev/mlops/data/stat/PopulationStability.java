package dev.mlops.data.stat;

import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.NumericProfile;
import java.util.Map;

/**
 * The population stability index, a distance between binned distributions:
 * {@code PSI = Σ (a_i - e_i) · ln(a_i / e_i)} over bins, with {@code e_i} the reference's share of
 * values in bin {@code i} and {@code a_i} the current share (the symmetric Kullback–Leibler
 * divergence of the binned shares, in nats, 0 or more). It is not a test: the p-value is always
 * empty, and it does not grow with the sample size. A share of 0 makes the logarithm infinite, so,
 * as is common practice, a zero share on either side is replaced by {@value #EPSILON} (the shares
 * are not renormalised).
 *
 * <pre>{@code
 * TwoSampleResult r = PopulationStability.numeric(current, (NumericProfile) baseline.column("age"), 10);
 * boolean significant = r.statistic() > 0.25;
 * }</pre>
 *
 * <p>Bins:
 * <ul>
 *   <li>Numbers are cut at the reference's quantiles {@code 1/bins, 2/bins, …, (bins-1)/bins}
 *       (type 7, numpy's default, for raw values; {@link NumericProfile#quantile(double)} for a
 *       profile), equal edges merged (so many equal values give fewer bins), into the bins
 *       {@code (-Infinity, q_1], (q_1, q_2], …, (q_last, Infinity)}. The reference's shares come
 *       from its cumulative fraction at the edges, the current shares from counting its values.
 *       From a profile that holds a KLL sketch each reference share is within
 *       {@link NumericProfile#rankError()} ({@link TestMethod#SKETCH}); otherwise the method is
 *       {@link TestMethod#EXACT}. Each side needs at least 2 finite values.
 *   <li>Categories have one bin per category counted on either side. A reference profile with exact
 *       counts is exact; one that keeps sketches gives bins for its
 *       {@link CategoricalProfile#topK()} values (only those guaranteed frequent, possibly none),
 *       with estimated shares, and one "other" bin for the rest ({@link TestMethod#SKETCH}, each share within
 *       {@code frequencyError / referenceSize}). Each side needs at least 1 value.
 * </ul>
 * {@link TwoSampleResult#bins()} is the number of bins used. Stateless and thread-safe.
 */
public final class PopulationStability {
    /** The name in {@link TwoSampleResult#test()}. */
    public static final String NAME = "psi";
    /** The share that replaces a share of 0 in either distribution. */
    public static final double EPSILON = 1e-4;

    private PopulationStability() {
        throw new AssertionError("no instances");
    }

    /**
     * The PSI of raw numbers in the raw reference's quantile bins.
     *
     * @param current the current values, at least 2, all finite; not changed
     * @param reference the reference values, at least 2, all finite; not changed
     * @param bins how many quantile bins to cut the reference into, at least 2
     * @return the PSI, the sizes, {@link TestMethod#EXACT} and the number of bins after merging
     * @throws IllegalArgumentException if {@code bins} is below 2, a sample has fewer than 2 values
     *     or a NaN or infinite one; the message names the argument and the value
     */
    public static TwoSampleResult numeric(double[] current, double[] reference, int bins) {
        return distance(BinnedShares.numeric(current, reference, bins));
    }

    /**
     * The PSI of raw numbers in the quantile bins of a reference profile's finite values.
     *
     * @param current the current values, at least 2, all finite; not changed
     * @param reference the reference column's profile, with at least 2 finite values
     * @param bins how many quantile bins to cut the reference into, at least 2
     * @return the PSI, the sizes, the method, the sketch's rank error if any and the number of bins
     * @throws IllegalArgumentException if {@code bins} is below 2, a side has fewer than 2 finite
     *     values or the sample a NaN or infinite one; the message names the argument and the value
     */
    public static TwoSampleResult numeric(double[] current, NumericProfile reference, int bins) {
        return distance(BinnedShares.numeric(current, reference, bins));
    }

    /**
     * The PSI of two maps of counts by category, one bin per category counted on either side.
     *
     * @param current the current count of each category, none negative, not all 0
     * @param reference the reference count of each category, none negative, not all 0
     * @return the PSI, the total counts, {@link TestMethod#EXACT} and the number of categories
     * @throws IllegalArgumentException if a count is negative (the message names the side and the
     *     category) or a side counts nothing
     */
    public static TwoSampleResult categorical(Map<String, Long> current, Map<String, Long> reference) {
        return distance(BinnedShares.categorical(current, reference));
    }

    /**
     * The PSI of counts by category against a reference profile: exact from its exact counts, else
     * from its most frequent values and one "other" bin.
     *
     * @param current the current count of each category, none negative, not all 0
     * @param reference the reference column's profile, with at least 1 present value
     * @return the PSI, the total counts, the method, the share error if sketched and the number of bins
     * @throws IllegalArgumentException if a count is negative or a side counts nothing (the message
     *     names the argument), or the reference keeps sketches in which no value is guaranteed
     *     frequent ({@link CategoricalProfile#noFrequentValue()}): one "other" bin cannot show a shift
     */
    public static TwoSampleResult categorical(Map<String, Long> current, CategoricalProfile reference) {
        return distance(BinnedShares.categorical(current, reference));
    }

    private static TwoSampleResult distance(BinnedShares shares) {
        return shares.result(NAME, index(shares.expected(), shares.actual()));
    }

    /** {@code Σ (a - e) ln(a / e)}, a share of 0 replaced by {@link #EPSILON}. */
    static double index(double[] expected, double[] actual) {
        double psi = 0.0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i] > 0.0 ? expected[i] : EPSILON;
            double a = actual[i] > 0.0 ? actual[i] : EPSILON;
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
