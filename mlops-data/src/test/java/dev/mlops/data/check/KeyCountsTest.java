package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link KeyCounts}: the partitioned primitive table against a {@link HashMap} of the rows'
 * formatted values, for every column type, NaN and {@code -0.0}, missing values, hash collisions,
 * many duplicates, growth past the first capacity and any executor or partitioning.
 */
class KeyCountsTest {
    private static final long MASTER_SEED = 20_261_206L;
    /** Four workers, so that a large table is split into chunks counted on several threads. */
    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @AfterAll
    static void shutDown() {
        POOL.shutdown();
    }

    /** The counts a plain map of each complete row's formatted key gives; 0 for an incomplete row. */
    private static int[] oracle(List<Column> key, int rows) {
        Map<List<String>, Integer> counts = new HashMap<>();
        List<List<String>> keys = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            List<String> values = new ArrayList<>();
            for (Column column : key) {
                values.add(column.isMissing(row) ? null : column.format(row));
            }
            boolean complete = !values.contains(null);
            keys.add(complete ? values : null);
            if (complete) {
                counts.merge(values, 1, Integer::sum);
            }
        }
        int[] expected = new int[rows];
        for (int row = 0; row < rows; row++) {
            expected[row] = keys.get(row) == null ? 0 : counts.get(keys.get(row));
        }
        return expected;
    }

    private static int[] counts(KeyCounts counts, int rows) {
        int[] actual = new int[rows];
        for (int row = 0; row < rows; row++) {
            actual[row] = counts.count(row);
        }
        return actual;
    }

    private static long distinct(int[] expected) {
        double keys = 0;
        for (int count : expected) {
            keys += count == 0 ? 0 : 1.0 / count;
        }
        return Math.round(keys);
    }

    private static void assertAgrees(Table table, String... names) {
        List<Column> key = new ArrayList<>();
        for (String name : names) {
            key.add(table.column(name));
        }
        int rows = table.rowCount();
        int[] expected = oracle(key, rows);
        KeyCounts counts = KeyCounts.of(key, rows);
        assertThat(counts(counts, rows)).isEqualTo(expected);
        assertThat(counts.distinct()).isEqualTo(distinct(expected));
    }

    @Nested
    class Numbers {

        @Test
        void everyNanIsOneValueAndNegativeZeroIsNotZero() {
            double otherNan = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);
            Table table = Table.builder().numeric("x", Double.NaN, -0.0, otherNan, 0.0, 1.0, 0.0).build();
            KeyCounts counts = KeyCounts.of(List.of(table.column("x")), 6);
            assertThat(counts(counts, 6)).containsExactly(2, 1, 2, 2, 1, 2);
            assertThat(counts.distinct()).isEqualTo(4);
        }

        @Test
        void aMissingValueIsNotCountedAndIsNotNaN() {
            NumericColumn x = NumericColumn.builder("x").add(Double.NaN).addMissing().add(2).addMissing().add(2).build();
            KeyCounts counts = KeyCounts.of(List.of(x), 5);
            assertThat(counts(counts, 5)).containsExactly(1, 0, 2, 0, 2);
            assertThat(counts.distinct()).isEqualTo(2);
        }

        @Test
        void aViewCountsItsOwnRows() {
            NumericColumn x = NumericColumn.of("x", 1, 2, 3).select(new int[] {2, 0, 2, 1, 2});
            assertThat(counts(KeyCounts.of(List.of(x), 5), 5)).containsExactly(3, 1, 3, 1, 3);
        }
    }

    @Nested
    class KeysOfSeveralColumns {
        private final Table table = Table.builder()
                .categorical("city", "a", "b", "a", "a", null, "b")
                .bool("vip", true, false, true, false, true, false)
                .numeric("x", 1, 2, 1, 1, 1, -0.0)
                .timestamp("at", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.EPOCH,
                        Instant.EPOCH)
                .text("note", "Aa", "BB", "Aa", "AaBB", "BBAa", "BB")
                .build();

        @Test
        void categoriesAndBooleansArePackedExactly() {
            assertThat(KeyHashes.of(List.of(table.column("city"), table.column("vip"))).exact()).isTrue();
            assertAgrees(table, "city", "vip");
        }

        @Test
        void aNumberBesideACategoryIsHashedAndConfirmed() {
            assertThat(KeyHashes.of(List.of(table.column("x"), table.column("city"))).exact()).isFalse();
            assertAgrees(table, "x", "city");
            assertAgrees(table, "city", "vip", "x");
        }

        @Test
        void timestampsCompareToTheNanosecond() {
            assertThat(KeyHashes.of(List.of(table.column("at"))).exact()).isFalse();
            assertAgrees(table, "at");
            assertAgrees(table, "at", "vip");
        }

        @Test
        void textsWithEqualHashCodesAreToldApart() {
            assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
            assertThat("AaBB".hashCode()).isEqualTo("BBAa".hashCode());
            Column note = table.column("note");
            KeyCounts counts = KeyCounts.of(List.of(note), 6);
            assertThat(counts(counts, 6)).containsExactly(2, 2, 2, 1, 1, 2);
            assertThat(counts.distinct()).isEqualTo(4);
        }

        @Test
        void aCategoryOfOneLevelNeedsNoBitsBesideANumber() {
            Table one = Table.builder().categorical("c", "k", "k", "k").numeric("x", 1, 2, 1).build();
            assertThat(KeyHashes.of(List.of(one.column("c"), one.column("x"))).exact()).isTrue();
            assertThat(KeyHashes.of(List.of(one.column("x"), one.column("c"))).exact()).isTrue();
            assertAgrees(one, "c", "x");
            assertAgrees(one, "x", "c");
        }

        @Test
        void aKeyOfMoreThan64BitsIsHashed() {
            Table wide = Table.builder().numeric("x", 1, 1, 1).bool("b", true, true, false).build();
            assertThat(KeyHashes.of(List.of(wide.column("x"), wide.column("b"))).exact()).isFalse();
            assertAgrees(wide, "x", "b");
        }
    }

    @Nested
    class Tables {

        @Test
        void manyRowsOfFewKeys() {
            SplittableRandom random = new SplittableRandom(MASTER_SEED);
            CategoricalColumn.Builder c = CategoricalColumn.builder("c");
            for (int row = 0; row < 200_000; row++) {
                c.add("k" + random.nextInt(3));
            }
            Column column = c.build();
            KeyCounts counts = KeyCounts.of(List.of(column), 200_000, POOL, 4, 2);
            assertThat(counts(counts, 200_000)).isEqualTo(oracle(List.of(column), 200_000));
            assertThat(counts.distinct()).isEqualTo(3);
        }

        @Test
        void severalWorkersCountUnconfirmedKeys() {
            Table table = randomTable(MASTER_SEED, 150_000);
            for (String name : List.of("s", "t")) {
                List<Column> key = List.of(table.column(name));
                int[] expected = oracle(key, 150_000);
                KeyCounts counts = KeyCounts.of(key, 150_000, POOL, 6, 1 << 10);
                assertThat(counts(counts, 150_000)).as(name).isEqualTo(expected);
                assertThat(counts.distinct()).as(name).isEqualTo(distinct(expected));
            }
        }

        @Test
        void tablesGrowPastTheirFirstCapacity() {
            double[] values = new double[10_000];
            for (int row = 0; row < values.length; row++) {
                values[row] = row % 7_000;
            }
            Column x = NumericColumn.of("x", values);
            KeyCounts counts = KeyCounts.of(List.of(x), values.length, Runnable::run, 0, 2);
            assertThat(counts.distinct()).isEqualTo(7_000);
            assertThat(counts(counts, values.length)).isEqualTo(oracle(List.of(x), values.length));
        }

        @Test
        void tablesOfUnconfirmedKeysGrowToo() {
            String[] values = new String[3_000];
            for (int row = 0; row < values.length; row++) {
                values[row] = "v" + row % 1_000;
            }
            Column text = TextColumn.of("t", values);
            KeyCounts counts = KeyCounts.of(List.of(text), values.length, Runnable::run, 1, 2);
            assertThat(counts.distinct()).isEqualTo(1_000);
            assertThat(counts(counts, values.length)).containsOnly(3);
        }

        @Test
        void noRowsNoKeys() {
            KeyCounts counts = KeyCounts.of(List.of(NumericColumn.of("x")), 0);
            assertThat(counts.distinct()).isZero();
        }

        @Test
        void partitionsAndWorkersFollowTheTableSize() {
            assertThat(KeyCounts.partitionBits(0)).isZero();
            assertThat(KeyCounts.partitionBits(16_383)).isZero();
            assertThat(KeyCounts.partitionBits(16_384)).isEqualTo(1);
            assertThat(KeyCounts.partitionBits(10_000_000)).isEqualTo(10);
            assertThat(KeyCounts.partitionBits(Integer.MAX_VALUE)).isEqualTo(12);
            assertThat(KeyCounts.chunks(0, 2)).isEqualTo(1);
            assertThat(KeyCounts.chunks(131_071, 2)).isEqualTo(1);
            assertThat(KeyCounts.chunks(131_072, 2)).isEqualTo(2);
            assertThat(KeyCounts.chunks(10_000_000, 2)).isEqualTo(2);
            assertThat(KeyCounts.partition(0x0000_0a00_0000_0000L, 16)).isEqualTo(10);
            assertThat(KeyCounts.partition(0xffff_f5ff_ffff_ffffL, 16)).isEqualTo(5);
            assertThat(KeyCounts.partition(-1L, 1)).isZero();
        }

        @Test
        void partitionsAndFirstCapacityAreChecked() {
            List<Column> key = List.of(NumericColumn.of("x", 1));
            assertThatThrownBy(() -> KeyCounts.of(key, 1, Runnable::run, 13, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("partitionBits must be in [0, 12] but was 13");
            assertThatThrownBy(() -> KeyCounts.of(key, 1, Runnable::run, -1, 2))
                    .hasMessage("partitionBits must be in [0, 12] but was -1");
            assertThatThrownBy(() -> KeyCounts.of(key, 1, Runnable::run, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("firstSlots must be a power of two of at least 2 but was 1");
            assertThatThrownBy(() -> KeyCounts.of(key, 1, Runnable::run, 0, 6))
                    .hasMessage("firstSlots must be a power of two of at least 2 but was 6");
        }
    }

    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int rows = i < 2 ? i : master.nextInt(2, 5_000);
            cases.add(Arguments.of(master.nextLong(), rows, master.nextInt(0, 13), 1 << master.nextInt(1, 17),
                    master.nextBoolean()));
        }
        return cases.stream();
    }

    private static Table randomTable(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        int spread = 1 + random.nextInt(Math.max(1, 2 * rows));
        double missing = random.nextDouble() * 0.2;
        NumericColumn.Builder x = NumericColumn.builder("x");
        CategoricalColumn.Builder c = CategoricalColumn.builder("c");
        BooleanColumn.Builder b = BooleanColumn.builder("b");
        TimestampColumn.Builder t = TimestampColumn.builder("t");
        TextColumn.Builder s = TextColumn.builder("s");
        double[] specials = {Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0abcL), -0.0, 0.0,
            Double.POSITIVE_INFINITY};
        for (int row = 0; row < rows; row++) {
            if (random.nextDouble() < missing) {
                x.addMissing();
            } else {
                x.add(random.nextInt(100) == 0 ? specials[random.nextInt(specials.length)] : random.nextInt(spread));
            }
            if (random.nextDouble() < missing) {
                c.addMissing();
            } else {
                c.add("k" + random.nextInt(1 + spread / 8));
            }
            b.add(random.nextBoolean());
            t.add(Instant.ofEpochSecond(random.nextInt(1 + spread / 4), random.nextInt(3)));
            s.add(random.nextBoolean() ? "Aa" + random.nextInt(spread) : "BB" + random.nextInt(spread));
        }
        return Table.of(x.build(), c.build(), b.build(), t.build(), s.build());
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, {2} partition bits, {3} first slots, pool {4}")
    @MethodSource("sweep")
    void everyKindOfKeyAgreesWithAHashMap(long seed, int rows, int partitionBits, int firstSlots, boolean pool) {
        Table table = randomTable(seed, rows);
        Executor executor = pool ? POOL : Runnable::run;
        String where = "seed " + seed + ", " + rows + " rows, " + partitionBits + " bits, " + firstSlots + " slots";
        for (List<String> names : List.of(List.of("x"), List.of("c"), List.of("b"), List.of("t"), List.of("s"),
                List.of("c", "b"), List.of("x", "c"), List.of("t", "s", "b"))) {
            List<Column> key = names.stream().map(table::column).toList();
            int[] expected = oracle(key, rows);
            KeyCounts counts = KeyCounts.of(key, rows, executor, partitionBits, firstSlots);
            assertThat(counts(counts, rows)).as(where + ", key " + names).isEqualTo(expected);
            assertThat(counts.distinct()).as(where + ", key " + names).isEqualTo(distinct(expected));
        }
    }
}
