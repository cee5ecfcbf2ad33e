package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.Splitter;
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.EmptyInput;
import dev.mlops.testkit.kit.Runs;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import dev.mlops.testkit.kit.Sweep;
import dev.mlops.testkit.kit.ThreadSafe;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of {@link Splitter} as a JUnit 5 test: extend this class, say how to make your
 * splitter for a seed, and every test here runs against it.
 *
 * <pre>{@code
 * class MySplitterContractTest extends SplitterContract {
 *     @Override
 *     protected Splitter splitter(long seed) {
 *         return new MySplitter(SplitSets.trainValidationTest(0.7, 0.15, 0.15), LABEL, seed);
 *     }
 * }
 * }</pre>
 *
 * <p>The tables split here come from {@link #table(long, int)}; by default they have a skewed
 * categorical label column {@value #LABEL} (five classes, the rarest about 6% of the rows), a
 * categorical group column {@value #GROUP} (about four rows per group, so many groups share a
 * size), a timestamp column {@value #TIME} with many ties, and a numeric column {@code x}. Point
 * your splitter at these names, or override the generator.
 *
 * <p>What the tests check, for any implementation:
 * <ul>
 *   <li>the same seed and table give equal splits, from one splitter and from two made alike;
 *       a splitter whose split records a seed gives different splits for different seeds;</li>
 *   <li>a table and a zero-copy view of all its rows give equal splits;</li>
 *   <li>the sets are disjoint, ascending, not empty, and with the excluded rows (which the report
 *       counts as removed by a gap) cover every row exactly once; the split records the table's
 *       fingerprint and row count;</li>
 *   <li>every guarantee the report lists holds, checked on the table by the columns the
 *       splitter's typed settings name: the splitter is rebuilt from the split's recorded spec
 *       through {@code ComponentRegistry.defaults()} (so its type must be registered in
 *       {@code META-INF/services}), and its settings implement
 *       {@link dev.mlops.data.split.Guarantee.LabelColumn}, {@code GroupColumn} or
 *       {@code TimeColumn} for the guarantees it lists; a class the report lists as not in every
 *       set is not claimed to be;</li>
 *   <li>a seeded sweep of random sizes does all of that, or refuses with a
 *       {@link SplitException} that says why; a failure names the case's seed and size, and at
 *       least half of the 24 cases must be split, so a splitter that refuses everything fails;</li>
 *   <li>one splitter used from 8 threads at once gives, on every run, the split it gives on one
 *       thread;</li>
 *   <li>an empty table is refused with a {@link SplitException}; a one-row table is refused the
 *       same way or split into a valid split;</li>
 *   <li>the splitter is a component: its type is registered, and the splitter rebuilt from its
 *       spec string or its JSON is equal, has an equal spec and hash code, and splits alike;</li>
 *   <li>{@link Split#set(Table, String)} gives each set's rows of the table.</li>
 * </ul>
 * Determinism, thread safety, empty input and the settings round trip are the shared pieces of
 * {@link dev.mlops.testkit.kit}, nested here; a failure of two splits names the first set and row
 * where they differ.
 *
 * <p>The tests are package-private or nested, so a subclass inherits every one of them and cannot
 * weaken one by overriding it.
 */
public abstract class SplitterContract {
    /** The name of the default tables' categorical label column. */
    protected static final String LABEL = "label";
    /** The name of the default tables' categorical group column. */
    protected static final String GROUP = "group";
    /** The name of the default tables' timestamp column. */
    protected static final String TIME = "time";

    /** The seed from which every sweep case is drawn; changing it changes every case. */
    static final long MASTER_SEED = 0x5B17_7E25_C0DE_0001L;
    private static final int SWEEP_CASES = 24;
    private static final double MIN_EXERCISED_SHARE = 0.5;
    private static final int MAX_SWEEP_ROWS = 3_000;
    private static final int DEFAULT_ROWS = 500;
    private static final double[] CLASS_WEIGHTS = {0.45, 0.25, 0.15, 0.09, 0.06};
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    /** Creates the contract test; subclasses supply the splitter under test. */
    protected SplitterContract() {
    }

    /**
     * Returns the splitter under test, built with the given seed (a splitter that draws nothing
     * at random ignores it).
     *
     * @param seed the seed
     * @return a new splitter
     */
    protected abstract Splitter splitter(long seed);

    /**
     * Returns a table to split, the same for the same arguments. The default has the columns
     * {@value #LABEL}, {@value #GROUP}, {@value #TIME} and {@code x}, in that order.
     *
     * @param seed the seed of the table's values
     * @param rows the number of rows
     * @return the table
     */
    protected Table table(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        CategoricalColumn.Builder labels = CategoricalColumn.builder(LABEL);
        CategoricalColumn.Builder groups = CategoricalColumn.builder(GROUP);
        TimestampColumn.Builder times = TimestampColumn.builder(TIME);
        NumericColumn.Builder x = NumericColumn.builder("x");
        int groupCount = Math.max(1, rows / 4);
        int distinctTimes = Math.max(1, rows / 3);
        for (int row = 0; row < rows; row++) {
            labels.add(drawClass(random));
            groups.add("g" + random.nextInt(groupCount));
            times.add(EPOCH.plusSeconds(60L * random.nextInt(distinctTimes)).plusNanos(random.nextInt(2)));
            x.add(random.nextDouble());
        }
        return Table.of(labels.build(), groups.build(), times.build(), x.build());
    }

    private static String drawClass(SplittableRandom random) {
        double u = random.nextDouble();
        for (int c = 0; c < CLASS_WEIGHTS.length; c++) {
            u -= CLASS_WEIGHTS[c];
            if (u < 0) {
                return "class-" + c;
            }
        }
        return "class-" + (CLASS_WEIGHTS.length - 1);
    }

    /** A random splitter's seed matters. */
    @Test
    @DisplayName("a splitter that records a seed gives different splits for different seeds")
    void differentSeedsGiveDifferentSplits() {
        Table table = table(12, DEFAULT_ROWS);
        Split first = splitter(1).split(table);
        Set<List<Integer>> distinct = new HashSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            Split split = splitter(seed).split(table);
            distinct.add(java.util.Arrays.stream(split.rows(split.setNames().get(0))).boxed().toList());
            if (first.seed().isPresent()) {
                assertThat(split.seed()).as("the recorded seed").hasValue(seed);
            }
        }
        if (first.seed().isPresent()) {
            assertThat(distinct).as("first sets of the splits with seeds 1 to 4").hasSizeGreaterThan(1);
        } else {
            assertThat(distinct).as("a splitter that records no seed gives one split whatever the seed").hasSize(1);
        }
    }

    /** Splitting depends on the table's content, not on whether it is a view. */
    @Test
    @DisplayName("a table and a view of all its rows give equal splits")
    void aViewSplitsLikeItsTable() {
        Table table = table(13, DEFAULT_ROWS);
        int[] all = new int[table.rowCount()];
        java.util.Arrays.setAll(all, i -> i);

        assertThat(splitter(7).split(table.rows(all))).isEqualTo(splitter(7).split(table));
    }

    /** The split of the default table is a partition whose reported guarantees hold. */
    @Test
    @DisplayName("the sets are disjoint, not empty and cover every row; every reported guarantee holds")
    void splitIsAPartitionWhoseGuaranteesHold() {
        Table table = table(14, DEFAULT_ROWS);
        Split split = splitter(3).split(table);

        SplitChecks.isPartition(split, table, "default table, seed 3");
        SplitChecks.guaranteesHold(split, table, "default table, seed 3");
        assertThat(split.report().held()).as("the guarantees a split reports").isNotEmpty();
    }

    /** Views of the sets hold the sets' rows. */
    @Test
    @DisplayName("set(table, name) is the table's rows of that set")
    void setViewsHoldTheSetsRows() {
        Table table = table(15, DEFAULT_ROWS);
        Split split = splitter(5).split(table);

        for (String name : split.setNames()) {
            int[] rows = split.rows(name);
            assertThat(split.set(table, name)).as("set '%s'", name).isEqualTo(table.rows(rows));
        }
    }

    /** A one-row table is refused or split validly. */
    @Test
    @DisplayName("a one-row table is refused with a SplitException or split into a valid split")
    void oneRowTableIsRefusedOrSplit() {
        Table one = table(17, 1);

        Throwable thrown = catchThrowable(() -> {
            Split split = splitter(1).split(one);
            SplitChecks.isPartition(split, one, "one row");
            SplitChecks.guaranteesHold(split, one, "one row");
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(SplitException.class).message().isNotBlank();
        }
    }

    /**
     * A seeded sweep of random sizes: each split is a partition whose reported guarantees hold, is
     * the same when made again, or is a clear refusal; at least half the cases must be split, so
     * refusing everything cannot pass.
     *
     * @return one dynamic test per case, then the coverage test
     */
    @TestFactory
    @DisplayName("random sizes: a valid split whose guarantees hold, or a SplitException")
    Stream<DynamicTest> sweepOfRandomSizes() {
        return Sweep.of(sweepCases().toList(), c -> "seed " + c.seed() + ", " + c.rows() + " rows", c -> {
            Table table = table(c.seed(), c.rows());
            String context = "seed " + c.seed() + ", " + c.rows() + " rows";
            Split split;
            try {
                split = splitter(c.seed()).split(table);
            } catch (SplitException refused) {
                assertThat(refused.getMessage()).as("%s: the refusal's message", context).isNotBlank();
                return Sweep.Outcome.REFUSED;
            }
            SplitChecks.isPartition(split, table, context);
            SplitChecks.guaranteesHold(split, table, context);
            Split again = splitter(c.seed()).split(table);
            if (!again.equals(split)) {
                throw new AssertionError(context + ": a second split differs: " + SplitDifference.first(split, again));
            }
            return Sweep.Outcome.EXERCISED;
        }, MIN_EXERCISED_SHARE);
    }

    /** A case of the sweep: the seed of the table and splitter, and the row count. */
    record SweepCase(long seed, int rows) {
    }

    static Stream<SweepCase> sweepCases() {
        SplittableRandom random = new SplittableRandom(MASTER_SEED);
        return Stream.generate(() -> new SweepCase(random.nextLong(), 2 + random.nextInt(MAX_SWEEP_ROWS)))
                .limit(SWEEP_CASES);
    }

    /** How two splits differ, for the determinism and thread-safety pieces: the first set and row. */
    private abstract static class ComparingSplits implements Runs<Splitter, Split> {
        @Override
        public String firstDifference(Split expected, Split actual) {
            return SplitDifference.first(expected, actual);
        }
    }

    /** The same seed and table give equal splits, from one splitter and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism extends ComparingSplits implements Deterministic<Splitter, Split> {
        @Override
        public Splitter subject() {
            return splitter(42);
        }

        @Override
        public Split run(Splitter splitter) {
            return splitter.split(table(11, DEFAULT_ROWS));
        }
    }

    /** One splitter used from 8 threads at once splits as on one thread. */
    @Nested
    @DisplayName("thread safety")
    class ThreadSafety extends ComparingSplits implements ThreadSafe<Splitter, Split> {
        private final Table table = table(18, DEFAULT_ROWS);

        @Override
        public Splitter subject() {
            return splitter(43);
        }

        @Override
        public Split run(Splitter splitter) {
            return splitter.split(table);
        }
    }

    /** An empty table has nothing to split: it is refused with a SplitException. */
    @Nested
    @DisplayName("empty input")
    class Empty implements EmptyInput<Splitter, Split> {
        @Override
        public Splitter subject() {
            return splitter(1);
        }

        @Override
        public Split runOnEmptyInput(Splitter splitter) {
            return splitter.split(table(16, 0));
        }

        @Override
        public Class<SplitException> refusal() {
            return SplitException.class;
        }

        @Override
        public void checkEmptyResult(Split result) {
            throw new AssertionError("an empty table must be refused with a SplitException (a set would be empty)"
                    + " but gave " + result);
        }
    }

    /** The splitter is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<Splitter, Split> {
        @Override
        public Splitter component() {
            return splitter(44);
        }

        @Override
        public Class<Splitter> kind() {
            return Splitter.class;
        }

        @Override
        public Split behaviour(Splitter splitter) {
            return splitter.split(table(19, DEFAULT_ROWS));
        }
    }
}
