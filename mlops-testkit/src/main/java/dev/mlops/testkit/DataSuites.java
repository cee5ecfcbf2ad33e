package dev.mlops.testkit;

import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.TableFormat;
import dev.mlops.data.profile.DatasetProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a stored {@link CheckSuite} (its JSON file) against a data file from a JUnit 5 test:
 * <pre>{@code
 * @Test
 * void customersPassTheirSuite() {
 *     DataSuites.assertPasses(Path.of("src/test/resources/customers-suite.json"),
 *             Path.of("src/test/resources/customers.csv"));
 * }
 *
 * @TestFactory
 * Stream<DynamicTest> customerChecks() {
 *     return DataSuites.dynamicTests(Path.of("customers-suite.json"), Path.of("customers.csv"));
 * }
 * }</pre>
 *
 * <p>A data file is read by its name's extension ({@link #read(Path)}): {@code .csv} with
 * {@link CsvFormat#defaults()} (types inferred), {@code .jsonl} or {@code .ndjson} with
 * {@link JsonLinesFormat#defaults()}; a suite runs over it read as a batch against the suite's
 * schema ({@link #readBatch}), so that a cell that is not of its column's type ({@code abc} in a
 * numeric column) fails the schema check naming its line, and every other row is checked as usual.
 * Failing rows are listed with their physical line. A suite with distribution checks is run against a reference
 * profile file, the JSON of {@link DatasetProfile#toJson()}. Every file is read as UTF-8.
 *
 * <p>How results show in {@link #dynamicTests}: one dynamic test per check, in suite order, named
 * by the check ({@code "range(age)"}). A passing check passes; an error-severity check that failed
 * or found no data fails with an {@link AssertionError} carrying the check's message, measured
 * value, threshold and up to ten failing rows. A warning- or info-severity check that did not
 * pass does not fail the build: its test is <em>aborted</em> (JUnit's "skipped", through
 * {@link Assumptions#abort(String)}) with the same message, so IDEs and Surefire reports show it
 * apart from the passing checks. This matches {@link CheckReport#passed()}, which only errors fail.
 *
 * <p>Errors in the inputs themselves (a missing file, a malformed suite, a suite that needs a
 * reference run without one) are thrown as they are, not turned into failing checks.
 */
public final class DataSuites {

    private DataSuites() {
        throw new AssertionError("no instances");
    }

    /**
     * Reads a data file by its extension: {@code .csv} as CSV, {@code .jsonl} or {@code .ndjson}
     * as JSON Lines (any case), with the formats' default settings.
     *
     * @param dataFile the file
     * @return the table
     * @throws IllegalArgumentException if the extension is none of those; the message names the file
     * @throws dev.mlops.core.MlopsException if the file is malformed; the message names the line
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Table read(Path dataFile) {
        return format(dataFile).read(dataFile);
    }

    /**
     * Reads a data file by its extension, as {@link #read(Path)}, as a batch against what is
     * expected of it: the columns the schema names are read as their types, and a row with a cell
     * that does not fit is left out and named by a {@link dev.mlops.data.io.CellProblem}
     * ({@link TableFormat#readBatch}).
     *
     * @param dataFile the file
     * @param expected the columns whose types are expected, such as {@link CheckSuite#schema()}
     * @return the rows that were read, their lines and bytes, and the cells that did not fit
     * @throws IllegalArgumentException if the extension is none of those of {@link #read(Path)}
     * @throws dev.mlops.core.MlopsException if the file is malformed; the message names the line
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Batch readBatch(Path dataFile, Schema expected) {
        return format(dataFile).readBatch(dataFile, expected);
    }

    private static TableFormat format(Path dataFile) {
        Objects.requireNonNull(dataFile, "dataFile");
        String name = String.valueOf(dataFile.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CsvFormat.defaults();
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JsonLinesFormat.defaults();
        }
        throw new IllegalArgumentException("cannot tell the format of data file " + dataFile
                + " from its name: expected .csv, .jsonl or .ndjson (read other tables yourself and run"
                + " DataSuites.assertPasses(CheckSuite, Table))");
    }

    /**
     * Reads a reference profile written by {@link DatasetProfile#toJson()}.
     *
     * @param profileFile the UTF-8 JSON file
     * @return the profile
     * @throws dev.mlops.core.MlopsException if the file is not a profile
     * @throws UncheckedIOException if the file cannot be read
     */
    public static DatasetProfile readProfile(Path profileFile) {
        Objects.requireNonNull(profileFile, "profileFile");
        String json;
        try {
            json = Files.readString(profileFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference profile " + profileFile, e);
        }
        return DatasetProfile.fromJson(json);
    }

    /**
     * Runs a stored suite against a data file, without a reference profile.
     *
     * @param suiteFile the suite's JSON file ({@link CheckSuite#load(Path)})
     * @param dataFile the data file, read against the suite's schema ({@link #readBatch})
     * @return the report; it may fail, nothing is asserted
     * @throws dev.mlops.core.MlopsException if the suite is malformed or needs a reference profile
     */
    public static CheckReport run(Path suiteFile, Path dataFile) {
        return run(suiteFile, dataFile, CheckContext.defaults());
    }

    /**
     * Runs a stored suite against a data file and a reference profile (for distribution checks).
     *
     * @param suiteFile the suite's JSON file
     * @param dataFile the data file
     * @param referenceProfile the reference profile's JSON file ({@link #readProfile(Path)})
     * @return the report; it may fail, nothing is asserted
     */
    public static CheckReport run(Path suiteFile, Path dataFile, Path referenceProfile) {
        return run(suiteFile, dataFile, CheckContext.defaults().withReference(readProfile(referenceProfile)));
    }

    private static CheckReport run(Path suiteFile, Path dataFile, CheckContext context) {
        CheckSuite suite = CheckSuite.load(suiteFile);
        return suite.run(readBatch(dataFile, suite.schema()), context);
    }

    /**
     * Asserts that a data file passes a stored suite: no error-severity check fails or finds no data.
     *
     * @param suiteFile the suite's JSON file
     * @param dataFile the data file
     * @return the passing report, for further assertions
     * @throws AssertionError if the report fails; the message lists every error with up to ten
     *     failing rows, each with its line
     */
    public static CheckReport assertPasses(Path suiteFile, Path dataFile) {
        return passes(run(suiteFile, dataFile), dataFile.toString());
    }

    /**
     * Asserts that a data file passes a stored suite with distribution checks against a reference.
     *
     * @param suiteFile the suite's JSON file
     * @param dataFile the data file
     * @param referenceProfile the reference profile's JSON file
     * @return the passing report
     * @throws AssertionError if the report fails, as {@link #assertPasses(Path, Path)}
     */
    public static CheckReport assertPasses(Path suiteFile, Path dataFile, Path referenceProfile) {
        return passes(run(suiteFile, dataFile, referenceProfile), dataFile.toString());
    }

    /**
     * Asserts that a table passes a suite without distribution checks, built in code or loaded.
     *
     * @param suite the suite
     * @param table the table
     * @return the passing report
     * @throws AssertionError if the report fails, as {@link #assertPasses(Path, Path)}
     */
    public static CheckReport assertPasses(CheckSuite suite, Table table) {
        return assertPasses(suite, table, CheckContext.defaults());
    }

    /**
     * Asserts that a table passes a suite built in code or loaded.
     *
     * @param suite the suite
     * @param table the table
     * @param context the reference profile, if the suite needs one, and the failing-row sample size
     * @return the passing report
     * @throws AssertionError if the report fails, as {@link #assertPasses(Path, Path)}
     */
    public static CheckReport assertPasses(CheckSuite suite, Table table, CheckContext context) {
        return passes(suite.run(table, context), "the table");
    }

    /**
     * One dynamic test per check of a stored suite run against a data file, for a
     * {@link org.junit.jupiter.api.TestFactory}; see the class comment for how each result shows.
     * The suite runs once, when this is called.
     *
     * @param suiteFile the suite's JSON file
     * @param dataFile the data file
     * @return the tests, in suite order
     */
    public static Stream<DynamicTest> dynamicTests(Path suiteFile, Path dataFile) {
        return dynamicTests(run(suiteFile, dataFile), dataFile.toString(), suiteFile.toUri());
    }

    /**
     * One dynamic test per check of a stored suite run against a data file and a reference profile.
     *
     * @param suiteFile the suite's JSON file
     * @param dataFile the data file
     * @param referenceProfile the reference profile's JSON file
     * @return the tests, in suite order
     */
    public static Stream<DynamicTest> dynamicTests(Path suiteFile, Path dataFile, Path referenceProfile) {
        return dynamicTests(run(suiteFile, dataFile, referenceProfile), dataFile.toString(), suiteFile.toUri());
    }

    /**
     * One dynamic test per result of a report already made, such as {@code suite.run(table)}.
     *
     * @param report the report
     * @return the tests, in the report's order
     */
    public static Stream<DynamicTest> dynamicTests(CheckReport report) {
        return dynamicTests(report, "the table", null);
    }

    private static Stream<DynamicTest> dynamicTests(CheckReport report, String data, @Nullable URI source) {
        List<DynamicTest> tests = new ArrayList<>(report.results().size());
        for (CheckResult result : report.results()) {
            tests.add(DynamicTest.dynamicTest(result.check(), source, () -> judge(report, result, data)));
        }
        return tests.stream();
    }

    private static void judge(CheckReport report, CheckResult result, String data) {
        if (result.passed()) {
            return;
        }
        String message = CheckMessages.describe("Expecting " + data + " (" + report.rowCount() + " rows) to pass "
                + result.check() + " of suite '" + report.suite() + "' (" + result.severity().label() + ")", result);
        if (result.isError()) {
            throw new AssertionError(message);
        }
        Assumptions.abort(result.severity().label() + ", which does not fail the suite: " + message);
    }

    private static CheckReport passes(CheckReport report, String data) {
        if (!report.passed()) {
            throw new AssertionError("Expecting " + data + " to pass its check suite, but "
                    + report.describeFailures(report.errors(), CheckMessages.ROWS_SHOWN));
        }
        return report;
    }
}
