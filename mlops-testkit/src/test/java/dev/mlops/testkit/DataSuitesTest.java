package dev.mlops.testkit;

import static dev.mlops.testkit.DataAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.io.Batch;
import dev.mlops.data.profile.DatasetProfile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Stored suites against data files: the fixtures under {@code src/test/resources/dev/mlops/testkit}
 * are six people in UTF-8 with München, São Paulo and Zürich ({@code people.csv},
 * {@code people.jsonl}), the same with a fault in most columns ({@code people-bad.csv}), and a
 * suite of five error checks and two warnings ({@code people-suite.json}).
 */
class DataSuitesTest {
    private static final Path SUITE = resource("people-suite.json");
    private static final Path GOOD = resource("people.csv");
    private static final Path GOOD_JSONL = resource("people.jsonl");
    private static final Path BAD = resource("people-bad.csv");
    private static final Path DRIFT_SUITE = resource("people-drift-suite.json");
    private static final List<String> CHECKS = List.of("schema", "primary-key(id)", "completeness(age)", "range(age)",
            "allowed-values(city)", "pattern(email)", "cardinality(city)");

    private static Path resource(String name) {
        try {
            return Path.of(DataSuitesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the README shows: a stored suite as one dynamic test per check. */
    @TestFactory
    Stream<DynamicTest> peoplePassTheirSuite() {
        return DataSuites.dynamicTests(SUITE, GOOD);
    }

    @Nested
    class Reading {

        @Test
        void readsCsvInUtf8WithNonAsciiValues() {
            Table table = DataSuites.read(GOOD);

            assertThat(table).hasRowCount(6).hasColumns("id", "age", "city", "email")
                    .column("city").hasOnlyValues("München", "São Paulo", "Hamburg", "Zürich")
                    .column("email").matches(".*@example\\.(de|br|ch)");
            assertThat(table.categoricalColumn("city").get(1)).isEqualTo("São Paulo");
        }

        @Test
        void readsJsonLinesByItsExtension() {
            Table table = DataSuites.read(GOOD_JSONL);

            assertThat(table).hasRowCount(6).hasSchema(DataSuites.read(GOOD).schema());
            assertThat(table).isEqualTo(DataSuites.read(GOOD));
        }

        @Test
        void refusesAnUnknownExtension(@TempDir Path dir) {
            Path parquet = dir.resolve("people.parquet");

            assertThatThrownBy(() -> DataSuites.read(parquet)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot tell the format of data file " + parquet)
                    .hasMessageContaining(".csv, .jsonl or .ndjson");
        }

        @Test
        void aMissingDataFileIsAnError(@TempDir Path dir) {
            Path missing = dir.resolve("nobody.csv");

            assertThatThrownBy(() -> DataSuites.run(SUITE, missing)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("nobody.csv");
        }

        @Test
        void readsAReferenceProfile(@TempDir Path dir) throws Exception {
            Path profile = dir.resolve("people-profile.json");
            Files.writeString(profile, DatasetProfile.of(DataSuites.read(GOOD)).toJson(), StandardCharsets.UTF_8);

            assertThat(DataSuites.readProfile(profile).rowCount()).isEqualTo(6);
            assertThatThrownBy(() -> DataSuites.readProfile(dir.resolve("none.json")))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot read reference profile " + dir.resolve("none.json"));
        }
    }

    @Nested
    class RunningAndAsserting {

        @Test
        void runReturnsTheReport() {
            CheckReport good = DataSuites.run(SUITE, GOOD);
            CheckReport bad = DataSuites.run(SUITE, BAD);

            assertThat(good).passes().hasNoWarnings().hasRowCount(6);
            assertThat(bad).fails()
                    .hasErrors("primary-key(id)", "completeness(age)", "range(age)", "allowed-values(city)");
            assertThat(bad.warnings()).extracting(CheckResult::check)
                    .containsExactly("pattern(email)", "cardinality(city)");
        }

        @Test
        void assertPassesReturnsAPassingReport() {
            assertThat(DataSuites.assertPasses(SUITE, GOOD).results()).hasSize(CHECKS.size());
            assertThat(DataSuites.assertPasses(SUITE, GOOD_JSONL).passed()).isTrue();
        }

        @Test
        void assertPassesFailsListingEveryErrorWithItsRows() {
            assertThatThrownBy(() -> DataSuites.assertPasses(SUITE, BAD)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting " + BAD + " to pass its check suite, but 4 of 7 checks of suite"
                            + " 'people' did not pass")
                    .hasMessageContaining("failed primary-key(id): 4 of 6 rows pass (66.67%), 2 fail")
                    .hasMessageContaining("failed completeness(age)")
                    .hasMessageContaining("row 2: <missing>")
                    .hasMessageContaining("row 1: -3")
                    .hasMessageContaining("row 4: NaN")
                    .hasMessageContaining("row 2: Köln")
                    .hasMessageNotContaining("pattern(email)");
        }

        @Test
        void aSuiteBuiltInCodeRunsOnATable() {
            CheckSuite suite = CheckSuite.load(SUITE);

            assertThatThrownBy(() -> DataSuites.assertPasses(suite, PeopleTables.passing().select("id", "age", "city")
                    .rows(0, 1, 2))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the table to pass its check suite")
                    .hasMessageContaining("column 'email' (CATEGORICAL) is missing");
        }

        @Test
        void withAReferenceProfile(@TempDir Path dir) throws Exception {
            Path profile = dir.resolve("reference.json");
            Files.writeString(profile, DatasetProfile.of(DataSuites.read(GOOD)).toJson(), StandardCharsets.UTF_8);
            Path older = dir.resolve("people-older.csv");
            Files.writeString(older, "id,age,city\n1,71,München\n2,83,São Paulo\n3,95,Hamburg\n4,99,München\n"
                    + "5,112,Zürich\n6,77,São Paulo\n", StandardCharsets.UTF_8);

            assertThat(DataSuites.run(DRIFT_SUITE, GOOD, profile)).passes().hasResult("mean-shift(age)").passed()
                    .hasMeasuredCloseTo(1.0, 1e-12);
            assertThat(DataSuites.assertPasses(DRIFT_SUITE, GOOD, profile).rowCount()).isEqualTo(6);
            assertThatThrownBy(() -> DataSuites.assertPasses(DRIFT_SUITE, older, profile))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("1 of 2 checks of suite 'people-drift' did not pass")
                    .hasMessageContaining("failed mean-shift(age): Welch's t-test of column 'age'");
            List<DynamicTest> tests = DataSuites.dynamicTests(DRIFT_SUITE, older, profile).toList();
            assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("range(age)", "mean-shift(age)");
            assertThatCode(() -> tests.get(0).getExecutable().execute()).doesNotThrowAnyException();
            assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("to pass mean-shift(age) of suite 'people-drift' (error)")
                    .hasMessageContaining("threshold >= 0.01, statistic ");
        }

        @Test
        void aSuiteThatNeedsAReferenceRefusesToRunWithoutOne() {
            assertThatThrownBy(() -> DataSuites.run(DRIFT_SUITE, GOOD)).isInstanceOf(MlopsException.class)
                    .hasMessageContaining("run without a reference profile");
            assertThatThrownBy(() -> DataSuites.dynamicTests(DRIFT_SUITE, GOOD)).isInstanceOf(MlopsException.class)
                    .hasMessageContaining("mean-shift(age)");
        }
    }

    @Nested
    class ReadingAgainstTheSuite {

        @Test
        void readBatchReadsByTheExtensionAgainstTheExpectedColumns() {
            Batch batch = DataSuites.readBatch(GOOD, CheckSuite.load(SUITE).schema());

            assertThat(batch).hasNoBadCells().table().hasRowCount(6);
            assertThat(batch.table()).isEqualTo(DataSuites.read(GOOD));
            assertThatThrownBy(() -> DataSuites.readBatch(Path.of("people.parquet"), Schema.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot tell the format of data file people.parquet");
        }

        @Test
        void aCellThatIsNotOfItsTypeFailsTheSchemaNamingItsLineAndTheOtherRowsAreChecked(@TempDir Path dir)
                throws Exception {
            Path data = Files.writeString(dir.resolve("people.csv"), "id,age,city,email\n1,23,München,a@example.de\n"
                    + "2,abc,Hamburg,b@example.de\n3,-3,Zürich,c@example.ch\n", StandardCharsets.UTF_8);

            assertThat(DataSuites.readBatch(data, CheckSuite.load(SUITE).schema())).hasBadCellsOnLines(3)
                    .table().hasRowCount(2);
            CheckReport report = DataSuites.run(SUITE, data);
            assertThat(report).hasErrors("schema", "range(age)").hasRowCount(3);
            assertThat(report.result("schema")).hasSampledRows(1).hasSampledLines(3)
                    .hasMessageContaining("line 3, column 'age' (2): ");
            assertThat(report.result("range(age)")).hasSampledRows(2).hasSampledLines(4);
            assertThatThrownBy(() -> DataSuites.assertPasses(SUITE, data)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("\n    line 3, row 1: age=\"abc\"")
                    .hasMessageContaining("\n    line 4, row 2: -3");
        }

        @Test
        void aHeaderOnlyFileHasTheSuitesTypesSoAValueCheckFindsNoRows(@TempDir Path dir) throws Exception {
            Path empty = Files.writeString(dir.resolve("nobody.csv"), "id,age,city,email\n", StandardCharsets.UTF_8);

            CheckReport report = DataSuites.run(SUITE, empty);

            assertThat(report.result("range(age)")).hasNoData().hasMessageContaining("the table has no rows");
        }

        @Test
        void aDynamicTestListsEachFailingRowWithItsLine() {
            Map<String, DynamicTest> tests = DataSuites.dynamicTests(SUITE, BAD)
                    .collect(Collectors.toMap(DynamicTest::getDisplayName, test -> test));

            assertThatThrownBy(() -> tests.get("primary-key(id)").getExecutable().execute())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("2 failing rows (line, 0-based row: value):\n  line 3, row 1: 2 (2 rows)\n"
                            + "  line 4, row 2: 2 (2 rows)");
        }
    }

    @Nested
    class DynamicTests {

        @Test
        void oneTestPerCheckNamedByTheCheckWithTheSuiteAsSource() {
            List<DynamicTest> tests = DataSuites.dynamicTests(SUITE, GOOD).toList();

            assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactlyElementsOf(CHECKS);
            assertThat(tests).allSatisfy(test -> assertThat(test.getTestSourceUri()).hasValue(SUITE.toUri()));
            for (DynamicTest test : tests) {
                assertThatCode(() -> test.getExecutable().execute()).as(test.getDisplayName())
                        .doesNotThrowAnyException();
            }
        }

        @Test
        void errorsFailWithTheirMessageAndRowsAndWarningsAbort() {
            Map<String, DynamicTest> tests = DataSuites.dynamicTests(SUITE, BAD)
                    .collect(Collectors.toMap(DynamicTest::getDisplayName, test -> test));

            assertThatCode(() -> tests.get("schema").getExecutable().execute()).doesNotThrowAnyException();
            assertThatThrownBy(() -> tests.get("primary-key(id)").getExecutable().execute())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting " + BAD + " (6 rows) to pass primary-key(id) of suite 'people'"
                            + " (error)")
                    .hasMessageContaining("but it failed: primary-key(id): 4 of 6 rows pass")
                    .hasMessageContaining("measured 0.666667, threshold >= 1")
                    .hasMessageContaining("2 failing rows (")
                    .hasMessageContaining("row 1: 2 (2 rows)\n").hasMessageContaining("row 2: 2 (2 rows)");
            assertThatThrownBy(() -> tests.get("allowed-values(city)").getExecutable().execute())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("row 1: Paris\n").hasMessageContaining("row 2: Köln\n")
                    .hasMessageContaining("row 3: Lyon");
            assertThatThrownBy(() -> tests.get("pattern(email)").getExecutable().execute())
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("warning, which does not fail the suite: Expecting " + BAD)
                    .hasMessageContaining("row 1: joão(at)example.br");
            assertThatThrownBy(() -> tests.get("cardinality(city)").getExecutable().execute())
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("column 'city' has 5 distinct values");
        }

        @Test
        void aFileWithoutRowsDoesNotPassVacuously(@TempDir Path dir) throws Exception {
            Path empty = dir.resolve("nobody.csv");
            Files.writeString(empty, "id,age,city,email\n", StandardCharsets.UTF_8);
            Map<String, DynamicTest> tests = DataSuites.dynamicTests(SUITE, empty)
                    .collect(Collectors.toMap(DynamicTest::getDisplayName, test -> test));

            assertThatThrownBy(() -> tests.get("completeness(age)").getExecutable().execute())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("(0 rows) to pass completeness(age)")
                    .hasMessageContaining("but there was nothing to judge: completeness(age): no data: the table has"
                            + " no rows");
            assertThatThrownBy(() -> tests.get("range(age)").getExecutable().execute())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("(0 rows) to pass range(age)");
            assertThatThrownBy(() -> tests.get("cardinality(city)").getExecutable().execute())
                    .isInstanceOf(TestAbortedException.class).hasMessageContaining("no data");
        }

        @Test
        void fromAReportMadeInCode() {
            CheckReport report = CheckSuite.load(SUITE).run(PeopleTables.failing().select("id", "age", "city")
                    .rows(0, 1));
            List<DynamicTest> tests = DataSuites.dynamicTests(report).toList();

            assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactlyElementsOf(CHECKS);
            assertThat(tests.get(0).getTestSourceUri()).isEmpty();
            assertThatThrownBy(() -> tests.get(3).getExecutable().execute()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting the table (2 rows) to pass range(age)")
                    .hasMessageContaining("row 1: -3");
        }
    }
}
