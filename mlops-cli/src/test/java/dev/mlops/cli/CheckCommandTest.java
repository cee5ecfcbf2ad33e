package dev.mlops.cli;

import static dev.mlops.cli.CliRun.creditG;
import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.profile.DatasetProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckCommandTest {
    /** Cities with a negative amount (row 2) and a missing one (row 3): both fail error checks. */
    private static final String CITIES = "city,amount\nMünchen,10\nSão Paulo,12.5\nHamburg,-3\nMünchen,\nBerlin,7\n";
    private static final String CITIES_SUITE = suite("cities",
            "{ \"type\" : \"completeness\", \"column\" : \"amount\" }",
            "{ \"type\" : \"range\", \"column\" : \"amount\", \"min\" : 0 }",
            "{ \"type\" : \"allowed-values\", \"column\" : \"city\", \"values\" : [\"München\", \"São Paulo\", "
                    + "\"Hamburg\", \"Berlin\"] }",
            "{ \"type\" : \"range\", \"column\" : \"amount\", \"max\" : 11, \"severity\" : \"warning\" }");

    /** A numeric amount that reads "abc" on line 3 and is negative on line 4. */
    private static final String BAD_AMOUNT = "city,amount\nMünchen,10\nHamburg,abc\nKöln,-3\nBerlin,7.0\n";
    private static final String NUMERIC_AGE = "{ \"type\" : \"schema\", \"columns\" : [ { \"name\" : \"id\", "
            + "\"type\" : \"numeric\" }, { \"name\" : \"age\", \"type\" : \"numeric\" }, { \"name\" : \"city\", "
            + "\"type\" : \"categorical\" } ] }";
    private static final String TYPED_SUITE = suite("cities",
            "{ \"type\" : \"schema\", \"columns\" : [ { \"name\" : \"city\", \"type\" : \"categorical\" }, "
                    + "{ \"name\" : \"amount\", \"type\" : \"numeric\" } ] }",
            "{ \"type\" : \"range\", \"column\" : \"amount\", \"min\" : 0 }");

    @TempDir
    Path dir;

    private static String suite(String name, String... checks) {
        return "{\n  \"kind\" : \"check-suite\",\n  \"formatVersion\" : 1,\n  \"name\" : \"" + name
                + "\",\n  \"checks\" : [\n    " + String.join(",\n    ", checks) + "\n  ]\n}\n";
    }

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    /** A suite of error checks that credit-g passes, and one warning that it fails (ages above 70). */
    private Path creditGSuite() throws IOException {
        return file("credit-g.suite.json", suite("credit-g",
                "{ \"type\" : \"completeness\", \"column\" : \"age\" }",
                "{ \"type\" : \"range\", \"column\" : \"age\", \"min\" : 18, \"max\" : 100 }",
                "{ \"type\" : \"allowed-values\", \"column\" : \"class\", \"values\" : [\"good\", \"bad\"] }",
                "{ \"type\" : \"range\", \"column\" : \"age\", \"max\" : 70, \"severity\" : \"warning\" }"));
    }

    @Nested
    class ExitStatus {

        @Test
        void aPassingSuiteExitsZeroAndListsEveryCheck() throws IOException {
            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.outLines().get(0)).isEqualTo(
                    "check report for suite 'credit-g': passed (3 passed, 0 errors, 1 warning)");
            assertThat(run.outLines().get(1)).contains("1000 rows");
            assertThat(run.out()).contains("passed  error   completeness(age)", "passed  error   range(age)",
                    "passed  error   allowed-values(class)", "failed  warning range(age)");
        }

        @Test
        void aFailingErrorCheckExitsOneAndNamesTheRows() throws IOException {
            Path data = file("cities.csv", CITIES);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.err()).isEmpty();
            assertThat(run.outLines().get(0)).isEqualTo(
                    "check report for suite 'cities': FAILED (1 passed, 2 errors, 1 warning)");
            assertThat(run.out()).contains(
                    "failed  error   completeness(amount)", "row 3: <missing>",
                    "failed  error   range(amount)", "row 2: -3",
                    "passed  error   allowed-values(city)",
                    "failed  warning range(amount)", "row 1: 12.5");
            assertThat(run.outLines()).contains("(rows are numbered from 0 in the order of " + data
                    + ", the header not counted)");
        }

        @Test
        void failingWarningsAloneExitZero() throws IOException {
            Path data = file("cities.csv", "city,amount\nMünchen,10\nBerlin,20\n");

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines().get(0)).isEqualTo(
                    "check report for suite 'cities': passed (3 passed, 0 errors, 1 warning)");
            assertThat(run.out()).contains("failed  warning range(amount)", "row 1: 20");
        }

        @Test
        void anEmptyTableIsNoDataAndFailsTheErrorChecks() throws IOException {
            Path data = file("empty.csv", "city,amount\n");

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).contains("no-data");
            assertThat(run.out()).doesNotContain("rows are numbered");
        }
    }

    @Nested
    class HeaderOnly {

        @Test
        void aSchemaCheckSaysTheFileHasNoRowsInsteadOfReportingTypeMismatches() throws IOException {
            Path data = file("header.csv", "city,amount\n");
            Path suite = file("suite.json", suite("cities", "{ \"type\" : \"schema\", \"columns\" : ["
                    + "{ \"name\" : \"city\", \"type\" : \"categorical\" }, "
                    + "{ \"name\" : \"amount\", \"type\" : \"numeric\" } ] }"));

            CliRun run = mlops("check", data.toString(), "--suite", suite.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).contains("no-data", "the table has no rows to show its columns' types")
                    .doesNotContain("expected NUMERIC");
        }
    }

    @Nested
    class Output {

        @Test
        void jsonIsTheReportAndReportWritesTheSameDocument() throws IOException {
            Path report = dir.resolve("out/report.json");

            CliRun run = mlops("check", file("cities.csv", CITIES).toString(), "--suite",
                    file("suite.json", CITIES_SUITE).toString(), "--json", "--report", report.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("kind").asText()).isEqualTo("check-report");
            assertThat(json.get("suite").asText()).isEqualTo("cities");
            assertThat(json.get("passed").asBoolean()).isFalse();
            assertThat(json.get("errors").asInt()).isEqualTo(2);
            assertThat(json.get("warnings").asInt()).isEqualTo(1);
            JsonNode range = json.get("results").get(1);
            assertThat(range.get("check").asText()).isEqualTo("range(amount)");
            assertThat(range.get("verdict").asText()).isEqualTo("failed");
            assertThat(range.get("failingRows").asInt()).isEqualTo(1);
            assertThat(range.get("sample").get(0).get("row").asInt()).isEqualTo(2);
            assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(run.out());
        }

        @Test
        void reportIsWrittenAlsoWithTextOutput() throws IOException {
            Path report = dir.resolve("report.json");

            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString(), "--report",
                    report.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("check report for suite 'credit-g': passed");
            JsonNode json = new ObjectMapper().readTree(Files.readString(report, StandardCharsets.UTF_8));
            assertThat(json.get("passed").asBoolean()).isTrue();
            assertThat(json.get("rowCount").asInt()).isEqualTo(1000);
        }

        @Test
        void sampleLimitsTheListedRows() throws IOException {
            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString(), "--sample", "2");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<String> rows = run.outLines().stream().filter(line -> line.strip().matches("(line \\d+, )?row \\d+: .*"))
                    .toList();
            assertThat(rows).hasSize(2);
            assertThat(run.out()).containsPattern("\n +and \\d+ more\n");
        }

        @Test
        void sampleOfZeroListsNoRows() throws IOException {
            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString(), "--sample", "0");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).noneMatch(line -> line.strip().startsWith("row "));
        }

        @Test
        void aNegativeSampleIsAUsageError() throws IOException {
            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString(), "--sample", "-1");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("--sample must not be negative but was -1");
        }
    }

    @Nested
    class Quarantine {

        private List<String> column(Table table, String name) {
            List<String> values = new ArrayList<>();
            for (int row = 0; row < table.rowCount(); row++) {
                values.add(table.column(name).format(row));
            }
            return values;
        }

        @Test
        void intoAnExistingDirectoryAsThreeFilesNamedAfterTheInput() throws IOException {
            Path data = file("cities.csv", CITIES);
            Path out = Files.createDirectories(dir.resolve("quarantine"));

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", out.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            Path passing = out.resolve("cities.passing.csv");
            Path quarantined = out.resolve("cities.quarantined.csv");
            Path reasons = out.resolve("cities.quarantined.reasons.csv");
            assertThat(run.out()).contains("quarantined 2 of 5 rows (failing an error-severity row check or not "
                    + "readable as the suite's types): " + quarantined, "passing 3 rows: " + passing,
                    "reasons (row, line, quarantine_reasons): " + reasons + "\n");
            Table good = CsvFormat.defaults().read(passing);
            assertThat(column(good, "city")).containsExactly("München", "São Paulo", "Berlin");
            Table bad = CsvFormat.defaults().read(quarantined);
            assertThat(column(bad, "city")).containsExactly("Hamburg", "München");
            Table why = CsvFormat.defaults().read(reasons);
            assertThat(why.schema().names()).containsExactly("row", "line", "quarantine_reasons");
            assertThat(column(why, "row")).containsExactly("2", "3");
            assertThat(column(why, "quarantine_reasons")).containsExactly("range(amount)", "completeness(amount)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"new/", "new"})
        void intoANewDirectoryGivenWithASlashOrWithoutExtension(String name) throws IOException {
            Path data = file("cities.csv", CITIES);
            String target = dir.resolve("x").toString() + "/" + name;

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", target);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(dir.resolve("x/new")).isDirectoryContaining("glob:**/cities.passing.csv")
                    .isDirectoryContaining("glob:**/cities.quarantined.csv")
                    .isDirectoryContaining("glob:**/cities.quarantined.reasons.csv");
        }

        @Test
        void intoAFileWithThePassingRowsAndTheReasonsBesideIt() throws IOException {
            Path data = file("cities.csv", CITIES);
            Path target = dir.resolve("out/bad-rows.csv");

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", target.toString(), "--json");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(new ObjectMapper().readTree(run.out()).get("kind").asText()).isEqualTo("check-report");
            assertThat(column(CsvFormat.defaults().read(target), "city")).containsExactly("Hamburg", "München");
            assertThat(column(CsvFormat.defaults().read(dir.resolve("out/bad-rows.reasons.csv")), "quarantine_reasons"))
                    .containsExactly("range(amount)", "completeness(amount)");
            assertThat(CsvFormat.defaults().read(dir.resolve("out/cities.passing.csv")).rowCount()).isEqualTo(3);
        }

        @Test
        void aRowFailingTwoChecksNamesBoth() throws IOException {
            Path data = file("cities.csv", "city,amount\nParis,-1\nBerlin,1\n");

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", dir.resolve("q").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            Table why = CsvFormat.defaults().read(dir.resolve("q/cities.quarantined.reasons.csv"));
            assertThat(column(why, "quarantine_reasons")).containsExactly("range(amount); allowed-values(city)");
        }

        @Test
        void aPassingTableQuarantinesNothing() throws IOException {
            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString(), "--quarantine",
                    dir.resolve("q").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Files.readAllLines(dir.resolve("q/credit-g.passing.csv"), StandardCharsets.UTF_8)).hasSize(1001);
            assertThat(Files.readAllLines(dir.resolve("q/credit-g.quarantined.csv"), StandardCharsets.UTF_8))
                    .hasSize(1).first().asString().startsWith("checking_status,duration,");
            assertThat(Files.readAllLines(dir.resolve("q/credit-g.quarantined.reasons.csv"), StandardCharsets.UTF_8))
                    .containsExactly("row,line,quarantine_reasons");
        }

        @Test
        void keepsTheDelimiterAndEachRowsTextAsTheInputHasThem() throws IOException {
            Path data = file("cities.tsv", CITIES.replace(',', '\t').replace("12.5", "12.50"));

            CliRun run = mlops("check", data.toString(), "--delimiter", "tab", "--suite",
                    file("suite.json", CITIES_SUITE).toString(), "--quarantine", dir.resolve("q").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(Files.readString(dir.resolve("q/cities.quarantined.tsv"), StandardCharsets.UTF_8))
                    .isEqualTo("city\tamount\nHamburg\t-3\nMünchen\t\n");
            assertThat(Files.readString(dir.resolve("q/cities.passing.tsv"), StandardCharsets.UTF_8))
                    .isEqualTo("city\tamount\nMünchen\t10\nSão Paulo\t12.50\nBerlin\t7\n");
            assertThat(Files.readAllLines(dir.resolve("q/cities.quarantined.reasons.tsv"), StandardCharsets.UTF_8))
                    .containsExactly("row\tline\tquarantine_reasons", "2\t4\trange(amount)",
                            "3\t5\tcompleteness(amount)");
        }

        @Test
        void copiesEveryInputLineExactlyOnceKeepingNumbersQuotesAndLineEnds() throws IOException {
            String header = "id,age,city\r\n";
            List<String> rows = List.of("1,66.0,\"Köln\"\r\n", "2,abc,Bonn\r\n", "3,-1,\"São, Paulo\"\r\n",
                    "4,1e1,\"Ulm\nan der Donau\"\r\n", "5,007,\"He said \"\"hi\"\"\"\r\n");
            Path data = file("people.csv", header + String.join("", rows));
            Path suite = file("people.json", suite("people", NUMERIC_AGE, "{ \"type\" : \"range\", \"column\" : "
                    + "\"age\", \"min\" : 0 }"));

            CliRun run = mlops("check", data.toString(), "--suite", suite.toString(), "--quarantine",
                    dir.resolve("q").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            String passing = Files.readString(dir.resolve("q/people.passing.csv"), StandardCharsets.UTF_8);
            String quarantined = Files.readString(dir.resolve("q/people.quarantined.csv"), StandardCharsets.UTF_8);
            assertThat(passing).isEqualTo(header + rows.get(0) + rows.get(3) + rows.get(4));
            assertThat(quarantined).isEqualTo(header + rows.get(1) + rows.get(2));
            List<String> together = new ArrayList<>(dataLines(passing, header));
            together.addAll(dataLines(quarantined, header));
            assertThat(together).containsExactlyInAnyOrderElementsOf(dataLines(Files.readString(data,
                    StandardCharsets.UTF_8), header));
            assertThat(run.out()).contains("quarantined 2 of 5 rows", "each row as it is in " + data);
        }

        /** @return the lines after the header, each with its terminator, so that CRLF is told from LF */
        private List<String> dataLines(String text, String header) {
            assertThat(text).startsWith(header);
            return List.of(text.substring(header.length()).split("(?<=\n)"));
        }

        @Test
        void aRowWithACellThatIsNotOfItsTypeIsSetApartWithTheReason() throws IOException {
            Path data = file("cities.csv", BAD_AMOUNT);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", TYPED_SUITE).toString(),
                    "--quarantine", dir.resolve("q").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(Files.readString(dir.resolve("q/cities.quarantined.csv"), StandardCharsets.UTF_8))
                    .isEqualTo("city,amount\nHamburg,abc\nKöln,-3\n");
            assertThat(Files.readString(dir.resolve("q/cities.passing.csv"), StandardCharsets.UTF_8))
                    .isEqualTo("city,amount\nMünchen,10\nBerlin,7.0\n");
            Table why = CsvFormat.defaults().read(dir.resolve("q/cities.quarantined.reasons.csv"));
            assertThat(column(why, "line")).containsExactly("3", "4");
            assertThat(why.column("quarantine_reasons").format(0)).startsWith("schema(amount): ").endsWith("\"abc\"");
            assertThat(why.column("quarantine_reasons").format(1)).isEqualTo("range(amount)");
        }

        @Test
        void jsonLinesInJsonLinesOut() throws IOException {
            String rows = "{\"city\":\"München\",\"amount\":10.0}\n{\"city\": \"Hamburg\", \"amount\": -3}\n";
            Path data = file("cities.jsonl", rows);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", dir.resolve("q").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(Files.readString(dir.resolve("q/cities.quarantined.jsonl"), StandardCharsets.UTF_8))
                    .isEqualTo("{\"city\": \"Hamburg\", \"amount\": -3}\n");
            assertThat(Files.readString(dir.resolve("q/cities.passing.jsonl"), StandardCharsets.UTF_8))
                    .isEqualTo("{\"city\":\"München\",\"amount\":10.0}\n");
            assertThat(run.out()).contains("line 2, row 1: -3", "(rows are numbered from 0 in the order of " + data);
            Table why = JsonLinesFormat.defaults().read(dir.resolve("q/cities.quarantined.reasons.jsonl"));
            assertThat(column(why, "quarantine_reasons")).containsExactly("range(amount)");
        }

        @Test
        void aFileOfAnotherFormatIsAUsageError() throws IOException {
            Path data = file("cities.csv", CITIES);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", dir.resolve("bad.jsonl").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("--quarantine " + dir.resolve("bad.jsonl")
                    + " names a file of format 'jsonl', but the rows are written as 'csv', the format of " + data);
        }

        @Test
        void aTableWithTheReasonsColumnIsCopiedAsItIs() throws IOException {
            Path data = file("again.csv", "amount,quarantine_reasons\n-3,range(amount)\n");

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", dir.resolve("q").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(Files.readString(dir.resolve("q/again.quarantined.csv"), StandardCharsets.UTF_8))
                    .isEqualTo("amount,quarantine_reasons\n-3,range(amount)\n");
        }

        @Test
        void neverOverwritesTheInput() throws IOException {
            Path data = file("cities.csv", CITIES);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", data.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--quarantine " + data + " would overwrite the input " + data);
            assertThat(Files.readString(data, StandardCharsets.UTF_8)).isEqualTo(CITIES);
        }

        @Test
        void neverOverwritesTheInputWithTheReasons() throws IOException {
            Path data = file("cities.reasons.csv", CITIES);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", dir.resolve("cities.csv").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--quarantine " + dir.resolve("cities.csv") + " would overwrite the input "
                    + data);
        }

        @Test
        void refusesAFileWhereThePassingRowsGo() throws IOException {
            Path data = file("cities.csv", CITIES);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", CITIES_SUITE).toString(),
                    "--quarantine", dir.resolve("cities.passing.csv").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("is where the passing rows go");
        }
    }

    @Nested
    class ReadAgainstTheSuite {

        @Test
        void aCellThatIsNotOfItsTypeIsAFindingForItsLineAndTheOtherRowsAreChecked() throws IOException {
            Path data = file("cities.csv", BAD_AMOUNT);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", TYPED_SUITE).toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.outLines().get(0)).isEqualTo(
                    "check report for suite 'cities': FAILED (0 passed, 2 errors, 0 warnings)");
            assertThat(run.out()).contains("failed  error   schema: 1 difference: 1 row could not be read as the "
                    + "expected types: line 3, column 'amount' (2): ", "\"abc\"",
                    "                line 3, row 1: amount=\"abc\"\n",
                    "failed  error   range(amount): 2 of 3 rows pass",
                    "                line 4, row 2: -3\n");
        }

        @Test
        void theJsonReportGivesEachFailingRowsLine() throws IOException {
            Path data = file("cities.csv", BAD_AMOUNT);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", TYPED_SUITE).toString(), "--json");

            JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
            assertThat(results.get(0).get("sample").get(0).get("line").asLong()).isEqualTo(3);
            assertThat(results.get(0).get("sample").get(0).get("row").asInt()).isEqualTo(1);
            assertThat(results.get(1).get("sample").get(0).get("line").asLong()).isEqualTo(4);
            assertThat(new ObjectMapper().readTree(run.out()).get("rowCount").asInt()).isEqualTo(4);
        }

        @Test
        void aSuiteWithoutSchemaCheckReadsTheTypesItInfers() throws IOException {
            Path data = file("cities.csv", BAD_AMOUNT);

            CliRun run = mlops("check", data.toString(), "--suite", file("suite.json", suite("cities",
                    "{ \"type\" : \"range\", \"column\" : \"amount\", \"min\" : 0 }")).toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).contains("failed  error   range(amount): ", "CATEGORICAL");
        }
    }

    @Nested
    class Reference {

        @Test
        void aStoredProfileIsAccepted() throws IOException {
            Path profile = dir.resolve("profile.json");
            assertThat(mlops("profile", creditG().toString(), "--out", profile.toString()).exitCode()).isZero();

            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString(), "--reference",
                    profile.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(DatasetProfile.fromJson(Files.readString(profile, StandardCharsets.UTF_8)).rowCount())
                    .isEqualTo(1000);
        }

        private Path meanShiftSuite() throws IOException {
            return file("shift.suite.json", suite("credit-g",
                    "{ \"type\" : \"completeness\", \"column\" : \"age\" }",
                    "{ \"type\" : \"mean-shift\", \"column\" : \"age\" }"));
        }

        @Test
        void aSuiteThatComparesDistributionsNeedsAReference() throws IOException {
            Path suite = meanShiftSuite();
            Path report = dir.resolve("report.json");

            CliRun run = mlops("check", creditG().toString(), "--suite", suite.toString(), "--report", report.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("mlops: " + suite + ": suite 'credit-g' compares distributions against a "
                    + "reference (mean-shift(age)); give --reference PROFILE_JSON").doesNotContain("\tat ");
            assertThat(report).doesNotExist();
        }

        @Test
        void theSameDataAsTheReferencePassesAndShiftedDataFails() throws IOException {
            Path profile = dir.resolve("profile.json");
            assertThat(mlops("profile", creditG().toString(), "--out", profile.toString()).exitCode()).isZero();
            StringBuilder older = new StringBuilder("age\n");
            for (int row = 0; row < 200; row++) {
                older.append(55 + row % 20).append('\n');
            }
            Path shifted = file("older.csv", older.toString());

            CliRun same = mlops("check", creditG().toString(), "--suite", meanShiftSuite().toString(), "--reference",
                    profile.toString());
            CliRun different = mlops("check", shifted.toString(), "--suite", meanShiftSuite().toString(), "--reference",
                    profile.toString());

            assertThat(same.exitCode()).as(same.toString()).isZero();
            assertThat(same.out()).contains("passed  error   mean-shift(age)");
            assertThat(different.exitCode()).as(different.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(different.out()).contains("failed  error   mean-shift(age)");
        }

        @Test
        void aSuggestedSuiteWithReferenceChecksPassesOnItsBaselineAndWarnsOnShiftedAges() throws IOException {
            Path profile = dir.resolve("profile.json");
            assertThat(mlops("profile", creditG().toString(), "--out", profile.toString()).exitCode()).isZero();
            Path suite = dir.resolve("suite.json");
            assertThat(mlops("suggest", creditG().toString(), "--reference-checks", "--out", suite.toString())
                    .exitCode()).isZero();
            List<String> lines = Files.readAllLines(creditG(), StandardCharsets.UTF_8);
            int age = List.of(lines.get(0).split(",", -1)).indexOf("age");
            StringBuilder older = new StringBuilder(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                cells[age] = String.valueOf(Integer.parseInt(cells[age]) + 20);
                older.append(String.join(",", cells)).append('\n');
            }
            Path shifted = file("credit-g-older.csv", older.toString());

            CliRun same = mlops("check", creditG().toString(), "--suite", suite.toString(), "--reference",
                    profile.toString());
            CliRun different = mlops("check", shifted.toString(), "--suite", suite.toString(), "--reference",
                    profile.toString());

            assertThat(same.exitCode()).as(same.toString()).isZero();
            assertThat(same.outLines().get(0)).endsWith(" passed, 0 errors, 0 warnings)");
            assertThat(same.out()).contains("passed  warning psi(age)", "passed  warning chi-square(class)");
            // a warning does not fail the run: exit 0, the shift reported
            assertThat(different.exitCode()).as(different.toString()).isZero();
            assertThat(different.outLines().get(0)).endsWith(" passed, 0 errors, 1 warning)");
            assertThat(different.out()).contains("failed  warning psi(age)");
        }

        @Test
        void aFileThatIsNoProfileIsBadInputNamingIt() throws IOException {
            Path notAProfile = file("profile.json", "{\"kind\": \"check-suite\"}");

            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString(), "--reference",
                    notAProfile.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("mlops: " + notAProfile + ": expected a document of kind 'dataset-profile'")
                    .doesNotContain("\tat ");
        }

        @Test
        void aMissingProfileIsNamed() throws IOException {
            CliRun run = mlops("check", creditG().toString(), "--suite", creditGSuite().toString(), "--reference",
                    dir.resolve("nope.json").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no such file: " + dir.resolve("nope.json") + "\n");
        }
    }

    @Nested
    class BadSuite {

        @Test
        void anUnknownFieldNamesTheSuiteFileTheCheckAndTheField() throws IOException {
            Path suite = file("suite.json", suite("cities",
                    "{ \"type\" : \"completeness\", \"column\" : \"amount\" }",
                    "{ \"type\" : \"range\", \"column\" : \"amount\", \"mni\" : 0 }"));

            CliRun run = mlops("check", file("cities.csv", CITIES).toString(), "--suite", suite.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("mlops: " + suite + ": checks[1]: unknown setting 'mni' of Check 'range';"
                    + " did you mean 'min'?").doesNotContain("\tat ");
        }

        @Test
        void aWrongValueNamesTheField() throws IOException {
            Path suite = file("suite.json", suite("cities", "{ \"type\" : \"range\", \"column\" : \"amount\", \"min\" : \"zero\" }"));

            CliRun run = mlops("check", file("cities.csv", CITIES).toString(), "--suite", suite.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: " + suite + ": checks[0]: the setting 'min' of Check 'range' must be"
                    + " a number but was \"zero\"");
        }

        @Test
        void anUnknownTypeIsNamed() throws IOException {
            Path suite = file("suite.json", suite("cities", "{ \"type\" : \"ranges\", \"column\" : \"amount\" }"));

            CliRun run = mlops("check", file("cities.csv", CITIES).toString(), "--suite", suite.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: " + suite + ": checks[0]: unknown Check type 'ranges'; did you mean"
                    + " 'range'?");
        }

        @Test
        void textThatIsNoJsonNamesTheFile() throws IOException {
            Path suite = file("suite.json", "checks: [range]\n");

            CliRun run = mlops("check", file("cities.csv", CITIES).toString(), "--suite", suite.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: " + suite + " line 1: not valid JSON at character ");
        }

        @Test
        void aMissingSuiteIsNamed() throws IOException {
            CliRun run = mlops("check", file("cities.csv", CITIES).toString(), "--suite", dir.resolve("nope.json").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no such file: " + dir.resolve("nope.json") + "\n");
        }

        @Test
        void withoutSuiteItIsAUsageError() throws IOException {
            CliRun run = mlops("check", file("cities.csv", CITIES).toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required option: '--suite=SUITE_JSON'", "Usage: mlops check");
        }

        @Test
        void aMissingDataFileIsNamedAndNothingIsWritten() throws IOException {
            Path report = dir.resolve("report.json");

            CliRun run = mlops("check", dir.resolve("nope.csv").toString(), "--suite", creditGSuite().toString(),
                    "--report", report.toString(), "--quarantine", dir.resolve("q").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no such file: " + dir.resolve("nope.csv") + "\n");
            assertThat(report).doesNotExist();
            assertThat(dir.resolve("q")).doesNotExist();
        }
    }

    @Nested
    class LongValues {

        @Test
        void aLongFailingValueAndALongColumnNameAreCutWithTheirLengths() throws IOException {
            Path data = file("long.csv", LongText.NAME_CSV + "\nok\n" + LongText.VALUE_CSV
                    + "\n");
            Path suite = file("long.suite.json", suite("long", "{ \"type\" : \"allowed-values\", \"column\" : \""
                    + LongText.NAME_JSON + "\", \"values\" : [\"ok\"] }"));

            CliRun run = mlops("check", data.toString(), "--suite", suite.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out().length()).as(run.out()).isLessThan(LongText.MOST_CHARACTERS);
            assertThat(run.out()).contains("row 1: " + LongText.VALUE_SHOWN,
                    LongText.VALUE_LENGTH, "(216 characters)").doesNotContain("\t", "\u0007");
        }
    }
}
