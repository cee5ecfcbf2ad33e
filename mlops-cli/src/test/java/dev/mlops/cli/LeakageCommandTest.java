package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakageCommandTest {
    @TempDir
    Path dir;

    /** Splits a file with the library and saves the artifact, as 'mlops split' does. */
    private Path split(Path data, String splitter) {
        Table table = CsvFormat.defaults().read(data);
        Split split = switch (splitter) {
            case "stratified" -> Splitters.stratified(SizePolicy.guide(), "class", 3L).split(table);
            default -> Splitters.random(SizePolicy.guide(), 3L).split(table);
        };
        Path file = dir.resolve("split.json");
        split.save(file);
        return file;
    }

    @Test
    void creditGSplitByClassHasNoErrorFindingAndExitsZero() {
        Path credit = CliRun.creditG();

        CliRun run = mlops("leakage", credit.toString(), "--split", split(credit, "stratified").toString(), "--label", "class");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("exact-duplicates", "class-distribution");
    }

    @Test
    void duplicatedRowsAcrossSetsAndASharedIdExitOneAndTheReportSaysWhy() throws IOException {
        StringBuilder csv = new StringBuilder("customer,amount,city\n");
        for (int row = 0; row < 40; row++) {
            // every row appears twice (same customer, same values): a random split puts pairs in two sets
            String line = "c" + row + "," + (100 + row) + ",München\n";
            csv.append(line).append(line);
        }
        Path data = dir.resolve("dups.csv");
        Files.writeString(data, csv.toString(), StandardCharsets.UTF_8);
        Path report = dir.resolve("report.json");

        CliRun run = mlops("leakage", data.toString(), "--split", split(data, "random").toString(), "--id", "customer",
                "--report", report.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("kind").asText()).isEqualTo("leakage-report");
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("findings").findValuesAsText("check")).contains("exact-duplicates", "shared-ids");
        assertThat(new ObjectMapper().readTree(Files.readString(report))).isEqualTo(json);
    }

    @Test
    void aSplitOfAnotherTableIsBadInput() throws IOException {
        Path credit = CliRun.creditG();
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "a,class\n1,good\n2,bad\n", StandardCharsets.UTF_8);

        CliRun run = mlops("leakage", other.toString(), "--split", split(credit, "stratified").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("mlops: ").doesNotContain("\tat ");
    }

    @Test
    void predictionTimeAndKnownAtGoTogether() {
        Path credit = CliRun.creditG();

        CliRun run = mlops("leakage", credit.toString(), "--split", split(credit, "stratified").toString(),
                "--prediction-time", "age");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--prediction-time and --known-at go together");
    }

    @Test
    void aMissingSplitFileIsNamed() {
        CliRun run = mlops("leakage", CliRun.creditG().toString(), "--split", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.json");
    }

    @Test
    void readsTheFileWithTheInputOptionsAsSplitDid() throws IOException {
        StringBuilder csv = new StringBuilder("customer;amount;class\n");
        for (int row = 0; row < 40; row++) {
            String line = "c" + row + ";" + (100 + row) + ";" + (row % 2 == 0 ? "good" : "bad") + "\n";
            csv.append(line).append(line);
        }
        Path data = dir.resolve("dups.txt");
        Files.writeString(data, csv.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("split");
        CliRun split = mlops("split", data.toString(), "--out", out.toString(), "--format", "csv", "--delimiter", ";");
        assertThat(split.exitCode()).as(split.toString()).isZero();

        CliRun run = mlops("leakage", data.toString(), "--split", out.resolve("split.json").toString(), "--id",
                "customer", "--label", "class", "--format", "csv", "--delimiter", ";", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("findings").findValuesAsText("check")).contains("exact-duplicates", "shared-ids");

        CliRun without = mlops("leakage", data.toString(), "--split", out.resolve("split.json").toString());

        assertThat(without.exitCode()).as("read with ',' it is another table: " + without).isEqualTo(2);
    }

    @Test
    void theCsvOnlyOptionsAreRefusedForJsonLines() throws IOException {
        Path data = dir.resolve("rows.jsonl");
        Files.writeString(data, "{\"a\":1}\n", StandardCharsets.UTF_8);

        CliRun run = mlops("leakage", data.toString(), "--split", dir.resolve("split.json").toString(), "--charset",
                "ISO-8859-1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("--charset does not apply to format 'jsonl' (its settings: zone, localTimes, schema, compression)");
    }
    @Nested
    class SetsFromFiles {
        private Path csv(String name, String content) throws IOException {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        }

        @Test
        void aCustomerInBothFilesIsAFindingAndExitsOne() throws IOException {
            Path train = csv("train.csv", "customer,amount,city\nc1,100,München\nc2,200,São Paulo\nc3,300,Köln\n");
            Path test = csv("test.csv", "customer,amount,city\nc4,400,Hamburg\nc2,250,Bremen\n");

            CliRun run = mlops("leakage", "--set", "train=" + train, "--set", "test=" + test, "--id", "customer");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).contains("shared-ids", "test row 1", "train row 1");
        }

        @Test
        void filesWithoutSharedRowsPassAndTheFormatIsChosenPerFile() throws IOException {
            Path train = csv("train.csv", "customer,amount\nc1,100\nc2,200\n");
            Path test = csv("test.jsonl", "{\"customer\":\"c3\",\"amount\":300}\n");

            CliRun run = mlops("leakage", "--set", "train=" + train, "--set", "test=" + test, "--id", "customer",
                    "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("\"passed\": true");
        }

        @Test
        void differentColumnsAreBadInputNamingTheFileAndTheColumn() throws IOException {
            Path train = csv("train.csv", "customer,amount\nc1,100\n");
            Path test = csv("test.csv", "customer,total\nc2,200\n");

            CliRun run = mlops("leakage", "--set", "train=" + train, "--set", "test=" + test);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("mlops: --set train=" + train + " --set test=" + test
                    + ": set 'test' does not have the columns of "
                    + "set 'train': column 2 is 'total' (NUMERIC) in 'test' but 'amount' (NUMERIC) in 'train'")
                    .doesNotContain("\tat ");
        }

        @Test
        void oneSetIsAUsageError() throws IOException {
            Path train = csv("train.csv", "customer,amount\nc1,100\n");

            CliRun run = mlops("leakage", "--set", "train=" + train);

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--set needs at least two sets, such as --set train=train.csv --set "
                    + "test=test.csv, but got 1");
        }

        @Test
        void aNameTwiceOrWithoutAFileIsAUsageError() throws IOException {
            Path train = csv("train.csv", "customer,amount\nc1,100\n");

            CliRun twice = mlops("leakage", "--set", "train=" + train, "--set", "train=" + train);
            CliRun noFile = mlops("leakage", "--set", "train=" + train, "--set", "test=");
            CliRun noName = mlops("leakage", "--set", "train=" + train, "--set", String.valueOf(train));

            assertThat(twice.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(twice.err()).startsWith("--set names the set 'train' twice");
            assertThat(noFile.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(noFile.err()).startsWith("--set takes NAME=FILE, such as train=train.csv, but got 'test='");
            assertThat(noName.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(noName.err()).startsWith("--set takes NAME=FILE, such as train=train.csv, but got '" + train + "'");
        }

        @Test
        void setsAndASplitAreRefusedTogetherAndOneOfThemIsNeeded() throws IOException {
            Path train = csv("train.csv", "customer,amount\nc1,100\n");

            CliRun both = mlops("leakage", train.toString(), "--split", dir.resolve("split.json").toString(), "--set",
                    "train=" + train, "--set", "test=" + train);
            CliRun neither = mlops("leakage");
            CliRun noSplit = mlops("leakage", train.toString());

            assertThat(both.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(both.err()).startsWith("give FILE --split SPLIT_JSON or --set NAME=FILE for each set, not both");
            assertThat(neither.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(neither.err()).startsWith("give FILE --split SPLIT_JSON, or --set NAME=FILE for each set");
            assertThat(noSplit.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(noSplit.err()).startsWith("give FILE --split SPLIT_JSON, or --set NAME=FILE for each set");
        }
    }

    @Test
    void aDuplicatedLongValueIsCutWithItsLength() throws IOException {
        StringBuilder csv = new StringBuilder(LongText.NAME_CSV + "\n");
        for (int row = 0; row < 20; row++) {
            csv.append(LongText.VALUE_CSV).append('\n');
        }
        Path data = dir.resolve("long.csv");
        Files.writeString(data, csv.toString(), StandardCharsets.UTF_8);

        CliRun run = mlops("leakage", data.toString(), "--split", split(data, "random").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out().length()).as(run.out()).isLessThan(LongText.MOST_CHARACTERS);
        assertThat(run.out()).contains(LongText.NAME_SHOWN + "=" + LongText.VALUE_SHOWN + " " + LongText.VALUE_LENGTH)
                .doesNotContain("\t", "\u0007");
    }
}
