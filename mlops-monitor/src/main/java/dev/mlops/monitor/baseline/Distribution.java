package dev.mlops.monitor.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantilesDoublesSketchIterator;

/**
 * The finite values of a numeric column as a KLL sketch holds them: items in ascending order, each
 * with its weight, a power of 2 ({@code 2^level}). Exactly kept values are one level of weight 1;
 * a KLL sketch's retained items keep the weights of their levels, so the weights sum to the number
 * of values. Gives SageMaker's equal-width buckets and the sketch's items level by level.
 */
final class Distribution {
    /** KLL's capacity decay: DataSketches' level {@code h} below the top holds about {@code k·c^h} items. */
    static final double KLL_C = 2.0 / 3.0;

    private final double[] items;
    private final long[] cumulative;
    private final int k;

    private Distribution(double[] items, long[] weights, int k) {
        this.items = items;
        this.cumulative = new long[weights.length];
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        this.k = k;
    }

    /**
     * @param sorted the finite values, ascending
     * @param k the sketch's parameter k to report
     * @return the values as level 0 of a sketch that never compacted
     */
    static Distribution exact(double[] sorted, int k) {
        long[] ones = new long[sorted.length];
        Arrays.fill(ones, 1L);
        return new Distribution(sorted, ones, k);
    }

    /**
     * @param kll a DataSketches {@code KllDoublesSketch} in its byte form
     * @return its retained items with their weights
     */
    static Distribution kll(byte[] kll) {
        KllDoublesSketch sketch = KllDoublesSketch.heapify(Memory.wrap(kll));
        // the iterator gives each retained item with its level's weight; the sorted view would
        // move weight onto the minimum and maximum, which are not always retained
        int n = sketch.getNumRetained();
        double[] items = new double[n];
        long[] weights = new long[n];
        QuantilesDoublesSketchIterator retained = sketch.iterator();
        for (int i = 0; retained.next(); i++) {
            items[i] = retained.getQuantile();
            weights[i] = retained.getWeight();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> items[i]));
        double[] sortedItems = new double[n];
        long[] sortedWeights = new long[n];
        for (int i = 0; i < n; i++) {
            sortedItems[i] = items[order[i]];
            sortedWeights[i] = weights[order[i]];
        }
        return new Distribution(sortedItems, sortedWeights, sketch.getK());
    }

    /** @return the sketch's parameter k */
    int k() {
        return k;
    }

    /**
     * Counts the values in equal-width buckets from {@code min} to {@code max}, as Deequ's
     * {@code KLLSketch} does: bucket {@code i} of {@code n} spans {@code [min + (max - min)·i/n,
     * min + (max - min)·(i + 1)/n)}; the last one ends at {@code max} and includes it.
     *
     * @param min the smallest value
     * @param max the largest value
     * @param buckets how many buckets
     * @return per bucket its lower bound, upper bound and count
     */
    List<double[]> buckets(double min, double max, int buckets) {
        List<double[]> result = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            double lower = min + (max - min) * i / buckets;
            boolean last = i == buckets - 1;
            double upper = last ? max : min + (max - min) * (i + 1) / buckets;
            long count = weightUpTo(upper, last) - weightUpTo(lower, false);
            result.add(new double[] {lower, upper, count});
        }
        return result;
    }

    /** @return the items level by level, level 0 (weight 1) first, each ascending; empty levels stay */
    List<List<Double>> levels() {
        List<List<Double>> levels = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            long weight = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            int level = Long.numberOfTrailingZeros(weight);
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(items[i]);
        }
        return levels;
    }

    /**
     * @param x a bound
     * @param inclusive true to count the items equal to x too
     * @return the total weight of the items below x, or at most x
     */
    private long weightUpTo(double x, boolean inclusive) {
        int lo = 0;
        int hi = items.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (items[mid] < x || inclusive && items[mid] == x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? 0 : cumulative[lo - 1];
    }
}
