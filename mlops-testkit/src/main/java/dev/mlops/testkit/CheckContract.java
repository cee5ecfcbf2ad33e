package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.FailingRow;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import dev.mlops.data.check.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Check} (see its class comment) as a JUnit 5 test: extend this class,
 * supply the check, a table it passes on and a table it fails on, and every test here runs
 * against it.
 *
 * <pre>{@code
 * class NoFutureBirthdaysContractTest extends CheckContract {
 *     @Override
 *     protected Check check() {
 *         return new NoFutureBirthdays("born");
 *     }
 *
 *     @Override
 *     protected Table passingTable() {
 *         return Table.builder().timestamp("born", Instant.parse("1990-05-01T00:00:00Z")).build();
 *     }
 *
 *     @Override
 *     protected Table failingTable() {
 *         return Table.builder().timestamp("born", Instant.parse("2990-05-01T00:00:00Z")).build();
 *     }
 * }
 * }</pre>
 *
 * <p>What the tests check, for any implementation:
 * <ul>
 *   <li>it passes on {@link #passingTable()} and fails on {@link #failingTable()}, and a verdict
 *       agrees with the threshold: a passing measured value lies in it, a failing one outside;</li>
 *   <li>every result names the check: its {@code check}, {@code type}, {@code columns} and
 *       {@code severity} are the check's; a result that did not pass has a message;</li>
 *   <li>{@link Check#run} does not throw for an empty table (the passing table's schema, no rows),
 *       a table without the check's columns, or a table whose checked columns have another type;
 *       the empty table is {@link Verdict#NO_DATA} or {@link Verdict#FAILED}, never
 *       {@link Verdict#PASSED}, and a missing column is {@link Verdict#FAILED} with a message that
 *       names it;</li>
 *   <li>the same table and context give equal results, from the same check, from a second check
 *       made alike and on a zero-copy view of all the table's rows;</li>
 *   <li>the sampled failing rows are ascending rows of the table, no more than the context's
 *       sample size and no more than the failing count; a smaller sample changes nothing else;</li>
 *   <li>for a {@link RowCheck}: the result counts exactly the rows its {@link RowRule} judges and
 *       fails, measures the passing share, and samples the first failing rows with the rule's
 *       descriptions;</li>
 *   <li>a check that {@linkplain Check#needsReference() needs a reference}, run without one, does
 *       not throw and does not pass;</li>
 *   <li>two threads running the check at once get the same results as one thread.</li>
 * </ul>
 *
 * <p>The tests are package-private, so a subclass inherits every one of them and cannot weaken
 * one by overriding it.
 */
public abstract class CheckContract {
    private static final int THREAD_ROUNDS = 25;

    /** Creates the contract test; subclasses supply the check and the tables. */
    protected CheckContract() {
    }

    /**
     * Returns the check under test; called more than once, it must return equal checks.
     *
     * @return the check
     */
    protected abstract Check check();

    /**
     * Returns a table with at least one row on which the check passes in {@link #context()}.
     *
     * @return the table
     */
    protected abstract Table passingTable();

    /**
     * Returns a table on which the check fails in {@link #context()}, because of its values rather
     * than a missing column; it should have the passing table's columns.
     *
     * @return the table
     */
    protected abstract Table failingTable();

    /**
     * Returns the context the check runs in; override to give a distribution check its reference
     * profile. The default has no reference and samples {@value CheckContext#DEFAULT_SAMPLE_SIZE}
     * failing rows.
     *
     * @return the context
     */
    protected CheckContext context() {
        return CheckContext.defaults();
    }

    /**
     * Tells whether the check may pass on a table without rows. Only a check of the table's shape
     * rather than its rows may, such as a schema check with no non-nullable column; every other
     * check must find "no data" (or fail) on an empty table. The default is false.
     *
     * @return true if the check may pass on an empty table
     */
    protected boolean mayPassOnEmptyTable() {
        return false;
    }

    /** The fixtures mean what they say. */
    @Test
    @DisplayName("it passes on the passing table and fails on the failing table, as the threshold says")
    void passesAndFailsOnTheFixtures() {
        CheckResult passing = run(passingTable());
        assertThat(passingTable().rowCount()).as("rows of passingTable()").isPositive();
        assertThat(passing.verdict()).as("verdict on passingTable(): %s", passing.message()).isEqualTo(Verdict.PASSED);
        assertThat(passing.threshold().contains(passing.measured()))
                .as("the passing measured value %s lies in the threshold %s", passing.measured(), passing.threshold())
                .isTrue();

        CheckResult failing = run(failingTable());
        assertThat(failing.verdict()).as("verdict on failingTable(): %s", failing.message()).isEqualTo(Verdict.FAILED);
        assertThat(failing.threshold().contains(failing.measured()))
                .as("the failing measured value %s lies outside the threshold %s", failing.measured(),
                        failing.threshold())
                .isFalse();
        assertThat(failing.message()).as("the failing result's message").isNotBlank();
        isNamed(passing, "on passingTable()");
        isNamed(failing, "on failingTable()");
    }

    /** Nothing to measure is no pass. */
    @Test
    @DisplayName("an empty table does not throw and is no data or failed, never passed")
    void emptyTableIsNoDataNeverPassed() {
        Table empty = passingTable().head(0);

        CheckResult result = runWithoutThrowing(empty, "an empty table");

        isNamed(result, "on an empty table");
        if (!mayPassOnEmptyTable()) {
            assertThat(result.verdict()).as("verdict on an empty table: %s", result.message())
                    .isIn(Verdict.NO_DATA, Verdict.FAILED);
        }
        if (!result.passed()) {
            assertThat(result.message()).as("the message on an empty table").isNotBlank();
        }
        assertThat(result.failingRows()).as("failing rows of an empty table").isZero();
    }

    /** A missing column is a failed result that says which. */
    @Test
    @DisplayName("a table without the check's columns does not throw and fails, naming a missing column")
    void missingColumnsFail() {
        List<String> columns = check().columns();
        Assumptions.assumeFalse(columns.isEmpty(), "the check looks at the whole table, not at named columns");
        Table table = withoutColumns(passingTable(), columns);

        CheckResult result = runWithoutThrowing(table, "a table without " + columns);

        isNamed(result, "without its columns");
        assertThat(result.verdict()).as("verdict without the columns %s: %s", columns, result.message())
                .isEqualTo(Verdict.FAILED);
        assertThat(columns).as("the missing columns named by the message \"%s\"", result.message())
                .anyMatch(column -> result.message().contains(column));
    }

    /** A column of another type is judged or refused in a result, never thrown. */
    @Test
    @DisplayName("checked columns of another type do not throw; a result that does not pass says why")
    void otherColumnTypesDoNotThrow() {
        List<String> columns = check().columns();
        Assumptions.assumeFalse(columns.isEmpty(), "the check looks at the whole table, not at named columns");
        for (Table table : List.of(retyped(passingTable(), columns), retyped(failingTable(), columns))) {
            CheckResult result = runWithoutThrowing(table, "a table whose columns " + columns + " have another type");
            isNamed(result, "with retyped columns");
            if (!result.passed()) {
                assertThat(result.message()).as("the message with retyped columns").isNotBlank();
            }
        }
    }

    /** Same input, same result. */
    @Test
    @DisplayName("the same table and context give equal results, also from a second check and on a view")
    void isDeterministic() {
        for (Table table : List.of(passingTable(), failingTable())) {
            CheckResult first = run(table);
            assertThat(run(table)).as("a second run of the same check").isEqualTo(first);
            assertThat(check().run(table, context())).as("a run of a new check made alike").isEqualTo(first);
            assertThat(run(allRows(table))).as("a run on a view of all the rows").isEqualTo(first);
        }
    }

    /** The sample is bounded and in row order. */
    @Test
    @DisplayName("failing rows are sampled in row order, within the sample size; a smaller sample changes nothing else")
    void failingRowsAreSampledInRowOrder() {
        Table table = failingTable();
        CheckResult full = run(table);
        checkSample(full, table, context().sampleSize());
        for (int size : new int[] {0, 1}) {
            CheckResult small = check().run(table, context().withSampleSize(size));
            checkSample(small, table, size);
            assertThat(small.sample()).as("a sample of %d", size).isEqualTo(full.sample().subList(0,
                    Math.min(size, full.sample().size())));
            assertThat(small.withFailingRows(small.failingRows(), full.sample()))
                    .as("the result with a sample of %d, but for its sample", size).isEqualTo(full);
        }
    }

    /** A row check's result is what its rule says. */
    @Test
    @DisplayName("a row check counts and samples exactly the rows its rule judges and fails")
    void rowCheckAgreesWithItsRule() {
        Assumptions.assumeTrue(check() instanceof RowCheck, "not a RowCheck");
        for (Table table : List.of(passingTable(), failingTable())) {
            rowCheckAgrees((RowCheck) check(), table);
        }
    }

    /** A check that needs a reference says so instead of throwing or passing. */
    @Test
    @DisplayName("a check that needs a reference, run without one, does not throw and does not pass")
    void withoutANeededReferenceItDoesNotPass() {
        Assumptions.assumeTrue(check().needsReference(), "the check needs no reference");
        Table table = passingTable();
        CheckContext bare = CheckContext.defaults().withSampleSize(context().sampleSize());
        CheckResult result;
        try {
            result = check().run(table, bare);
        } catch (RuntimeException e) {
            throw new AssertionError(check().name() + " threw when run without a reference profile: " + e, e);
        }
        isNamed(result, "without a reference");
        assertThat(result.verdict()).as("verdict without a reference: %s", result.message())
                .isNotEqualTo(Verdict.PASSED);
        assertThat(result.message()).as("the message without a reference").isNotBlank();
    }

    /** Thread-safety smoke test. */
    @Test
    @DisplayName("two threads running the check at once get the results of one thread")
    void twoThreadsGetTheSameResults() throws Exception {
        Check check = check();
        Table passing = passingTable();
        Table failing = failingTable();
        CheckResult passed = check.run(passing, context());
        CheckResult failed = check.run(failing, context());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<CheckResult>>> futures = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<CheckResult> results = new ArrayList<>();
                    for (int round = 0; round < THREAD_ROUNDS; round++) {
                        results.add(check.run(passing, context()));
                        results.add(check.run(failing, context()));
                    }
                    return results;
                }));
            }
            for (Future<List<CheckResult>> future : futures) {
                List<CheckResult> results = future.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i)).as("result %d of a thread", i).isEqualTo(i % 2 == 0 ? passed : failed);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private CheckResult run(Table table) {
        return runWithoutThrowing(table, "the table");
    }

    private CheckResult runWithoutThrowing(Table table, String what) {
        Check check = check();
        CheckResult[] result = new CheckResult[1];
        assertThatCode(() -> result[0] = check.run(table, context()))
                .as("%s run on %s must not throw", check.name(), what).doesNotThrowAnyException();
        assertThat(result[0]).as("%s's result on %s", check.name(), what).isNotNull();
        return result[0];
    }

    private void isNamed(CheckResult result, String where) {
        Check check = check();
        assertThat(result.check()).as("the check's name in its result %s", where).isEqualTo(check.name());
        assertThat(result.type()).as("the check's type in its result %s", where).isEqualTo(check.type());
        assertThat(result.columns()).as("the check's columns in its result %s", where).isEqualTo(check.columns());
        assertThat(result.severity()).as("the check's severity in its result %s", where).isEqualTo(check.severity());
        assertThat(check.name()).as("the check's name").isNotBlank();
        assertThat(check.type()).as("the check's type").isNotBlank();
        assertThatThrownBy(() -> check.columns().add("another")).as("the check's columns are unmodifiable")
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private void checkSample(CheckResult result, Table table, int sampleSize) {
        List<FailingRow> sample = result.sample();
        assertThat(sample.size()).as("the sample's size with a sample size of %d", sampleSize)
                .isLessThanOrEqualTo(sampleSize).isLessThanOrEqualTo((int) Math.min(Integer.MAX_VALUE,
                        result.failingRows()));
        int previous = -1;
        for (FailingRow row : sample) {
            assertThat(row.row()).as("sampled row %s", row).isGreaterThan(previous).isLessThan(table.rowCount());
            previous = row.row();
        }
        assertThat(result.failingRows()).as("failing rows").isLessThanOrEqualTo(table.rowCount());
    }

    private void rowCheckAgrees(RowCheck check, Table table) {
        RowRule rule;
        try {
            rule = check.bind(table);
        } catch (SchemaException e) {
            return;
        }
        long judged = 0;
        long failing = 0;
        List<FailingRow> expectedSample = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (rule.applies(row)) {
                judged++;
                if (!rule.passes(row)) {
                    failing++;
                    if (expectedSample.size() < context().sampleSize()) {
                        expectedSample.add(new FailingRow(row, rule.describe(row)));
                    }
                }
            }
        }
        CheckResult result = check.run(table, context());
        assertThat(result.failingRows()).as("failing rows, as the rule says").isEqualTo(failing);
        assertThat(result.sample()).as("the sample: the first failing rows, as the rule describes them")
                .isEqualTo(expectedSample);
        if (judged == 0) {
            assertThat(result.verdict()).as("verdict with no judged row").isEqualTo(Verdict.NO_DATA);
        } else {
            assertThat(result.measured()).as("the measured passing share of %d judged rows", judged)
                    .isEqualTo((double) (judged - failing) / judged);
            assertThat(result.verdict()).as("verdict for the share %s and threshold %s", result.measured(),
                    result.threshold()).isEqualTo(result.threshold().contains(result.measured())
                            ? Verdict.PASSED : Verdict.FAILED);
        }
    }

    /** The table without the given columns, or with one unrelated column if none would remain. */
    private static Table withoutColumns(Table table, List<String> columns) {
        Set<String> dropped = new HashSet<>(columns);
        List<Column> kept = new ArrayList<>();
        for (Column column : table.columns()) {
            if (!dropped.contains(column.name())) {
                kept.add(column);
            }
        }
        if (kept.isEmpty()) {
            kept.add(NumericColumn.of(unusedName(table), new double[table.rowCount()]));
        }
        return Table.of(kept);
    }

    private static String unusedName(Table table) {
        String name = "unrelated";
        while (table.schema().contains(name)) {
            name = name + "_";
        }
        return name;
    }

    /**
     * The table with each given column replaced by one of another type and the same name: a
     * numeric column becomes categorical (its values as text), any other becomes numeric (the row
     * number); missing values stay missing.
     */
    private static Table retyped(Table table, List<String> columns) {
        Set<String> changed = new HashSet<>(columns);
        List<Column> result = new ArrayList<>();
        for (Column column : table.columns()) {
            result.add(changed.contains(column.name()) ? retyped(column) : column);
        }
        return Table.of(result);
    }

    private static Column retyped(Column column) {
        if (column.type() == ColumnType.NUMERIC) {
            CategoricalColumn.Builder text = CategoricalColumn.builder(column.name());
            for (int row = 0; row < column.size(); row++) {
                if (column.isMissing(row)) {
                    text.addMissing();
                } else {
                    text.add(column.format(row));
                }
            }
            return text.build();
        }
        NumericColumn.Builder numbers = NumericColumn.builder(column.name());
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                numbers.addMissing();
            } else {
                numbers.add(row);
            }
        }
        return numbers.build();
    }

    private static Table allRows(Table table) {
        int[] rows = new int[table.rowCount()];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = row;
        }
        return table.rows(rows);
    }
}
