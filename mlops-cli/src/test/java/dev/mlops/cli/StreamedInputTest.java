package dev.mlops.cli;

import static dev.mlops.cli.CliRun.creditG;
import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.TableChunks;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.parquet.ParquetFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands over a format that streams (a plugin's {@code pieces}: CSV read in pieces of rows;
 * and Parquet, read by row group): {@code mlops profile}, {@code check} and {@code suggest} read it
 * piece by piece and give what the whole table gives.
 */
class StreamedInputTest {
    /** Credit-g in pieces of 128 rows: eight pieces. */
    private static final String PIECES = "pieces(rows=128)";
    private static final String SUITE = """
            {
              "kind" : "check-suite",
              "formatVersion" : 1,
              "name" : "credit-g",
              "checks" : [
                { "type" : "schema", "columns" : [ { "name" : "age", "type" : "numeric", "nullable" : false },
                  { "name" : "class", "type" : "categorical" } ], "allowExtra" : true },
                { "type" : "range", "column" : "age", "min" : 19, "max" : 70 },
                { "type" : "completeness", "column" : "purpose" },
                { "type" : "allowed-values", "column" : "class", "values" : [ "good" ] },
                { "type" : "uniqueness", "columns" : [ "age", "duration", "credit_amount" ] },
                { "type" : "ks", "column" : "credit_amount" },
                { "type" : "mean-shift", "column" : "age" }
              ]
            }
            """;

    /** Credit-g fails it in six rows. */
    private static final String AGES = """
            { "kind" : "check-suite", "formatVersion" : 1, "name" : "ages",
              "checks" : [ { "type" : "range", "column" : "age", "max" : 70 } ] }
            """;

    @TempDir
    static Path shared;

    static Path plugins;

    static Path credit;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildPlugin() throws IOException {
        plugins = shared.resolve("plugins");
        PluginJar.buildPiecesFormat(shared.resolve("work"), plugins.resolve("pieces-plugin.jar"));
        credit = Files.copy(creditG(), shared.resolve("credit-g.pieces"));
    }

    @Test
    void profileReadsThePiecesAndPrintsTheWholeTablesProfile() {
        CliRun streamed = mlops("profile", credit.toString(), "--plugins", plugins.toString(), "--format", PIECES);
        CliRun whole = mlops("profile", creditG().toString());

        assertThat(streamed.exitCode()).as(streamed.toString()).isZero();
        assertThat(streamed.outLines().get(0)).isEqualTo(credit + ": 1000 rows, 21 columns");
        assertThat(streamed.outLines().subList(1, streamed.outLines().size()))
                .containsExactlyElementsOf(whole.outLines().subList(1, whole.outLines().size()));
    }

