package dev.mlops.data.stat;

import dev.mlops.data.internal.SortedArrays;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ItemCount;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.function.DoubleUnaryOperator;

/**
 * The reference's and the current sample's shares of values in the same bins, which the binned
 * distances ({@link PopulationStability}, {@link JensenShannon}) compare; the bins are those that
 * {@link PopulationStability}'s class comment describes: reference quantile bins for numbers, one
 * bin per category (and an "other" bin against a sketched categorical profile).
 *
 * @param expected the reference's share of each bin
 * @param actual the current share of each bin
 * @param currentSize how many current values were binned
 * @param referenceSize how many reference values the shares stand for
 * @param method how the reference shares were read
 * @param referenceError the bound on each reference share's error from a sketch; 0 otherwise
 */
record BinnedShares(double[] expected, double[] actual, long currentSize, long referenceSize, TestMethod method,
        double referenceError) {

    /** Raw numbers in the raw reference's quantile bins. */
    static BinnedShares numeric(double[] current, double[] reference, int bins) {
        checkBins(bins);
        Samples.check("current", current, 2);
        double[] sortedReference = Samples.sorted("reference", reference, 2);
        return binned(current, bins, p -> SortedArrays.quantile(sortedReference, p),
                x -> (double) SortedArrays.upperBound(sortedReference, x) / sortedReference.length,
                sortedReference.length, TestMethod.EXACT, 0.0);
    }

    /** Raw numbers in the quantile bins of a reference profile's finite values. */
    static BinnedShares numeric(double[] current, NumericProfile reference, int bins) {
        checkBins(bins);
        Samples.check("current", current, 2);
        Samples.check("reference", reference, 2);
        return binned(current, bins, p -> reference.quantile(p).getAsDouble(), reference::cumulativeFraction,
                reference.finite(), reference.quantileMethod() == Method.SKETCH ? TestMethod.SKETCH : TestMethod.EXACT,
                reference.rankError());
    }

    /** Counts by category, one bin per category counted on either side. */
    static BinnedShares categorical(Map<String, Long> current, Map<String, Long> reference) {
        AlignedCounts counts = AlignedCounts.of(current, reference);
        long currentTotal = Samples.present("current", counts.currentTotal());
        long referenceTotal = Samples.present("reference", counts.referenceTotal());
        int k = counts.current().length;
        double[] expected = new double[k];
        double[] actual = new double[k];
        for (int i = 0; i < k; i++) {
            expected[i] = (double) counts.reference()[i] / referenceTotal;
            actual[i] = (double) counts.current()[i] / currentTotal;
        }
        return new BinnedShares(expected, actual, currentTotal, referenceTotal, TestMethod.EXACT, 0.0);
    }

    /** Counts by category against a profile: its exact counts, or its frequent values and one "other" bin. */
    static BinnedShares categorical(Map<String, Long> current, CategoricalProfile reference) {
        Objects.requireNonNull(reference, "reference");
        Optional<SortedMap<String, Long>> exact = reference.exactCounts();
        if (exact.isPresent()) {
            return categorical(current, exact.get());
        }
        long referenceTotal = Samples.present("reference", reference.count() - reference.missing());
        if (reference.noFrequentValue()) {
            throw new IllegalArgumentException("reference profile '" + reference.name() + "' keeps sketches and no"
                    + " value of it is guaranteed frequent, so every share would fall in one 'other' bin and the"
                    + " distance would be 0 whatever the data; profile the reference with a higher exactDistinctLimit");
        }
        AlignedCounts counts = AlignedCounts.of(current, Map.of()); // validates the current counts and sums them
        long currentTotal = Samples.present("current", counts.currentTotal());
        List<ItemCount> top = reference.topK();
        double[] expected = new double[top.size() + 1];
        double[] actual = new double[top.size() + 1];
        double expectedTop = 0.0;
        long currentTop = 0;
        for (int i = 0; i < top.size(); i++) {
            ItemCount item = top.get(i);
            expected[i] = (double) item.count() / referenceTotal;
            long count = current.getOrDefault(item.value(), 0L);
            actual[i] = (double) count / currentTotal;
            expectedTop += expected[i];
            currentTop += count;
        }
        expected[top.size()] = Math.max(0.0, 1.0 - expectedTop);
        actual[top.size()] = (double) (currentTotal - currentTop) / currentTotal;
        return new BinnedShares(expected, actual, currentTotal, referenceTotal, TestMethod.SKETCH,
                (double) reference.frequencyError() / referenceTotal);
    }

    /** @return a distance's result: the statistic, no p-value, these sizes, method, error and bin count */
    TwoSampleResult result(String name, double statistic) {
        return new TwoSampleResult(name, statistic, OptionalDouble.empty(), currentSize, referenceSize, method,
                referenceError, expected.length);
    }

    private static void checkBins(int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be at least 2 but was " + bins);
        }
    }

    /**
     * A current sample, in any order, in the bins of a reference given by its quantiles and
     * cumulative fraction: bin {@code i} holds the values in {@code (edges[i-1], edges[i]]}, the
     * last bin those above every edge. The current values are counted, not sorted (see
     * {@link #counts}).
     */
    private static BinnedShares binned(double[] current, int bins, DoubleUnaryOperator quantile,
            DoubleUnaryOperator cdf, long referenceSize, TestMethod method, double referenceError) {
        double[] edges = edges(quantile, bins);
        int k = edges.length + 1;
        int[] counts = counts(current, edges);
        double[] expected = new double[k];
        double[] actual = new double[k];
        double previousFraction = 0.0;
        for (int i = 0; i < edges.length; i++) {
            double fraction = cdf.applyAsDouble(edges[i]);
            expected[i] = fraction - previousFraction;
            actual[i] = (double) counts[i] / current.length;
            previousFraction = fraction;
        }
        expected[k - 1] = 1.0 - previousFraction;
        actual[k - 1] = (double) counts[k - 1] / current.length;
        return new BinnedShares(expected, actual, current.length, referenceSize, method, referenceError);
    }

    /**
     * Counts the values of each bin: a value's bin is the number of edges below it. A branch-free
     * binary search over the edges padded with {@code +Infinity} to a power of two, so that the
     * few steps per value cost no mispredicted branch.
     */
    private static int[] counts(double[] values, double[] edges) {
        int size = Integer.highestOneBit(edges.length) << 1;
        double[] padded = Arrays.copyOf(edges, size);
        Arrays.fill(padded, edges.length, size, Double.POSITIVE_INFINITY);
        int[] counts = new int[edges.length + 1];
        for (double x : values) {
            int below = 0;
            for (int step = size >>> 1; step > 0; step >>>= 1) {
                below += padded[below + step - 1] < x ? step : 0;
            }
            counts[below]++;
        }
        return counts;
    }

    /** The reference's inner quantiles {@code 1/bins … (bins-1)/bins}, equal ones merged, ascending. */
    private static double[] edges(DoubleUnaryOperator quantile, int bins) {
        double[] edges = new double[bins - 1];
        int count = 0;
        for (int i = 1; i < bins; i++) {
            double q = quantile.applyAsDouble((double) i / bins);
            if (count == 0 || q > edges[count - 1]) {
                edges[count++] = q;
            }
        }
        return Arrays.copyOf(edges, count);
    }
}
