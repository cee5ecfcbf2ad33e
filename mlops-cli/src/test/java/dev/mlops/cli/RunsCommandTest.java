package dev.mlops.cli;

import static dev.mlops.cli.CliRun.mlops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.store.ArtifactRef;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.testkit.ManualClock;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mlops runs} on a real SQLite store in a temporary directory, filled through the tracking API:
 * four runs in two experiments, started 40, 20 and 10 days and one hour before now (the command's
 * clock is the system's).
 */
class RunsCommandTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final byte[] MODEL = "model bytes, München".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    Path store;
    Instant now;
    String logisticA;
    String logisticB;
    String forest;
    String baseline;

    @BeforeEach
    void populate() {
        store = dir.resolve("store");
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ManualClock clock = new ManualClock(now.minus(Duration.ofDays(40)));
        try (TrackingStore tracking = TrackingStore.open("jdbc:sqlite:" + store.resolve(TrackingStore.DATABASE_FILE),
                store.resolve(TrackingStore.ARTIFACT_DIRECTORY), clock)) {
            try (ActiveRun run = tracking.startRun("credit", RunSpec.builder().name("logistic-a").seed(42)
                    .codeVersion(COMMIT).user("ana").param("lr", "0.1").param("C", "1").tag("team", "risk").build())) {
                run.logMetric("val_auc", 0.7, 0).logMetric("val_auc", 0.75, 1).logMetric("val_auc", 0.8, 2);
                run.logMetric("loss", 0.5, 2);
                run.addInput(LineageInput.of("credit-g.csv", "table", "v1"));
                run.logArtifact("model/model.bin", MODEL);
                clock.set(clock.instant().plusSeconds(65));
                run.finish();
                logisticA = run.id();
            }
            clock.set(now.minus(Duration.ofDays(20)));
            try (ActiveRun run = tracking.startRun("credit", RunSpec.builder().name("logistic-b").user("ana")
                    .param("lr", "0.01").param("C", "1").tag("team", "risk").build())) {
                run.logMetric("val_auc", 0.85, 0).logMetric("loss", 0.4, 0).logMetric("diverged", Double.NaN, 0);
                clock.set(clock.instant().plus(Duration.ofMinutes(125)));
                run.finish();
                logisticB = run.id();
            }
            clock.set(now.minus(Duration.ofDays(10)));
            try (ActiveRun run = tracking.startRun("credit", RunSpec.builder().name("forest").user("bo")
                    .param("trees", "100").tag("team", "trees").build())) {
                run.logMetric("val_auc", 0.78, 0);
                run.logArtifact("model/forest.bin", "a forest".getBytes(StandardCharsets.UTF_8));
                clock.set(clock.instant().plusMillis(850));
                run.fail("out of memory");
                forest = run.id();
            }
            clock.set(now.minus(Duration.ofHours(1)));
            ActiveRun running = tracking.startRun("churn", RunSpec.builder().name("baseline").user("bo").build());
            running.logMetric("val_auc", 0.9, 0);
            baseline = running.id();
        }
    }

    private CliRun runs(String... args) {
        List<String> command = new ArrayList<>(List.of("runs", "--store", store.toString()));
        command.addAll(List.of(args));
        return mlops(command.toArray(String[]::new));
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> ids(JsonNode runs) {
        List<String> ids = new ArrayList<>();
        runs.forEach(run -> ids.add(run.get("id").asText()));
        return ids;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }

    private static String shortId(String id) {
        return id.substring(0, RunsText.SHORT_ID);
    }

    @Nested
    class List_ {
        @Test
        void aTableOfEveryRunNewestFirst() {
            CliRun run = runs("list");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            List<String> lines = run.outLines();
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).matches("ID +EXPERIMENT +NAME +STATUS +START +DURATION");
            assertThat(lines.get(1)).startsWith(shortId(baseline) + "  churn ").contains(" baseline ", " running ",
                    RunsText.time(now.minus(Duration.ofHours(1)))).endsWith(" -");
            assertThat(lines.get(2)).startsWith(shortId(forest)).contains(" failed ").endsWith(" 850ms");
            assertThat(lines.get(3)).startsWith(shortId(logisticB)).contains(" finished ").endsWith(" 2h 05m");
            assertThat(lines.get(4)).startsWith(shortId(logisticA) + "  credit      logistic-a  finished  "
                    + RunsText.time(now.minus(Duration.ofDays(40))) + "  1m 05s");
        }

        @Test
        void byExperimentStatusParamAndTag() {
            CliRun run = runs("list", "--experiment", "credit", "--status", "finished", "--param", "C=1", "--tag",
                    "team=risk", "--param", "lr=0.01");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).hasSize(2);
            assertThat(run.outLines().get(1)).startsWith(shortId(logisticB));
        }

        @Test
        void orderedByAMetricHighestFirstShowsItsColumn() {
            CliRun run = runs("list", "--order-by=-val_auc", "--limit", "3");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).hasSize(4);
            assertThat(run.outLines().get(0)).endsWith("DURATION  val_auc");
            assertThat(run.outLines().subList(1, 4)).extracting(line -> line.substring(0, RunsText.SHORT_ID))
                    .containsExactly(shortId(baseline), shortId(logisticB), shortId(logisticA));
            assertThat(run.outLines().subList(1, 4)).extracting(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .containsExactly("0.9", "0.85", "0.8");
        }

        @Test
        void orderedByAMetricLowestFirstWithTheOptionValueApart() {
            CliRun run = runs("list", "--order-by", "-loss", "--column", "val_auc", "--column", "diverged");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines().get(0)).endsWith("DURATION  loss  val_auc  diverged");
            assertThat(run.outLines().get(1)).startsWith(shortId(logisticA)).endsWith("  0.5   0.8      -");
            assertThat(run.outLines().get(2)).startsWith(shortId(logisticB)).endsWith("  0.4   0.85     NaN");

            CliRun lowest = runs("list", "--order-by", "loss");
            assertThat(lowest.outLines().subList(1, 3)).extracting(line -> line.substring(0, RunsText.SHORT_ID))
                    .containsExactly(shortId(logisticB), shortId(logisticA));
        }

        @Test
        void byMetricConditionsWhoseColumnsShow() {
            CliRun run = runs("list", "--metric", "val_auc >= 0.8", "--metric", "loss<0.5");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).hasSize(2);
            assertThat(run.outLines().get(0)).endsWith("val_auc  loss");
            assertThat(run.outLines().get(1)).startsWith(shortId(logisticB)).endsWith("0.85     0.4");
        }

        @Test
        void noMatchSaysSo() {
            CliRun run = runs("list", "--param", "lr=7");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("no runs match in tracking store ");
        }

        @Test
        void jsonHasFullIdsAndEverythingLogged() throws IOException {
            JsonNode document = json(runs("list", "--experiment", "credit", "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("runs");
            assertThat(document.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(ids(document.get("runs"))).containsExactly(forest, logisticB, logisticA);
            JsonNode a = document.get("runs").get(2);
            assertThat(a.get("experiment").asText()).isEqualTo("credit");
            assertThat(a.get("name").asText()).isEqualTo("logistic-a");
            assertThat(a.get("status").asText()).isEqualTo("finished");
            assertThat(a.get("startTime").asText()).isEqualTo(now.minus(Duration.ofDays(40)).toString());
            assertThat(a.get("duration").asText()).isEqualTo("PT1M5S");
            assertThat(a.get("seed").asLong()).isEqualTo(42);
            assertThat(a.get("params").get("lr").asText()).isEqualTo("0.1");
            assertThat(a.get("metrics").get("val_auc").get("value").asDouble()).isEqualTo(0.8);
            assertThat(a.get("metrics").get("val_auc").get("step").asLong()).isEqualTo(2);
            assertThat(document.get("runs").get(1).get("metrics").get("diverged").get("value").asText()).isEqualTo("NaN");
        }

        @Test
        void theStoreFromTheEnvironmentVariable() {
            CliRun run = mlops(Map.of(StoreLocation.STORE_ENVIRONMENT, store.toString()), "runs", "list");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).hasSize(5);
        }

        @Test
        void theOptionAfterTheSubcommandAndOverTheEnvironmentVariable() {
            CliRun run = mlops(Map.of(StoreLocation.STORE_ENVIRONMENT, dir.resolve("elsewhere").toString()), "runs",
                    "list", "--store", store.toString(), "--experiment", "churn");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).hasSize(2);
        }

        @Test
        void aJdbcUrlWithItsArtifactDirectory() {
            String url = "jdbc:sqlite:" + store.resolve(TrackingStore.DATABASE_FILE);

            CliRun run = mlops("runs", "--store", url, "--artifacts", store.resolve("artifacts").toString(), "list");
            CliRun fromEnvironment = mlops(Map.of(StoreLocation.STORE_ENVIRONMENT, url,
                    StoreLocation.ARTIFACTS_ENVIRONMENT, store.resolve("artifacts").toString()), "runs", "list");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).hasSize(5);
            assertThat(fromEnvironment.out()).isEqualTo(run.out());
        }
    }

    @Nested
    class Show {
        @Test
        void everythingARunLogged() {
            CliRun run = runs("show", logisticA);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo("run " + logisticA + "\n"
                    + "  experiment  credit\n"
                    + "  name        logistic-a\n"
                    + "  status      finished\n"
                    + "  started     " + RunsText.time(now.minus(Duration.ofDays(40))) + "\n"
                    + "  ended       " + RunsText.time(now.minus(Duration.ofDays(40)).plusSeconds(65)) + "\n"
                    + "  duration    1m 05s\n"
                    + "  seed        42\n"
                    + "  code        " + COMMIT + "\n"
                    + "  user        ana\n"
                    + "params\n"
                    + "  C   1\n"
                    + "  lr  0.1\n"
                    + "metrics (latest)\n"
                    + "  loss     0.5  step 2  " + RunsText.time(now.minus(Duration.ofDays(40))) + "\n"
                    + "  val_auc  0.8  step 2  " + RunsText.time(now.minus(Duration.ofDays(40))) + "\n"
                    + "tags\n"
                    + "  team  risk\n"
                    + "inputs\n"
                    + "  table credit-g.csv version v1\n"
                    + "artifacts\n"
                    + "  model/model.bin  " + MODEL.length + " bytes  sha256:" + sha256(MODEL) + "\n");
        }

        @Test
        void aRunningRunWithNothingButAMetric() {
            CliRun run = runs("show", baseline);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("  status      running\n", "  ended       -\n", "  seed        -\n",
                    "params: none\n", "tags: none\n", "inputs: none\n", "artifacts: none\n");
        }

        @Test
        void byAUniquePrefixInAnyCase() {
            CliRun run = runs("show", logisticB.substring(0, 6).toUpperCase(Locale.ROOT));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines().get(0)).isEqualTo("run " + logisticB);
        }

        @Test
        void json() throws IOException {
            JsonNode document = RunsCommandTest.json(runs("show", logisticA, "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("run");
            assertThat(document.get("id").asText()).isEqualTo(logisticA);
            assertThat(document.get("codeVersion").asText()).isEqualTo(COMMIT);
            assertThat(document.get("user").asText()).isEqualTo("ana");
            assertThat(document.get("endTime").asText()).isEqualTo(now.minus(Duration.ofDays(40)).plusSeconds(65)
                    .toString());
            assertThat(document.get("inputs").get(0).get("name").asText()).isEqualTo("credit-g.csv");
            assertThat(document.get("inputs").get(0).get("version").asText()).isEqualTo("v1");
            assertThat(document.get("inputs").get(0).get("fingerprint").isNull()).isTrue();
            JsonNode artifact = document.get("artifacts").get(0);
            assertThat(artifact.get("path").asText()).isEqualTo("model/model.bin");
            assertThat(artifact.get("size").asLong()).isEqualTo(MODEL.length);
            assertThat(artifact.get("sha256").asText()).hasSize(64);
            assertThat(document.get("tags").get("team").asText()).isEqualTo("risk");
        }

        @Test
        void aRunningRunHasNoEndInJson() throws IOException {
            JsonNode document = RunsCommandTest.json(runs("show", baseline, "--json"));

            assertThat(document.get("status").asText()).isEqualTo("running");
            assertThat(document.get("endTime").isNull()).isTrue();
            assertThat(document.get("duration").isNull()).isTrue();
            assertThat(document.get("seed").isNull()).isTrue();
        }
    }

    @Nested
    class Compare {
        @Test
        void paramsThatDifferAndMetricsWithDeltas() {
            CliRun run = runs("compare", logisticA, logisticB.substring(0, 8));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).containsExactly(
                    "A  " + logisticA + "  credit  logistic-a  finished",
                    "B  " + logisticB + "  credit  logistic-b  finished",
                    "params that differ",
                    "  KEY  A    B",
                    "  lr   0.1  0.01",
                    "metrics (latest)",
                    "  KEY       A    B     B-A",
                    "  diverged  -    NaN   -",
                    "  loss      0.5  0.4   -0.1",
                    "  val_auc   0.8  0.85  +0.05");
        }

        @Test
        void aParamInOneRunOnly() {
            CliRun run = runs("compare", forest, logisticA);

            assertThat(run.outLines()).contains("  C      -    1", "  trees  100  -", "  val_auc  0.78  0.8  +0.02");
        }

        @Test
        void json() throws IOException {
            JsonNode document = RunsCommandTest.json(runs("compare", logisticA, logisticB, "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("run-comparison");
            assertThat(document.get("first").get("id").asText()).isEqualTo(logisticA);
            assertThat(document.get("second").get("name").asText()).isEqualTo("logistic-b");
            assertThat(document.get("params")).hasSize(1);
            assertThat(document.get("params").get(0).get("key").asText()).isEqualTo("lr");
            assertThat(document.get("params").get(0).get("first").asText()).isEqualTo("0.1");
            assertThat(document.get("params").get(0).get("second").asText()).isEqualTo("0.01");
            JsonNode diverged = document.get("metrics").get(0);
            assertThat(diverged.get("key").asText()).isEqualTo("diverged");
            assertThat(diverged.get("first").isNull()).isTrue();
            assertThat(diverged.get("second").asText()).isEqualTo("NaN");
            JsonNode auc = document.get("metrics").get(2);
            assertThat(auc.get("key").asText()).isEqualTo("val_auc");
            assertThat(auc.get("delta").asDouble()).isCloseTo(0.05, offset(1e-12));
        }
    }

    @Nested
    class Export {
        @Test
        void aRunByPrefixIntoMlflowsLayout() throws IOException {
            Path mlruns = dir.resolve("mlruns");

            CliRun run = runs("export", logisticA.substring(0, 6), "--to", mlruns.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            Path runDirectory = mlruns.resolve("1").resolve(logisticA);
            assertThat(run.outLines()).hasSize(3);
            assertThat(run.outLines().get(0)).matches("exported 1 run \\(\\d+ files\\) into "
                    + Pattern.quote(mlruns.resolve("1").toAbsolutePath().toString()));
            assertThat(run.outLines().subList(1, 3)).containsExactly("  " + runDirectory.toAbsolutePath(),
                    "open it with: mlflow ui --backend-store-uri " + mlruns.toAbsolutePath());
            assertThat(runDirectory.resolve("meta.yaml")).isRegularFile();
            assertThat(Files.readString(runDirectory.resolve("params").resolve("lr"), StandardCharsets.UTF_8))
                    .isEqualTo("0.1");
            assertThat(Files.readAllLines(runDirectory.resolve("metrics").resolve("val_auc"), StandardCharsets.UTF_8))
                    .hasSize(3).last().asString().endsWith(" 0.8 2");
            assertThat(Files.readAllBytes(runDirectory.resolve("artifacts").resolve("model").resolve("model.bin")))
                    .isEqualTo(MODEL);
        }

        @Test
        void anExperimentAsJson() throws IOException {
            Path mlruns = dir.resolve("mlruns");

            JsonNode document = json(runs("export", "--experiment", "credit", "--to", mlruns.toString(), "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("runs-exported");
            assertThat(document.get("experimentId").asText()).isEqualTo("1");
            assertThat(document.get("root").asText()).isEqualTo(mlruns.toAbsolutePath().toString());
            List<String> directories = new ArrayList<>();
            document.get("runDirectories").forEach(path -> directories.add(Path.of(path.asText()).getFileName().toString()));
            assertThat(directories).containsExactly(logisticA, logisticB, forest);
            assertThat(document.get("files").asInt()).isPositive();
            assertThat(mlruns.resolve("1").resolve(forest).resolve("artifacts").resolve("model").resolve("forest.bin"))
                    .hasContent("a forest");
        }

        @Test
        void aRunAlreadyThereIsRefused() {
            Path mlruns = dir.resolve("mlruns");
            assertThat(runs("export", logisticB, "--to", mlruns.toString()).exitCode()).isZero();

            CliRun again = runs("export", "--experiment", "credit", "--to", mlruns.toString());

            assertThat(again.exitCode()).as(again.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(again.err()).startsWith("mlops: run " + logisticB + " is already exported to ");
            assertThat(mlruns.resolve("1").resolve(logisticA)).doesNotExist();
        }

        @Test
        void anUnknownExperiment() {
            CliRun run = runs("export", "--experiment", "fraud", "--to", dir.resolve("mlruns").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: ").contains("'fraud'");
        }

        @Test
        void withoutToIsAUsageError() {
            CliRun run = runs("export", logisticA);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required option: '--to=DIR'");
        }
    }

    @Nested
    class Delete {
        @Test
        void runsByIdAndPrefixWithTheirOwnArtifacts() throws IOException {
            CliRun run = runs("delete", forest.substring(0, 7), logisticB);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).containsExactly("deleted run " + forest + "  credit / forest",
                    "deleted run " + logisticB + "  credit / logistic-b",
                    "2 runs deleted", "removed 1 artifact file no run references (8 bytes)");
            assertThat(ids(json(runs("list", "--json")).get("runs"))).containsExactly(baseline, logisticA);
        }

        @Test
        void anExperimentWithAllItsRuns() throws IOException {
            JsonNode document = json(runs("delete", "--experiment", "credit", "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("runs-deleted");
            assertThat(document.get("deletedExperiments").get(0).asText()).isEqualTo("credit");
            List<String> deleted = new ArrayList<>();
            document.get("deletedRuns").forEach(id -> deleted.add(id.asText()));
            assertThat(deleted).containsExactlyInAnyOrder(logisticA, logisticB, forest);
            assertThat(document.get("deletedArtifacts").asLong()).isEqualTo(2);
            assertThat(ids(json(runs("list", "--json")).get("runs"))).containsExactly(baseline);
        }

        @Test
        void anUnknownRunAmongOthersDeletesNothing() throws IOException {
            CliRun run = runs("delete", logisticA, "feedfacefeed");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: no run with an id starting 'feedfacefeed' in tracking store ");
            assertThat(ids(json(runs("list", "--json")).get("runs"))).hasSize(4);
        }

        @Test
        void anUnknownExperimentDeletesNothing() throws IOException {
            CliRun run = runs("delete", "--experiment", "credit", "--experiment", "fraud");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: no experiment 'fraud' in tracking store ")
                    .endsWith("; nothing deleted\n");
            assertThat(ids(json(runs("list", "--json")).get("runs"))).hasSize(4);
        }

        @Test
        void runsAndAnExperimentTogetherIsAUsageError() {
            CliRun run = runs("delete", logisticA, "--experiment", "credit");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("mutually exclusive");
        }

        @Test
        void nothingNamedIsAUsageError() {
            CliRun run = runs("delete");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("Missing required argument", "RUN", "--experiment=NAME");
        }
    }

    @Nested
    class GarbageAndRetention {
        @Test
        void gcWithNothingToRemove() throws IOException {
            JsonNode document = json(runs("gc", "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("runs-gc");
            assertThat(document.get("deletedRuns")).isEmpty();
            assertThat(document.get("deletedArtifacts").asLong()).isZero();
            assertThat(runs("gc").out()).isEqualTo("removed 0 artifact files no run references (0 bytes)\n");
        }

        @Test
        void gcRemovesAFileNoRunReferencesPastTheGracePeriod() {
            Path directory = store.resolve(TrackingStore.ARTIFACT_DIRECTORY);
            byte[] orphan = "stored, then its process died".getBytes(StandardCharsets.UTF_8);
            byte[] fresh = "stored a moment ago, about to be recorded".getBytes(StandardCharsets.UTF_8);
            ArtifactRef old = ArtifactStore.open(directory, new ManualClock(now.minus(TrackingStore.GC_GRACE_PERIOD)
                    .minus(Duration.ofMinutes(1)))).put(orphan);
            ArtifactRef young = ArtifactStore.open(directory).put(fresh);

            CliRun run = runs("gc");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEqualTo("removed 1 artifact file no run references (" + orphan.length + " bytes)\n");
            ArtifactStore artifacts = ArtifactStore.open(directory);
            assertThat(artifacts.contains(old)).isFalse();
            assertThat(artifacts.contains(young)).as("within the grace period").isTrue();
            assertThat(runs("show", logisticA).out()).contains("model/model.bin");
        }

        @Test
        void keepLastKeepsTheNewestOfEachExperimentAndRunningRuns() throws IOException {
            CliRun run = runs("retain", "--keep-last", "1");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.outLines()).containsExactlyInAnyOrder("deleted run " + logisticA, "deleted run " + logisticB,
                    "2 runs deleted", "removed 1 artifact file no run references (" + MODEL.length + " bytes)");
            assertThat(ids(json(runs("list", "--json")).get("runs"))).containsExactly(baseline, forest);
        }

        @ParameterizedTest
        @ValueSource(strings = {"15d", "P15D", "360h", "2w"})
        void youngerThanAnAge(String age) throws IOException {
            JsonNode document = json(runs("retain", "--younger-than", age, "--json"));

            assertThat(document.get("kind").asText()).isEqualTo("runs-retained");
            List<String> deleted = new ArrayList<>();
            document.get("deletedRuns").forEach(id -> deleted.add(id.asText()));
            assertThat(deleted).containsExactlyInAnyOrder(logisticA, logisticB);
        }

        @Test
        void eitherOptionKeepsARun() throws IOException {
            JsonNode document = json(runs("retain", "--keep-last", "1", "--younger-than", "30d", "--json"));

            assertThat(document.get("policy").get("keepLast").asInt()).isEqualTo(1);
            assertThat(document.get("policy").get("youngerThan").asText()).isEqualTo("PT720H");
            assertThat(document.get("deletedRuns")).hasSize(1);
            assertThat(document.get("deletedRuns").get(0).asText()).isEqualTo(logisticA);
        }

        @Test
        void noPolicyIsAUsageError() {
            CliRun run = runs("retain");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("say which runs to keep: --keep-last N, --younger-than AGE, or both");
        }

        @ParameterizedTest
        @ValueSource(strings = {"30", "30y", "-5d", "0d", "PT0S", "soon"})
        void aMalformedAgeIsAUsageError(String age) {
            CliRun run = runs("retain", "--younger-than", age);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--younger-than", "'" + age + "'");
        }

        @Test
        void keepLastBelowOneIsAUsageError() {
            CliRun run = runs("retain", "--keep-last", "0");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("--keep-last must be at least 1 but was 0");
        }
    }

    @Nested
    class BadInput {
        @Test
        void anUnknownRun() {
            CliRun run = runs("show", "0123456789abcdef0123456789abcdef");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: no run with an id starting '0123456789abcdef0123456789abcdef' in "
                    + "tracking store jdbc:sqlite:" + store.resolve(TrackingStore.DATABASE_FILE)).endsWith("\n");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc12", "not-an-id"})
        void aPrefixTooShortOrNotHex(String prefix) {
            CliRun run = runs("show", prefix);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: no run '" + prefix + "' in tracking store ")
                    .contains("give a run's id or a prefix of at least 6 of its hex digits");
        }

        @Test
        void anAmbiguousPrefixListsTheCandidates() {
            String url = "jdbc:sqlite:" + store.resolve(TrackingStore.DATABASE_FILE);
            String first;
            String second;
            try (TrackingStore tracking = TrackingStore.open(url, store.resolve(TrackingStore.ARTIFACT_DIRECTORY),
                    Clock.systemUTC())) {
                first = tracking.createRun("fraud", RunSpec.builder().name("one").build()).id();
                second = tracking.createRun("fraud", RunSpec.builder().name("two").build()).id();
            }
            // ids are random: give the two runs (which logged nothing) ids that share their first six digits
            String one = "abcdef01" + first.substring(8);
            String two = "abcdef02" + second.substring(8);
            try (Database database = Database.open(url)) {
                database.write(sql -> sql.update("UPDATE train_runs SET id = ? WHERE id = ?", one, first));
                database.write(sql -> sql.update("UPDATE train_runs SET id = ? WHERE id = ?", two, second));
            }

            CliRun run = runs("compare", "abcdef", "abcdef02");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("mlops: run id prefix 'abcdef' is ambiguous: 2 runs match; give more "
                    + "characters:\n");
            assertThat(run.err().lines().skip(1)).containsExactlyInAnyOrder("  " + one + "  fraud / one",
                    "  " + two + "  fraud / two");
            assertThat(runs("show", "abcdef02").outLines().get(0)).isEqualTo("run " + two);
        }

        @ParameterizedTest
        @ValueSource(strings = {"val_auc>>0.8", "val_auc", ">=0.8", "val_auc>=high", "val_auc>=NaN", "val_auc=>0.8"})
        void aMalformedMetricCondition(String condition) {
            CliRun run = runs("list", "--metric", condition);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--metric", "expected METRIC OP NUMBER, such as 'val_auc>=0.8'",
                    "'" + condition + "'");
            assertThat(run.out()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"lr", "=0.1"})
        void aMalformedParam(String param) {
            CliRun run = runs("list", "--param", param);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--param", "expected KEY=VALUE, such as lr=0.1, but was '" + param + "'");
        }

        @Test
        void anUnknownStatus() {
            CliRun run = runs("list", "--status", "done");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--status", "unknown run status 'done'; expected running, finished, "
                    + "failed or killed");
        }

        @Test
        void aJdbcUrlWithoutArtifacts() {
            CliRun run = mlops("runs", "--store", "jdbc:sqlite:" + store.resolve(TrackingStore.DATABASE_FILE), "list");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: the JDBC URL of --store needs an artifact directory for the runs' "
                    + "files: give --artifacts DIR or set MLOPS_ARTIFACTS\n");
        }

        @Test
        void aJdbcUrlToAMissingSqliteFile() {
            Path missing = dir.resolve("nope.db");

            CliRun run = mlops(Map.of(StoreLocation.STORE_ENVIRONMENT, "jdbc:sqlite:" + missing), "runs", "--artifacts",
                    dir.toString(), "list");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no store at the SQLite file " + missing + " (MLOPS_STORE): "
                    + "it does not exist; " + StoreLocation.CREATED_BY + "\n");
            assertThat(missing).doesNotExist();
        }

        @Test
        void anUnknownStoreDirectoryIsNotCreated() {
            Path missing = dir.resolve("typo");

            CliRun run = mlops("runs", "list", "--store", missing.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no store in " + missing + " (--store): "
                    + missing.resolve("mlops.db") + " does not exist; " + StoreLocation.CREATED_BY + "\n");
            assertThat(missing).doesNotExist();
        }

        @Test
        void theDefaultStoreInTheWorkingDirectory() {
            assertThat(Path.of(StoreLocation.DEFAULT_DIRECTORY)).as("a store in mlops-cli's directory").doesNotExist();

            CliRun run = mlops("runs", "list");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: no store in .mlops (the default in the working directory; "
                    + "--store or MLOPS_STORE names another): .mlops/mlops.db does not exist; " + StoreLocation.CREATED_BY
                    + "\n");
        }

        @Test
        void artifactsBesideAStoreDirectory() {
            CliRun run = runs("--artifacts", dir.toString(), "list");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).isEqualTo("mlops: --artifacts " + dir + " applies to a JDBC URL only; the store "
                    + "directory " + store + " (--store) keeps its files in " + store.resolve("artifacts") + "\n");
        }

        @Test
        void noSubcommand() {
            CliRun run = runs();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(MlopsCommand.EXIT_BAD_INPUT);
            assertThat(run.err()).startsWith("Missing required subcommand").contains("Usage: mlops runs ");
        }
    }

    @Nested
    class Help {
        @Test
        void theGroupNamesItsSubcommandsAndTheStore() {
            CliRun run = mlops("runs", "--help");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: mlops runs ").contains("--store=LOCATION", "--artifacts=DIR",
                    "MLOPS_STORE", "MLOPS_ARTIFACTS", ".mlops", "mlops.db", "jdbc:postgresql://", "--verbose");
            assertThat(run.outLines()).filteredOn(line -> line.matches("  [a-z]+  .*"))
                    .extracting(line -> line.strip().split(" ")[0])
                    .containsExactly("list", "show", "compare", "export", "delete", "gc", "retain");
            assertThat(run.outLines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        }

        @ParameterizedTest
        @ValueSource(strings = {"list", "show", "compare", "export", "delete", "gc", "retain"})
        void eachSubcommandShowsTheStoreOptions(String command) {
            CliRun run = mlops("runs", command, "--help");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: mlops runs " + command + " ").contains("--store=LOCATION",
                    "--artifacts=DIR");
        }

        @Test
        void listExplainsItsOptions() {
            CliRun list = mlops("runs", "list", "--help");

            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.out()).contains("--experiment=NAME", "--status=STATUS", "--param=KEY=VALUE",
                    "--tag=KEY=VALUE", "--metric=CONDITION", "--order-by=METRIC", "--column=METRIC", "--limit=N",
                    "--json", "'val_auc>=0.8'", "(--order-by=-val_auc)");
        }
    }
}
