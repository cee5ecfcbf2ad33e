package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemporalSplitterTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static Stream<Arguments> cases() {
        return SplitCases.cases("temporal");
    }

    private static Table times(long... seconds) {
        TimestampColumn.Builder times = TimestampColumn.builder("time");
        for (long second : seconds) {
            times.add(T0.plusSeconds(second));
        }
        return Table.of(times.build());
    }

    private static void assertOrdered(Split split, Table table, Duration gap, String context) {
        TimestampColumn times = table.timestampColumn("time");
        Instant latest = null;
        for (String set : split.setNames()) {
            int[] rows = split.rows(set);
            assertThat(rows).as("%s: set %s", context, set).isNotEmpty();
            Instant min = Instant.MAX;
            Instant max = Instant.MIN;
            for (int row : rows) {
                min = times.get(row).isBefore(min) ? times.get(row) : min;
                max = times.get(row).isAfter(max) ? times.get(row) : max;
            }
            if (latest != null) {
                assertThat(min).as("%s: earliest of %s against the earlier set's latest %s plus %s", context, set, latest, gap)
                        .isAfter(latest.plus(gap));
            }
            latest = max;
        }
    }

    @Nested
    class Properties {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.TemporalSplitterTest#cases")
        void everyLaterSetIsStrictlyAfterTheEarlierOnePlusTheGap(SplitCases.Case c) {
            Table table = SplitCases.table(c);
            Duration gap = Duration.ofSeconds(new SplittableRandom(c.seed()).nextInt(4));
            Split split;
            try {
                split = Splitters.temporal(c.sets(), "time", gap, null).split(table);
            } catch (SplitException refused) {
                assertThat(refused.getMessage()).as(c.toString()).containsAnyOf("distinct times", "at least one row per set");
                return;
            }

            assertOrdered(split, table, gap, c + ", gap " + gap);
            int covered = split.excludedRows().length;
            for (String set : split.setNames()) {
                covered += split.size(set);
            }
            assertThat(covered).as(c.toString()).isEqualTo(c.rows());
            assertThat(split.report().removedByGap()).isEqualTo(split.excludedRows().length);
            assertThat(split.seed()).isEmpty();
            if (gap.isZero()) {
                assertThat(split.excludedRows()).as(c.toString()).isEmpty();
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.TemporalSplitterTest#cases")
        void theNewestSetHoldsTheNewestRows(SplitCases.Case c) {
            Table table = SplitCases.table(c);
            Split split;
            try {
                split = Splitters.temporal(c.sets(), "time", Duration.ZERO, new NewestSet("recent_testing", 0.1)).split(table);
            } catch (SplitException refused) {
                return;
            }

            assertThat(split.setNames()).last().isEqualTo("recent_testing");
            assertOrdered(split, table, Duration.ZERO, c.toString());
        }
    }

    @Test
    void cutsByFractionInTimeOrderWhateverTheRowOrder() {
        Table table = times(9, 3, 0, 7, 5, 1, 8, 2, 6, 4);

        Split split = Splitters.temporal(SplitSets.trainValidationTest(0.6, 0.2, 0.2), "time").split(table);

        assertThat(split.rows("train")).containsExactly(1, 2, 4, 5, 7, 9);
        assertThat(split.rows("validation")).containsExactly(3, 8);
        assertThat(split.rows("test")).containsExactly(0, 6);
        assertThat(split.report().held()).containsExactly(Guarantee.TIME_ORDERED);
    }

    @Nested
    class TiedTimes {

        @Test
        void fiveAndFiveTiedRowsAtSeventyThirtyAreSplitAtTheOnlyFeasibleCut() {
            Table table = times(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);

            Split split = Splitters.temporal(SplitSets.trainTest(0.7, 0.3), "time").split(table);

            assertThat(split.rows("train")).containsExactly(0, 1, 2, 3, 4);
            assertThat(split.rows("test")).containsExactly(5, 6, 7, 8, 9);
        }

        @Test
        void eachCutMovesToTheClosestTimeBoundaryInEitherDirection() {
            // 2 + 3 + 3 + 2 rows; 30/40/30 wants cuts at 3 and 7, the boundaries are 2, 5 and 8
            Table table = times(0, 0, 1, 1, 1, 2, 2, 2, 3, 3);

            Split split = Splitters.temporal(SplitSets.trainValidationTest(0.3, 0.4, 0.3), "time").split(table);

            assertThat(split.rows("train")).containsExactly(0, 1);
            assertThat(split.rows("validation")).containsExactly(2, 3, 4, 5, 6, 7);
            assertThat(split.rows("test")).containsExactly(8, 9);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.TemporalSplitterTest#smallTables")
        void theCutsAreTheClosestFeasibleOnesByBruteForce(long seed, long[] seconds, SplitSets sets) {
            Table table = times(seconds);
            int n = seconds.length;
            long[] sorted = seconds.clone();
            java.util.Arrays.sort(sorted);
            int[] counts = SplitSupport.allocate(n, sets.fractionArray());
            int[] best = bruteForceCuts(sorted, counts);
            String context = "seed " + seed + ", times " + java.util.Arrays.toString(sorted) + ", sets " + sets;

            if (best == null) {
                assertThatThrownBy(() -> Splitters.temporal(sets, "time").split(table)).as(context)
                        .isInstanceOf(SplitException.class).message().containsAnyOf("distinct times", "at least one row per set");
                return;
            }
            Split split = Splitters.temporal(sets, "time").split(table);

            int end = 0;
            for (int s = 0; s < sets.size(); s++) {
                end += split.size(sets.names().get(s));
                if (s < best.length) {
                    assertThat(end).as("%s: cut %d", context, s).isEqualTo(best[s]);
                }
            }
            assertOrdered(split, table, Duration.ZERO, context);
        }
    }

    /**
     * Enumerates every choice of strictly increasing cuts between distinct times and returns the
     * one with the least summed distance from the cumulative target counts, the later cuts first
     * on a draw; null when there are fewer boundaries than cuts.
     */
    private static int @org.jspecify.annotations.Nullable [] bruteForceCuts(long[] sorted, int[] counts) {
        int n = sorted.length;
        java.util.List<Integer> boundaries = new java.util.ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (sorted[i] != sorted[i - 1]) {
                boundaries.add(i);
            }
        }
        int cuts = counts.length - 1;
        int[] targets = new int[cuts];
        int cumulative = 0;
        for (int s = 0; s < cuts; s++) {
            cumulative += counts[s];
            targets[s] = cumulative;
        }
        int[][] best = {null};
        long[] bestCost = {Long.MAX_VALUE};
        enumerate(boundaries, targets, new int[cuts], 0, 0, best, bestCost);
        return best[0];
    }

    private static void enumerate(java.util.List<Integer> boundaries, int[] targets, int[] chosen, int s, int from,
            int[][] best, long[] bestCost) {
        if (s == chosen.length) {
            long cost = 0;
            for (int i = 0; i < chosen.length; i++) {
                cost += Math.abs(chosen[i] - targets[i]);
            }
            if (cost < bestCost[0] || cost == bestCost[0] && java.util.Arrays.compare(chosen, best[0]) > 0) {
                bestCost[0] = cost;
                best[0] = chosen.clone();
            }
            return;
        }
        for (int j = from; j < boundaries.size(); j++) {
            chosen[s] = boundaries.get(j);
            enumerate(boundaries, targets, chosen, s + 1, j + 1, best, bestCost);
        }
    }

    static Stream<Arguments> smallTables() {
        SplittableRandom master = new SplittableRandom(SplitCases.MASTER_SEED ^ 0x7135L);
        return Stream.generate(() -> {
            long seed = master.nextLong();
            SplittableRandom random = new SplittableRandom(seed);
            int n = 1 + random.nextInt(16);
            int distinct = 1 + random.nextInt(n);
            long[] seconds = new long[n];
            for (int i = 0; i < n; i++) {
                seconds[i] = random.nextInt(distinct);
            }
            SplitSets sets = SplitCases.randomSets(random);
            return Arguments.of(seed, seconds, sets);
        }).limit(60);
    }

    @Test
    void aTieAtTheCutStaysInOneSetOnTheCloserSide() {
        Table table = times(0, 1, 2, 2, 2, 3, 4, 5);

        Split split = Splitters.temporal(SplitSets.trainTest(0.5, 0.5), "time").split(table);

        assertThat(split.rows("train")).containsExactly(0, 1, 2, 3, 4);
        assertThat(split.rows("test")).containsExactly(5, 6, 7);
    }

    @Test
    void theGapRemovesTheRowsWithinItAndTheReportCountsThem() {
        Table table = times(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        Split split = Splitters.temporal(SplitSets.trainTest(0.5, 0.5), "time", Duration.ofSeconds(2), null).split(table);

        assertThat(split.rows("train")).containsExactly(0, 1, 2, 3, 4);
        assertThat(split.excludedRows()).containsExactly(5, 6);
        assertThat(split.rows("test")).containsExactly(7, 8, 9);
        assertThat(split.report().removedByGap()).isEqualTo(2);
        assertThat(split.splitter().toString()).isEqualTo("temporal(sizes=\"train=0.5,test=0.5\", time=time, gap=PT2S)");
        assertThat(split.seed()).isEmpty();
    }

    @Test
    void theNewestSetTakesItsFractionOfAllRows() {
        long[] seconds = new long[20];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = i;
        }
        Split split = Splitters.temporal(SplitSets.trainTest(0.75, 0.25), "time", Duration.ZERO,
                new NewestSet("recent_testing", 0.2)).split(times(seconds));

        assertThat(split.rows("recent_testing")).containsExactly(16, 17, 18, 19);
        assertThat(split.size("train")).isEqualTo(12);
        assertThat(split.size("test")).isEqualTo(4);
        assertThat(split.sets().names()).containsExactly("train", "test", "recent_testing");
    }

    @Test
    void tooFewDistinctTimesAreRefused() {
        Table table = times(0, 0, 0, 1);

        assertThatThrownBy(() -> Splitters.temporal(SplitSets.trainValidationTest(0.5, 0.25, 0.25), "time").split(table))
                .isInstanceOf(SplitException.class).hasMessageContaining("2 distinct times").hasMessageContaining("empty");
    }

    @Test
    void aMissingTimeIsRefusedWithItsRow() {
        Table table = Table.builder().timestamp("time", T0, null, T0.plusSeconds(1)).build();

        assertThatThrownBy(() -> Splitters.temporal(SplitSets.trainTest(0.5, 0.5), "time").split(table))
                .isInstanceOf(SplitException.class).hasMessageContaining("'time'").hasMessageContaining("row 1");
    }

    @Test
    void aNegativeGapAndAClashingNewestNameAreRejected() {
        assertThatThrownBy(() -> Splitters.temporal(SplitSets.trainTest(0.5, 0.5), "time", Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap").hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> Splitters.temporal(SplitSets.trainTest(0.5, 0.5), "time", Duration.ZERO,
                new NewestSet("test", 0.1)).split(times(0, 1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'test'");
        assertThatThrownBy(() -> new NewestSet("recent", 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.0");
    }
}
