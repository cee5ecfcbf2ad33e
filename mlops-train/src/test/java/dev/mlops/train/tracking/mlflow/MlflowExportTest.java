package dev.mlops.train.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.store.CorruptArtifactException;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.RunInfo;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.RunStatus;
import dev.mlops.train.tracking.TrackingException;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlflowExportTest {
    /** The run id and root of the hand-written expected tree (test resources, expected/README.md). */
    private static final String EXPECTED_RUN_ID = "0123456789abcdef0123456789abcdef";
    private static final String EXPECTED_ROOT_URI = "file:///home/alice/credit/mlruns";
    private static final String COMMIT = "3f2a1c9e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39";

    @TempDir
    Path directory;
    private TrackingStore store;
    private Path mlruns;

    @BeforeEach
    void openStore() {
        store = TrackingStore.open("jdbc:sqlite::memory:", directory.resolve("artifacts"),
                Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
        mlruns = directory.resolve("mlruns");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private RunSpec.Builder spec(String name) {
        return RunSpec.builder().name(name).user("alice").codeVersion(COMMIT);
    }

    /** The run the expected tree holds, logged again. */
    private RunInfo logTheExpectedRun() {
        try (ActiveRun run = store.startRun("credit-risk", spec("logistic-l2").seed(42).param("lr", "0.1")
                .param("penalty", "l2").param("city", "München").tag("team", "risk").build())) {
            run.addInput(LineageInput.of("credit-g.csv", "table", "v1"));
            run.logMetrics(Map.of("val_auc", 0.71, "train/loss", Math.log(2)), 0);
            run.logMetrics(Map.of("val_auc", 0.745, "train/loss", 0.5), 1);
            run.logMetrics(Map.of("val_auc", 0.7525, "train/loss", 0.41), 2);
            run.logArtifact("model/model.json", "{\"weights\": [0.5, -1.25]}\n".getBytes(StandardCharsets.UTF_8));
            return run.finish();
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(MlflowExportTest.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file under a root, by path relative to it, as text, with ids, the root and times normalised. */
    private static Map<String, String> normalisedTree(Path root, String runId, String rootUri) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8)
                        .replace(rootUri, "{root}")
                        .replace(runId, "{run}")
                        .replaceAll("(?m)^(creation_time|last_update_time|start_time|end_time): [0-9]+$", "$1: {ms}")
                        .replaceAll("(?m)^[0-9]{13} ", "{ms} ");
                files.put(root.relativize(file).toString().replace(runId, "{run}"), content);
            }
        }
        return files;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.toList()) {
                files.put(root.relativize(file) + (Files.isDirectory(file) ? "/" : ""),
                        Files.isDirectory(file) ? new byte[0] : Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Nested
    class TheExpectedTree {
        @Test
        void anExportOfTheSameRunMatchesTheHandWrittenTreeFileByFileAsideFromIdsAndTimes() throws IOException {
            RunInfo run = logTheExpectedRun();

            ExportResult result = MlflowExport.exportRun(store, run.id(), mlruns);

            Path root = mlruns.toAbsolutePath().normalize();
            assertThat(normalisedTree(root, run.id(), MlflowExport.fileUri(root)))
                    .isEqualTo(normalisedTree(resource("expected/mlruns"), EXPECTED_RUN_ID, EXPECTED_ROOT_URI));
            assertThat(root.resolve(".trash")).isEmptyDirectory();
            assertThat(result).isEqualTo(new ExportResult(root, "1", root.resolve("1"), List.of(root.resolve("1/" + run.id())),
                    16));
            assertThat(result.runs()).isEqualTo(1);
        }

        @Test
        void timesAreTheRunsOwnInMilliseconds() throws IOException {
            RunInfo run = logTheExpectedRun();

            MlflowExport.exportRun(store, run.id(), mlruns);

            Path runDirectory = mlruns.resolve("1").resolve(run.id());
            assertThat(read(runDirectory.resolve("meta.yaml")))
                    .contains("\nstart_time: " + run.startTime().toEpochMilli() + "\n")
                    .contains("\nend_time: " + run.endTime().orElseThrow().toEpochMilli() + "\n");
            String expectedLines = store.metricHistory(run.id(), "val_auc").stream()
                    .map(point -> point.timestamp().toEpochMilli() + " " + PythonFloats.repr(point.value()) + " "
                            + point.step() + "\n")
                    .reduce("", String::concat);
            assertThat(read(runDirectory.resolve("metrics/val_auc"))).isEqualTo(expectedLines);
            assertThat(read(mlruns.resolve("1/meta.yaml"))).contains("\ncreation_time: "
                    + store.experiment("credit-risk").orElseThrow().createdAt().toEpochMilli() + "\n");
        }
    }

    @Nested
    class Values {
        @Test
        void nanAndTheInfinitiesAreWrittenAsMlflowReadsThem() throws IOException {
            RunInfo run;
            try (ActiveRun active = store.startRun("e", spec("r").build())) {
                active.logMetric("loss", Double.NaN, 0).logMetric("loss", Double.POSITIVE_INFINITY, 1)
                        .logMetric("loss", Double.NEGATIVE_INFINITY, 2).logMetric("loss", 1e-5, 3)
                        .logMetric("loss", 1e16, 4).logMetric("loss", 0.1 + 0.2, 5);
                run = active.finish();
            }

            MlflowExport.exportRun(store, run.id(), mlruns);

            assertThat(read(mlruns.resolve("1").resolve(run.id()).resolve("metrics/loss")).lines()
                    .map(line -> line.split(" ")[1] + " " + line.split(" ")[2]))
                    .containsExactly("nan 0", "inf 1", "-inf 2", "1e-05 3", "1e+16 4", "0.30000000000000004 5");
        }

        @Test
        void keysWithSlashesBecomeSubdirectories() throws IOException {
            RunInfo run;
            try (ActiveRun active = store.startRun("e", spec("r").param("optimizer/adam/lr", "0.001")
                    .tag("owner/team", "risk").build())) {
                active.logMetric("eval/fold 1/auc", 0.5, 0);
                active.logArtifact("plots/roc/curve.csv", "fpr,tpr\n".getBytes(StandardCharsets.UTF_8));
                run = active.finish();
            }

            MlflowExport.exportRun(store, run.id(), mlruns);

            Path runDirectory = mlruns.resolve("1").resolve(run.id());
            assertThat(read(runDirectory.resolve("params/optimizer/adam/lr"))).isEqualTo("0.001");
            assertThat(read(runDirectory.resolve("tags/owner/team"))).isEqualTo("risk");
            assertThat(read(runDirectory.resolve("metrics/eval/fold 1/auc"))).endsWith(" 0.5 0\n");
            assertThat(read(runDirectory.resolve("artifacts/plots/roc/curve.csv"))).isEqualTo("fpr,tpr\n");
        }

        @Test
        void aKeyBesideAKeyNestedUnderItIsRefusedBeforeAnythingIsWritten() {
            RunInfo run;
            try (ActiveRun active = store.startRun("e", spec("r").build())) {
                active.logMetric("loss", 1, 0).logMetric("loss/train", 2, 0);
                run = active.finish();
            }

            assertThatThrownBy(() -> MlflowExport.exportRun(store, run.id(), mlruns))
                    .isInstanceOf(TrackingException.class)
                    .hasMessage("run " + run.id() + " cannot be exported to MLflow's layout: metric 'loss' would be a"
                            + " file and metric 'loss/train' needs a directory of that name");
            assertThat(mlruns).doesNotExist();
        }

        @Test
        void aParamValueWithLineBreaksAndUnicodeIsWrittenExactlyWithoutATrailingNewline() throws IOException {
            String value = "line one\nzweite Zeile: São Paulo, 東京 😀\r\n\tindented\n";
            RunInfo run;
            try (ActiveRun active = store.startRun("e", spec("r").param("notes", value).build())) {
                run = active.finish();
            }

            MlflowExport.exportRun(store, run.id(), mlruns);

            assertThat(Files.readAllBytes(mlruns.resolve("1").resolve(run.id()).resolve("params/notes")))
                    .isEqualTo(value.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void runAndExperimentNamesAreQuotedWhereYamlNeedsIt() throws IOException {
            RunInfo run;
            try (ActiveRun active = store.startRun("2026", RunSpec.builder().name("a: b").user("true").build())) {
                run = active.finish();
            }

            MlflowExport.exportRun(store, run.id(), mlruns);

            assertThat(read(mlruns.resolve("1/meta.yaml"))).contains("\nname: '2026'\n");
            String meta = read(mlruns.resolve("1").resolve(run.id()).resolve("meta.yaml"));
            assertThat(meta).contains("\nrun_name: 'a: b'\n").contains("\nuser_id: 'true'\n");
            assertThat(Yaml.readScalars(meta)).containsEntry("run_name", "a: b").containsEntry("user_id", "true");
            assertThat(read(mlruns.resolve("1").resolve(run.id()).resolve("tags/mlflow.runName"))).isEqualTo("a: b");
        }

        @Test
        void aCodeVersionThatIsNoGitCommitIsKeptUnderItsOwnTag() throws IOException {
            RunInfo run;
            try (ActiveRun active = store.startRun("e", RunSpec.builder().name("r").user("u").codeVersion("1.4.2")
                    .build())) {
                run = active.finish();
            }

            MlflowExport.exportRun(store, run.id(), mlruns);

            Path tags = mlruns.resolve("1").resolve(run.id()).resolve("tags");
            assertThat(read(tags.resolve("mlops.codeVersion"))).isEqualTo("1.4.2");
            assertThat(tags.resolve("mlflow.source.git.commit")).doesNotExist();
            assertThat(tags.resolve("mlops.seed")).doesNotExist();
            assertThat(tags.resolve("mlops.inputs")).doesNotExist();
        }
    }

    @Nested
    class Status {
        @ParameterizedTest
        @EnumSource(RunStatus.class)
        void statusIsMlflowsNumberAndARunningRunHasANullEndTime(RunStatus status) throws IOException {
            RunInfo run = store.createRun("e", spec("r").build());
            if (status.isTerminal()) {
                run = store.endRun(run.id(), status);
            }

            MlflowExport.exportRun(store, run.id(), mlruns);

            int expected = switch (status) {
                case RUNNING -> 1;
                case FINISHED -> 3;
                case FAILED -> 4;
                case KILLED -> 5;
            };
            Map<String, String> meta = Yaml.readScalars(read(mlruns.resolve("1").resolve(run.id()).resolve("meta.yaml")));
            assertThat(meta).containsEntry("status", Integer.toString(expected))
                    .containsEntry("end_time", run.endTime().map(end -> Long.toString(end.toEpochMilli())).orElse(null))
                    .doesNotContainKey("deleted_time");
            assertThat(meta.containsKey("end_time")).isTrue();
        }
    }

    @Nested
    class AnExistingMlrunsDirectory {
        private Path other;
        private Map<String, byte[]> before;

        @BeforeEach
        void anotherExperimentIsThere() throws IOException {
            other = Files.createDirectories(mlruns.resolve("7"));
            Files.writeString(other.resolve("meta.yaml"), "artifact_location: file:///elsewhere/7\ncreation_time: 1\n"
                    + "experiment_id: '7'\nlast_update_time: 1\nlifecycle_stage: active\nname: somebody else's\n",
                    StandardCharsets.UTF_8);
            Path run = Files.createDirectories(other.resolve("ffffffffffffffffffffffffffffffff/params"));
            Files.writeString(run.resolve("alpha"), "0.5", StandardCharsets.UTF_8);
            Files.createDirectories(mlruns.resolve(".trash/12"));
            before = snapshot(other);
        }

        @Test
        void theExperimentIsAddedWithTheNextFreeIdAndTheOthersAreLeftAlone() throws IOException {
            RunInfo run = logTheExpectedRun();

            ExportResult result = MlflowExport.exportRun(store, run.id(), mlruns);

            assertThat(result.experimentId()).isEqualTo("13");
            assertThat(Yaml.readScalars(read(mlruns.resolve("13/meta.yaml")))).containsEntry("name", "credit-risk")
                    .containsEntry("experiment_id", "13");
            assertThat(read(mlruns.resolve("13").resolve(run.id()).resolve("meta.yaml")))
                    .contains("\nexperiment_id: '13'\n")
                    .startsWith("artifact_uri: " + MlflowExport.fileUri(mlruns.toAbsolutePath().normalize()) + "/13/"
                            + run.id() + "/artifacts\n");
            Map<String, byte[]> after = snapshot(other);
            assertThat(after).containsOnlyKeys(before.keySet());
            before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
            assertThat(mlruns.resolve("0/meta.yaml")).content(StandardCharsets.UTF_8).contains("\nname: Default\n");
        }

        @Test
        void laterRunsOfTheSameExperimentJoinItsDirectory() throws IOException {
            RunInfo first = logTheExpectedRun();
            MlflowExport.exportRun(store, first.id(), mlruns);
            String experimentMeta = read(mlruns.resolve("13/meta.yaml"));
            RunInfo second;
            try (ActiveRun active = store.startRun("credit-risk", spec("second").build())) {
                second = active.finish();
            }

            ExportResult result = MlflowExport.exportRun(store, second.id(), mlruns);

            assertThat(result.experimentDirectory()).isEqualTo(mlruns.toAbsolutePath().normalize().resolve("13"));
            assertThat(result.files()).isEqualTo(5);
            assertThat(mlruns.resolve("13").resolve(second.id()).resolve("meta.yaml")).isRegularFile();
            assertThat(read(mlruns.resolve("13/meta.yaml"))).isEqualTo(experimentMeta);
            try (Stream<Path> children = Files.list(mlruns)) {
                assertThat(children.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder(".trash", "0", "7", "13");
            }
        }

        @Test
        void aRunAlreadyThereIsRefusedWithAClearMessageAndNothingChanges() throws IOException {
            RunInfo run = logTheExpectedRun();
            MlflowExport.exportRun(store, run.id(), mlruns);
            Map<String, byte[]> exported = snapshot(mlruns);

            assertThatThrownBy(() -> MlflowExport.exportRun(store, run.id(), mlruns))
                    .isInstanceOf(TrackingException.class)
                    .hasMessage("run " + run.id() + " is already exported to " + mlruns.toAbsolutePath().normalize()
                            .resolve("13").resolve(run.id()) + "; nothing was written (remove that directory, or export"
                            + " into another mlruns directory)");
            assertThatThrownBy(() -> MlflowExport.exportExperiment(store, "credit-risk", mlruns))
                    .isInstanceOf(TrackingException.class).hasMessageContaining("is already exported to");
            Map<String, byte[]> after = snapshot(mlruns);
            assertThat(after).containsOnlyKeys(exported.keySet());
            exported.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        }
    }

    @Nested
    class Artifacts {
        @Test
        void artifactsAreCopiedByteForByte() throws IOException {
            byte[] weights = new byte[300_000];
            new SplittableRandom(18).nextBytes(weights);
            Path file = Files.write(directory.resolve("weights.bin"), weights);
            RunInfo run;
            try (ActiveRun active = store.startRun("e", spec("r").build())) {
                active.logArtifact("model/weights.bin", file);
                active.logArtifact("empty.txt", new byte[0]);
                run = active.finish();
            }

            MlflowExport.exportRun(store, run.id(), mlruns);

            Path artifacts = mlruns.resolve("1").resolve(run.id()).resolve("artifacts");
            assertThat(artifacts.resolve("model/weights.bin")).hasSameBinaryContentAs(file);
            assertThat(artifacts.resolve("empty.txt")).isEmptyFile();
        }
    }

    @Nested
    class Experiments {
        @Test
        void everyRunOfTheExperimentIsExportedOldestFirstAndOthersAreNot() throws IOException {
            String url = "jdbc:sqlite:" + directory.resolve("tracking.db");
            RunInfo later;
            try (TrackingStore laterClock = TrackingStore.open(url, directory.resolve("shared-artifacts"),
                    Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC))) {
                later = laterClock.endRun(laterClock.createRun("e", spec("later").build()).id(), RunStatus.FINISHED);
            }
            ExportResult result;
            RunInfo first;
            try (TrackingStore earlierClock = TrackingStore.open(url, directory.resolve("shared-artifacts"),
                    Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC))) {
                first = earlierClock.createRun("e", spec("first").build());
                earlierClock.createRun("not-this", spec("other").build());

                result = MlflowExport.exportExperiment(earlierClock, "e", mlruns);
            }

            Path experiment = mlruns.toAbsolutePath().normalize().resolve("1");
            assertThat(result.runDirectories()).containsExactly(experiment.resolve(first.id()), experiment.resolve(later.id()));
            try (Stream<Path> files = Files.walk(mlruns)) {
                assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(result.files());
            }
            try (Stream<Path> children = Files.list(experiment)) {
                assertThat(children.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder("meta.yaml", first.id(), later.id());
            }
        }

        @Test
        void anExperimentWithoutRunsGetsItsDirectoryAndMetaOnly() throws IOException {
            store.createExperiment("empty");

            ExportResult result = MlflowExport.exportExperiment(store, "empty", mlruns);

            assertThat(result.runs()).isZero();
            assertThat(result.files()).isEqualTo(2);
            assertThat(Yaml.readScalars(read(mlruns.resolve("1/meta.yaml")))).containsEntry("name", "empty");
        }

        @Test
        void anUnknownExperimentOrRunIsRefused() {
            assertThatThrownBy(() -> MlflowExport.exportExperiment(store, "nope", mlruns))
                    .isInstanceOf(TrackingException.class).hasMessageStartingWith("no experiment 'nope' in ");
            assertThatThrownBy(() -> MlflowExport.exportRun(store, "f".repeat(32), mlruns))
                    .isInstanceOf(TrackingException.class).hasMessageStartingWith("no run " + "f".repeat(32) + " in ");
            assertThat(mlruns).doesNotExist();
        }

        @Test
        void aRootThatIsAFileIsRefused() throws IOException {
            RunInfo run = store.createRun("e", spec("r").build());
            Files.writeString(mlruns, "not a directory", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> MlflowExport.exportRun(store, run.id(), mlruns))
                    .isInstanceOf(TrackingException.class)
                    .hasMessage("cannot export into " + mlruns.toAbsolutePath().normalize()
                            + ": it is a file, not an mlruns directory");
        }

        @Test
        void aDeletedDefaultExperimentIsNotCreatedAgain() throws IOException {
            Files.createDirectories(mlruns.resolve(".trash/0"));
            RunInfo run = store.createRun("e", spec("r").build());

            MlflowExport.exportRun(store, run.id(), mlruns);

            assertThat(mlruns.resolve("0")).doesNotExist();
        }
    }

    @Test
    void fileUrisArePercentEncodedAsPythonsPathlibDoes() {
        assertThat(MlflowExport.fileUri(Path.of("/home/alice/my runs/São Paulo/mlruns")))
                .isEqualTo("file:///home/alice/my%20runs/S%C3%A3o%20Paulo/mlruns");
        assertThat(MlflowExport.fileUri(Path.of("/a/b_c-d.e~f"))).isEqualTo("file:///a/b_c-d.e~f");
    }

    @Test
    void aFailedExportLeavesNoHalfRun() throws IOException {
        RunInfo run = logTheExpectedRun();
        try (Stream<Path> blobs = Files.walk(directory.resolve("artifacts"))) {
            for (Path blob : blobs.filter(Files::isRegularFile).toList()) {
                Files.writeString(blob, "tampered", StandardCharsets.UTF_8);
            }
        }

        assertThatThrownBy(() -> MlflowExport.exportRun(store, run.id(), mlruns))
                .isInstanceOf(CorruptArtifactException.class);

        try (Stream<Path> children = Files.list(mlruns.resolve("1"))) {
            assertThat(children.map(path -> path.getFileName().toString())).containsExactly("meta.yaml");
        }
    }
}
