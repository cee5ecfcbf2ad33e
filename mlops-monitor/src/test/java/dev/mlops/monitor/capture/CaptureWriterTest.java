package dev.mlops.monitor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.io.FlushPolicy;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureWriterTest {

    static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @TempDir
    Path dir;

    static Map<String, Object> input(int i) {
        return Map.of("x", (double) i, "city", "São Paulo");
    }

    static List<Path> files(Path dir) {
        return CaptureFiles.list(dir);
    }

    static long lines(Path file) throws Exception {
        return Files.readAllLines(file).size();
    }

    @Nested
    class Writing {
        @Test
        void writesPolicyFilteredRecordsStampedByTheClockAndReadsThemBack() {
            Schema schema = Schema.of(Field.of("x", ColumnType.NUMERIC),
                    Field.sensitive("email", ColumnType.TEXT));
            CapturePolicy policy = CapturePolicy.builder(schema)
                    .sensitive(CapturePolicy.Sensitive.MASK).build();
            TestClock clock = new TestClock(T0);
            try (CaptureWriter writer = CaptureWriter.builder(dir).policy(policy).clock(clock)
                    .build()) {
                assertThat(writer.capture("r1", "v1", CaptureStage.BEFORE_PREPROCESSING,
                        Map.of("x", 1.0, "email", "a@b.de"), Map.of())).isTrue();
                clock.advance(Duration.ofMillis(5));
                assertThat(writer.capture("r1", "v1", CaptureStage.BEFORE_LOSSY_STEP,
                        Map.of("x", 1.0), Map.of("p", 0.7, "email", "a@b.de"))).isTrue();
                assertThat(writer.directory()).isEqualTo(dir);
            }
            CaptureBatch batch = CaptureReader.readAll(dir);
            assertThat(batch.records()).containsExactly(
                    new CaptureRecord("r1", T0, "v1", CaptureStage.BEFORE_PREPROCESSING,
                            Map.of("x", 1.0, "email", "***"), Map.of()),
                    new CaptureRecord("r1", T0.plusMillis(5), "v1",
                            CaptureStage.BEFORE_LOSSY_STEP, Map.of("x", 1.0),
                            Map.of("p", 0.7, "email", "***")));
            assertThat(batch.result().badLines()).isZero();
        }

        @Test
        void columnsTheCallerMarksSensitiveAreHiddenByThePolicy() {
            CapturePolicy policy = CapturePolicy.builder(Schema.of(Field.of("x", ColumnType.NUMERIC)))
                    .sensitive(CapturePolicy.Sensitive.MASK).build();
            try (CaptureWriter writer = CaptureWriter.builder(dir).policy(policy).clock(new TestClock(T0))
                    .build()) {
                assertThat(writer.capture("r1", "v1", CaptureStage.AFTER_MODEL,
                        Map.of("x", 1.0, "income", 9.0), Map.of("p", 0.5), Set.of("income"))).isTrue();
            }
            assertThat(CaptureReader.readAll(dir).records()).containsExactly(
                    new CaptureRecord("r1", T0, "v1", CaptureStage.AFTER_MODEL, Map.of("x", 1.0, "income", "***"),
                            Map.of("p", 0.5)));
        }

        @Test
        void aSinkThatKnowsNothingOfMarkedColumnsLeavesThemOut() {
            List<Map<String, Object>> rows = new ArrayList<>();
            CaptureSink sink = new CaptureSink() {
                @Override
                public boolean capture(String inferenceId, String modelVariant, CaptureStage stage,
                        Map<String, @org.jspecify.annotations.Nullable Object> input,
                        Map<String, @org.jspecify.annotations.Nullable Object> output) {
                    rows.add(new java.util.HashMap<>(input));
                    rows.add(new java.util.HashMap<>(output));
                    return !inferenceId.equals("sampled-out");
                }

                @Override
                public boolean write(CaptureRecord record) {
                    return false;
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            assertThat(sink.capture("r1", "v1", CaptureStage.AFTER_MODEL, Map.of("x", 1.0, "income", 9.0),
                    Map.of("p", 0.5, "income", 9.0), Set.of("income"))).isTrue();
            assertThat(rows).containsExactly(Map.of("x", 1.0), Map.of("p", 0.5));
            assertThat(sink.capture("sampled-out", "v1", CaptureStage.AFTER_MODEL, Map.of(), Map.of(),
                    Set.of("income"))).isFalse();
        }

        @Test
        void writeKeepsTheRecordsTimeAndAppliesThePolicy() {
            Schema schema = Schema.of(Field.sensitive("email", ColumnType.TEXT));
            CaptureRecord old = new CaptureRecord("r9", Instant.parse("2019-12-16T18:20:44Z"),
                    "v", CaptureStage.AFTER_MODEL, Map.of("email", "x@y.z", "a", 1.0),
                    Map.of("email", "x@y.z"));
            try (CaptureWriter writer = CaptureWriter.builder(dir)
                    .policy(CapturePolicy.builder(schema).build())
                    .clock(new TestClock(T0)).build()) {
                assertThat(writer.write(old)).isTrue();
            }
            assertThat(CaptureReader.readAll(dir).records()).containsExactly(
                    new CaptureRecord("r9", old.time(), "v", CaptureStage.AFTER_MODEL,
                            Map.of("a", 1.0), Map.of()));
        }

        @Test
        void samplingKeepsOrDropsEveryStageOfAnInferenceTogether() {
            CapturePolicy policy = CapturePolicy.builder(Schema.of()).samplingPercentage(50)
                    .seed(Seed.of(3)).build();
            int n = 400;
            try (CaptureWriter writer = CaptureWriter.builder(dir).policy(policy)
                    .clock(new TestClock(T0)).build()) {
                for (int i = 0; i < n; i++) {
                    for (CaptureStage stage : List.of(CaptureStage.BEFORE_PREPROCESSING,
                            CaptureStage.AFTER_ENRICHMENT, CaptureStage.AFTER_MODEL)) {
                        writer.capture("req-" + i, "v", stage, input(i), Map.of());
                    }
                }
                writer.flush();
                CaptureStats stats = writer.stats();
                assertThat(stats.accepted() + stats.sampledOut()).isEqualTo(3L * n);
                assertThat(stats.accepted()).isBetween(3L * 150, 3L * 250);
            }
            Map<String, Long> stagesPerId = CaptureReader.readAll(dir).records().stream()
                    .collect(Collectors.groupingBy(CaptureRecord::inferenceId,
                            Collectors.counting()));
            assertThat(stagesPerId.values()).containsOnly(3L);
            assertThat(stagesPerId.keySet()).allMatch(policy::sampled);
        }

        @Test
        void aSampledOutRecordIsCountedAndReturnsFalse() {
            CapturePolicy none = CapturePolicy.builder(Schema.of()).samplingPercentage(0).build();
            try (CaptureWriter writer = CaptureWriter.builder(dir).policy(none).build()) {
                assertThat(writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0),
                        Map.of())).isFalse();
                assertThat(writer.write(new CaptureRecord("b", T0, "v", CaptureStage.AFTER_MODEL,
                        Map.of(), Map.of()))).isFalse();
                writer.flush();
                assertThat(writer.stats()).isEqualTo(new CaptureStats(2, 0, 0, 0, 0, 0, 0));
            }
            assertThat(files(dir)).isEmpty();
        }

        @Test
        void theBackgroundThreadIsADaemonNamedForTheDirectory() {
            try (CaptureWriter writer = CaptureWriter.builder(dir.resolve("churn")).build()) {
                assertThat(Thread.getAllStackTraces().keySet()).filteredOn(
                        t -> t.getName().equals("mlops-capture-churn"))
                        .singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
                assertThat(writer.directory()).isEqualTo(dir.resolve("churn"));
            }
        }

        @Test
        void aValueThatIsNotJsonIsRefusedOnTheCallingThread() {
            try (CaptureWriter writer = CaptureWriter.builder(dir).build()) {
                assertThatThrownBy(() -> writer.capture("r1", "v", CaptureStage.AFTER_MODEL,
                        Map.of("x", new Object()), Map.of()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("capture record of inference r1 cannot be"
                                + " written as JSON: ");
                assertThat(writer.stats().accepted()).isZero();
            }
        }
    }

    @Nested
    class Blocking {
        @Test
        void sixteenThreadsLoseNothingThroughASmallQueue() throws Exception {
            int threads = 16;
            int perThread = 3_000;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            CaptureWriter writer = CaptureWriter.builder(dir).queueCapacity(16)
                    .rotateAfterBytes(200_000).build();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            assertThat(writer.capture(thread + "-" + i, "v",
                                    CaptureStage.AFTER_MODEL, input(i), Map.of("p", 0.5)))
                                    .isTrue();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                writer.close();
                pool.shutdownNow();
            }
            CaptureStats stats = writer.stats();
            long total = (long) threads * perThread;
            assertThat(stats.accepted()).isEqualTo(total);
            assertThat(stats.written()).isEqualTo(total);
            assertThat(stats.dropped()).isZero();
            assertThat(stats.failed()).isZero();
            assertThat(stats.filesOpened()).isGreaterThan(1).isEqualTo(files(dir).size());
            Set<String> ids = new HashSet<>();
            CaptureReadResult result = CaptureReader.read(dir, r -> ids.add(r.inferenceId()));
            assertThat(result.records()).isEqualTo(total);
            assertThat(ids).hasSize((int) total);
            assertThat(result.badLines() + result.tornLines()).isZero();
        }
    }

    /** A clock that holds the writer's thread until released, so the queue can be filled. */
    static final class HoldingClock extends Clock {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (Thread.currentThread().getName().startsWith("mlops-capture-")) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return T0;
        }
    }

    @Nested
    class Dropping {
        @Test
        void aFullQueueDropsAndCountsEveryRecordOnce() throws Exception {
            HoldingClock clock = new HoldingClock();
            CaptureWriter writer = CaptureWriter.builder(dir).clock(clock).queueCapacity(2)
                    .overflow(CaptureWriter.Overflow.DROP).build();
            assertThat(writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0), Map.of()))
                    .isTrue();
            assertThat(clock.held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.capture("b", "v", CaptureStage.AFTER_MODEL, input(1), Map.of()))
                    .isTrue();
            assertThat(writer.capture("c", "v", CaptureStage.AFTER_MODEL, input(2), Map.of()))
                    .isTrue();
            assertThat(writer.capture("d", "v", CaptureStage.AFTER_MODEL, input(3), Map.of()))
                    .isFalse();
            assertThat(writer.capture("e", "v", CaptureStage.AFTER_MODEL, input(4), Map.of()))
                    .isFalse();
            assertThat(writer.stats()).isEqualTo(new CaptureStats(0, 3, 2, 0, 0, 0, 0));
            clock.release.countDown();
            writer.close();
            assertThat(writer.stats()).isEqualTo(new CaptureStats(0, 3, 2, 3, 0, 1, 0));
            assertThat(CaptureReader.readAll(dir).records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly("a", "b", "c");
        }

        @Test
        void anInterruptedBlockedCallerIsCountedAsDroppedAndKeepsItsFlag() throws Exception {
            HoldingClock clock = new HoldingClock();
            CaptureWriter writer = CaptureWriter.builder(dir).clock(clock).queueCapacity(1)
                    .build();
            writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
            assertThat(clock.held.await(10, TimeUnit.SECONDS)).isTrue();
            writer.capture("b", "v", CaptureStage.AFTER_MODEL, input(1), Map.of());
            Thread.currentThread().interrupt();
            boolean queued = writer.capture("c", "v", CaptureStage.AFTER_MODEL, input(2),
                    Map.of());
            assertThat(Thread.interrupted()).isTrue();
            assertThat(queued).isFalse();
            clock.release.countDown();
            writer.close();
            assertThat(writer.stats()).isEqualTo(new CaptureStats(0, 2, 1, 2, 0, 1, 0));
        }
    }

    @Nested
    class Rotation {
        long lineBytes(String id) throws Exception {
            return Json.writer().writeValueAsString(new CaptureRecord(id, T0, "v",
                    CaptureStage.AFTER_MODEL, Map.of("x", 1.0), Map.of())).length() + 1;
        }

        void writeFive(long rotateAfterBytes) {
            try (CaptureWriter writer = CaptureWriter.builder(dir).clock(new TestClock(T0))
                    .rotateAfterBytes(rotateAfterBytes).build()) {
                for (int i = 1; i <= 5; i++) {
                    writer.capture("r" + i, "v", CaptureStage.AFTER_MODEL, Map.of("x", 1.0),
                            Map.of());
                }
            }
        }

        @Test
        void aFileHoldsRecordsUpToTheSizeExactly() throws Exception {
            writeFive(2 * lineBytes("r1"));
            List<Path> files = files(dir);
            assertThat(files).hasSize(3);
            assertThat(Files.size(files.get(0))).isEqualTo(2 * lineBytes("r1"));
            assertThat(lines(files.get(0))).isEqualTo(2);
            assertThat(lines(files.get(1))).isEqualTo(2);
            assertThat(lines(files.get(2))).isEqualTo(1);
            assertThat(CaptureReader.readAll(dir).records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly("r1", "r2", "r3", "r4", "r5");
        }

        @Test
        void oneByteLessStartsAFileForEachRecord() throws Exception {
            writeFive(2 * lineBytes("r1") - 1);
            assertThat(files(dir)).hasSize(5);
        }

        @Test
        void aRecordLargerThanTheLimitGetsAFileOfItsOwn() throws Exception {
            writeFive(1);
            assertThat(files(dir)).hasSize(5).allSatisfy(f -> assertThat(lines(f)).isEqualTo(1));
        }

        @Test
        void sizeCountsUtf8Bytes() {
            assertThat(CaptureWriter.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
            assertThat(CaptureWriter.utf8Length("\ud800x")).isEqualTo(3 + 1);
            assertThat(CaptureWriter.utf8Length("\ud800")).isEqualTo(3);
            assertThat(CaptureWriter.utf8Length("\u007f\u0080\u07ff\u0800"))
                    .isEqualTo(1 + 2 + 2 + 3);
        }

        @Test
        void aNewFileStartsWhenTheAgeIsReachedAndNamesSortByTime() throws Exception {
            TestClock clock = new TestClock(T0);
            try (CaptureWriter writer = CaptureWriter.builder(dir).clock(clock)
                    .rotateAfter(Duration.ofHours(1)).build()) {
                writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
                writer.flush();
                clock.set(T0.plus(Duration.ofHours(1)).minusMillis(1));
                writer.capture("b", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
                writer.flush();
                clock.set(T0.plus(Duration.ofHours(1)));
                writer.capture("c", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
                writer.flush();
                clock.set(T0.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(59)));
                writer.capture("d", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
            }
            assertThat(files(dir)).extracting(p -> p.getFileName().toString()).containsExactly(
                    "capture-20261207T000000.000Z-000000.jsonl",
                    "capture-20261207T010000.000Z-000001.jsonl");
            assertThat(lines(files(dir).get(0))).isEqualTo(2);
            assertThat(lines(files(dir).get(1))).isEqualTo(2);
        }

        @Test
        void flushForcesRecordsBeforeClose() throws Exception {
            try (CaptureWriter writer = CaptureWriter.builder(dir).clock(new TestClock(T0))
                    .flushPolicy(FlushPolicy.ON_CLOSE).build()) {
                writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
                writer.flush();
                assertThat(CaptureReader.readAll(dir).records()).hasSize(1);
            }
        }
    }

    @Nested
    class Retention {
        Path existing(Instant start, long sequence, int bytes) throws Exception {
            Path file = dir.resolve(CaptureFiles.name(start, sequence));
            Files.write(file, ("{\"x\":\"" + "y".repeat(Math.max(0, bytes - 9)) + "\"}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(Files.size(file)).isEqualTo(bytes);
            return file;
        }

        @Test
        void deletesFilesPastTheAgeCountedFromTheNextFilesStart() throws Exception {
            Path oldest = existing(T0.minus(Duration.ofDays(3)), 0, 100);
            Path older = existing(T0.minus(Duration.ofDays(2)), 0, 100);
            Path recent = existing(T0.minus(Duration.ofDays(1)), 0, 100);
            TestClock clock = new TestClock(T0);
            CaptureWriter writer = CaptureWriter.builder(dir).clock(clock)
                    .retainFor(Duration.ofDays(1)).build();
            writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
            writer.flush();
            // oldest stopped at older's start (2 days ago): past 1 day; older stopped at
            // recent's start, exactly 1 day ago: kept; recent stopped now.
            assertThat(oldest).doesNotExist();
            assertThat(older).exists();
            assertThat(recent).exists();
            clock.advance(Duration.ofMillis(1));
            writer.close();
            assertThat(older).doesNotExist();
            assertThat(recent).exists();
            assertThat(writer.stats().filesDeleted()).isEqualTo(2);
        }

        @Test
        void deletesTheOldestUntilTheTotalFitsButNeverTheCurrentFile() throws Exception {
            Path a = existing(T0.minusSeconds(30), 0, 100);
            Path b = existing(T0.minusSeconds(20), 0, 100);
            Path c = existing(T0.minusSeconds(10), 0, 100);
            long line;
            try (CaptureWriter writer = CaptureWriter.builder(dir).clock(new TestClock(T0))
                    .retainAtMostBytes(250).build()) {
                writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
                writer.flush();
                line = Files.size(files(dir).get(files(dir).size() - 1));
                assertThat(line).isGreaterThan(50).isLessThan(150);
            }
            // 300 + line > 250: a goes (200 + line), then b if still above 250
            assertThat(a).doesNotExist();
            assertThat(b).doesNotExist();
            assertThat(c).exists();
            assertThat(files(dir)).hasSize(2);
        }

        @Test
        void theCurrentFileStaysEvenAboveTheLimit() throws Exception {
            Path old = existing(T0.minusSeconds(10), 0, 100);
            try (CaptureWriter writer = CaptureWriter.builder(dir).clock(new TestClock(T0))
                    .retainAtMostBytes(1).build()) {
                writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
            }
            assertThat(old).doesNotExist();
            assertThat(files(dir)).singleElement().satisfies(f -> assertThat(lines(f)).isOne());
        }

        @Test
        void exactlyTheLimitIsKept() throws Exception {
            Path a = existing(T0.minusSeconds(20), 0, 100);
            Path b = existing(T0.minusSeconds(10), 0, 100);
            assertThat(CaptureFiles.applyRetention(dir, dir.resolve("none"), T0,
                    Duration.ofDays(1), 200)).isZero();
            assertThat(CaptureFiles.applyRetention(dir, dir.resolve("none"), T0,
                    Duration.ofDays(1), 199)).isEqualTo(1);
            assertThat(a).doesNotExist();
            assertThat(b).exists();
        }

        @Test
        void otherFilesInTheDirectoryAreLeftAlone() throws Exception {
            Path note = Files.writeString(dir.resolve("README.txt"), "keep me");
            Path odd = Files.writeString(dir.resolve("capture-notatime-000000.jsonl"), "x\n");
            Path month13 = Files.writeString(
                    dir.resolve("capture-20261307T000000.000Z-000000.jsonl"), "x\n");
            existing(T0.minus(Duration.ofDays(9)), 0, 100);
            CaptureFiles.applyRetention(dir, dir.resolve("none"), T0, Duration.ofDays(1), 1);
            assertThat(note).exists();
            assertThat(odd).exists();
            assertThat(month13).exists();
            assertThat(files(dir)).isEmpty();
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void aClosedWriterRefusesRecordsAndClosesOnce() {
            CaptureWriter writer = CaptureWriter.builder(dir).build();
            writer.close();
            writer.close();
            assertThatThrownBy(() -> writer.capture("a", "v", CaptureStage.AFTER_MODEL,
                    Map.of(), Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("capture writer for " + dir + " is closed");
            assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class)
                    .hasMessage("capture writer for " + dir + " is closed");
            assertThat(files(dir)).isEmpty();
        }

        @Test
        void flushingAnEmptyWriterWritesNothing() {
            try (CaptureWriter writer = CaptureWriter.builder(dir).build()) {
                writer.flush();
                assertThat(writer.stats().filesOpened()).isZero();
            }
            assertThat(files(dir)).isEmpty();
        }

        @Test
        void aWriteFailureIsCountedThenRefusedThenReportedOnClose() throws Exception {
            Files.createDirectories(dir.resolve(CaptureFiles.name(T0, 0)));
            HoldingClock clock = new HoldingClock();
            CaptureWriter writer = CaptureWriter.builder(dir).clock(clock).build();
            writer.capture("a", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
            assertThat(clock.held.await(10, TimeUnit.SECONDS)).isTrue();
            writer.capture("queued", "v", CaptureStage.AFTER_MODEL, input(0), Map.of());
            clock.release.countDown();
            assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("capture writer for " + dir
                            + " is broken by a write failure: ");
            assertThatThrownBy(() -> writer.capture("b", "v", CaptureStage.AFTER_MODEL,
                    input(0), Map.of())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(writer::close).isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("Capture to " + dir
                            + " failed; 2 records were not written: ")
                    .hasRootCauseInstanceOf(java.nio.file.FileSystemException.class);
            assertThat(writer.stats().failed()).isEqualTo(2);
            assertThat(writer.stats().written()).isZero();
        }

        @Test
        void badSettingsAreNamed() {
            CaptureWriter.Builder builder = CaptureWriter.builder(dir);
            assertThatThrownBy(() -> builder.queueCapacity(0))
                    .hasMessage("queueCapacity must be positive but was 0");
            assertThatThrownBy(() -> builder.rotateAfterBytes(0))
                    .hasMessage("rotateAfterBytes must be positive but was 0");
            assertThatThrownBy(() -> builder.retainAtMostBytes(-1))
                    .hasMessage("retainAtMostBytes must be positive but was -1");
            assertThatThrownBy(() -> builder.rotateAfter(Duration.ZERO))
                    .hasMessage("rotateAfter must be positive but was PT0S");
            assertThatThrownBy(() -> builder.retainFor(Duration.ofSeconds(-1)))
                    .hasMessage("retainFor must be positive but was PT-1S");
        }

        @Test
        void aDirectoryThatCannotBeCreatedIsNamed() throws Exception {
            Path file = Files.writeString(dir.resolve("plain-file"), "x");
            assertThatThrownBy(() -> CaptureWriter.builder(file.resolve("sub")).build())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("Could not create capture directory "
                            + file.resolve("sub"));
        }
    }
}
