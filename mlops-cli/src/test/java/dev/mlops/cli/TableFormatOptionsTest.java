package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.Table;
import dev.mlops.data.io.JsonLinesFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format} and the options that are a format's settings, resolved through the registry:
 * a spec, an unknown type, an option the type lacks, and a plugin's {@code TableFormat}.
 */
class TableFormatOptionsTest {
    private static final String PIPES = "id|city|n\n1|Köln|3\n2||4\n3|Bonn|-\n4|Ulm|6\n";
    private static final String COMPLETE_CITY = "{\"kind\": \"check-suite\", \"formatVersion\": 1, \"name\": \"s\", "
            + "\"checks\": [{\"type\": \"completeness\", \"column\": \"city\"}]}";

    @TempDir
    static Path shared;

    static Path plugins;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildPlugin() throws IOException {
        plugins = shared.resolve("plugins");
        PluginJar.buildPipeFormat(shared.resolve("work"), plugins.resolve("pipe-plugin.jar"));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Nested
    class Specs {
        @Test
        void aSpecGivesTheSettings() throws IOException {
            CliRun run = mlops("schema", "--format", "csv(delimiter=\";\", missingTokens=[x])",
                    file("rows.txt", "id;city\n1;x\n2;Bonn\n").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).containsExactly(dir.resolve("rows.txt") + ": 2 rows, 2 columns",
                    "  1  id    numeric      0 missing", "  2  city  categorical  1 missing");
        }

        @Test
        void anOptionBesideTheSpecsSettingIsAUsageError() throws IOException {
            CliRun run = mlops("schema", "--format", "csv(delimiter=\";\")", "--delimiter", ",",
                    file("rows.txt", "a\n1\n").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--delimiter and --format 'csv(delimiter=\";\")' both give the setting"
                    + " 'delimiter'; give it once");
        }

        @Test
        void anOptionJoinsTheSpecsOtherSettings() throws IOException {
            CliRun run = mlops("schema", "--format", "csv(delimiter=\";\")", "--missing", "-",
                    file("rows.txt", "a;b\n-;\n1;2\n").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).contains("  1  a  numeric      1 missing", "  2  b  categorical  0 missing");
        }

        @Test
        void aSettingTheTypeRefusesIsAUsageErrorNamingIt() throws IOException {
            CliRun run = mlops("schema", "--format", "csv(delimiter=ab)", file("rows.csv", "a\n1\n").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--format: spec 'csv(delimiter=ab)'")
                    .contains("delimiter must be one character and not a line break but was 'ab'");
        }

        @Test
        void aMalformedSpecIsAUsageError() throws IOException {
            CliRun run = mlops("schema", "--format", "csv(delimiter=", file("rows.csv", "a\n1\n").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--format: ").contains("csv(delimiter=");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void anUnknownTypeGetsADidYouMeanHint() throws IOException {
            CliRun run = mlops("schema", "--format", "jsnl", file("rows.csv", "a\n1\n").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--format: spec 'jsnl': unknown TableFormat type 'jsnl'; did you mean"
                    + " 'jsonl'? (known types: csv, jsonl, parquet;");
        }

        @Test
        void theTypeNameIsReadInAnyCase() throws IOException {
            CliRun run = mlops("schema", "--format", "JSONL(zone=UTC)", file("rows.txt", "{\"t\":\"2024-01-02\"}\n")
                    .toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).contains("  1  t  timestamp  0 missing");
        }
    }

    @Nested
    class WrittenFiles {
        @Test
        void theSetsKeepTheInputsExtensionWhenItNamesTheFormat() throws IOException {
            Path input = file("rows.ndjson", "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n{\"id\":4}\n");

            CliRun run = mlops("split", input.toString(), "--out", dir.resolve("out").toString(), "--sets",
                    "train=0.5,test=0.5");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Table train = JsonLinesFormat.defaults().read(dir.resolve("out/train.ndjson"));
            Table test = JsonLinesFormat.defaults().read(dir.resolve("out/test.ndjson"));
            assertThat(train.rowCount() + test.rowCount()).isEqualTo(4);
        }

        @Test
        void aFileWithoutExtensionGivesTheTypesName() throws IOException {
            Path input = file("rows", "id\n1\n2\n3\n4\n");

            CliRun run = mlops("split", input.toString(), "--out", dir.resolve("out").toString(), "--sets",
                    "train=0.5,test=0.5");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(dir.resolve("out/train.csv")).exists();
            assertThat(dir.resolve("out/test.csv")).exists();
        }
    }

    @Nested
    class APluginsFormat {
        @Test
        void readsByItsTypeName() throws IOException {
            CliRun run = mlops("schema", "--plugins", plugins.toString(), "--format", "pipe",
                    file("cities.txt", PIPES).toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).containsExactly(dir.resolve("cities.txt") + ": 4 rows, 3 columns",
                    "  1  id    numeric      0 missing", "  2  city  categorical  1 missing",
                    "  3  n     categorical  0 missing");
        }

        @Test
        void isChosenByTheExtensionOfItsName() throws IOException {
            CliRun run = mlops("schema", file("cities.pipe", PIPES).toString(), "--plugins", plugins.toString(),
                    "--missing", "-", "--missing", "");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).contains("  3  n     numeric      1 missing");
        }

        @Test
        void refusesAnOptionItHasNoSettingFor() throws IOException {
            CliRun run = mlops("schema", file("cities.pipe", PIPES).toString(), "--plugins", plugins.toString(),
                    "--delimiter", ";");

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--delimiter does not apply to format 'pipe' (its settings: missingTokens)");
        }

        @Test
        void isUnknownWithoutThePlugins() throws IOException {
            CliRun run = mlops("schema", "--format", "pipe", file("cities.txt", PIPES).toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--format: spec 'pipe': unknown TableFormat type 'pipe' (known types:"
                    + " csv, jsonl, parquet;");
        }

        @Test
        void quarantinesFromTheTableWithAReasonsColumnWhenItKnowsNoRowOrigins() throws IOException {
            Path suite = file("suite.json", COMPLETE_CITY);

            CliRun run = mlops("check", file("cities.pipe", PIPES).toString(), "--plugins", plugins.toString(),
                    "--suite", suite.toString(), "--quarantine", dir.resolve("q").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).contains("row 1: <missing>\n", ", with the column quarantine_reasons\n");
            assertThat(Files.readAllLines(dir.resolve("q/cities.quarantined.pipe"), StandardCharsets.UTF_8))
                    .containsExactly("id|city|n|quarantine_reasons", "2||4|completeness(city)");
            assertThat(Files.readAllLines(dir.resolve("q/cities.quarantined.reasons.pipe"), StandardCharsets.UTF_8))
                    .containsExactly("row|line|quarantine_reasons", "1||completeness(city)");
            assertThat(Files.readAllLines(dir.resolve("q/cities.passing.pipe"), StandardCharsets.UTF_8)).hasSize(4);
        }

        @Test
        void refusesToQuarantineATableWithTheReasonsColumnWritingNothing() throws IOException {
            Path report = dir.resolve("report.json");

            CliRun run = mlops("check", file("again.pipe", "city|quarantine_reasons\n|x\n").toString(), "--plugins",
                    plugins.toString(), "--suite", file("suite.json", COMPLETE_CITY).toString(), "--quarantine",
                    dir.resolve("q").toString(), "--report", report.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("mlops: ").contains("quarantine_reasons").doesNotContain("\tat ");
            assertThat(report).doesNotExist();
            assertThat(dir.resolve("q")).doesNotExist();
        }

        @Test
        void writesTheSetsOfASplit() throws IOException {
            Path input = file("cities.pipe", PIPES);

            CliRun run = mlops("split", input.toString(), "--plugins", plugins.toString(), "--out",
                    dir.resolve("out").toString(), "--sets", "train=0.5,test=0.5");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Files.readAllLines(dir.resolve("out/train.pipe"), StandardCharsets.UTF_8)).hasSize(3)
                    .first().isEqualTo("id|city|n");
            assertThat(Files.readAllLines(dir.resolve("out/test.pipe"), StandardCharsets.UTF_8)).hasSize(3);
        }
    }
}
