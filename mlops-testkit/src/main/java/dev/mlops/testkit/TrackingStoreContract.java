package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.MetricPoint;
import dev.mlops.train.tracking.RetentionPolicy;
import dev.mlops.train.tracking.RetentionResult;
import dev.mlops.train.tracking.RunBatch;
import dev.mlops.train.tracking.RunComparison;
import dev.mlops.train.tracking.RunInfo;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.RunStatus;
import dev.mlops.train.tracking.TrackingException;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of a {@link TrackingStore}: extend it with a way to open a fresh, empty store on a
 * given clock, and it checks what runs record, the state machine, params written once, batches
 * all-or-none, the latest-point rule of metrics, queries answered in order, comparison, deletion,
 * retention and concurrent logging.
 *
 * <pre>{@code
 * class SqliteTrackingStoreTest extends TrackingStoreContract {
 *     @Override
 *     protected TrackingStore openStore(Path directory, Clock clock) {
 *         return TrackingStore.open(Database.sqlite(directory.resolve("t.db")),
 *                 ArtifactStore.open(directory.resolve("artifacts")), clock);
 *     }
 * }
 * }</pre>
 *
 * <p>mlops-testkit's own tests run it on a SQLite file, SQLite in memory and PostgreSQL.
 */
public abstract class TrackingStoreContract {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    /** The clock the store under test stamps times with; tests move it. */
    protected final ManualClock clock = new ManualClock(START);
    /** The store under test, opened before each test and closed after it. */
    protected TrackingStore store;

    @TempDir
    Path directory;

    /**
     * Opens a fresh, empty store.
     *
     * @param workDirectory an empty directory the store may use (for its artifacts, a database file)
     * @param storeClock the clock the store must stamp times with
     * @return the open store; the contract closes it
     */
    protected abstract TrackingStore openStore(Path workDirectory, java.time.Clock storeClock);

