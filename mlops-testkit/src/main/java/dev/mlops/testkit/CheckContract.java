package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.component.ComponentRegistry;
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
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.EmptyInput;
import dev.mlops.testkit.kit.Runs;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import dev.mlops.testkit.kit.ThreadSafe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
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
 *   <li>every result names the check: its {@code check}, {@code type}, {@code columns},
 *       {@code severity} and {@code spec} (its provenance) are the check's; a result that did not
 *       pass has a message;</li>
 *   <li>{@link Check#run} does not throw for a table without the check's columns or a table whose
 *       checked columns have another type; a missing column is {@link Verdict#FAILED} with a
 *       message that names it;</li>
 *   <li>a zero-copy view of all the table's rows gives the table's result;</li>
 *   <li>the sampled failing rows are ascending rows of the table, no more than the context's
 *       sample size and no more than the failing count; a smaller sample changes nothing else;</li>
 *   <li>for a {@link RowCheck}: the result counts exactly the rows its {@link RowRule} judges and
 *       fails, measures the passing share, and samples the first failing rows with the rule's
 *       descriptions;</li>
 *   <li>a check that {@linkplain Check#needsReference() needs a reference}, run without one, does
 *       not throw and does not pass;</li>
 * </ul>
 *
 * <p>And, from the kit's pieces ({@link dev.mlops.testkit.kit}), each a nested group run on the
 * passing and the failing table:
 * <ul>
 *   <li>determinism: equal results from one check run twice and from two checks made alike;</li>
 *   <li>thread safety: one check used from 8 threads at once gives, on every run, the results it
 *       gives on one thread;</li>
 *   <li>empty input: a table without rows (the passing table's columns) does not throw; a check of
 *       values finds {@link Verdict#NO_DATA}, a check of the schema alone
 *       ({@link #checksTheSchemaOnly()}) gives a measured result, passed or failed;</li>
 *   <li>settings round trip: the check's type is registered in {@link #registry()}, and the check
 *       rebuilt from its spec string or its JSON is equal to it and gives equal results.</li>
 * </ul>
 * A failure that compares results names the first differing field or sampled row.
 *
 * <p>The tests are package-private, so a subclass inherits every one of them and cannot weaken
 * one by overriding it.
 */
public abstract class CheckContract {
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
     * Tells whether the check judges the table's schema alone, not its values. Such a check has
     * something to measure in a table without rows (its columns), so there it must give a
     * measured result, passed or failed; every other check must find {@link Verdict#NO_DATA}.
     * The default is false.
     *
     * @return true for a check of the schema alone
     */
    protected boolean checksTheSchemaOnly() {
        return false;
    }

    /**
     * Returns the registry through which the settings round trip rebuilds the check; the default,
     * {@link ComponentRegistry#defaults()}, finds every type listed in {@code META-INF/services}
     * on the class path. Override it for a type of the tests alone.
     *
     * @return the registry that knows the check's type
     */
    protected ComponentRegistry registry() {
        return ComponentRegistry.defaults();
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

    /** A view checks like its table. */
    @Test
    @DisplayName("a zero-copy view of all the rows gives the table's result")
    void aViewChecksLikeItsTable() {
        for (Table table : List.of(passingTable(), failingTable())) {
            CheckResult expected = run(table);
            CheckResult actual = run(allRows(table));
            if (!actual.equals(expected)) {
                throw new AssertionError("a view of all the rows gives another result: "
                        + CheckResultDifference.first(expected, actual));
            }
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
            CheckResult unsampled = small.withFailingRows(small.failingRows(), full.sample());
            if (!unsampled.equals(full)) {
                throw new AssertionError("a sample of " + size + " changes more than the sample: "
                        + CheckResultDifference.first(full, unsampled));
            }
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
        assertThat(result.spec()).as("the check's spec in its result %s (provenance)", where).isEqualTo(check.spec());
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

    /** Runs the check on the passing and the failing table, in that order. */
    private List<CheckResult> runOnFixtures(Check check) {
        return List.of(check.run(passingTable(), context()), check.run(failingTable(), context()));
    }

    /** Runs the check on the passing and the failing table, for the determinism and thread-safety pieces. */
    private abstract class OnTheFixtures implements Runs<Check, List<CheckResult>> {
        @Override
        public Check subject() {
            return check();
        }

        @Override
        public List<CheckResult> run(Check check) {
            return runOnFixtures(check);
        }

        @Override
        public String firstDifference(List<CheckResult> expected, List<CheckResult> actual) {
            return CheckResultDifference.first(expected, actual);
        }
    }

    /** The same tables and context give equal results, from one check and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism extends OnTheFixtures implements Deterministic<Check, List<CheckResult>> {
    }

    /** One check used from 8 threads at once gives the results it gives on one thread. */
    @Nested
    @DisplayName("thread safety")
    class ThreadSafety extends OnTheFixtures implements ThreadSafe<Check, List<CheckResult>> {
    }

    /**
     * A table without rows (the passing table's columns) is no refusal: a check of values finds
     * no data, a check of the schema alone measures it.
     */
    @Nested
    @DisplayName("empty input")
    class Empty implements EmptyInput<Check, CheckResult> {
        @Override
        public Check subject() {
            return check();
        }

        @Override
        public CheckResult runOnEmptyInput(Check check) {
            return check.run(passingTable().head(0), context());
        }

        @Override
        public @Nullable Class<? extends RuntimeException> refusal() {
            return null;
        }

        @Override
        public void checkEmptyResult(CheckResult result) {
            assertThat(result).as("the result on an empty table").isNotNull();
            isNamed(result, "on an empty table");
            if (checksTheSchemaOnly()) {
                assertThat(result.verdict()).as("verdict of a check of the schema alone on an empty table: %s",
                        result.message()).isIn(Verdict.PASSED, Verdict.FAILED);
            } else {
                assertThat(result.verdict()).as("verdict of a check of values on an empty table: %s", result.message())
                        .isEqualTo(Verdict.NO_DATA);
            }
            if (!result.passed()) {
                assertThat(result.message()).as("the message on an empty table").isNotBlank();
            }
            assertThat(result.failingRows()).as("failing rows of an empty table").isZero();
        }
    }

    /** The check is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<Check, List<CheckResult>> {
        @Override
        public Check component() {
            return check();
        }

        @Override
        public Class<Check> kind() {
            return Check.class;
        }

        @Override
        public ComponentRegistry registry() {
            return CheckContract.this.registry();
        }

        @Override
        public List<CheckResult> behaviour(Check check) {
            return runOnFixtures(check);
        }

        @Override
        public String behaviourDifference(List<CheckResult> expected, List<CheckResult> actual) {
            return CheckResultDifference.first(expected, actual);
        }
    }
}
