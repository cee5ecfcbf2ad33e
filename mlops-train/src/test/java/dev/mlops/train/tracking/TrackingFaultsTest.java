package dev.mlops.train.tracking;

import static dev.mlops.train.tracking.TrackingWriterProcess.EXPERIMENT;
import static dev.mlops.train.tracking.TrackingWriterProcess.KEYS;
import static dev.mlops.train.tracking.TrackingWriterProcess.LEGACY;
import static dev.mlops.train.tracking.TrackingWriterProcess.SMALL;
import static dev.mlops.train.tracking.TrackingWriterProcess.STEPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mlops.store.Database;
import dev.mlops.store.MigrationResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Process faults against a tracking store in a SQLite file, with real child JVMs
 * ({@link TrackingWriterProcess}): a writer killed with SIGKILL while logging, two processes logging at
 * once, and a file written by an older release.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TrackingFaultsTest {
    @TempDir
    Path directory;

    private Path database() {
        return directory.resolve(TrackingStore.DATABASE_FILE);
    }

    private ChildJvm child(String name, String... args) throws Exception {
        return new ChildJvm(directory.resolve("child-" + name + ".err"), args);
    }

    @Nested
    class AWriterKilledWhileLogging {
        /**
         * The child is killed a random time (by the seed) after it reported batch 15, between none and
         * two batches' time, so that over the seeds the kill lands anywhere in a batch's life.
         */
        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {20261206L, 7L, 1_000_003L, 42L, 918_273L})
        void leavesEveryBatchItReportedWholeNoBatchHalfThereAndItsRunKilledNamingTheProcess(long seed) throws Exception {
            String runId;
            long pid;
            List<String> printed;
            try (ChildJvm writer = child("killed", "until-killed", directory.toString())) {
                runId = writer.awaitPrefix("RUN ");
                writer.await("COMMITTED 5", "COMMITTED 5"::equals);
                long fifth = System.nanoTime();
                writer.await("COMMITTED 15", "COMMITTED 15"::equals);
                long batchNanos = (System.nanoTime() - fifth) / 10;
                long delayMicros = new SplittableRandom(seed).nextLong(2 * batchNanos / 1000 + 1);
                TimeUnit.MICROSECONDS.sleep(delayMicros);
                writer.kill();
                pid = writer.pid();
                printed = writer.drain();
            }
            long reported = last(printed, "COMMITTED ");

            try (Database file = Database.sqlite(database())) {
                assertThat(file.<Optional<String>>read(sql -> sql.first("PRAGMA integrity_check", row -> row.getString(1))))
                        .contains("ok");
                assertThat(file.<List<String>>read(sql -> sql.query("PRAGMA foreign_key_check", row -> row.getString(1))))
                        .isEmpty();
            }

            try (TrackingStore store = TrackingStore.open(directory)) {
                RunRecord run = store.require(runId);
                assertThat(run.info().status()).as("status after reopening").isEqualTo(RunStatus.KILLED);
                assertThat(run.info().endTime()).isPresent();
                assertThat(run.tags()).containsEntry(ActiveRun.END_REASON_TAG, "process " + pid + " on "
                        + ProcessOwner.current().host() + " ended while the run was running");
                assertThat(store.markAbandonedRuns()).as("marked once, on open").isEmpty();

                long batches = wholeBatches(store, runId, seed);
                assertThat(batches - 1).as("the last batch stored (seed %s), with %s reported committed", seed, reported)
                        .isGreaterThanOrEqualTo(reported);
                assertThat(run.params()).as("one param per batch stored (seed %s)", seed)
                        .isEqualTo(LongStream.range(0, batches).boxed().collect(TreeMap<String, String>::new,
                                (params, b) -> params.put("p" + b, Long.toString(b)), Map::putAll));
                assertThat(run.tags()).as("the tag of the last batch stored").containsEntry("last", Long.toString(batches - 1));
                for (int key = 0; key < KEYS; key++) {
                    assertThat(run.metrics().get("m" + key)).as("latest point of m%s", key)
                            .extracting(MetricPoint::step, MetricPoint::value)
                            .containsExactly(batches * STEPS - 1, TrackingWriterProcess.value(batches * STEPS - 1, key));
                }
            }
        }

        /**
         * Reads back every key's history and checks that the batches there are 0, 1, ... n-1, each with
         * every key at every step of the batch and the value logged.
         *
         * @return n, the number of batches stored
         */
        private long wholeBatches(TrackingStore store, String runId, long seed) {
            Map<Long, Integer> pointsPerBatch = new TreeMap<>();
            for (int key = 0; key < KEYS; key++) {
                List<MetricPoint> history = store.metricHistory(runId, "m" + key);
                for (MetricPoint point : history) {
                    assertThat(point.value()).as("m%s at step %s (seed %s)", key, point.step(), seed)
                            .isEqualTo(TrackingWriterProcess.value(point.step(), key));
                    pointsPerBatch.merge(point.step() / STEPS, 1, Integer::sum);
                }
                assertThat(history).extracting(MetricPoint::step).as("steps of m%s (seed %s)", key, seed)
                        .containsExactlyElementsOf(LongStream.range(0, history.size()).boxed().toList());
            }
            long batches = pointsPerBatch.size();
            assertThat(pointsPerBatch).as("points of each batch stored, batch -> points (seed %s)", seed)
                    .containsOnlyKeys(LongStream.range(0, batches).boxed().toArray(Long[]::new))
                    .allSatisfy((batch, points) -> assertThat(points).as("points of batch %s (seed %s)", batch, seed)
                            .isEqualTo(KEYS * STEPS));
            return batches;
        }

        private long last(List<String> printed, String prefix) {
            return printed.stream().filter(line -> line.startsWith(prefix))
                    .mapToLong(line -> Long.parseLong(line.substring(prefix.length()))).max()
                    .orElseThrow(() -> new AssertionError("no line " + prefix + "... in " + printed));
        }
    }

    @Nested
    class TwoProcessesLoggingAtOnce {
        private static final int BATCHES = 300;

        @Test
        void bothSucceedAndEveryPointOfBothIsThere() throws Exception {
            List<String> runs = new ArrayList<>();
            try (ChildJvm first = child("first", "together", directory.toString(), Integer.toString(BATCHES));
                    ChildJvm second = child("second", "together", directory.toString(), Integer.toString(BATCHES))) {
                runs.add(first.awaitPrefix("RUN "));
                runs.add(second.awaitPrefix("RUN "));
                first.await("READY", "READY"::equals);
                second.await("READY", "READY"::equals);
                first.send("GO");
                second.send("GO");
                for (ChildJvm child : List.of(first, second)) {
                    assertThat(child.awaitExit()).as("exit code of %s; stderr: %s", child.pid(), child.errors()).isZero();
                    child.await("DONE", "DONE"::equals);
                }
            }

            try (TrackingStore store = TrackingStore.open(directory)) {
                List<Instant[]> spans = new ArrayList<>();
                for (String runId : runs) {
                    RunRecord run = store.require(runId);
                    assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
                    assertThat(run.params()).hasSize(BATCHES);
                    assertThat(run.tags()).containsEntry("last", Long.toString(BATCHES - 1));
                    for (int key = 0; key < KEYS; key++) {
                        int metric = key;
                        List<MetricPoint> history = store.metricHistory(runId, "m" + key);
                        assertThat(history).as("m%s of run %s", key, runId)
                                .extracting(MetricPoint::step, MetricPoint::value)
                                .containsExactlyElementsOf(LongStream.range(0, (long) BATCHES * SMALL)
                                        .mapToObj(step -> tuple(step,
                                                TrackingWriterProcess.value(step, metric)))
                                        .toList());
                        spans.add(new Instant[] {history.get(0).timestamp(), history.get(history.size() - 1).timestamp()});
                    }
                }
                Instant[] first = spans.get(0);
                Instant[] second = spans.get(spans.size() - 1);
                assertThat(first[0]).as("the first process logged while the second did: %s..%s and %s..%s",
                        first[0], first[1], second[0], second[1]).isBeforeOrEqualTo(second[1]);
                assertThat(second[0]).isBeforeOrEqualTo(first[1]);
            }
        }
    }

    @Nested
    class AStoreWrittenByAnOlderRelease {
        @Test
        void opensAfterMigrationWithEverythingItHeld() throws Exception {
            try (ChildJvm older = child("older", "older-release", directory.toString())) {
                assertThat(older.awaitExit()).as("stderr: %s", older.errors()).isZero();
                older.await("DONE", "DONE"::equals);
            }

            try (Database file = Database.sqlite(database())) {
                assertThat(file.migrate(LEGACY)).isEqualTo(new MigrationResult("legacy", 1, "2"));
                assertThat(file.<List<String>>read(sql -> sql.query("SELECT id || ' ' || body || ' ' || author "
                        + "FROM legacy_notes ORDER BY id", row -> row.getString(1))))
                        .containsExactly("1 München unknown", "2 São Paulo unknown");
                file.write(sql -> sql.update("INSERT INTO legacy_notes (id, body, author) VALUES (3, 'new', 'me')"));
                assertThat(file.migrate(SqlTrackingStore.MIGRATIONS)).as("tracking's own schema, already current")
                        .isEqualTo(new MigrationResult("train", 0, "2"));
            }

            try (TrackingStore store = TrackingStore.open(directory)) {
                List<RunRecord> runs = store.search(RunQuery.in(EXPERIMENT).build());
                assertThat(runs).singleElement().satisfies(run -> {
                    assertThat(run.info().name()).isEqualTo("older");
                    assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
                    assertThat(run.params()).isEqualTo(Map.of("lr", "0.1"));
                    assertThat(run.metrics().get("auc")).extracting(MetricPoint::step, MetricPoint::value)
                            .containsExactly(3L, 0.75);
                });
            }
        }
    }
}
