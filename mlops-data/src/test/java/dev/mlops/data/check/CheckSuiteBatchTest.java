package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.CellProblem;
import dev.mlops.data.io.RowOrigins;
import dev.mlops.data.profile.DatasetProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite run over a batch: rows that could not be read, lines beside rows, quarantined bytes. */
class CheckSuiteBatchTest {
    private static final String HEADER = "id,age,city\n";
    private static final SchemaCheck SCHEMA = SchemaCheck.of(Schema.of(Field.of("id", ColumnType.NUMERIC),
            Field.of("age", ColumnType.NUMERIC), Field.of("city", ColumnType.CATEGORICAL)));
    private static final CheckSuite SUITE = CheckSuite.builder("people").add(SCHEMA).add(Checks.range("age", 0, 120))
            .build();

    @TempDir
    Path dir;

    /** Rows 1 ("abc" as age) and 4 (two bad cells) cannot be read; row 2 is out of range; 3 spans two lines. */
    private BatchFile file;
    private Batch batch;

    @BeforeEach
    void write() throws IOException {
        file = new BatchFile(dir.resolve("people.csv"), HEADER, "1,34,München\n", "2,abc,Hamburg\n",
                "3,-5,\"Berlin\"\r\n", "4,66.0,\"São\nPaulo\"\n", "x,y,Köln\n", "6,40,Köln");
        Table table = Table.builder().add(NumericColumn.of("id", 1, 3, 4, 6)).add(NumericColumn.of("age", 34, -5, 66, 40))
                .add(CategoricalColumn.of("city", "München", "Berlin", "São\nPaulo", "Köln")).build();
        batch = Batch.of(table, file.origins(0, 2, 3, 5), List.of(file.notANumber(1, "age", 2, "abc"),
                file.notANumber(4, "id", 1, "x"), file.notANumber(4, "age", 2, "y")));
    }

    @Nested
    class ExpectedSchema {
        @Test
        void isTheSchemaChecksColumnsAndTypesTheFirstOneWinning() {
            CheckSuite suite = CheckSuite.builder("s").add(Checks.range("age", 0, 1)).add(SCHEMA)
                    .add(SchemaCheck.of(Schema.of(Field.of("age", ColumnType.CATEGORICAL),
                            Field.of("zip", ColumnType.CATEGORICAL))))
                    .build();
            assertThat(suite.schema()).isEqualTo(Schema.of(Field.of("id", ColumnType.NUMERIC),
                    Field.of("age", ColumnType.NUMERIC), Field.of("city", ColumnType.CATEGORICAL),
                    Field.of("zip", ColumnType.CATEGORICAL)));
        }

        @Test
        void isEmptyWithoutASchemaCheck() {
            assertThat(CheckSuite.builder("s").add(Checks.range("age", 0, 1)).build().schema().fields()).isEmpty();
        }
    }

