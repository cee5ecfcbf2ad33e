package dev.mlops.cli;

import static dev.mlops.cli.CliRun.creditG;
import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Documents;
import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.baseline.SageMakerExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
    /** A format whose schema marks zip sensitive. */
    private static final String SENSITIVE_FORMAT = "csv(schema=[{name=age, type=numeric}, {name=city,"
            + " type=categorical}, {name=zip, type=categorical, sensitive=true}])";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path train() throws IOException {
        return file("train.csv", "age,city,zip\n23,München,80331\n35,Berlin,10115\n41,São Paulo,80331\n,München,20095\n"
                + "29,Berlin,10115\n52,München,80331\n");
    }

    @Nested
    class Writing {
        @Test
        void writesABaselineThatReadsBackAndPrintsASummary() {
            Path out = dir.resolve("baseline");

            CliRun run = mlops("baseline", creditG().toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            Baseline baseline = Baseline.load(out);
            assertThat(baseline.rowCount()).isEqualTo(1000);
            assertThat(baseline.schema().size()).isEqualTo(21);
            assertThat(baseline.suite().name()).isEqualTo("credit-g");
            assertThat(baseline.referenceChecks()).isTrue();
            assertThat(run.outLines()).containsExactly(
                    "baseline of " + creditG() + ": 1000 rows, 21 columns",
                    "suite 'credit-g': " + baseline.suite().checks().size() + " checks, run with the baseline's profile"
                            + " as the reference",
                    "baseline written to " + out + " (baseline.json, profile.json, suite.json)");
            assertThat(dir.resolve("baseline/statistics.json")).doesNotExist();
        }

        @Test
        void sagemakerWritesStatisticsAndConstraintsAndSensitiveColumnsAreSaid() throws IOException {
            Path out = dir.resolve("baseline");
            Path sagemaker = dir.resolve("sagemaker");

            CliRun run = mlops("baseline", train().toString(), "--format", SENSITIVE_FORMAT, "--out", out.toString(),
                    "--sagemaker", sagemaker.toString(), "--name", "churn", "--no-reference-checks",
                    "--max-categories", "2");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Baseline baseline = Baseline.load(out);
            assertThat(baseline.suite().name()).isEqualTo("churn");
            assertThat(baseline.referenceChecks()).isFalse();
            assertThat(baseline.maxCategories()).isEqualTo(2);
            assertThat(baseline.profile().sensitiveColumns()).containsExactly("zip");
            assertThat(run.outLines()).containsExactly(
                    "baseline of " + dir.resolve("train.csv") + ": 6 rows, 3 columns (1 sensitive, kept sketch-only:"
                            + " zip)",
                    "suite 'churn': " + baseline.suite().checks().size() + " checks",
                    "baseline written to " + out + " (baseline.json, profile.json, suite.json)",
                    "SageMaker baseline written to " + sagemaker + " (statistics.json, constraints.json)");
            String statistics = Files.readString(sagemaker.resolve("statistics.json"), StandardCharsets.UTF_8);
            assertThat(statistics).isEqualTo(SageMakerExport.statistics(baseline) + "\n").contains("\"München\"")
                    .doesNotContain("80331");
            assertThat(Files.readString(sagemaker.resolve("constraints.json"), StandardCharsets.UTF_8))
                    .isEqualTo(SageMakerExport.constraints(baseline) + "\n");
        }

        @Test
        void jsonSummarisesTheBaseline() throws IOException {
            Path out = dir.resolve("b");

            CliRun run = mlops("baseline", train().toString(), "--format", SENSITIVE_FORMAT, "--out", out.toString(),
                    "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Baseline baseline = Baseline.load(out);
            JsonNode summary = Documents.parseTree(run.out(), "stdout");
            assertThat(summary.get("kind").textValue()).isEqualTo("baseline-summary");
            assertThat(summary.get("formatVersion").intValue()).isEqualTo(1);
            assertThat(summary.get("source").textValue()).isEqualTo(dir.resolve("train.csv").toString());
            assertThat(summary.get("directory").textValue()).isEqualTo(out.toString());
            assertThat(summary.get("sagemaker").isNull()).isTrue();
            assertThat(summary.get("createdAt").textValue()).isEqualTo(baseline.createdAt().toString());
            assertThat(summary.get("fingerprint").textValue()).isEqualTo(baseline.fingerprint().sha256());
            assertThat(summary.get("rowCount").longValue()).isEqualTo(6);
            assertThat(summary.get("columns").toString()).isEqualTo("[\"age\",\"city\",\"zip\"]");
            assertThat(summary.get("sensitiveColumns").toString()).isEqualTo("[\"zip\"]");
            assertThat(summary.get("suite").get("name").textValue()).isEqualTo("train");
            assertThat(summary.get("suite").get("checks").intValue()).isEqualTo(baseline.suite().checks().size());
            assertThat(summary.get("suite").get("needsReference").booleanValue()).isTrue();
            assertThat(run.out()).endsWith("}\n");
        }

        @Test
        void jsonNamesTheSageMakerDirectory() throws IOException {
            Path sagemaker = dir.resolve("sm");

            CliRun run = mlops("baseline", train().toString(), "--out", dir.resolve("b").toString(), "--sagemaker",
                    sagemaker.toString(), "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(Documents.parseTree(run.out(), "stdout").get("sagemaker").textValue())
                    .isEqualTo(sagemaker.toString());
        }
    }

    @Nested
    class BadInput {
        @Test
        void aMissingFileIsNamed() {
            Path missing = dir.resolve("nope.csv");

            CliRun run = mlops("baseline", missing.toString(), "--out", dir.resolve("b").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no such file: " + missing + "\n");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void aFileWithoutRowsIsNamed() throws IOException {
            Path empty = file("empty.csv", "age,city\n");

            CliRun run = mlops("baseline", empty.toString(), "--out", dir.resolve("b").toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: " + empty + ": a baseline needs at least one row but the table of"
                    + " 2 columns has none\n");
            assertThat(dir.resolve("b")).doesNotExist();
        }

        @Test
        void anOutputOverTheInputIsAUsageError() throws IOException {
            Path train = train();

            CliRun run = mlops("baseline", train.toString(), "--out", train.toString());
            CliRun sagemaker = mlops("baseline", train.toString(), "--out", dir.resolve("b").toString(),
                    "--sagemaker", train.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--out " + train + " would overwrite the input file\n");
            assertThat(sagemaker.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(sagemaker.err()).startsWith("--sagemaker " + train + " would overwrite the input file\n");
        }

        @Test
        void badOptionsAreUsageErrors() throws IOException {
            Path train = train();

            CliRun categories = mlops("baseline", train.toString(), "--out", dir.resolve("b").toString(),
                    "--max-categories", "0");
            CliRun name = mlops("baseline", train.toString(), "--out", dir.resolve("b").toString(), "--name", " ");
            CliRun noOut = mlops("baseline", train.toString());

            assertThat(categories.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(categories.err()).startsWith("--max-categories must be at least 1 but was 0\n");
            assertThat(name.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(name.err()).startsWith("--name must not be blank\n");
            assertThat(noOut.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(noOut.err()).contains("--out");
            assertThat(dir.resolve("b")).doesNotExist();
        }

        @Test
        void anOutputDirectoryThatIsAFileIsNamed() throws IOException {
            Path train = train();
            Path taken = file("taken", "x");

            CliRun run = mlops("baseline", train.toString(), "--out", taken.toString());

            assertThat(run.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: cannot make the baseline directory " + taken);
        }
    }
}
