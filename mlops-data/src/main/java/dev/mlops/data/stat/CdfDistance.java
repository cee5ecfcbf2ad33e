package dev.mlops.data.stat;

import dev.mlops.data.internal.SortedArrays;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The L∞ distance between two distributions, SageMaker Model Monitor's drift distance
 * ({@code comparison_method: "Robust"}, compared with {@code comparison_threshold}, 0.1 by
 * default): for numbers the largest gap between the two cumulative distribution functions,
 * {@code sup_x |F_current(x) - F_reference(x)|} (the Kolmogorov–Smirnov {@code D}, without its
 * p-value and so without its cost); for categories the largest difference between a category's
 * shares, {@code max_c |p_current(c) - p_reference(c)|}. In {@code [0, 1]}; a distance, so the
 * p-value is always empty.
 *
 * <pre>{@code
 * TwoSampleResult r = CdfDistance.numeric(current, (NumericProfile) baseline.column("age"));
 * boolean drifted = r.statistic() > 0.1;
 * }</pre>
 *
 * <p>The reference may be a profile: exact while it keeps its values (or exact counts); from a
 * KLL sketch the numeric distance is within {@link NumericProfile#rankError()}, from sketched
 * counts (frequent values and one "other" bin) each share within {@code frequencyError / size}
 * ({@link TestMethod#SKETCH}, with that bound as {@link TwoSampleResult#referenceError()}).
 * Stateless and thread-safe.
 */
public final class CdfDistance {
    /** The name in {@link TwoSampleResult#test()}. */
    public static final String NAME = "linf";

    private CdfDistance() {
        throw new AssertionError("no instances");
    }

    /**
     * The largest gap between the empirical distribution functions of two raw samples.
     *
     * @param current the current values, at least 1, all finite; not changed
     * @param reference the reference values, at least 1, all finite; not changed
     * @return the distance, the sizes and {@link TestMethod#EXACT}
     * @throws IllegalArgumentException if a sample is empty or holds a NaN or infinite value; the
     *     message names {@code current} or {@code reference}
     */
    public static TwoSampleResult numeric(double[] current, double[] reference) {
        double[] sorted = Samples.sorted("current", current, 1);
        double[] kept = Samples.sorted("reference", reference, 1);
        double d = KolmogorovSmirnov.statistic(sorted,
                x -> (double) SortedArrays.upperBound(kept, x) / kept.length);
        return new TwoSampleResult(NAME, d, OptionalDouble.empty(), sorted.length, kept.length, TestMethod.EXACT,
                0.0, 0);
    }

    /**
     * The largest gap between a raw sample's distribution function and a reference profile's.
     *
     * @param current the current values, at least 1, all finite; not changed
     * @param reference the reference column's profile, with at least 1 finite value
     * @return the distance, the sizes, the method and, for a sketch, its rank error
     * @throws IllegalArgumentException if a side has no finite value or the sample a NaN or
     *     infinite one; the message names {@code current} or {@code reference}
     */
    public static TwoSampleResult numeric(double[] current, NumericProfile reference) {
        Samples.check("reference", reference, 1);
        double[] sorted = Samples.sorted("current", current, 1);
        double d = KolmogorovSmirnov.statistic(sorted, reference::cumulativeFraction);
        boolean sketch = reference.quantileMethod() == Method.SKETCH;
        return new TwoSampleResult(NAME, d, OptionalDouble.empty(), sorted.length, reference.finite(),
                sketch ? TestMethod.SKETCH : TestMethod.EXACT, sketch ? reference.rankError() : 0.0, 0);
    }

    /**
     * The largest difference of a category's shares, one category per key on either side.
     *
     * @param current the current count of each category, none negative, not all 0
     * @param reference the reference count of each category, none negative, not all 0
     * @return the distance, the total counts, {@link TestMethod#EXACT} and the number of categories
     * @throws IllegalArgumentException if a count is negative (the message names the side and the
     *     category) or a side counts nothing
     */
    public static TwoSampleResult categorical(Map<String, Long> current, Map<String, Long> reference) {
        return largest(BinnedShares.categorical(current, reference));
    }

    /**
     * The largest difference of a category's shares against a reference profile: exact from its
     * exact counts, else over its frequent values and one "other" bin.
     *
     * @param current the current count of each category, none negative, not all 0
     * @param reference the reference column's profile, with at least 1 present value
     * @return the distance, the total counts, the method, the share error if sketched and the bin count
     * @throws IllegalArgumentException if a count is negative or a side counts nothing (the message
     *     names the argument), or the reference keeps sketches in which no value is guaranteed frequent
     */
    public static TwoSampleResult categorical(Map<String, Long> current, CategoricalProfile reference) {
        return largest(BinnedShares.categorical(current, reference));
    }

    private static TwoSampleResult largest(BinnedShares shares) {
        double d = 0.0;
        for (int i = 0; i < shares.expected().length; i++) {
            d = Math.max(d, Math.abs(shares.actual()[i] - shares.expected()[i]));
        }
        return shares.result(NAME, d);
    }
}
