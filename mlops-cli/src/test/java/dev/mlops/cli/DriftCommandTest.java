package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {
    @TempDir
    Path dir;

    /** 40 rows of age (20 + row % 20) and city (München or São Paulo), ages moved by {@code shift}. */
    private Path cities(String name, int shift) throws IOException {
        StringBuilder csv = new StringBuilder("age,city\n");
        for (int row = 0; row < 40; row++) {
            csv.append(String.format(Locale.ROOT, "%d,%s\n", 20 + row % 20 + shift, row % 2 == 0 ? "München"
                    : "São Paulo"));
        }
        return Files.writeString(dir.resolve(name), csv.toString(), StandardCharsets.UTF_8);
    }

    @Nested
    class AgainstABaselineWithAnHtmlReport {
        @Test
        void aBaselineDirectoryIsAReferenceAndTheReportIsWrittenBesideItsJson() throws IOException {
            Path train = cities("train.csv", 0);
            Path baseline = dir.resolve("baseline");
            assertThat(mlops("baseline", train.toString(), "--out", baseline.toString()).exitCode())
                    .isEqualTo(MlopsCommand.EXIT_OK);
            Path report = dir.resolve("report");

            CliRun run = mlops("drift", "--reference", baseline.toString(), "--current",
                    cities("batch.csv", 10).toString(), "--html", report.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).startsWith("drift report: FAILED (1 of 2 columns drifted");
            assertThat(run.err()).isEqualTo("Report: " + report.resolve("report.html").toAbsolutePath()
                    + " (open it in a browser), data in report.json\n");
            JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
            assertThat(json.get("kind").asText()).isEqualTo("monitoring-report");
            assertThat(json.get("title").asText()).isEqualTo("Drift of batch.csv against baseline");
            assertThat(json.get("features")).hasSize(2);
            assertThat(json.get("findings").get(0).get("scope").asText()).isEqualTo("age");
            assertThat(Files.readString(report.resolve("report.html"), StandardCharsets.UTF_8))
                    .contains("<svg").contains("age").contains("city");
        }
    }

    @Nested
    class AgainstATable {
        @Test
        void theSameDataPassesWithExitZero() throws IOException {
            Path train = cities("train.csv", 0);
            CliRun run = mlops("drift", "--reference", train.toString(), "--current", cities("batch.csv", 0).toString());
            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_OK);
            assertThat(run.out()).startsWith("drift report: passed (0 of 2 columns drifted, 0 errors, 0 warnings)\n"
                    + "reference table of 40 rows, current table ");
            assertThat(run.out()).contains("info    no-drift     column 'age': ks p-value 1 (adjusted 1) >= alpha 0.05:"
                    + " no drift\n");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void aShiftedColumnExitsOneAndIsNamed() throws IOException {
            // from scipy.stats import ks_2samp
            // ks_2samp([30 + r % 20 for r in range(40)], [20 + r % 20 for r in range(40)]).pvalue -> 6.5768913245274e-05
            // (the city column is the same, p = 1; Benjamini-Hochberg over the two: 2 * 6.5768913245274e-05)
            CliRun run = mlops("drift", "--reference", cities("train.csv", 0).toString(), "--current",
                    cities("batch.csv", 10).toString());
            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).startsWith("drift report: FAILED (1 of 2 columns drifted, 1 error, 0 warnings)");
            assertThat(run.out()).contains("error   drift        column 'age': ks p-value 6.57689e-05 (adjusted"
                    + " 0.000131538) < alpha 0.05: drift\n");
        }

        @Test
        void aMissingColumnExitsOne() throws IOException {
            Path batch = Files.writeString(dir.resolve("batch.csv"), "age\n21\n22\n23\n", StandardCharsets.UTF_8);
            CliRun run = mlops("drift", "--reference", cities("train.csv", 0).toString(), "--current", batch.toString());
            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).contains("error   missing      column 'city' of the reference is missing from the"
                    + " current table\n");
        }

        @Test
        void aDetectorAndACorrectionCanBeChosen() throws IOException {
            CliRun run = mlops("drift", "--reference", cities("train.csv", 0).toString(), "--current",
                    cities("batch.csv", 1).toString(), "--detector", "psi(threshold=5, bins=4)", "--correction", "holm",
                    "--json");
            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_OK);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("correction").asText()).isEqualTo("holm");
            assertThat(json.get("columns").get(0).get("detector").get("type").asText()).isEqualTo("psi");
            assertThat(json.get("columns").get(1).get("statistic").asText()).isEqualTo("psi");
        }
    }

    @Nested
    class AgainstAProfile {
        @Test
        void aProfileFromMlopsProfileIsTheReferenceAndJsonIsTheReport() throws IOException {
            Path profile = dir.resolve("train.profile.json");
            assertThat(mlops("profile", cities("train.csv", 0).toString(), "--out", profile.toString()).exitCode())
                    .isZero();
            CliRun run = mlops("drift", "--reference", profile.toString(), "--current",
                    cities("batch.csv", 10).toString(), "--json");
            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("kind").asText()).isEqualTo("drift-report");
            assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(json.get("reference").asText()).isEqualTo("profile");
            assertThat(json.get("referenceRows").asInt()).isEqualTo(40);
            assertThat(json.get("currentRows").asInt()).isEqualTo(40);
            assertThat(json.get("passed").asBoolean()).isFalse();
            JsonNode age = json.get("columns").get(0);
            assertThat(age.get("column").asText()).isEqualTo("age");
            assertThat(age.get("status").asText()).isEqualTo("drift");
            assertThat(age.get("histogram").get("reference").size()).isEqualTo(20);
            JsonNode city = json.get("columns").get(1);
            assertThat(city.get("status").asText()).isEqualTo("no-drift");
            assertThat(city.get("histogram").get("labels").toString()).isEqualTo("[\"München\",\"São Paulo\"]");
        }

        @Test
        void isProfileLooksAtTheExtension() {
            assertThat(DriftCommand.isProfile(Path.of("a/train.profile.JSON"))).isTrue();
            assertThat(DriftCommand.isProfile(Path.of("train.jsonl"))).isFalse();
            assertThat(DriftCommand.isProfile(Path.of("train.csv"))).isFalse();
        }
    }

    @Nested
    class BadInput {
        @Test
        void aMissingFileExitsTwoNamingIt() throws IOException {
            Path absent = dir.resolve("absent.csv");
            CliRun run = mlops("drift", "--reference", cities("train.csv", 0).toString(), "--current", absent.toString());
            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: ").contains(absent.toString());
            assertThat(run.out()).isEmpty();
        }

        @Test
        void aMalformedProfileExitsTwo() throws IOException {
            Path bad = Files.writeString(dir.resolve("bad.json"), "{ \"kind\" : \"check-suite\" }", StandardCharsets.UTF_8);
            CliRun run = mlops("drift", "--reference", bad.toString(), "--current", cities("batch.csv", 0).toString());
            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: ").contains(bad.toString());
        }

        @Test
        void anUnknownDetectorOrCorrectionExitsTwo() throws IOException {
            Path train = cities("train.csv", 0);
            CliRun detector = mlops("drift", "--reference", train.toString(), "--current", train.toString(),
                    "--detector", "nope(alpha=0.1)");
            assertThat(detector.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(detector.err()).startsWith("mlops: ").contains("nope");
            CliRun correction = mlops("drift", "--reference", train.toString(), "--current", train.toString(),
                    "--correction", "bonferroni");
            assertThat(correction.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(correction.err()).contains("expected none, benjamini-hochberg or holm but was 'bonferroni'");
        }

        @Test
        void theReferenceAndCurrentAreRequired() {
            CliRun run = mlops("drift", "--current", "batch.csv");
            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required option: '--reference=TRAIN_CSV|PROFILE_JSON|BASELINE_DIR'");
        }
    }
}
