package dev.mlops.data.stat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts of values in equal-width bins between their minimum and maximum, as numpy's
 * {@code histogram(values, bins)} draws them: {@code bins + 1} edges from the minimum to the
 * maximum, each bin half-open {@code [lo, hi)} except the last, which holds the maximum; when
 * every value is equal the range is widened to {@code [v - 0.5, v + 0.5]}. Immutable.
 *
 * @param edges the {@code bins + 1} bin edges, ascending, unmodifiable
 * @param counts the number of values in each bin, unmodifiable
 */
public record Histogram(List<Double> edges, List<Long> counts) {

    /**
     * Checks the shape and keeps unmodifiable copies.
     *
     * @param edges the bin edges, one more than the counts
     * @param counts the counts, at least one
     * @throws IllegalArgumentException if there is no count or the edges are not one more
     */
    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (counts.isEmpty() || edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException("a histogram needs at least one count and one edge more than counts but had "
                    + edges.size() + " edges and " + counts.size() + " counts");
        }
    }

    /**
     * Counts values in {@code bins} equal-width bins.
     *
     * @param values the values, at least one, all finite; not changed
     * @param bins the number of bins, at least 1
     * @return the histogram
     * @throws IllegalArgumentException if {@code bins} is below 1, there is no value, or a value
     *     is NaN or infinite
     */
    public static Histogram of(double[] values, int bins) {
        Objects.requireNonNull(values, "values");
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1 but was " + bins);
        }
        Samples.check("values", values, 1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        double[] edges = new double[bins + 1];
        double step = (max - min) / bins;
        for (int i = 0; i < bins; i++) {
            edges[i] = min + i * step;
        }
        edges[bins] = max;
        long[] counts = new long[bins];
        double norm = bins / (max - min);
        for (double v : values) {
            counts[bin(v, edges, min, norm)]++;
        }
        List<Double> edgeList = new ArrayList<>(edges.length);
        for (double edge : edges) {
            edgeList.add(edge);
        }
        List<Long> countList = new ArrayList<>(bins);
        for (long count : counts) {
            countList.add(count);
        }
        return new Histogram(edgeList, countList);
    }

    /** The bin of {@code v}, computed as numpy does, then corrected against the edges. */
    private static int bin(double v, double[] edges, double min, double norm) {
        int bins = edges.length - 1;
        int bin = Math.min((int) ((v - min) * norm), bins - 1);
        if (v < edges[bin]) {
            bin--;
        } else if (bin + 1 < bins && v >= edges[bin + 1]) {
            bin++;
        }
        return bin;
    }

    /** @return the number of bins */
    public int bins() {
        return counts.size();
    }
}