    @Nested
    class Run {
        @Test
        void theSchemaCheckFailsNamingEachRowThatCouldNotBeReadByLineColumnAndText() {
            CheckResult schema = SUITE.run(batch).result("schema");

            assertThat(schema.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(schema.isError()).isTrue();
            assertThat(schema.measured()).isEqualTo(2);
            assertThat(schema.message()).isEqualTo("schema: 2 differences: 2 rows could not be read as the expected "
                    + "types: line 3, column 'age' (2): expected a number but found \"abc\"; line 7, column 'id' (1): "
                    + "expected a number but found \"x\"; line 7, column 'age' (2): expected a number but found \"y\" "
                    + "(threshold <= 0)");
            assertThat(schema.failingRows()).isEqualTo(2);
            assertThat(schema.sample()).containsExactly(new FailingRow(1, OptionalLong.of(3), "age=\"abc\""),
                    new FailingRow(4, OptionalLong.of(7), "id=\"x\", age=\"y\""));
        }

        @Test
        void everyOtherRowIsCheckedAsUsualWithItsInputRowAndLine() {
            CheckReport report = SUITE.run(batch);

            CheckResult range = report.result("range(age)");
            assertThat(range.message()).startsWith("range(age): 3 of 4 rows pass");
            assertThat(range.sample()).containsExactly(new FailingRow(2, OptionalLong.of(4), "-5"));
            assertThat(report.rowCount()).isEqualTo(6);
            assertThat(report.passed()).isFalse();
        }

        @Test
        void rowsAfterTheLastUnreadableRowCountEveryOneBefore() {
            CheckSuite suite = CheckSuite.builder("s").add(SCHEMA).add(Checks.range("age", 0, 39)).build();

            assertThat(suite.run(batch).result("range(age)").sample()).containsExactly(
                    new FailingRow(2, OptionalLong.of(4), "-5"), new FailingRow(3, OptionalLong.of(5), "66"),
                    new FailingRow(5, OptionalLong.of(8), "40"));
        }

        @Test
        void aSampleSizeLimitsTheUnreadableRowsListedButNotTheirCount() {
            CheckResult schema = SUITE.run(batch, CheckContext.defaults().withSampleSize(1)).result("schema");
            assertThat(schema.sample()).extracting(FailingRow::row).containsExactly(1);
            assertThat(schema.failingRows()).isEqualTo(2);
        }

        @Test
        void moreThanThreeBadCellsAreCountedNotNamed() {
            List<CellProblem> problems = new ArrayList<>(batch.problems());
            problems.add(0, file.notANumber(1, "id", 1, "two"));
            CheckResult schema = SUITE.run(Batch.of(batch.table(), batch.origins().orElseThrow(), problems))
                    .result("schema");
            assertThat(schema.message()).contains("found \"x\"; and 1 more bad cell (threshold")
                    .doesNotContain("found \"y\"");
            assertThat(schema.sample()).extracting(FailingRow::value).containsExactly("id=\"two\", age=\"abc\"",
                    "id=\"x\", age=\"y\"");
        }

        @Test
        void oneRowThatCouldNotBeReadIsOneDifferenceBesideTheOthers() {
            CheckSuite suite = CheckSuite.builder("s").add(new SchemaCheck(List.of(new ExpectedColumn("age",
                    ColumnType.NUMERIC, true)), false, false, Severity.WARNING)).build();
            Batch one = Batch.of(batch.table(), batch.origins().orElseThrow(), List.of(batch.problems().get(0)));

            CheckResult schema = suite.run(one).result("schema");

            assertThat(schema.measured()).isEqualTo(3);
            assertThat(schema.message()).startsWith("schema: 3 differences: 1 row could not be read as the expected "
                    + "types: line 3, column 'age' (2)").contains("column 'id' (1, NUMERIC) is not expected");
            assertThat(schema.isWarning()).as("the check's own severity").isTrue();
        }

        @Test
        void aReadBatchWithoutProblemsIsRunAsItsTableWithLines() {
            Batch clean = Batch.of(batch.table(), batch.origins().orElseThrow(), List.of());

            CheckReport report = SUITE.run(clean, CheckContext.defaults());

            assertThat(report.result("schema").passed()).isTrue();
            assertThat(report.result("range(age)").sample()).containsExactly(new FailingRow(1, OptionalLong.of(4), "-5"));
            assertThat(report.rowCount()).isEqualTo(4);
        }

        @Test
        void aBatchReadFromAFileWithoutRowsHasNoEvidenceOfItsTypes() throws IOException {
            BatchFile header = new BatchFile(dir.resolve("header.csv"), HEADER);
            Batch empty = Batch.of(batch.table().head(0), header.origins(), List.of());

            CheckResult schema = SUITE.run(empty).result("schema");

            assertThat(schema.verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(schema.message()).isEqualTo("schema: no data: the table has no rows to show its columns' types "
                    + "(the names are as expected)");
            assertThat(SUITE.run(batch.table().head(0)).result("schema").passed()).as("a typed table alone").isTrue();
        }

        @Test
        void aTableAloneHasNoLines() {
            assertThat(SUITE.run(batch.table()).result("range(age)").sample())
                    .containsExactly(new FailingRow(1, OptionalLong.empty(), "-5"));
        }

        @Test
        void theTextAndJsonReportsShowTheLines() {
            CheckReport report = SUITE.run(batch);

            assertThat(report.toText()).contains("                line 3, row 1: age=\"abc\"\n",
                    "                line 4, row 2: -5\n");
            assertThat(report.toJson()).contains("{\n          \"line\": 4,\n          \"row\": 2,\n"
                    + "          \"value\": \"-5\"\n        }");
            assertThat(report.describeFailures(report.errors(), 1)).contains("\n    line 3, row 1: age=\"abc\"\n",
                    "\n    line 4, row 2: -5");
        }

        @Test
        void eachUnreadableRowIsReportedByTheFirstSchemaCheckExpectingItsColumnAlone() {
            SchemaCheck cities = new SchemaCheck(List.of(new ExpectedColumn("city", ColumnType.CATEGORICAL, true)), true,
                    false, Severity.WARNING);
            CheckSuite suite = CheckSuite.builder("s").add(cities).add(SCHEMA).add(SCHEMA.withSeverity(Severity.WARNING))
                    .build();

            List<CheckResult> results = suite.run(batch).results();

            assertThat(results.get(0).passed()).isTrue();
            assertThat(results.get(1).failingRows()).isEqualTo(2);
            assertThat(results.get(2).passed()).isTrue();
            assertThat(results.get(2).sample()).isEmpty();
        }

        @Test
        void aBadCellNoSchemaCheckExpectsIsRefusedNamingIt() {
            CheckSuite suite = CheckSuite.builder("people").add(Checks.range("age", 0, 120)).build();
            assertThatThrownBy(() -> suite.run(batch)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("line 3, column 'age' (2): expected a number but found \"abc\", but no schema check of "
                            + "suite 'people' expects column 'age' to report it");
        }

        @Test
        void badCellsWithoutOriginsAreRefused() {
            Batch noOrigins = Batch.of(batch.table(), null, batch.problems());
            assertThatThrownBy(() -> SUITE.run(noOrigins)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the batch has 3 cells that could not be read but no row origins");
        }

        @Test
        void aReferenceProfileIsPassedOn() {
            CheckSuite suite = CheckSuite.builder("s").add(SCHEMA).add(Checks.ks("age")).build();
            CheckReport report = suite.run(batch, DatasetProfile.of(batch.table()));
            assertThat(report.result("ks(age)").passed()).isTrue();
            assertThatThrownBy(() -> suite.run(batch)).isInstanceOf(MlopsException.class)
                    .hasMessageContaining("(ks(age))");
        }
    }

    @Nested
    class Rows {
        @Test
        void badCellsGivenOutOfOrderAreTakenInInputOrder() {
            List<CellProblem> reversed = new ArrayList<>(batch.problems());
            Collections.reverse(reversed);
            Batch shuffled = Batch.of(batch.table(), batch.origins().orElseThrow(), reversed);

            assertThat(SUITE.run(shuffled).result("schema").sample()).extracting(FailingRow::row).containsExactly(1, 4);
            assertThat(SUITE.quarantine(shuffled).unreadable()).extracting(QuarantinedRow::checks).containsExactly(
                    List.of("schema(age): expected a number but found \"abc\""),
                    List.of("schema(age): expected a number but found \"y\"", "schema(id): expected a number but found \"x\""));
        }

        @Test
        void aFailingRowsPlaceIsValidated() {
            assertThat(new FailingRow(0, OptionalLong.of(1), "x").location()).isEqualTo("line 1, row 0");
            assertThat(new FailingRow(0, "x").location()).isEqualTo("row 0");
            assertThatThrownBy(() -> new FailingRow(-1, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row must not be negative but was -1");
            assertThatThrownBy(() -> new FailingRow(0, OptionalLong.of(0), "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("line must be at least 1 but was 0");
        }

        @Test
        void aQuarantinedRowsPlaceIsValidated() {
            assertThat(new QuarantinedRow(0, OptionalLong.of(1), List.of("c")).location()).isEqualTo("line 1, row 0");
            assertThatThrownBy(() -> new QuarantinedRow(-1, List.of("c"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row must not be negative but was -1");
            assertThatThrownBy(() -> new QuarantinedRow(0, OptionalLong.of(0), List.of("c")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("line must be at least 1 but was 0");
            assertThatThrownBy(() -> new QuarantinedRow(0, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a quarantined row must name the checks it failed");
        }

        @Test
        void aQuarantinesOriginsMustMatchItsRows() {
            Table table = batch.table();
            Optional<RowOrigins> two = Optional.of(file.origins(0, 2));
            assertThatThrownBy(() -> new Quarantine(table, table.rows(), List.of(), List.of(), two,
                    Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("origins of 2 rows for 4 passing rows");
            assertThatThrownBy(() -> new Quarantine(table.rows(), table.rows(), List.of(), List.of(), Optional.empty(),
                    two)).isInstanceOf(IllegalArgumentException.class).hasMessage("origins of 2 rows for 0 rows set apart");
            assertThat(new Quarantine(table.rows(0, 1), table.rows(), List.of(), List.of(), two, Optional.empty())
                    .passingOrigins()).isEqualTo(two);
        }
    }

    @Nested
    class Quarantining {
        @Test
        void setsApartTheUnreadableRowsWithTheSchemaFindingAndTheFailingOnesWithTheirChecks() {
            Quarantine quarantine = SUITE.quarantine(batch);

            assertThat(quarantine.unreadable()).containsExactly(
                    new QuarantinedRow(1, OptionalLong.of(3), List.of("schema(age): expected a number but found \"abc\"")),
                    new QuarantinedRow(4, OptionalLong.of(7), List.of("schema(id): expected a number but found \"x\"",
                            "schema(age): expected a number but found \"y\"")));
            assertThat(quarantine.reasons()).containsExactly(
                    new QuarantinedRow(2, OptionalLong.of(4), List.of("range(age)")));
            assertThat(quarantine.passing()).isEqualTo(batch.table().rows(0, 2, 3));
            assertThat(quarantine.quarantined()).isEqualTo(batch.table().rows(1));
            assertThat(quarantine.setApartCount()).isEqualTo(3);
            assertThat(quarantine.setApart()).extracting(QuarantinedRow::location)
                    .containsExactly("line 3, row 1", "line 4, row 2", "line 7, row 4");
        }

        @Test
        void theReasonsTableListsEveryRowSetApartInInputOrder() {
            Table reasons = SUITE.quarantine(batch).reasonsTable();

            assertThat(reasons.schema().names()).containsExactly("row", "line", "quarantine_reasons");
            assertThat(reasons.numericColumn("row").toArray()).containsExactly(1, 2, 4);
            assertThat(reasons.numericColumn("line").toArray()).containsExactly(3, 4, 7);
            assertThat(reasons.textColumn("quarantine_reasons").get(2)).isEqualTo(
                    "schema(id): expected a number but found \"x\"; schema(age): expected a number but found \"y\"");
        }

        @Test
        void copiesKeepEachRowsBytesAndHoldEveryInputLineExactlyOnce() throws IOException {
            Quarantine quarantine = SUITE.quarantine(batch);
            ByteArrayOutputStream passing = new ByteArrayOutputStream();
            ByteArrayOutputStream quarantined = new ByteArrayOutputStream();

            quarantine.copyPassing(file.path(), passing);
            quarantine.copyQuarantined(file.path(), quarantined);

            assertThat(passing.toString(StandardCharsets.UTF_8)).isEqualTo(HEADER + file.row(0) + file.row(3)
                    + file.row(5) + "\n");
            assertThat(quarantined.toString(StandardCharsets.UTF_8)).isEqualTo(HEADER + file.row(1) + file.row(2)
                    + file.row(4));
            List<String> together = new ArrayList<>(dataLines(passing));
            together.addAll(dataLines(quarantined));
            List<String> input = dataLines(Files.readString(file.path(), StandardCharsets.UTF_8) + "\n");
            assertThat(together).containsExactlyInAnyOrderElementsOf(input);
        }

        private List<String> dataLines(ByteArrayOutputStream out) {
            return dataLines(out.toString(StandardCharsets.UTF_8));
        }

        /** @return the lines after the header, each with its terminator, so a CRLF is told from an LF */
        private List<String> dataLines(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)")));
            assertThat(lines.remove(0)).isEqualTo(HEADER);
            return lines;
        }

        @Test
        void aTableAloneHasNoLinesAndNoBytesToCopy() {
            Quarantine quarantine = SUITE.quarantine(batch.table());

            assertThat(quarantine.reasons()).containsExactly(new QuarantinedRow(1, List.of("range(age)")));
            assertThat(quarantine.unreadable()).isEmpty();
            assertThat(quarantine.passingOrigins()).isEmpty();
            assertThat(quarantine.reasonsTable().numericColumn("line").isMissing(0)).isTrue();
            assertThatThrownBy(() -> quarantine.copyPassing(file.path(), new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the rows' origins are not known, so their bytes cannot be copied from " + file.path()
                            + "; write the tables instead");
            assertThatThrownBy(() -> quarantine.copyQuarantined(file.path(), new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aFileThatChangedSinceItWasReadIsAnError() throws IOException {
            Quarantine quarantine = SUITE.quarantine(batch);
            Files.writeString(file.path(), HEADER, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> quarantine.copyPassing(file.path(), new ByteArrayOutputStream()))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }
}
