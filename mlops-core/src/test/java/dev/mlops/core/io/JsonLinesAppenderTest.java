package dev.mlops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLinesAppenderTest {

    /** A captured prediction, the kind of record the monitor module logs. */
    record Capture(String model, int seq, Instant at, double score, String city) {
    }

    record Tagged(int thread, int seq, String padding) {
    }

    record WithRaw(@JsonRawValue String raw) {
    }

    record WithOptional(Optional<String> maybe) {
    }

    static final Instant AT = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir
    Path dir;

    static Capture capture(int seq) {
        return new Capture("churn-v3", seq, AT.plusSeconds(seq), seq / 4.0, "São Paulo");
    }

    /** Reads the file the way another process would: whatever has reached the file. */
    static List<String> linesOnDisk(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static List<Capture> capturesOnDisk(Path file) throws IOException {
        List<Capture> captures = new ArrayList<>();
        for (String line : linesOnDisk(file)) {
            captures.add(Json.reader().forType(Capture.class).readValue(line));
        }
        return captures;
    }

    @Nested
    class Appending {

        @Test
        void writesOneCompactJsonObjectPerLine() throws IOException {
            Path file = dir.resolve("captures.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                appender.append(capture(1));
                appender.append(capture(2));
                appender.append(Map.of("b", 1, "a", Double.NaN));
            }

            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).isEqualTo(
                    "{\"model\":\"churn-v3\",\"seq\":1,\"at\":\"2024-05-06T07:08:10Z\",\"score\":0.25,"
                            + "\"city\":\"São Paulo\"}\n"
                            + "{\"model\":\"churn-v3\",\"seq\":2,\"at\":\"2024-05-06T07:08:11Z\",\"score\":0.5,"
                            + "\"city\":\"São Paulo\"}\n"
                            + "{\"a\":\"NaN\",\"b\":1}\n");
            for (String line : linesOnDisk(file)) {
                JsonNode node = Json.reader().readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
            }
        }

        @Test
        void writesUtf8() throws IOException {
            Path file = dir.resolve("utf8.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.ON_CLOSE)) {
                appender.append(Map.of("city", "München"));
            }

            assertThat(Files.readAllBytes(file))
                    .isEqualTo("{\"city\":\"München\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void createsParentDirectories() throws IOException {
            Path file = dir.resolve("a/b/log.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                appender.append(capture(1));
                assertThat(appender.file()).isEqualTo(file);
                assertThat(appender.policy()).isEqualTo(FlushPolicy.EVERY_RECORD);
            }

            assertThat(capturesOnDisk(file)).containsExactly(capture(1));
        }

        @Test
        void appendingSurvivesReopen() throws IOException {
            Path file = dir.resolve("reopen.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.everyN(10))) {
                appender.append(capture(1));
                appender.append(capture(2));
            }
            byte[] afterFirst = Files.readAllBytes(file);
            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.ON_CLOSE)) {
                appender.append(capture(3));
            }

            assertThat(capturesOnDisk(file)).containsExactly(capture(1), capture(2), capture(3));
            assertThat(Files.readAllBytes(file)).startsWith(afterFirst);
        }

        @Test
        void aPrettyWriterStillGivesOneLinePerRecord() throws IOException {
            Path file = dir.resolve("pretty.jsonl");

            try (JsonLinesAppender appender =
                    JsonLinesAppender.open(file, FlushPolicy.ON_CLOSE, Json.prettyWriter())) {
                appender.append(Map.of("nested", Map.of("list", List.of(1, 2))));
            }

            assertThat(linesOnDisk(file)).containsExactly("{\"nested\":{\"list\":[1,2]}}");
        }

        @Test
        void recordsLargerThanTheBufferStayWholeAndInOrder() throws IOException {
            Path file = dir.resolve("large.jsonl");
            String big = "x".repeat(100_000);

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.ON_CLOSE)) {
                appender.append(Map.of("n", 1));
                appender.append(Map.of("n", 2, "big", big));
                appender.append(Map.of("n", 3));
            }

            List<String> lines = linesOnDisk(file);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("{\"n\":1}");
            assertThat(lines.get(1)).isEqualTo("{\"big\":\"" + big + "\",\"n\":2}");
            assertThat(lines.get(2)).isEqualTo("{\"n\":3}");
        }

        @Test
        void newlinesInsideStringsAreEscaped() throws IOException {
            Path file = dir.resolve("escaped.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.ON_CLOSE)) {
                appender.append(Map.of("text", "line one\nline two\r\n"));
            }

            assertThat(linesOnDisk(file)).containsExactly("{\"text\":\"line one\\nline two\\r\\n\"}");
        }
    }

    @Nested
    class BadRecords {

        @Test
        void aRecordJacksonCannotWriteIsRefusedAndNothingIsAppended() throws IOException {
            Path file = dir.resolve("bad.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                appender.append(capture(1));
                assertThatThrownBy(() -> appender.append(new WithOptional(Optional.of("x"))))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(WithOptional.class.getName())
                        .hasMessageContaining(file.toString());
                appender.append(capture(2));
            }

            assertThat(capturesOnDisk(file)).containsExactly(capture(1), capture(2));
        }

        @Test
        void aRecordWhoseJsonSpansLinesIsRefused() throws IOException {
            Path file = dir.resolve("raw.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                assertThatThrownBy(() -> appender.append(new WithRaw("{\n\"a\": 1\n}")))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("line break");
                appender.append(new WithRaw("{\"a\":1}"));
            }

            assertThat(linesOnDisk(file)).containsExactly("{\"raw\":{\"a\":1}}");
        }

        @Test
        void nullRecordIsRefused() {
            Path file = dir.resolve("null.jsonl");
            Object none = null;

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                assertThatThrownBy(() -> appender.append(none))
                        .isInstanceOf(NullPointerException.class)
                        .hasMessage("record");
            }
        }
    }

    @Nested
    class FlushPolicies {

        @Test
        void everyRecordMakesEachRecordVisibleWhenAppendReturns() throws IOException {
            Path file = dir.resolve("every.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                for (int i = 1; i <= 5; i++) {
                    appender.append(capture(i));
                    assertThat(linesOnDisk(file)).as("after append %d", i).hasSize(i);
                }
            }
        }

        @ParameterizedTest(name = "n = {0}")
        @ValueSource(ints = {1, 2, 3, 7})
        void everyNFlushesOnEveryNthRecord(int n) throws IOException {
            Path file = dir.resolve("every-n.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.everyN(n))) {
                for (int i = 1; i <= 3 * n + 1; i++) {
                    appender.append(capture(i));
                    int expected = (i / n) * n;
                    assertThat(linesOnDisk(file)).as("lines after append %d with n = %d", i, n)
                            .hasSize(expected);
                }
            }

            assertThat(linesOnDisk(file)).hasSize(3 * n + 1);
        }

        @Test
        void everyNCountsFromTheLastExplicitFlush() throws IOException {
            Path file = dir.resolve("every-3.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.everyN(3))) {
                appender.append(capture(1));
                appender.append(capture(2));
                appender.flush();
                assertThat(linesOnDisk(file)).hasSize(2);
                appender.append(capture(3));
                appender.append(capture(4));
                assertThat(linesOnDisk(file)).hasSize(2);
                appender.append(capture(5));
                assertThat(linesOnDisk(file)).hasSize(5);
            }
        }

        @Test
        void onCloseWritesOnlyOnFlushAndClose() throws IOException {
            Path file = dir.resolve("on-close.jsonl");

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.ON_CLOSE)) {
                for (int i = 1; i <= 100; i++) {
                    appender.append(capture(i));
                }
                assertThat(linesOnDisk(file)).isEmpty();
                appender.flush();
                assertThat(capturesOnDisk(file)).hasSize(100);
                appender.append(capture(101));
                assertThat(linesOnDisk(file)).hasSize(100);
            }

            assertThat(capturesOnDisk(file)).hasSize(101).last().isEqualTo(capture(101));
        }

        @Test
        void aFullBufferReachesTheFileAsWholeLinesBeforeAFlush() throws IOException {
            Path file = dir.resolve("overflow.jsonl");
            String padding = "p".repeat(1000);

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.ON_CLOSE)) {
                for (int i = 0; i < 200; i++) {
                    appender.append(new Tagged(0, i, padding));
                }
                byte[] partial = Files.readAllBytes(file);
                assertThat(partial.length).isPositive();
                assertThat(partial[partial.length - 1]).isEqualTo((byte) '\n');
            }

            assertThat(linesOnDisk(file)).hasSize(200);
        }
    }

    @Nested
    class TornTail {

        @Test
        void aPartialLastLineIsCutBackToTheLastNewline() throws IOException {
            Path file = dir.resolve("torn.jsonl");
            String whole = "{\"seq\":1}\n{\"seq\":2}\n";
            Files.writeString(file, whole + "{\"seq\":3,\"pad", StandardCharsets.UTF_8);

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                assertThat(file).hasContent(whole.strip());
                assertThat(Files.size(file)).isEqualTo(whole.length());
                appender.append(Map.of("seq", 4));
            }

            assertThat(linesOnDisk(file))
                    .containsExactly("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":4}");
        }

        @Test
        void aFileWithOnlyAPartialLineBecomesEmpty() throws IOException {
            Path file = dir.resolve("only-torn.jsonl");
            Files.writeString(file, "{\"seq\":1,\"model\":\"chu", StandardCharsets.UTF_8);

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                assertThat(Files.size(file)).isZero();
                appender.append(Map.of("seq", 2));
            }

            assertThat(linesOnDisk(file)).containsExactly("{\"seq\":2}");
        }

        @Test
        void aPartialLineLongerThanOneReadChunkIsCut() throws IOException {
            Path file = dir.resolve("long-torn.jsonl");
            String whole = "{\"seq\":1}\n";
            Files.writeString(file, whole + "{\"pad\":\"" + "ä".repeat(30_000), StandardCharsets.UTF_8);

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                appender.append(Map.of("seq", 2));
            }

            assertThat(linesOnDisk(file)).containsExactly("{\"seq\":1}", "{\"seq\":2}");
        }

        @Test
        void aCompleteFileIsLeftByteForByte() throws IOException {
            Path file = dir.resolve("complete.jsonl");
            byte[] content = "{\"seq\":1}\n\n{\"seq\":2}\n".getBytes(StandardCharsets.UTF_8);
            Files.write(file, content);

            JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD).close();

            assertThat(file).hasBinaryContent(content);
        }

        @Test
        void anEmptyFileStaysEmpty() throws IOException {
            Path file = Files.createFile(dir.resolve("empty.jsonl"));

            JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD).close();

            assertThat(file).isEmptyFile();
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void appendAndFlushAfterCloseAreRefused() {
            Path file = dir.resolve("closed.jsonl");
            JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD);
            appender.close();

            assertThatThrownBy(() -> appender.append(capture(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed")
                    .hasMessageContaining(file.toString());
            assertThatThrownBy(appender::flush).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void closingTwiceIsHarmless() {
            JsonLinesAppender appender =
                    JsonLinesAppender.open(dir.resolve("twice.jsonl"), FlushPolicy.ON_CLOSE);
            appender.append(capture(1));
            appender.close();

            assertThatCode(appender::close).doesNotThrowAnyException();
        }

        @Test
        void aSecondAppenderForAnOpenFileIsRefusedUntilTheFirstCloses() throws IOException {
            Path file = dir.resolve("single.jsonl");
            Path sameFileOtherSpelling = dir.resolve("sub/../single.jsonl");
            Files.createDirectories(dir.resolve("sub"));

            try (JsonLinesAppender first = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                first.append(capture(1));
                assertThatThrownBy(() -> JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("already open");
                assertThatThrownBy(() -> JsonLinesAppender.open(sameFileOtherSpelling,
                        FlushPolicy.EVERY_RECORD))
                        .isInstanceOf(IllegalStateException.class);
                first.append(capture(2));
            }
            try (JsonLinesAppender second = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                second.append(capture(3));
            }

            assertThat(capturesOnDisk(file)).containsExactly(capture(1), capture(2), capture(3));
        }

        @Test
        void aDirectoryCannotBeOpenedAndIsNotLeftClaimed() throws IOException {
            Path directory = Files.createDirectories(dir.resolve("logs"));

            assertThatThrownBy(() -> JsonLinesAppender.open(directory, FlushPolicy.EVERY_RECORD))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining(directory.toString());
            assertThatThrownBy(() -> JsonLinesAppender.open(directory, FlushPolicy.EVERY_RECORD))
                    .isInstanceOf(java.io.UncheckedIOException.class);
        }

        @Test
        void aFileOutsideTheDefaultFileSystemIsRefused() throws IOException {
            Path zip = dir.resolve("logs.zip");
            try (FileSystem zipFs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
                Path inside = zipFs.getPath("/log.jsonl");

                assertThatThrownBy(() -> JsonLinesAppender.open(inside, FlushPolicy.ON_CLOSE))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("default file system")
                        .hasMessageContaining("/log.jsonl");
            }
        }

        @Test
        void nullArgumentsAreNamed() {
            Path file = dir.resolve("x.jsonl");
            Path noFile = null;
            FlushPolicy noPolicy = null;
            com.fasterxml.jackson.databind.ObjectWriter noWriter = null;

            assertThatThrownBy(() -> JsonLinesAppender.open(noFile, FlushPolicy.ON_CLOSE))
                    .hasMessage("file");
            assertThatThrownBy(() -> JsonLinesAppender.open(file, noPolicy)).hasMessage("policy");
            assertThatThrownBy(() -> JsonLinesAppender.open(file, FlushPolicy.ON_CLOSE, noWriter))
                    .hasMessage("writer");
            assertThat(file).doesNotExist();
        }
    }

    @Nested
    class Concurrency {

        @Test
        void anInterruptedAppenderThreadDoesNotBreakTheLogForOthers() throws Exception {
            Path file = dir.resolve("interrupted.jsonl");
            CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, FlushPolicy.EVERY_RECORD)) {
                Thread worker = new Thread(() -> {
                    Thread.currentThread().interrupt();
                    appender.append(capture(1));
                    appender.flush();
                    stillInterrupted.complete(Thread.currentThread().isInterrupted());
                });
                worker.start();
                worker.join(30_000);
                assertThat(stillInterrupted.get(30, TimeUnit.SECONDS)).isTrue();

                appender.append(capture(2));
            }

            assertThat(capturesOnDisk(file)).containsExactly(capture(1), capture(2));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"every record", "every 7", "on close"})
        void concurrentAppendsProduceOnlyWholeLines(String policyName) throws Exception {
            FlushPolicy policy = switch (policyName) {
                case "every record" -> FlushPolicy.EVERY_RECORD;
                case "every 7" -> FlushPolicy.everyN(7);
                default -> FlushPolicy.ON_CLOSE;
            };
            int threads = 8;
            int perThread = policy == FlushPolicy.EVERY_RECORD ? 50 : 500;
            Path file = dir.resolve("concurrent.jsonl");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);

            try (JsonLinesAppender appender = JsonLinesAppender.open(file, policy)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int seq = 0; seq < perThread; seq++) {
                            // varying sizes, so the buffer fills at arbitrary points
                            appender.append(new Tagged(thread, seq, "ü".repeat((seq * 37 + thread) % 300)));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }

            List<String> lines = linesOnDisk(file);
            assertThat(lines).hasSize(threads * perThread);
            Map<Integer, Integer> lastSeq = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (String line : lines) {
                Tagged tagged = Json.reader().forType(Tagged.class).readValue(line);
                assertThat(tagged.padding()).isEqualTo("ü".repeat((tagged.seq() * 37 + tagged.thread()) % 300));
                assertThat(seen.add(tagged.thread() + "/" + tagged.seq())).as(line).isTrue();
                int previous = lastSeq.getOrDefault(tagged.thread(), -1);
                assertThat(tagged.seq()).as("order within thread %d", tagged.thread())
                        .isEqualTo(previous + 1);
                lastSeq.put(tagged.thread(), tagged.seq());
            }
        }
    }
}
