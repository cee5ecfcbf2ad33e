package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.datasketches.quantilescommon.QuantilesDoublesSketchIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantileCollectorTest {

    @Test
    void radixSortOrdersLikeArraysSort() {
        SplittableRandom random = new SplittableRandom(8);
        double[] values = new double[QuantileCollector.BLOCK];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 5) {
                case 0 -> random.nextGaussian() * 1e-300;
                case 1 -> -random.nextDouble() * 1e300;
                case 2 -> random.nextInt(3) - 1.0;
                case 3 -> i % 2 == 0 ? -0.0 : 0.0;
                default -> random.nextDouble();
            };
        }
        long[] sorted = RadixSort.sortFinite(values, values.length, new long[values.length], new long[values.length],
                new int[RadixSort.COUNTS]);
        double[] expected = values.clone();
        Arrays.sort(expected);
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.compare(RadixSort.toDouble(sorted[i]), expected[i])).as("index %s", i).isZero();
        }
    }

    /**
     * Moving every level up keeps every retained item and multiplies its weight by 16, so no
     * normalized rank or quantile changes. The sketch's compaction coins are DataSketches' own
     * unseeded ones ({@code KllSketch.random}, package-private, no seed in the API), so each run
     * sees a different sketch: every assertion here holds for every outcome of the coins.
     */
    @ParameterizedTest
    @ValueSource(ints = {50, 1000, 77_777, 1_000_000})
    void scalingUpKeepsEveryQuantileAndRank(int n) {
        SplittableRandom random = new SplittableRandom(n);
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(200);
        for (int i = 0; i < n; i++) {
            sketch.update(random.nextGaussian());
        }
        if (sketch.getNumRetained() < 2) {
            return;
        }
        byte[] scaled = QuantileCollector.scaleUp(sketch.toByteArray(), 200, sketch.getMinItem(), sketch.getMaxItem());
        KllDoublesSketch up = KllDoublesSketch.heapify(Memory.wrap(scaled));
        assertThat(up.getN()).isEqualTo(16L * n);
        assertThat(up.getNumRetained()).isEqualTo(sketch.getNumRetained());
        assertThat(up.getMinItem()).isEqualTo(sketch.getMinItem());
        assertThat(up.getMaxItem()).isEqualTo(sketch.getMaxItem());
        assertThat(weightedItems(up, 1)).as("n %s", n).hasSize(sketch.getNumRetained())
                .containsExactly(weightedItems(sketch, 16));
        // At ranks i/128 both p n and p 16 n are exact, so both sketches look up the same item.
        // Ranks such as 0.43 are not compared: DataSketches 6.2.0 rounds p N to 1e-7 before its
        // ceiling only when N <= 1e7 (QuantilesUtil.getNaturalRank, tailRoundingFactor), so when
        // n <= 1e7 < 16 n and p n lands on a cumulative weight (0.43 summed from 0.01 steps is
        // 0.4300000000000002), the original sketch rounds 430000.0000000002 down to that weight
        // and the scaled one takes the ceiling of 6880000.000000004, 6880001: the next item.
        for (int i = 0; i <= 128; i++) {
            double p = i / 128.0;
            assertThat(up.getQuantile(p, QuantileSearchCriteria.INCLUSIVE)).as("n %s, p %s", n, p)
                    .isEqualTo(sketch.getQuantile(p, QuantileSearchCriteria.INCLUSIVE));
        }
        for (double x = -3; x <= 3; x += 0.1) {
            // DataSketches' sorted view gives the minimum and maximum a weight of one, which is
            // 1/n of the ranks in the original sketch and 1/(16 n) in the scaled one
            assertThat(up.getRank(x, QuantileSearchCriteria.INCLUSIVE)).as("n %s, x %s", n, x)
                    .isCloseTo(sketch.getRank(x, QuantileSearchCriteria.INCLUSIVE), within(1.0 / n));
        }
        // it stays a working sketch: updates, merges and serialization
        up.update(42.0);
        KllDoublesSketch merged = KllDoublesSketch.newHeapInstance(200);
        merged.merge(up);
        merged.merge(sketch);
        assertThat(merged.getN()).isEqualTo(17L * n + 1);
        assertThat(KllDoublesSketch.heapify(Memory.wrap(merged.toByteArray())).getMaxItem()).isEqualTo(42.0);
    }

    /**
     * Why the test above compares quantiles at ranks i/128 only, with no coin flips involved: a
     * sketch of 1 to 100 (n <= k, so nothing is compacted) scaled up five times holds the same
     * items with weights 16^5, N = 104,857,600. DataSketches 6.2.0 rounds p N to 1e-7 before
     * taking its ceiling only when N <= 1e7, so at p = 0.1 + 0.2 = 0.30000000000000004 the
     * original rounds 30.000000000000004 to 30 (item 30) and the scaled one takes the ceiling of
     * 31457280.000000004 (item 31); at ranks i/128 p N is exact and both agree.
     */
    @Test
    void dataSketchesRoundsDecimalRanksOnlyUpToTenMillionItems() {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(200);
        for (int i = 1; i <= 100; i++) {
            sketch.update(i);
        }
        KllDoublesSketch up = sketch;
        for (int times = 0; times < 5; times++) {
            up = KllDoublesSketch.heapify(Memory.wrap(QuantileCollector.scaleUp(up.toByteArray(), 200, 1, 100)));
        }
        assertThat(up.getN()).isEqualTo(100L << 20);
        assertThat(weightedItems(up, 1)).containsExactly(weightedItems(sketch, 1L << 20));
        assertThat(sketch.getQuantile(0.1 + 0.2, QuantileSearchCriteria.INCLUSIVE)).isEqualTo(30.0);
        assertThat(up.getQuantile(0.1 + 0.2, QuantileSearchCriteria.INCLUSIVE)).isEqualTo(31.0);
        for (int i = 0; i <= 128; i++) {
            double p = i / 128.0;
            assertThat(up.getQuantile(p, QuantileSearchCriteria.INCLUSIVE)).as("p %s", p)
                    .isEqualTo(sketch.getQuantile(p, QuantileSearchCriteria.INCLUSIVE));
        }
    }

    /** The retained items with their weights times {@code factor}, as "item x weight", sorted. */
    private static String[] weightedItems(KllDoublesSketch sketch, long factor) {
        List<double[]> items = new ArrayList<>();
        QuantilesDoublesSketchIterator it = sketch.iterator();
        while (it.next()) {
            items.add(new double[] {it.getQuantile(), it.getWeight() * factor});
        }
        return items.stream().sorted(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]))
                .map(a -> a[0] + " x " + (long) a[1]).toArray(String[]::new);
    }

    @Test
    void totalCapacityMatchesDataSketches() {
        // k = 200 with 5 levels: 40 + 59 + 89 + 133 + 200, as KllDoublesSketch.toString prints
        assertThat(QuantileCollector.totalCapacity(200, 5)).isEqualTo(521);
        assertThat(QuantileCollector.totalCapacity(200, 1)).isEqualTo(200);
    }

    @Test
    void preCompactedSketchesAreWithinTheRankErrorAndKeepExactExtremes() {
        SplittableRandom random = new SplittableRandom(12);
        double[] values = new double[300_000];
        for (int i = 0; i < values.length; i++) {
            // a mixture with heavy ties
            values[i] = random.nextInt(4) == 0 ? random.nextInt(10) : Math.exp(random.nextGaussian() * 2);
        }
        NumericProfile p = (NumericProfile) DatasetProfile.of(Table.of(NumericColumn.of("x", values))).columns().get(0);
        assertThat(p.quantileMethod()).isEqualTo(Method.SKETCH);
        double[] sorted = ProfileAssertions.sortedFinite(values);
        ProfileAssertions.assertQuantileRanks(p, values, "seed 12");
        for (double prob = 0.005; prob < 1; prob += 0.01) {
            ProfileAssertions.assertRankWithin(sorted, prob, p.quantile(prob).getAsDouble(), p.rankError(),
                    "seed 12, p " + prob);
        }
        assertThat(p.quantile(0)).hasValue(sorted[0]);
        assertThat(p.quantile(1)).hasValue(sorted[sorted.length - 1]);
    }
}