    @BeforeEach
    void openTheStore() throws Exception {
        store = openStore(Files.createDirectories(directory.resolve("store")), clock);
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    private static RunSpec spec(String name) {
        return RunSpec.builder().name(name).codeVersion("abc123").user("tester").build();
    }

    @Test
    void aStartedRunRecordsWhatItsSpecSays() {
        RunSpec spec = RunSpec.builder().name("logistic").seed(42).codeVersion("0123abcd").user("ada")
                .param("lr", "0.1").tag("team", "risk").build();
        RunInfo started = store.createRun("credit", spec);
        assertThat(started.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(started.id()).matches("[0-9a-f]{32}");
        RunRecord run = store.require(started.id());
        assertThat(run.info()).isEqualTo(started);
        assertThat(run.info().name()).isEqualTo("logistic");
        assertThat(run.info().seed()).isEqualTo(OptionalLong.of(42));
        assertThat(run.info().codeVersion()).contains("0123abcd");
        assertThat(run.info().user()).isEqualTo("ada");
        assertThat(run.info().startTime()).isEqualTo(START);
        assertThat(run.info().endTime()).isEmpty();
        assertThat(run.info().experiment().name()).isEqualTo("credit");
        assertThat(run.params()).containsExactly(Map.entry("lr", "0.1"));
        assertThat(run.tags()).containsExactly(Map.entry("team", "risk"));
        assertThat(store.experiments()).extracting(e -> e.name()).containsExactly("credit");
    }

    @Test
    void everythingLoggedComesBack() {
        ActiveRun run = store.startRun("credit", spec("all"));
        run.logParams(Map.of("lr", "0.1", "depth", "5")).setTag("stage", "tuning");
        clock.advance(Duration.ofSeconds(1));
        run.logMetric("loss", 0.9, 0);
        clock.advance(Duration.ofSeconds(1));
        run.logMetric("loss", 0.5, 1);
        run.logMetrics(Map.of("auc", 0.81, "nan", Double.NaN, "inf", Double.POSITIVE_INFINITY), 1);
        run.setTag("stage", "final");
        RunRecord record = store.require(run.id());
        assertThat(record.params()).containsExactly(Map.entry("depth", "5"), Map.entry("lr", "0.1"));
        assertThat(record.tags()).containsExactly(Map.entry("stage", "final"));
        assertThat(record.metric("loss")).contains(0.5);
        assertThat(record.metric("auc")).contains(0.81);
        assertThat(record.metric("nan")).hasValueSatisfying(value -> assertThat(value).isNaN());
        assertThat(record.metric("inf")).contains(Double.POSITIVE_INFINITY);
        assertThat(store.metricHistory(run.id(), "loss")).containsExactly(
                new MetricPoint("loss", 0.9, 0, START.plusSeconds(1)), new MetricPoint("loss", 0.5, 1, START.plusSeconds(2)));
        assertThat(store.metricHistory(run.id(), "never")).isEmpty();
    }

    @Test
    void theLatestPointIsTheHighestStepThenTheLatestTime() {
        ActiveRun run = store.startRun("credit", spec("latest"));
        store.log(run.id(), RunBatch.ofMetrics(List.of(
                new MetricPoint("m", 3.0, 5, START.plusSeconds(1)),
                new MetricPoint("m", 1.0, 2, START.plusSeconds(9)))));
        assertThat(store.require(run.id()).metric("m")).as("a lower step logged later does not win").contains(3.0);
        store.log(run.id(), RunBatch.ofMetrics(List.of(new MetricPoint("m", 4.0, 5, START.plusSeconds(2)))));
        assertThat(store.require(run.id()).metric("m")).as("the same step logged later wins").contains(4.0);
        store.log(run.id(), RunBatch.ofMetrics(List.of(new MetricPoint("m", 9.0, 5, START))));
        assertThat(store.require(run.id()).metric("m")).as("the same step logged earlier does not").contains(4.0);
        assertThat(store.metricHistory(run.id(), "m")).hasSize(4);
    }

    @Test
    void aParamIsWrittenOnceAndARefusedBatchLeavesNothing() {
        ActiveRun run = store.startRun("credit", spec("params"));
        run.logParam("lr", "0.1");
        run.logParam("lr", "0.1");
        RunBatch conflicting = new RunBatch(Map.of("lr", "0.2", "new", "x"),
                List.of(new MetricPoint("auc", 0.7, 0, START)), Map.of("t", "v"));
        assertThatThrownBy(() -> store.log(run.id(), conflicting))
                .isInstanceOf(TrackingException.class)
                .hasMessage("run " + run.id() + " already has param 'lr' = '0.1'; a param is written once, so '0.2' is "
                        + "refused (log a metric or a tag for a value that changes)");
        RunRecord record = store.require(run.id());
        assertThat(record.params()).containsExactly(Map.entry("lr", "0.1"));
        assertThat(record.metrics()).isEmpty();
        assertThat(record.tags()).isEmpty();
    }

    @Test
    void aRunEndsOnceAndThenRefusesLogging() {
        ActiveRun run = store.startRun("credit", spec("ending"));
        clock.advance(Duration.ofMinutes(3));
        RunInfo ended = run.finish();
        assertThat(ended.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(ended.endTime()).contains(START.plus(Duration.ofMinutes(3)));
        assertThat(store.require(run.id()).info()).isEqualTo(ended);
        assertThatThrownBy(() -> run.logMetric("auc", 0.5))
                .isInstanceOf(TrackingException.class)
                .hasMessage("cannot log to run " + run.id() + ": it is finished, and only a running run accepts logging");
        assertThatThrownBy(() -> store.endRun(run.id(), RunStatus.KILLED))
                .isInstanceOf(TrackingException.class)
                .hasMessage("run " + run.id() + " is finished and cannot become killed: a run moves once, from running "
                        + "to finished, failed or killed");
        assertThatThrownBy(() -> store.endRun(store.createRun("credit", spec("r")).id(), RunStatus.RUNNING))
                .isInstanceOf(TrackingException.class);
        run.close();
        assertThat(store.require(run.id()).info().status()).as("closing an ended run changes nothing")
                .isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void aRunClosedWithoutFinishingFailsWithTheReason() {
        String id;
        try (ActiveRun run = store.startRun("credit", spec("abandoned"))) {
            id = run.id();
            run.logMetric("loss", 1.0);
        }
        RunRecord record = store.require(id);
        assertThat(record.info().status()).isEqualTo(RunStatus.FAILED);
        assertThat(record.tags()).containsEntry(ActiveRun.END_REASON_TAG, "closed without finish()");
        ActiveRun killed = store.startRun("credit", spec("killed"));
        assertThat(killed.kill("stopped by the scheduler").status()).isEqualTo(RunStatus.KILLED);
        assertThat(store.require(killed.id()).tags()).containsEntry(ActiveRun.END_REASON_TAG, "stopped by the scheduler");
    }

    @Test
    void unknownRunsAndExperimentsAreNamed() {
        assertThat(store.run("0".repeat(32))).isEmpty();
        assertThatThrownBy(() -> store.log("f".repeat(32), RunBatch.ofMetrics(List.of())))
                .isInstanceOf(TrackingException.class).hasMessageStartingWith("no run " + "f".repeat(32) + " in ");
        assertThatThrownBy(() -> store.metricHistory("nope", "m")).isInstanceOf(TrackingException.class);
        assertThatThrownBy(() -> store.deleteRun("nope")).isInstanceOf(TrackingException.class);
        assertThatThrownBy(() -> store.deleteExperiment("nope"))
                .isInstanceOf(TrackingException.class).hasMessageStartingWith("no experiment 'nope' in ");
        store.createExperiment("unique");
        assertThatThrownBy(() -> store.createExperiment("unique"))
                .isInstanceOf(TrackingException.class).hasMessageStartingWith("experiment 'unique' already exists in ");
        assertThat(store.experiment("unique")).isPresent();
        assertThat(store.experiment("other")).isEmpty();
    }

    @Test
    void blankNamesAndBadArtifactPathsAreRefused() {
        assertThatThrownBy(() -> store.createExperiment(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an experiment's name must not be blank");
        assertThatThrownBy(() -> store.createRun("", spec("r"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an experiment's name must not be blank");
        ActiveRun run = store.startRun("credit", spec("paths"));
        assertThatThrownBy(() -> run.logArtifact("../escape", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("artifact key '../escape'");
        assertThatThrownBy(() -> run.logArtifact("a:b", directory)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.require(run.id()).artifacts()).isEmpty();
        assertThat(store.experiments()).extracting(e -> e.name()).containsExactly("credit");
    }

    @Test
    void inputsAddedTogetherAndLaterKeepTheirOrder() {
        ActiveRun run = store.startRun("credit", spec("inputs"));
        LineageInput first = LineageInput.of("first", "table", "1");
        LineageInput second = LineageInput.of("second", "table", "1");
        LineageInput third = LineageInput.of("third", "split", "1");
        store.addInputs(run.id(), List.of(first, second));
        store.addInputs(run.id(), List.of(third));
        assertThat(store.require(run.id()).inputs()).containsExactly(first, second, third);
    }

    @Test
    void ofTwoPointsAtOneStepAndOneTimeTheOneLoggedLaterIsLatest() {
        ActiveRun run = store.startRun("credit", spec("tie"));
        store.log(run.id(), RunBatch.ofMetrics(List.of(new MetricPoint("m", 1.0, 3, START),
                new MetricPoint("m", 2.0, 3, START))));
        assertThat(store.require(run.id()).metric("m")).contains(2.0);
        store.log(run.id(), RunBatch.ofMetrics(List.of(new MetricPoint("m", 5.0, 3, START))));
        assertThat(store.require(run.id()).metric("m")).contains(5.0);
    }

    @Test
    void retentionBoundariesKeepTheNthRunAndARunExactlyAsOldAsTheAgeGoes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(store.startRun("credit", spec("r" + i)).finish().id());
            clock.advance(Duration.ofHours(1));
        }
        // started at hours 0, 1, 2; now is hour 3
        assertThat(store.applyRetention(RetentionPolicy.keepLast(2)).deletedRuns()).containsExactly(ids.get(0));
        assertThat(store.applyRetention(RetentionPolicy.youngerThan(Duration.ofHours(2))).deletedRuns())
                .as("a run exactly as old as the age is not younger than it").containsExactly(ids.get(1));
        assertThat(store.applyRetention(RetentionPolicy.youngerThan(Duration.ofHours(1).plusMillis(1))).deletedRuns())
                .isEmpty();
    }

    @Test
    void runIdsAreFoundByTheirFirstDigits() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(store.createRun("credit", spec("r" + i)).id());
        }
        String id = ids.get(7);
        assertThat(store.runIdsStartingWith(id, 5)).containsExactly(id);
        assertThat(store.runIdsStartingWith(id.substring(0, 6), 5)).contains(id);
        String digit = id.substring(0, 1);
        List<String> expected = ids.stream().filter(other -> other.startsWith(digit)).sorted().limit(2).toList();
        assertThat(store.runIdsStartingWith(digit, 2)).containsExactlyElementsOf(expected);
        assertThat(store.runIdsStartingWith(id.substring(0, 31) + (id.charAt(31) == '0' ? "1" : "0"), 5))
                .doesNotContain(id);
        assertThatThrownBy(() -> store.runIdsStartingWith("ABC", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a run id prefix is 1 to 32 lower-case hex digits but was 'ABC'");
        assertThatThrownBy(() -> store.runIdsStartingWith("", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.runIdsStartingWith("a", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be at least 1 but was 0");
        assertThat(store.runIdsStartingWith(digit, 1)).hasSize(1);
    }

    @Test
    void lineageInputsComeBackInOrder() {
        ActiveRun run = store.startRun("credit", spec("lineage"));
        LineageInput table = LineageInput.fingerprinted("credit-g.csv", "table", new Fingerprint("a".repeat(64)));
        LineageInput split = LineageInput.of("credit-split", "split", "v3").withFingerprint(new Fingerprint("b".repeat(64)));
        LineageInput window = LineageInput.of("features", "feature-group", "4")
                .between(START.minus(Duration.ofDays(30)), START);
        run.addInput(table).addInput(split).addInput(window);
        assertThat(store.require(run.id()).inputs()).containsExactly(table, split, window);
    }

    @Test
    void artifactsComeBackVerified() throws Exception {
        ActiveRun run = store.startRun("credit", spec("artifacts"));
        Path file = Files.writeString(directory.resolve("model.txt"), "weights: München", StandardCharsets.UTF_8);
        run.logArtifact("model/model.txt", file);
        run.logArtifact("notes.txt", "first".getBytes(StandardCharsets.UTF_8));
        run.logArtifact("notes.txt", "second".getBytes(StandardCharsets.UTF_8));
        assertThat(store.readArtifact(run.id(), "model/model.txt")).isEqualTo(Files.readAllBytes(file));
        assertThat(new String(store.readArtifact(run.id(), "notes.txt"), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(store.require(run.id()).artifacts()).extracting(a -> a.path()).containsExactly("model/model.txt", "notes.txt");
        assertThatThrownBy(() -> store.readArtifact(run.id(), "missing"))
                .isInstanceOf(TrackingException.class).hasMessage("run " + run.id() + " has no artifact 'missing'");
    }

    @Test
    void aQueryFindsTheBestRunsInOrder() {
        SplittableRandom random = new SplittableRandom(20_261_206L);
        List<RunRecord> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofSeconds(1));
            String lr = i % 2 == 0 ? "0.1" : "0.01";
            ActiveRun run = store.startRun(i < 30 ? "credit" : "other", RunSpec.builder().name("run" + i)
                    .param("lr", lr).tag("parity", i % 2 == 0 ? "even" : "odd").build());
            if (i % 7 != 3) {
                run.logMetric("auc", Math.round(random.nextDouble() * 1000) / 1000.0);
            }
            if (i % 5 == 0) {
                run.finish();
            }
            expected.add(store.require(run.id()));
        }
        List<RunRecord> best = store.search(RunQuery.in("credit").param("lr", "0.1").orderByMetric("auc", true)
                .limit(10).build());
        List<String> wanted = expected.stream()
                .filter(r -> r.info().experiment().name().equals("credit") && r.params().get("lr").equals("0.1")
                        && r.metric("auc").isPresent())
                .sorted(Comparator.comparing((RunRecord r) -> r.metric("auc").orElseThrow()).reversed()
                        .thenComparing(r -> r.info().startTime(), Comparator.reverseOrder()))
                .limit(10).map(RunRecord::id).toList();
        assertThat(best).extracting(RunRecord::id).containsExactlyElementsOf(wanted);
        assertThat(best).allSatisfy(r -> assertThat(r.params()).containsEntry("lr", "0.1"));

        List<RunRecord> finishedOdd = store.search(RunQuery.all().status(RunStatus.FINISHED).tag("parity", "odd").build());
        assertThat(finishedOdd).extracting(RunRecord::id).containsExactlyElementsOf(expected.stream()
                .filter(r -> r.info().status() == RunStatus.FINISHED && r.tags().get("parity").equals("odd"))
                .sorted(Comparator.comparing((RunRecord r) -> r.info().startTime()).reversed())
                .map(RunRecord::id).toList());

        List<RunRecord> above = store.search(RunQuery.all().metric("auc", RunQuery.Comparison.GREATER_OR_EQUAL, 0.5)
                .orderByMetric("auc", false).build());
        assertThat(above).extracting(r -> r.metric("auc").orElseThrow()).isSorted().allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0.5));
        assertThat(above).hasSize((int) expected.stream().filter(r -> r.metric("auc").orElse(0.0) >= 0.5).count());
        assertThat(store.search(RunQuery.in("other").build())).hasSize(10);
        assertThat(store.search(RunQuery.in("nothing").build())).isEmpty();
    }

    @Test
    void twoRunsCompareSideBySide() {
        ActiveRun first = store.startRun("credit", RunSpec.builder().param("lr", "0.1").param("depth", "3").build());
        first.logMetric("auc", 0.75).logMetric("loss", 0.4);
        ActiveRun second = store.startRun("credit", RunSpec.builder().param("lr", "0.2").param("depth", "3")
                .param("l2", "1").build());
        second.logMetric("auc", 0.8);
        RunComparison comparison = store.compare(first.id(), second.id());
        assertThat(comparison.params()).containsExactly(
                new RunComparison.ParamDifference("l2", Optional.empty(), Optional.of("1")),
                new RunComparison.ParamDifference("lr", Optional.of("0.1"), Optional.of("0.2")));
        assertThat(comparison.metrics()).hasSize(2);
        assertThat(comparison.metrics().get(0).key()).isEqualTo("auc");
        assertThat(comparison.metrics().get(0).delta().getAsDouble()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(comparison.metrics().get(1).second()).isEqualTo(OptionalDouble.empty());
        assertThat(comparison.metrics().get(1).delta()).isEmpty();
    }

    @Test
    void deletingARunRemovesItAndTheFilesOnlyItReferenced() {
        ActiveRun kept = store.startRun("credit", spec("kept"));
        kept.logArtifact("shared.bin", new byte[] {1, 2, 3});
        ActiveRun doomed = store.startRun("credit", spec("doomed"));
        doomed.logParam("lr", "0.1").logMetric("auc", 0.5);
        doomed.logArtifact("shared.bin", new byte[] {1, 2, 3});
        doomed.logArtifact("own.bin", new byte[] {9, 9, 9, 9});
        RetentionResult result = store.deleteRun(doomed.id());
        assertThat(result.deletedRuns()).containsExactly(doomed.id());
        assertThat(result.deletedArtifacts()).isEqualTo(1);
        assertThat(result.freedBytes()).isEqualTo(4);
        assertThat(store.run(doomed.id())).isEmpty();
        assertThat(store.readArtifact(kept.id(), "shared.bin")).containsExactly(1, 2, 3);
        assertThat(store.deleteExperiment("credit").deletedRuns()).containsExactly(kept.id());
        assertThat(store.experiment("credit")).isEmpty();
        assertThat(store.search(RunQuery.all().build())).isEmpty();
    }

    @Test
    void retentionKeepsTheNewestTheYoungAndTheRunning() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ActiveRun run = store.startRun("credit", spec("r" + i));
            if (i != 1) {
                run.finish();
            }
            ids.add(run.id());
            clock.advance(Duration.ofDays(1));
        }
        // runs started at day 0..5; now is day 6: the two newest are r5, r4; r1 still runs
        RetentionResult result = store.applyRetention(RetentionPolicy.keepLast(2));
        assertThat(result.deletedRuns()).containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(3));
        assertThat(store.search(RunQuery.all().build())).extracting(RunRecord::id)
                .containsExactlyInAnyOrder(ids.get(1), ids.get(4), ids.get(5));
        RetentionResult young = store.applyRetention(RetentionPolicy.youngerThan(Duration.ofHours(30)));
        assertThat(young.deletedRuns()).containsExactly(ids.get(4));
    }

    @Test
    void threadsLoggingToOneRunAtOnceLoseNothing() throws Exception {
        ActiveRun run = store.startRun("credit", spec("threads"));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                String key = "m" + thread;
                writers.add(threads.submit(() -> {
                    for (int step = 0; step < 20; step++) {
                        run.logMetric(key, step, step);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        RunRecord record = store.require(run.id());
        assertThat(record.metrics()).hasSize(8);
        assertThat(record.metrics().values()).allSatisfy(point -> assertThat(point.step()).isEqualTo(19));
        assertThat(store.metricHistory(run.id(), "m3")).hasSize(20);
    }
}
