package dev.mlops.cli;

import static dev.mlops.cli.CliRun.creditG;
import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaCommandTest {
    private static final List<String> CREDIT_G_NUMERIC = List.of("duration", "credit_amount",
            "installment_commitment", "residence_since", "age", "existing_credits", "num_dependents");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Reads the text output's column lines into name -> "type missing". */
    private static Map<String, String> columns(CliRun run) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String line : run.outLines().subList(1, run.outLines().size())) {
            String[] parts = line.strip().split(" +");
            assertThat(parts).as(line).hasSize(5);
            assertThat(parts[4]).isEqualTo("missing");
            columns.put(parts[1], parts[2] + " " + parts[3]);
        }
        return columns;
    }

    @Nested
    class CreditG {

        @Test
        void printsRowsColumnsAndTypes() {
            CliRun run = mlops("schema", creditG().toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.outLines()).hasSize(22);
            assertThat(run.outLines().get(0)).isEqualTo(creditG() + ": 1000 rows, 21 columns");
            assertThat(run.outLines().get(1)).isEqualTo("  1  checking_status         categorical  0 missing");
            assertThat(run.outLines().get(21)).isEqualTo(" 21  class                   categorical  0 missing");

            Map<String, String> columns = columns(run);
            assertThat(columns).hasSize(21);
            List<String> numeric = new ArrayList<>();
            List<String> categorical = new ArrayList<>();
            columns.forEach((name, typeAndMissing) -> {
                assertThat(typeAndMissing).endsWith(" 0");
                (typeAndMissing.startsWith("numeric ") ? numeric : categorical).add(name);
                assertThat(typeAndMissing).matches("(numeric|categorical) 0");
            });
            assertThat(numeric).containsExactlyElementsOf(CREDIT_G_NUMERIC);
            assertThat(categorical).hasSize(14).contains("class", "foreign_worker", "checking_status");
        }

        @Test
        void alignsTheColumns() {
            List<String> lines = mlops("schema", creditG().toString()).outLines().subList(1, 22);

            assertThat(lines).extracting(line -> line.indexOf(line.contains("numeric") ? "numeric" : "categorical"))
                    .containsOnly(lines.get(0).indexOf("categorical"));
            assertThat(lines).extracting(line -> line.indexOf(" missing")).containsOnly(lines.get(0).indexOf(" missing"));
        }

        @Test
        void jsonOutputParsesBackWithKeysInAStableOrder() throws IOException {
            CliRun run = mlops("schema", "--json", creditG().toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.outLines()).hasSize(1);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.fieldNames()).toIterable().containsExactly("file", "rows", "columns");
            assertThat(json.get("file").asText()).isEqualTo(creditG().toString());
            assertThat(json.get("rows").asInt()).isEqualTo(1000);
            JsonNode columns = json.get("columns");
            assertThat(columns).hasSize(21);
            assertThat(columns.get(0).fieldNames()).toIterable().containsExactly("name", "type", "missing");
            List<String> numeric = new ArrayList<>();
            List<String> categorical = new ArrayList<>();
            for (JsonNode column : columns) {
                assertThat(column.get("missing").asInt()).isZero();
                String type = column.get("type").asText();
                assertThat(type).isIn("numeric", "categorical");
                (type.equals("numeric") ? numeric : categorical).add(column.get("name").asText());
            }
            assertThat(numeric).containsExactlyElementsOf(CREDIT_G_NUMERIC);
            assertThat(categorical).hasSize(14).contains("class").last().isEqualTo("class");
        }
    }

    @Nested
    class Options {

        @Test
        void semicolonDelimiter() throws IOException {
            Path file = file("semi.csv", "city;size;code\nHamburg;1,5;a\nBerlin;2,25;b\n");

            CliRun run = mlops("schema", "--delimiter", ";", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines().get(0)).isEqualTo(file + ": 2 rows, 3 columns");
            assertThat(columns(run)).containsExactly(Map.entry("city", "categorical 0"),
                    Map.entry("size", "categorical 0"), Map.entry("code", "categorical 0"));
        }

        @Test
        void withoutTheDelimiterASemicolonFileIsOneColumn() throws IOException {
            Path file = file("semi.csv", "city;code\nHamburg;a\n");

            assertThat(mlops("schema", file.toString()).outLines().get(0)).endsWith(": 1 row, 1 column");
        }

        @ParameterizedTest
        @ValueSource(strings = {"tab", "TAB", "\\t", "\t"})
        void tabDelimiter(String delimiter) throws IOException {
            Path file = file("tabs.tsv", "a\tb\n1\tx y\n2\tz\n");

            CliRun run = mlops("schema", "--delimiter", delimiter, file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(columns(run)).containsExactly(Map.entry("a", "numeric 0"), Map.entry("b", "categorical 0"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ab", "", "\""})
        void badDelimiterIsAUsageError(String delimiter) throws IOException {
            Path file = file("a.csv", "a\n1\n");

            CliRun run = mlops("schema", "--delimiter", delimiter, file.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("Invalid value for option '--delimiter'").contains("Usage: mlops schema");
        }

        @Test
        void missingTokensReplaceTheDefaults() throws IOException {
            Path file = file("m.csv", "x,y\n1,?\nn/a,2\n3,\n");

            assertThat(columns(mlops("schema", file.toString())))
                    .containsExactly(Map.entry("x", "categorical 0"), Map.entry("y", "numeric 2"));
            assertThat(columns(mlops("schema", "--missing", "n/a", file.toString())))
                    .containsExactly(Map.entry("x", "numeric 1"), Map.entry("y", "categorical 0"));
            assertThat(columns(mlops("schema", "--missing", "n/a", "--missing", "", "--missing=?", file.toString())))
                    .containsExactly(Map.entry("x", "numeric 1"), Map.entry("y", "numeric 2"));
        }

        @Test
        void zoneReadsLocalTimesAsTimestamps() throws IOException {
            Path file = file("t.csv", "at,n\n2024-03-01T10:00:00,1\n2024-03-02T11:30:00,2\n");

            assertThat(columns(mlops("schema", file.toString()))).containsEntry("at", "categorical 0");
            assertThat(columns(mlops("schema", "--zone", "Europe/Berlin", file.toString())))
                    .containsEntry("at", "timestamp 0");
        }

        @Test
        void localTimesResolvesAGapOrOverlapThatIsOtherwiseAnError() throws IOException {
            Path file = file("t.csv", "at\n2024-03-30 12:00\n2024-03-31 02:30\n2024-10-27 02:30\n");

            CliRun refused = mlops("schema", "--zone", "Europe/Berlin", file.toString());
            CliRun resolved = mlops("schema", "--zone", "Europe/Berlin", "--local-times", "later", file.toString());
            CliRun bad = mlops("schema", "--zone", "Europe/Berlin", "--local-times", "shift", file.toString());

            assertThat(refused.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(refused.err()).contains("line 3", "'at'", "2024-03-31T02:30 does not exist in Europe/Berlin",
                    "--local-times");
            assertThat(resolved.exitCode()).as(resolved.toString()).isZero();
            assertThat(columns(resolved)).containsEntry("at", "timestamp 0");
            assertThat(bad.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(bad.err()).startsWith("Invalid value for option '--local-times'").contains("error, earlier or later");
        }

        @Test
        void badZoneIsAUsageError() throws IOException {
            CliRun run = mlops("schema", "--zone", "Mars/Olympus", file("t.csv", "a\n1\n").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("Invalid value for option '--zone'").contains("'Mars/Olympus'");
        }

        @Test
        void nonAsciiNamesAndValuesSurvive() throws IOException {
            Path file = file("städte.csv", "stadt,größe,straße\nMünchen,1.5,Maximilianstraße\nSão Paulo,12.3,\n");

            CliRun run = mlops("schema", file.toString());
            CliRun json = mlops("schema", "--json", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines().get(0)).isEqualTo(file + ": 2 rows, 3 columns");
            assertThat(columns(run)).containsExactly(Map.entry("stadt", "categorical 0"),
                    Map.entry("größe", "numeric 0"), Map.entry("straße", "categorical 1"));
            JsonNode tree = new ObjectMapper().readTree(json.out());
            assertThat(tree.get("file").asText()).endsWith("städte.csv");
            assertThat(tree.get("columns").get(1).get("name").asText()).isEqualTo("größe");
        }
    }

    @Nested
    class JsonLines {

        @ParameterizedTest
        @ValueSource(strings = {"e.jsonl", "e.ndjson", "E.JSONL"})
        void detectedFromTheFileName(String name) throws IOException {
            Path file = file(name, "{\"id\":\"a\",\"n\":1,\"ok\":true}\n{\"id\":\"b\",\"n\":null,\"ok\":false}\n");

            CliRun run = mlops("schema", file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(columns(run)).containsExactly(Map.entry("id", "categorical 0"), Map.entry("n", "numeric 1"),
                    Map.entry("ok", "boolean 0"));
        }

        @Test
        void formatOptionOverridesTheFileName() throws IOException {
            Path file = file("events.log", "{\"n\":1}\n{\"n\":2}\n");

            assertThat(columns(mlops("schema", "--format", "jsonl", file.toString())))
                    .containsExactly(Map.entry("n", "numeric 0"));
            assertThat(columns(mlops("schema", "--format=CSV", file("events.jsonl", "n\n1\n").toString())))
                    .containsExactly(Map.entry("n", "numeric 0"));
        }

        @Test
        void csvOptionsAreRefused() throws IOException {
            CliRun run = mlops("schema", "--delimiter", ";", file("e.jsonl", "{\"n\":1}\n").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--delimiter does not apply to format 'jsonl' (its settings: zone, localTimes, schema, compression)");
        }

        @Test
        void unknownFormatIsAUsageError() throws IOException {
            CliRun run = mlops("schema", "--format", "xml", file("e.jsonl", "{\"n\":1}\n").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--format: spec 'xml': unknown TableFormat type 'xml' (known types: csv, jsonl, parquet;");
        }
    }

    @Nested
    class Errors {

        private Path ragged() throws IOException {
            return file("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
        }

        @Test
        void raggedCsvIsOneLineNamingTheFileAndLine() throws IOException {
            Path file = ragged();

            CliRun run = mlops("schema", file.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("mlops: " + file + " line 3: expected 3 values, as many as the header names,"
                    + " but found 2\n");
            assertThat(run.err()).doesNotContain("Exception", "\tat dev.mlops");
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void verboseAddsTheStackTrace(boolean beforeTheSubcommand) throws IOException {
            String file = ragged().toString();

            CliRun run = beforeTheSubcommand ? mlops("--verbose", "schema", file) : mlops("schema", file, "--verbose");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: " + file + " line 3: ")
                    .contains("dev.mlops.core.DataFormatException: " + file + " line 3", "\tat dev.mlops.");
        }

        @Test
        void missingFile() {
            String file = dir.resolve("x.csv").toString();

            CliRun run = mlops("schema", file);

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("mlops: no such file: " + file + "\n");
        }

        @Test
        void directoryInsteadOfAFile() {
            CliRun run = mlops("schema", dir.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: cannot read " + dir).doesNotContain("Exception");
        }

        @Test
        void unknownOption() throws IOException {
            CliRun run = mlops("schema", "--bogus", ragged().toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("Unknown option: '--bogus'").contains("Usage: mlops schema");
        }

        @Test
        void missingFileParameter() {
            CliRun run = mlops("schema");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("Missing required parameter: 'FILE'").contains("Usage: mlops schema");
        }

        @Test
        void aHeaderOnlyFileSaysItHasNoRowsAndNoInferredTypes() throws IOException {
            Path file = file("header.csv", "city,amount\n");

            CliRun run = mlops("schema", file.toString());
            CliRun json = mlops("schema", file.toString(), "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).containsExactly(
                    file + ": 0 rows, 2 columns; with no rows no type can be inferred",
                    "  1  city    unknown  0 missing",
                    "  2  amount  unknown  0 missing");
            assertThat(new ObjectMapper().readTree(json.out()).at("/columns/1/type").asText()).isEqualTo("unknown");
        }

        @Test
        void anUnclosedQuoteNamesTheLineWhereItOpens() throws IOException {
            Path file = file("quote.csv", "a,b\n1,\"open\n2,x\n3,y\n");

            CliRun run = mlops("schema", file.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: " + file + " line 2, column 'b' (2): the quote that opens this value"
                    + " is never closed\n");
        }

        @Test
        void aLatin1FileIsAnErrorUnlessItsCharsetIsGiven() throws IOException {
            Path file = Files.write(dir.resolve("latin1.csv"), "city\nM\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1));

            CliRun strict = mlops("schema", file.toString());
            CliRun latin1 = mlops("schema", file.toString(), "--charset", "ISO-8859-1");

            assertThat(strict.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(strict.out()).isEmpty();
            assertThat(strict.err()).isEqualTo("mlops: " + file + " line 2: the byte 0xFC at byte offset 6 is not valid "
                    + "UTF-8; if the input has another encoding, name its charset, such as ISO-8859-1 or windows-1252\n");
            assertThat(latin1.exitCode()).as(latin1.toString()).isZero();
            assertThat(latin1.outLines().get(1)).isEqualTo("  1  city  categorical  0 missing");
        }

        @Test
        void emptyFile() throws IOException {
            Path file = file("empty.csv", "");

            CliRun run = mlops("schema", file.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: " + file + " line 1: the input is empty; expected a header line\n");
        }
    }

    @Nested
    class LongNames {

        @Test
        void aLongColumnNameIsCutWithItsLengthAndTheColumnsStayAligned() throws IOException {
            Path data = file("long.csv", LongText.NAME_CSV + ",b\n" + LongText.VALUE_CSV + ",1\n");

            CliRun run = mlops("schema", data.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out().length()).as(run.out()).isLessThan(LongText.MOST_CHARACTERS);
            List<String> lines = run.outLines();
            assertThat(lines.get(1)).startsWith("  1  " + LongText.NAME_SHOWN + "  ");
            int typeAt = ("  1  " + LongText.NAME_SHOWN + "  ").length();
            assertThat(lines.get(2).substring(typeAt)).startsWith("numeric");
            assertThat(run.out()).doesNotContain("\t", "\u0007");
        }
    }
}
