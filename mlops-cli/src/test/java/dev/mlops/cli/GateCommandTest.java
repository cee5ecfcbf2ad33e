package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Json;
import dev.mlops.deploy.gate.GateReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlops gate} on credit-g, with models that {@code mlops train --save-model} saved: a
 * logistic regression (production), a one-split tree (a worse candidate) and the logistic
 * regression in the onnx format.
 */
class GateCommandTest {
    @TempDir
    static Path models;

    private static Path logistic;
    private static Path stump;
    private static Path onnx;

    private static Path train(String model, String name, String... more) {
        Path file = models.resolve(name);
        String[] args = {"train", CliRun.creditG().toString(), "--label", "class", "--store",
            models.resolve("store").toString(), "--model", model, "--save-model", file.toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        CliRun run = mlops(all);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return file;
    }

    @BeforeAll
    static void trainAndSave() {
        logistic = train("logistic-regression", "logistic.model");
        stump = train("cart(maxDepth=1)", "stump.model");
        onnx = train("logistic-regression", "logistic.onnx.model", "--model-format", "onnx");
    }

    private static String validation() {
        return CliRun.creditG().toString();
    }

    @Nested
    class Verdicts {
        @Test
        void aCandidateAsGoodAsProductionPassesWithExitZero() {
            CliRun run = mlops("gate", "--candidate", logistic.toString(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "class", "--slice", "young=age < 25",
                    "--slice", "older=age >= 25");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("macro_f1", "slice young", "slice older").contains("pass")
                    .doesNotContain("fail");
        }

        @Test
        void aWorseCandidateFailsWithExitOneAndTheFailedRuleInTheReport() {
            CliRun run = mlops("gate", "--candidate", stump.toString(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "class", "--rule", "metric(metric=accuracy, margin=0)");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).contains("accuracy").contains("fail");
        }

        @Test
        void aFirstModelIsGatedAgainstTheBaselineFittedOnTheTrainingRows() throws Exception {
            CliRun run = mlops("gate", "--candidate", logistic.toString(), "--baseline-train", validation(),
                    "--validation", validation(), "--label", "class", "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode report = Json.reader().readTree(run.out());
            assertThat(report.get("kind").asText()).isEqualTo(GateReport.KIND);
            assertThat(report.get("referenceRole").asText()).isEqualTo(GateReport.BASELINE);
            assertThat(report.get("reference").asText()).isEqualTo("baseline fitted on " + validation());
            assertThat(report.get("candidate").asText()).isEqualTo(logistic.toString());
        }

        @Test
        void rulesRecentRowsAndSignificanceAgainstTheBaselineAreChecked() {
            CliRun run = mlops("gate", "--candidate", logistic.toString(), "--production", logistic.toString(),
                    "--baseline-train", validation(), "--validation", validation(), "--label", "class",
                    "--recent", validation(), "--rule", "defaults", "--rule", "latency(p95=10000)",
                    "--rule", "significance(test=mcnemar, metric=accuracy, against=baseline)");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("on recent", "p95 latency", "mcnemar-exact", "significantly better");
        }
    }

    @Nested
    class ModelFiles {
        @Test
        void trainSavesTheBestModelAndSaysSo() throws Exception {
            assertThat(Files.size(logistic)).isPositive();
            CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store",
                    models.resolve("store").toString(), "--model", "cart(maxDepth=2)", "--save-model",
                    models.resolve("json.model").toString(), "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode saved = Json.reader().readTree(run.out()).get("savedModel");
            assertThat(saved.get("experiment").asText()).startsWith("cart(maxDepth=2");
            assertThat(saved.get("format").asText()).isEqualTo("tribuo()");
            assertThat(saved.get("file").asText()).isEqualTo(models.resolve("json.model").toString());
        }

        @Test
        void theTextSaysWhichModelWasSavedWhere() {
            Path file = models.resolve("text.model");
            CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store",
                    models.resolve("store").toString(), "--model", "cart(maxDepth=2)", "--save-model",
                    file.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).containsPattern("Saved the best model, cart\\(maxDepth=2.*\\), to "
                    + java.util.regex.Pattern.quote(file.toString()) + " \\(model format tribuo\\(\\)\\)\\.");
        }

        @Test
        void aFormatThatCannotWriteTheBestModelExitsTwoNamingIt() {
            CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store",
                    models.resolve("store").toString(), "--model", "cart(maxDepth=2)", "--save-model",
                    models.resolve("tree.onnx").toString(), "--model-format", "onnx");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("the onnx model format writes Tribuo predictors whose model Tribuo"
                    + " exports to ONNX").contains("TreeModel");
            assertThat(models.resolve("tree.onnx")).doesNotExist();
        }

        @Test
        void anUnknownModelFormatExitsTwoBeforeTraining() {
            CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store",
                    models.resolve("store").toString(), "--save-model", models.resolve("x").toString(),
                    "--model-format", "pickle");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("pickle");
        }

        @Test
        void anOnnxModelWithoutOnnxRuntimeNamesTheArtifactToAdd() {
            CliRun run = mlops("gate", "--candidate", onnx.toString(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "class");

            assertThat(run.exitCode()).as(run.toString()).isNotZero();
            assertThat(run.err()).contains("com.microsoft.onnxruntime:onnxruntime:1.23.2");
        }

        @Test
        void aFileThatIsNotAModelExitsTwoNamingIt() {
            CliRun run = mlops("gate", "--candidate", validation(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "class");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains(validation() + ": not a saved model file");
        }

        @Test
        void aModelFormatThatIsNotTheRecordedOneExitsTwo() {
            CliRun run = mlops("gate", "--candidate", logistic.toString(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "class", "--model-format", "onnx");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains(logistic + ": written in model format 'tribuo', not 'onnx'");
        }
    }

    @Nested
    class BadInput {
        @Test
        void neitherProductionNorABaselineExitsTwo() {
            CliRun run = mlops("gate", "--candidate", logistic.toString(), "--validation", validation(), "--label",
                    "class");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("give --production MODEL, or, for a first model without one,"
                    + " --baseline-train FILE");
        }

        @Test
        void aMalformedSliceOrRuleExitsTwoQuotingIt() {
            CliRun slice = mlops("gate", "--candidate", logistic.toString(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "class", "--slice", "age < 25");
            CliRun rule = mlops("gate", "--candidate", logistic.toString(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "class", "--rule", "metric(metric=f2, margin=0.1)");

            assertThat(slice.exitCode()).as(slice.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(slice.err()).contains("--slice 'age < 25' is not NAME=PREDICATE");
            assertThat(rule.exitCode()).as(rule.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(rule.err()).contains("--rule 'metric(metric=f2, margin=0.1)': unknown metric 'f2'");
        }

        @Test
        void aLabelThatIsNotInTheValidationFileExitsTwo() {
            CliRun run = mlops("gate", "--candidate", logistic.toString(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "klass");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--label klass is not a column of " + validation());
        }
    }

    @Nested
    class RegistryVersions {
        private String store() {
            return models.resolve("registry-store").toString();
        }

        private void register(Path file) {
            register("credit", file);
        }

        private void register(String model, Path file) {
            CliRun run = mlops("registry", "register", model, file.toString(), "--store", store(), "--principal",
                    "ana");
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }

        @Test
        void theProductionVersionOfTheRegistryIsTheReferenceAndVersionsAreNamedInTheReport() throws Exception {
            register(logistic);
            register(stump);
            assertThat(mlops("registry", "approve", "credit:1", "--store", store(), "--principal", "bo").exitCode())
                    .isZero();
            CliRun promote = mlops("registry", "promote", "credit:1", "--to", "production", "--reason", "first",
                    "--store", store(), "--principal", "ci", "--role", "pipeline");
            assertThat(promote.exitCode()).as(promote.toString()).isZero();

            CliRun run = mlops("gate", "--candidate", "credit:2", "--production", "credit@production", "--store",
                    store(), "--validation", validation(), "--label", "class", "--rule",
                    "metric(metric=accuracy, margin=0)", "--json");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            JsonNode report = Json.reader().readTree(run.out());
            assertThat(report.get("candidate").asText()).isEqualTo("credit:2");
            assertThat(report.get("reference").asText()).isEqualTo("credit:1");
        }

        @Test
        void theGatesJsonReportRegisteredWithAVersionIsShownByShowAndLineage() throws Exception {
            CliRun gate = mlops("gate", "--candidate", stump.toString(), "--production", logistic.toString(),
                    "--validation", validation(), "--label", "class", "--rule", "metric(metric=accuracy, margin=0)",
                    "--json");
            assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            Path report = Files.writeString(models.resolve("gate.json"), gate.out());

            CliRun register = mlops("registry", "register", "gated", stump.toString(), "--gate-report",
                    report.toString(), "--store", store(), "--principal", "ana");
            assertThat(register.exitCode()).as(register.toString()).isZero();
            CliRun show = mlops("registry", "show", "gated:1", "--store", store());
            CliRun lineage = mlops("lineage", "gated:1", "--store", store(), "--json");

            assertThat(show.out()).contains("FAILED").contains("accuracy");
            assertThat(Json.reader().readTree(lineage.out()).get("gate").get("passed").asBoolean()).isFalse();
            CliRun notAReport = mlops("registry", "register", "gated", stump.toString(), "--gate-report",
                    logistic.toString(), "--store", store());
            assertThat(notAReport.exitCode()).as(notAReport.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(notAReport.err()).contains(logistic.toString());
        }

        @Test
        void aNameThatIsNeitherAFileNorAVersionExitsTwoSayingSo() {
            CliRun run = mlops("gate", "--candidate", "no such:file", "--production", logistic.toString(),
                    "--store", store(), "--validation", validation(), "--label", "class");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("'no such:file' is neither a model file nor a registry version");
        }

        @Test
        void aModelWithoutAProductionVersionExitsTwoNamingIt() {
            register("staged-only", logistic);

            CliRun run = mlops("gate", "--candidate", logistic.toString(), "--production", "staged-only@production",
                    "--store", store(), "--validation", validation(), "--label", "class");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("model 'staged-only' has no version in production");
        }
    }
}
