package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.deploy.batch.BatchProgress;
import dev.mlops.deploy.format.ModelFiles;
import dev.mlops.deploy.registry.ApprovalPolicy;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Registration;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlops serve-batch} on credit-g with a logistic regression that {@code mlops train
 * --save-model} saved, read from the file and from the registry in the store's location.
 */
class ServeBatchCommandTest {
    @TempDir
    static Path shared;

    private static Path model;
    private static Path store;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainSaveAndRegister() {
        model = shared.resolve("logistic.model");
        store = shared.resolve("store");
        CliRun run = mlops("train", CliRun.creditG().toString(), "--label", "class", "--store", store.toString(),
                "--model", "logistic-regression", "--save-model", model.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        ComponentRegistry components = ComponentRegistry.defaults();
        ModelFiles.Loaded loaded = ModelFiles.load(model, components, null);
        try (ModelRegistry registry = ModelRegistry.builder(store).formats(components)
                .approvals(ApprovalPolicy.none()).open()) {
            Principal ci = Principal.of("ci", List.of(ModelRegistry.PIPELINE_ROLE), List.of());
            for (int i = 0; i < 2; i++) {
                registry.register(ci, Registration.builder("credit").predictor(loaded.format(), loaded.predictor())
                        .build());
            }
            registry.transition(ci, StageChange.toProduction("credit", 1, Stage.CANDIDATE, OptionalInt.empty(), "test"));
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Nested
    class Models {
        @Test
        void aSavedModelFilePredictsEveryRowInOrderWithExitZero() throws IOException {
            Path out = dir.resolve("predictions.csv");
            CliRun run = mlops("serve-batch", model.toString(), CliRun.creditG().toString(), "--out", out.toString(),
                    "--keep", "age,class", "--threads", "2");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("1000 rows in, 1000 out, 0 errors in ").contains("predictions: " + out);
            assertThat(run.err()).contains("1000 rows (0 errors), 100.0 %");
            List<String> rows = lines(out);
            assertThat(rows.get(0)).isEqualTo("line,age,class,prediction,score@bad,score@good");
            assertThat(rows).hasSize(1001);
            assertThat(rows.get(1)).startsWith("2,67,good,");
            assertThat(rows.get(1000)).startsWith("1001,");
        }

        @Test
        void aRegisteredModelByNameIsItsProductionVersionAndByNameAndVersionThatVersion() throws IOException {
            Path out = dir.resolve("predictions.jsonl");
            CliRun production = mlops("serve-batch", "credit", CliRun.creditG().toString(), "--out", out.toString(),
                    "--store", store.toString(), "--quiet");
            assertThat(production.exitCode()).as(production.toString()).isZero();
            assertThat(production.err()).isEmpty();
            assertThat(lines(out)).hasSize(1000).first().asString().startsWith("{\"line\":2,\"prediction\":");
            Path second = dir.resolve("second.csv");
            CliRun versioned = mlops("serve-batch", "credit:2", CliRun.creditG().toString(), "--out", second.toString(),
                    "--store", store.toString(), "--quiet");
            assertThat(versioned.exitCode()).as(versioned.toString()).isZero();
            assertThat(lines(second)).hasSize(1001);
            assertThat(dir.resolve("second.csv.checkpoint.json")).content(StandardCharsets.UTF_8)
                    .contains("\"model\": \"registry:credit:2:sha256:");
        }

        @Test
        void anUnknownModelOrVersionIsBadInput() {
            CliRun unknown = mlops("serve-batch", "nothing", CliRun.creditG().toString(), "--out",
                    dir.resolve("o.csv").toString(), "--store", store.toString());
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(unknown.err()).contains("no model 'nothing' in");
            CliRun badVersion = mlops("serve-batch", "credit:x", CliRun.creditG().toString(), "--out",
                    dir.resolve("o.csv").toString(), "--store", store.toString());
            assertThat(badVersion.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(badVersion.err()).contains("'credit:x' is neither a model file nor a registry version: "
                    + "cannot read the version 'credit:x': 'x' is not a version number");
            CliRun absent = mlops("serve-batch", "credit:9", CliRun.creditG().toString(), "--out",
                    dir.resolve("o.csv").toString(), "--store", store.toString());
            assertThat(absent.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(absent.err()).contains("credit");
        }
    }

    @Nested
    class Inputs {
        @Test
        void badRowsGoToTheErrorFileAndExitOne() throws IOException {
            List<String> credit = lines(CliRun.creditG());
            Path input = dir.resolve("in.csv");
            String[] cells = credit.get(3).split(",", 3);
            credit.set(3, cells[0] + ",forty-eight," + cells[2]);
            Files.write(input, credit.subList(0, 11), StandardCharsets.UTF_8);
            Path errors = dir.resolve("rejected.csv");
            CliRun run = mlops("serve-batch", model.toString(), input.toString(), "--out",
                    dir.resolve("out.csv").toString(), "--errors", errors.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_CHECK_FAILED);
            assertThat(run.out()).startsWith("10 rows in, 9 out, 1 errors").contains("rows set apart: " + errors);
            assertThat(lines(errors)).hasSize(2).last().asString().startsWith("4,").contains("duration", "forty-eight");
        }

        @Test
        void resumingADoneJobDoesNothingMore() {
            Path out = dir.resolve("out.csv");
            String[] args = {"serve-batch", model.toString(), CliRun.creditG().toString(), "--out", out.toString(),
                "--quiet", "--resume"};
            assertThat(mlops(args).exitCode()).isZero();
            CliRun again = mlops(args);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("(1000 done by an earlier run)");
        }

        @Test
        void aMissingInputOrAMissingFeatureOrZeroThreadsIsBadInput() throws IOException {
            CliRun missing = mlops("serve-batch", model.toString(), dir.resolve("none.csv").toString(), "--out",
                    dir.resolve("o.csv").toString());
            assertThat(missing.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(missing.err()).contains("none.csv does not exist or is not a file");
            Path narrow = dir.resolve("narrow.csv");
            Files.writeString(narrow, "age\n30\n", StandardCharsets.UTF_8);
            CliRun lacking = mlops("serve-batch", model.toString(), narrow.toString(), "--out",
                    dir.resolve("o.csv").toString());
            assertThat(lacking.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(lacking.err()).contains("line 1: the header lacks the column", "a feature of the model");
            CliRun zero = mlops("serve-batch", model.toString(), narrow.toString(), "--out",
                    dir.resolve("o.csv").toString(), "--threads", "0");
            assertThat(zero.exitCode()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(zero.err()).contains("--threads must be at least 1 but was 0");
        }
    }

    @Nested
    class Progress {
        private final StringWriter text = new StringWriter();

        private BatchProgress at(long rows, long seconds) {
            return new BatchProgress(rows, 1, rows, rows * 10, rows * 10, 1000, Duration.ofSeconds(seconds));
        }

        @Test
        void onATerminalOneLineIsRewrittenInPlace() {
            ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), true, Duration.ofSeconds(10));
            printer.accept(at(50, 1));
            printer.accept(at(100, 2));
            printer.finish();
            printer.finish();
            assertThat(text.toString()).isEqualTo("\r50 rows (1 errors), 50.0 %, 50 rows/s, 1 s left"
                    + "\r100 rows (1 errors), 100.0 %, 50 rows/s, 0 s left" + System.lineSeparator());
        }

        @Test
        void elsewherePlainLinesAtMostOncePerInterval() {
            ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), false, Duration.ofSeconds(10));
            printer.accept(at(10, 1));
            printer.accept(at(20, 5));
            printer.accept(at(30, 11));
            printer.accept(at(40, 12));
            printer.finish();
            assertThat(text.toString().lines()).containsExactly(
                    "10 rows (1 errors), 10.0 %, 10 rows/s, 9 s left",
                    "30 rows (1 errors), 30.0 %, 3 rows/s, 26 s left");
        }

        @Test
        void withoutARateThereIsNoTimeLeft() {
            assertThat(ProgressPrinter.text(new BatchProgress(0, 0, 0, 0, 0, 10, Duration.ZERO)))
                    .isEqualTo("0 rows (0 errors), 0.0 %, 0 rows/s");
        }
    }
}
