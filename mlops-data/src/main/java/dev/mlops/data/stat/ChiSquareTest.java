package dev.mlops.data.stat;

import dev.mlops.data.profile.CategoricalProfile;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-square test of homogeneity of the 2 × k table of category counts (current and
 * reference rows, one column per category seen on either side), with commons-math3's
 * {@code ChiSquareTest.chiSquareDataSetsComparison} and {@code k - 1} degrees of freedom. The
 * statistic is the chi-square value (0 or more), the p-value comes from the chi-square
 * distribution ({@link TestMethod#ASYMPTOTIC}), and {@link TwoSampleResult#bins()} is {@code k}.
 * This is {@code scipy.stats.chi2_contingency([current, reference], correction=False)}. The
 * p-value is the upper regularized gamma function {@code Q((k - 1)/2, chi-square/2)}
 * ({@code Gamma.regularizedGammaQ}, {@code scipy.stats.chi2.sf}) taken directly, not
 * {@code 1 - cdf}, so a far tail such as 1e-80 keeps its digits instead of printing 0.
 *
 * <pre>{@code
 * TwoSampleResult r = ChiSquareTest.test(Map.of("a", 30L, "b", 10L), Map.of("a", 20L, "b", 20L));
 * }</pre>
 *
 * <p>A category counted 0 on both sides is left out. A single category on both sides is no
 * difference at all: chi-square 0, p-value 1 ({@link TestMethod#EXACT}). The test needs exact
 * counts: a reference profile that keeps only sketches (estimated counts of its top values) is
 * refused rather than tested on estimates. The chi-square approximation wants an expected count
 * of about 5 or more per cell; with rarer categories the p-value is only approximate. Stateless
 * and thread-safe.
 */
public final class ChiSquareTest {
    /** The name in {@link TwoSampleResult#test()}. */
    public static final String NAME = "chi-square";

    private ChiSquareTest() {
        throw new AssertionError("no instances");
    }

    /**
     * Tests two rows of counts of the same categories, in the same order.
     *
     * @param current the current count of each category, none negative, not all 0; not changed
     * @param reference the reference count of each category, as many as {@code current}; not changed
     * @return the chi-square value, its p-value, the total counts and the number of categories
     * @throws IllegalArgumentException if the arrays differ in length, a count is negative or a side
     *     counts nothing; the message names the argument and the value
     */
    public static TwoSampleResult test(long[] current, long[] reference) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        if (current.length != reference.length) {
            throw new IllegalArgumentException("current and reference must count the same categories but current has "
                    + current.length + " and reference " + reference.length);
        }
        return test(current, reference, Samples.total("current", current), Samples.total("reference", reference));
    }

    /**
     * Tests two maps of counts by category; a category that one side lacks counts 0 there.
     *
     * @param current the current count of each category, none negative, not all 0
     * @param reference the reference count of each category, none negative, not all 0
     * @return the chi-square value, its p-value, the total counts and the number of categories
     * @throws IllegalArgumentException if a count is negative (the message names the side and the
     *     category) or a side counts nothing
     */
    public static TwoSampleResult test(Map<String, Long> current, Map<String, Long> reference) {
        AlignedCounts counts = AlignedCounts.of(current, reference);
        return test(counts.current(), counts.reference(), Samples.present("current", counts.currentTotal()),
                Samples.present("reference", counts.referenceTotal()));
    }

    /**
     * Tests counts by category against a reference profile's exact counts
     * ({@link CategoricalProfile#exactCounts()}).
     *
     * @param current the current count of each category, none negative, not all 0
     * @param reference the reference column's profile, keeping exact counts of at least 1 value
     * @return the chi-square value, its p-value, the total counts and the number of categories
     * @throws IllegalArgumentException if the profile keeps sketches instead of exact counts, a
     *     count is negative, or a side counts nothing; the message names the argument
     */
    public static TwoSampleResult test(Map<String, Long> current, CategoricalProfile reference) {
        Objects.requireNonNull(reference, "reference");
        Optional<SortedMap<String, Long>> exact = reference.exactCounts();
        if (exact.isEmpty()) {
            throw new IllegalArgumentException("reference profile '" + reference.name() + "' keeps sketches, not exact"
                    + " counts (it has more distinct values than its exactDistinctLimit, or its column is sensitive and"
                    + " was written sketch-only), but the chi-square test needs"
                    + " exact counts; profile the reference with a higher limit, or use PopulationStability");
        }
        return test(current, exact.get());
    }

    private static TwoSampleResult test(long[] current, long[] reference, long currentTotal, long referenceTotal) {
        long[] now = new long[current.length];
        long[] then = new long[current.length];
        int k = 0;
        for (int i = 0; i < current.length; i++) {
            if (current[i] + reference[i] > 0) {
                now[k] = current[i];
                then[k] = reference[i];
                k++;
            }
        }
        if (k < 2) {
            return new TwoSampleResult(NAME, 0.0, OptionalDouble.of(1.0), currentTotal, referenceTotal,
                    TestMethod.EXACT, 0.0, k);
        }
        now = Arrays.copyOf(now, k);
        then = Arrays.copyOf(then, k);
        org.apache.commons.math3.stat.inference.ChiSquareTest test =
                new org.apache.commons.math3.stat.inference.ChiSquareTest();
        double statistic = test.chiSquareDataSetsComparison(now, then);
        double p = Gamma.regularizedGammaQ((k - 1) / 2.0, statistic / 2.0);
        return new TwoSampleResult(NAME, statistic, OptionalDouble.of(p), currentTotal, referenceTotal,
                TestMethod.ASYMPTOTIC, 0.0, k);
    }
}
