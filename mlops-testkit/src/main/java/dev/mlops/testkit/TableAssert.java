package dev.mlops.testkit;

import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a {@link Table}, from {@link DataAssertions#assertThat(Table)}:
 * <pre>{@code
 * assertThat(table).hasRowCount(1000).hasColumns("age", "city")
 *     .column("age").hasNoMissing().isBetween(18, 100)
 *     .column("city").hasOnlyValues("München", "São Paulo");
 * }</pre>
 *
 * <p>Every assertion about values runs a built-in {@link Check} of mlops-data, so an assertion
 * and a stored suite judge data the same way, and a failure message shows the check's own
 * message, its measured value and threshold, and up to ten of its failing rows (0-based rows of
 * the table). Not thread-safe, like every AssertJ assertion object.
 */
public final class TableAssert extends AbstractAssert<TableAssert, Table> {

    TableAssert(@Nullable Table actual) {
        super(actual, TableAssert.class);
    }

    /**
     * Verifies the number of rows.
     *
     * @param expected the expected number of rows
     * @return this assertion
     */
    public TableAssert hasRowCount(int expected) {
        isNotNull();
        if (actual.rowCount() != expected) {
            throw failure("%s", "Expecting table to have " + expected + " rows but it has " + actual.rowCount()
                    + "; its columns are " + CheckMessages.columns(actual));
        }
        return myself;
    }

    /**
     * Verifies that the table has at least one row.
     *
     * @return this assertion
     */
    public TableAssert isNotEmpty() {
        isNotNull();
        if (actual.rowCount() == 0) {
            throw failure("%s", "Expecting table to have rows but it has none; its columns are "
                    + CheckMessages.columns(actual));
        }
        return myself;
    }

    /**
     * Verifies that the table has every named column, in any order, and perhaps others.
     *
     * @param names the column names
     * @return this assertion
     */
    public TableAssert hasColumns(String... names) {
        isNotNull();
        List<String> lacking = new ArrayList<>();
        for (String name : names) {
            if (!actual.schema().contains(name)) {
                lacking.add(name);
            }
        }
        if (!lacking.isEmpty()) {
            throw failure("%s", "Expecting table to have columns " + List.of(names) + " but it lacks " + lacking
                    + "; its columns are " + CheckMessages.columns(actual));
        }
        return myself;
    }

    /**
     * Verifies the schema as {@link Checks#schema(Schema)} does: exactly these columns with these
     * types, in any order. The schema is judged on an empty table too.
     *
     * @param expected the expected schema
     * @return this assertion
     */
    public TableAssert hasSchema(Schema expected) {
        Objects.requireNonNull(expected, "expected");
        return passes(Checks.schema(expected), "Expecting table to have the schema " + expected);
    }

    /**
     * Verifies that a check passes on the table, whatever its severity: a failure and "no data"
     * both fail the assertion.
     *
     * @param check any check, built in or your own
     * @return this assertion
     */
    public TableAssert passes(Check check) {
        Objects.requireNonNull(check, "check");
        return passes(check, "Expecting table to pass " + check.name());
    }

    /**
     * Verifies that a suite's report on the table passes: no error-severity check failed or found
     * no data (warnings do not fail it, as {@link CheckReport#passed()}).
     *
     * @param suite the suite, which must not need a reference profile
     * @return this assertion
     */
    public TableAssert passes(CheckSuite suite) {
        return passes(suite, CheckContext.defaults());
    }

    /**
     * Verifies that a suite's report on the table, against a reference profile (for its
     * distribution checks), passes.
     *
     * @param suite the suite
     * @param reference the reference profile, such as the training data's
     * @return this assertion
     */
    public TableAssert passes(CheckSuite suite, DatasetProfile reference) {
        return passes(suite, CheckContext.defaults().withReference(Objects.requireNonNull(reference, "reference")));
    }

    private TableAssert passes(CheckSuite suite, CheckContext context) {
        Objects.requireNonNull(suite, "suite");
        isNotNull();
        CheckReport report = suite.run(actual, context);
        inheritDescription(new ReportAssert(report)).passes();
        return myself;
    }

    /**
     * Starts assertions on one column.
     *
     * @param name the column's name
     * @return the column's assertions; {@link ColumnAssert#and()} comes back here
     */
    public ColumnAssert column(String name) {
        Objects.requireNonNull(name, "name");
        isNotNull();
        if (!actual.schema().contains(name)) {
            throw failure("%s", "Expecting table to have a column '" + name + "' but it has none; its columns are "
                    + CheckMessages.columns(actual));
        }
        return inheritDescription(new ColumnAssert(actual.column(name), actual, this));
    }

    private TableAssert passes(Check check, String expectation) {
        isNotNull();
        CheckResult result = check.run(actual, sampling());
        if (!result.passed()) {
            throw failure("%s", CheckMessages.describe(expectation, result));
        }
        return myself;
    }

    /** Gives an assertion this one's description ({@code as(...)}), if it has one. */
    private <A extends AbstractAssert<A, ?>> A inheritDescription(A other) {
        return DataAssertions.inherit(info, other);
    }

    static CheckContext sampling() {
        return CheckContext.defaults().withSampleSize(CheckMessages.ROWS_SHOWN);
    }
}
