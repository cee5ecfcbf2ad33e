package dev.mlops.testkit;

import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.io.Batch;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.WritableAssertionInfo;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the AssertJ assertions on data, beside AssertJ's own:
 * <pre>{@code
 * import static dev.mlops.testkit.DataAssertions.assertThat;
 *
 * assertThat(table).hasRowCount(6).column("age").hasNoMissing().isBetween(18, 100);
 * assertThat(suite.run(table)).passes();
 * assertThat(report.result("range(age)")).failed().hasFailingRows(2);
 * assertThat(DataSuites.readBatch(file, suite.schema())).hasBadCellsOnLines(3);
 * }</pre>
 * Both this class's and {@code org.assertj.core.api.Assertions.assertThat} may be imported
 * statically in one test: Java picks the most specific overload, these for a {@link Table}, a
 * {@link Batch}, a {@link CheckReport} and a {@link CheckResult}.
 *
 * <p>The assertions about values run the built-in checks of {@code dev.mlops.data.check}, so an
 * assertion judges exactly as a stored suite does, and an empty table or an all-missing column
 * fails with "no data" instead of passing vacuously. Failure messages name the column, the
 * measured value, the threshold and up to ten failing rows with their 0-based row, their physical
 * line when the rows came from a file ({@link Batch}), and value.
 */
public final class DataAssertions {

    private DataAssertions() {
        throw new AssertionError("no instances");
    }

    /**
     * @param actual the table under test
     * @return assertions on the table and its columns
     */
    public static TableAssert assertThat(@Nullable Table actual) {
        return new TableAssert(actual);
    }

    /**
     * @param actual a batch read against what is expected of it ({@link DataSuites#readBatch})
     * @return assertions on its bad cells and on the rows that were read
     */
    public static BatchAssert assertThat(@Nullable Batch actual) {
        return new BatchAssert(actual);
    }

    /**
     * @param actual the report under test
     * @return assertions on the report and its results
     */
    public static ReportAssert assertThat(@Nullable CheckReport actual) {
        return new ReportAssert(actual);
    }

    /**
     * @param actual the check result under test
     * @return assertions on the result
     */
    public static CheckResultAssert assertThat(@Nullable CheckResult actual) {
        return new CheckResultAssert(actual);
    }

    /** Gives an assertion the description ({@code as(...)}) of the assertion it came from, if it has one. */
    static <A extends AbstractAssert<A, ?>> A inherit(WritableAssertionInfo from, A to) {
        if (from.description() != null) {
            to.describedAs(from.description());
        }
        return to;
    }
}
