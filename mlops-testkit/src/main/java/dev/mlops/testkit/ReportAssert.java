package dev.mlops.testkit;

import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a {@link CheckReport}, from {@link DataAssertions#assertThat(CheckReport)}:
 * <pre>{@code
 * assertThat(suite.run(table)).passes().hasNoWarnings();
 * assertThat(report).fails().hasResult("range(age)").failed().hasFailingRows(2);
 * }</pre>
 *
 * <p>A report passes as {@link CheckReport#passed()} says: no error-severity check failed or
 * found no data; warnings do not fail it. A failure message lists every check concerned with its
 * message and up to ten of its failing rows ({@link CheckReport#describeFailures}). Not
 * thread-safe.
 */
public final class ReportAssert extends AbstractAssert<ReportAssert, CheckReport> {

    ReportAssert(@Nullable CheckReport actual) {
        super(actual, ReportAssert.class);
    }

    /**
     * Verifies that the report passes; the failure message lists every error with its failing rows.
     *
     * @return this assertion
     */
    public ReportAssert passes() {
        isNotNull();
        if (!actual.passed()) {
            throw failure("%s", "Expecting the check report to pass, but "
                    + actual.describeFailures(actual.errors(), CheckMessages.ROWS_SHOWN));
        }
        return myself;
    }

    /**
     * Verifies that the report fails: at least one error-severity check failed or found no data.
     *
     * @return this assertion
     */
    public ReportAssert fails() {
        isNotNull();
        if (actual.passed()) {
            throw failure("%s", "Expecting the check report to fail, but every error-severity check of suite '"
                    + actual.suite() + "' passed:\n" + actual.toText());
        }
        return myself;
    }

    /**
     * Verifies that no warning-severity check failed or found no data; the failure message lists
     * the warnings with their failing rows.
     *
     * @return this assertion
     */
    public ReportAssert hasNoWarnings() {
        isNotNull();
        if (!actual.warnings().isEmpty()) {
            throw failure("%s", "Expecting the check report to have no warnings, but "
                    + actual.describeFailures(actual.warnings(), CheckMessages.ROWS_SHOWN));
        }
        return myself;
    }

    /**
     * Verifies which checks are errors (error-severity checks that failed or found no data),
     * exactly and in suite order.
     *
     * @param checks the names of the checks expected to be errors, such as {@code "range(age)"};
     *     none for a passing report
     * @return this assertion
     */
    public ReportAssert hasErrors(String... checks) {
        isNotNull();
        List<String> actualErrors = names(actual.errors());
        if (!actualErrors.equals(List.of(checks))) {
            throw failure("%s", "Expecting the errors of the check report to be " + List.of(checks) + " but they are "
                    + actualErrors + ":\n" + actual.toText());
        }
        return myself;
    }

    /**
     * Verifies the number of rows checked.
     *
     * @param expected the expected number of rows
     * @return this assertion
     */
    public ReportAssert hasRowCount(long expected) {
        isNotNull();
        if (actual.rowCount() != expected) {
            throw failure("%s", "Expecting the check report to cover " + expected + " rows but it covers "
                    + actual.rowCount());
        }
        return myself;
    }

    /**
     * Starts assertions on the result of one check.
     *
     * @param check the check's name, such as {@code "range(age)"}; the first result of that name
     * @return the result's assertions
     */
    public CheckResultAssert hasResult(String check) {
        Objects.requireNonNull(check, "check");
        isNotNull();
        for (CheckResult result : actual.results()) {
            if (result.check().equals(check)) {
                return DataAssertions.inherit(info, new CheckResultAssert(result));
            }
        }
        throw failure("%s", "Expecting the check report of suite '" + actual.suite() + "' to have a result of '"
                + check + "' but its checks are " + names(actual.results()));
    }

    private static List<String> names(List<CheckResult> results) {
        List<String> names = new ArrayList<>(results.size());
        results.forEach(result -> names.add(result.check()));
        return names;
    }
}