    @Test
    void theProfilesJsonIsTheWholeTablesWithItsFingerprint() throws IOException {
        Path out = dir.resolve("profile.json");
        CliRun streamed = mlops("profile", credit.toString(), "--plugins", plugins.toString(), "--format", PIECES,
                "--json", "--out", out.toString());
        CliRun whole = mlops("profile", creditG().toString(), "--json");

        assertThat(streamed.exitCode()).as(streamed.toString()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(streamed.out());
        assertThat(comparable(streamed.out())).isEqualTo(comparable(whole.out()));
        assertThat(DatasetProfile.load(out).fingerprints())
                .containsExactly(Fingerprint.of(CsvFormat.defaults().read(creditG())));
    }

    @Test
    void checkReadsThePiecesAndReportsWhatTheWholeTableGives() throws IOException {
        Path suiteFile = Files.writeString(dir.resolve("suite.json"), SUITE, StandardCharsets.UTF_8);
        Path reference = dir.resolve("reference.json");
        assertThat(mlops("profile", creditG().toString(), "--out", reference.toString()).exitCode()).isZero();

        CliRun streamed = mlops("check", credit.toString(), "--plugins", plugins.toString(), "--format", PIECES,
                "--suite", suiteFile.toString(), "--reference", reference.toString(), "--json");

        Table table = CsvFormat.defaults().read(creditG());
        String expected = CheckSuite.load(suiteFile).run(table, CheckContext.defaults()
                .withReference(DatasetProfile.load(reference))).toJson() + "\n";
        assertThat(streamed.exitCode()).as(streamed.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
        assertThat(withoutCreatedAt(streamed.out())).isEqualTo(withoutCreatedAt(expected));
        assertThat(Json.reader().readTree(streamed.out()).get("fingerprint").asText())
                .isEqualTo(Fingerprint.of(table).sha256());
    }

    @Test
    void checkPrintsTheFailingRowsNumberedInTheFilesOrder() throws IOException {
        Path suiteFile = Files.writeString(dir.resolve("suite.json"), AGES, StandardCharsets.UTF_8);

        CliRun streamed = mlops("check", credit.toString(), "--plugins", plugins.toString(), "--format", PIECES,
                "--suite", suiteFile.toString());
        CliRun whole = mlops("check", creditG().toString(), "--suite", suiteFile.toString());

        assertThat(streamed.exitCode()).as(streamed.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
        // the same six rows; a file read whole also names the line each starts on
        assertThat(failingRows(streamed)).hasSize(6).isEqualTo(failingRows(whole))
                .allSatisfy(row -> assertThat(row).matches("\\s+row \\d+: 7\\d"));
        assertThat(streamed.out()).endsWith("(rows are numbered from 0 in the order of " + credit + ")\n");
    }

    @Test
    void aQuarantineReadsTheWholeTableAndReportsTheSame() throws IOException {
        Path suiteFile = Files.writeString(dir.resolve("suite.json"), AGES, StandardCharsets.UTF_8);

        CliRun quarantined = mlops("check", credit.toString(), "--plugins", plugins.toString(), "--format", PIECES,
                "--suite", suiteFile.toString(), "--json", "--quarantine", dir.resolve("q").toString());
        CliRun streamed = mlops("check", credit.toString(), "--plugins", plugins.toString(), "--format", PIECES,
                "--suite", suiteFile.toString(), "--json");

        assertThat(quarantined.exitCode()).as(quarantined.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
        assertThat(withoutCreatedAt(quarantined.out())).isEqualTo(withoutCreatedAt(streamed.out()));
        List<String> set = Files.readAllLines(dir.resolve("q/credit-g.quarantined.pieces"), StandardCharsets.UTF_8);
        assertThat(set.get(0)).endsWith(",quarantine_reasons");
        assertThat(set).hasSize(1 + Json.reader().readTree(streamed.out()).get("results").get(0).get("failingRows")
                .asInt());
    }

    @Test
    void suggestProfilesThePiecesAsTheWholeTable() throws IOException {
        Path fromPieces = dir.resolve("pieces-suite.json");
        Path fromWhole = dir.resolve("whole-suite.json");

        CliRun streamed = mlops("suggest", credit.toString(), "--plugins", plugins.toString(), "--format", PIECES,
                "--out", fromPieces.toString(), "--name", "credit-g");
        CliRun whole = mlops("suggest", creditG().toString(), "--out", fromWhole.toString(), "--name", "credit-g");

        assertThat(streamed.exitCode()).as(streamed.toString()).isZero();
        assertThat(whole.exitCode()).as(whole.toString()).isZero();
        assertThat(Files.readString(fromPieces, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(fromWhole, StandardCharsets.UTF_8));
    }

    @Nested
    class Parquet {
        /** Credit-g in row groups of about 8 KiB. */
        private Path groups;

        @BeforeEach
        void creditGInRowGroups() {
            groups = dir.resolve("credit-g.parquet");
            ParquetFormat.builder().rowGroupBytes(8 << 10).build().write(CsvFormat.defaults().read(creditG()), groups);
            try (TableChunks chunks = ParquetFormat.defaults().readChunks(groups)) {
                int count = 0;
                for (; chunks.hasNext(); chunks.next()) {
                    count++;
                }
                assertThat(count).as("row groups").isGreaterThan(3);
            }
        }

        @Test
        void profileReadsTheRowGroupsAndPrintsTheWholeTablesProfile() throws IOException {
            CliRun streamed = mlops("profile", groups.toString(), "--json");
            CliRun whole = mlops("profile", creditG().toString(), "--json");

            assertThat(streamed.exitCode()).as(streamed.toString()).isZero();
            assertThat(comparable(streamed.out())).isEqualTo(comparable(whole.out()));
        }

        @Test
        void checkReadsTheRowGroupsWithTheReportOfTheBatch() throws IOException {
            Path suiteFile = Files.writeString(dir.resolve("suite.json"), SUITE, StandardCharsets.UTF_8);
            Path reference = dir.resolve("reference.json");
            assertThat(mlops("profile", creditG().toString(), "--out", reference.toString()).exitCode()).isZero();

            CliRun streamed = mlops("check", groups.toString(), "--suite", suiteFile.toString(), "--reference",
                    reference.toString(), "--json");

            CheckSuite suite = CheckSuite.load(suiteFile);
            String expected = suite.run(ParquetFormat.defaults().readBatch(groups, suite.schema()),
                    CheckContext.defaults().withReference(DatasetProfile.load(reference))).toJson();
            assertThat(streamed.exitCode()).as(streamed.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(withoutCreatedAt(streamed.out())).isEqualTo(withoutCreatedAt(expected));
        }

        @Test
        void aColumnThatOnlyABatchReadsAsTheExpectedTypeIsCheckedAsABatch() throws IOException {
            // credit-g's purpose is categorical; a batch reads it as the text the suite expects, pieces could not
            Path suiteFile = Files.writeString(dir.resolve("suite.json"), """
                    { "kind" : "check-suite", "formatVersion" : 1, "name" : "purpose",
                      "checks" : [ { "type" : "schema", "columns" : [ { "name" : "purpose", "type" : "text" } ],
                                     "allowExtra" : true } ] }
                    """, StandardCharsets.UTF_8);

            CliRun run = mlops("check", groups.toString(), "--suite", suiteFile.toString(), "--json");

            CheckSuite suite = CheckSuite.load(suiteFile);
            String expected = suite.run(ParquetFormat.defaults().readBatch(groups, suite.schema())).toJson();
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(withoutCreatedAt(run.out())).isEqualTo(withoutCreatedAt(expected));
            assertThat(CheckCommand.typed(ParquetFormat.defaults().read(groups).schema(), suite.schema())).isFalse();
        }
    }

    /** @return the failing rows a check's text lists, without their lines */
    private static List<String> failingRows(CliRun run) {
        return run.out().lines().filter(line -> line.contains("row ")).map(line -> line.replaceAll("line \\d+, ", ""))
                .toList();
    }

    /** A report's JSON without its creation time. */
    private static JsonNode withoutCreatedAt(String json) throws IOException {
        ObjectNode document = (ObjectNode) Json.reader().readTree(json);
        document.remove("createdAt");
        return document;
    }

    /**
     * A profile's JSON without its creation time and with every number rounded to 12 significant
     * digits: merged moments agree with one pass's to rounding (the package description's bound).
     */
    private static JsonNode comparable(String json) throws IOException {
        ObjectNode document = (ObjectNode) withoutCreatedAt(json);
        return rounded(document);
    }

    private static JsonNode rounded(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(node.asText()).round(new MathContext(12)));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), rounded(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(rounded(element)));
            return copy;
        }
        return node;
    }
}
