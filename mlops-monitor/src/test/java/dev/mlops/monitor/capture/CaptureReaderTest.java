package dev.mlops.monitor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureReaderTest {

    static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    static final String GOOD = "{\"inferenceId\":\"%s\",\"time\":\"2026-12-07T00:00:00Z\","
            + "\"modelVariant\":\"v\",\"stage\":\"after-model\",\"input\":{\"city\":\"München\"},"
            + "\"output\":{\"p\":0.5}}";

    @TempDir
    Path dir;

    Path file(int sequence, String content) throws Exception {
        Path file = dir.resolve(CaptureFiles.name(T0.plusSeconds(sequence), sequence));
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static String good(String id) {
        return String.format(java.util.Locale.ROOT, GOOD, id);
    }

    @Nested
    class Order {
        @Test
        void readsFilesInTimeOrderAndLinesInFileOrder() throws Exception {
            file(2, good("c") + "\n");
            file(1, good("a") + "\n" + good("b") + "\n");
            Files.writeString(dir.resolve("notes.txt"), "not a capture file\n");
            CaptureBatch batch = CaptureReader.readAll(dir);
            assertThat(batch.records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly("a", "b", "c");
            assertThat(batch.records().get(0)).isEqualTo(new CaptureRecord("a", T0, "v",
                    CaptureStage.AFTER_MODEL, Map.of("city", "München"), Map.of("p", 0.5)));
            assertThat(batch.result()).isEqualTo(new CaptureReadResult(2, 3, 0, 0, List.of()));
        }

        @Test
        void anEmptyDirectoryHasNoRecords() {
            assertThat(CaptureReader.readAll(dir).result())
                    .isEqualTo(new CaptureReadResult(0, 0, 0, 0, List.of()));
        }

        @Test
        void longLinesAcrossReadChunksAreWhole() throws Exception {
            String id = "x".repeat(200_000);
            file(1, good(id) + "\n" + good("b"));
            assertThat(CaptureReader.readAll(dir).records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly(id, "b");
        }

        @Test
        void aMissingDirectoryIsNamed() {
            assertThatThrownBy(() -> CaptureReader.readAll(dir.resolve("absent")))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("Could not list capture files in "
                            + dir.resolve("absent"));
        }
    }

    @Nested
    class BadLines {
        @Test
        void aTornLastLineIsCountedNotNamed() throws Exception {
            String whole = good("b");
            file(1, good("a") + "\n" + whole.substring(0, whole.length() / 2));
            CaptureBatch batch = CaptureReader.readAll(dir);
            assertThat(batch.records()).extracting(CaptureRecord::inferenceId).containsExactly("a");
            assertThat(batch.result().tornLines()).isEqualTo(1);
            assertThat(batch.result().problems()).isEmpty();
        }

        @Test
        void aCompleteLastLineWithoutNewlineIsARecord() throws Exception {
            file(1, good("a"));
            assertThat(CaptureReader.readAll(dir).result())
                    .isEqualTo(new CaptureReadResult(1, 1, 0, 0, List.of()));
        }

        @Test
        void badLinesAreNamedByFileAndLineAndTheRestIsRead() throws Exception {
            Path f = file(1, String.join("\n", good("a"), "not json", "[1,2]",
                    "{\"time\":\"2026-12-07T00:00:00Z\"}", "{\"inferenceId\":\" \"}",
                    "{\"inferenceId\":\"q\",\"time\":\"yesterday\"}", "", good("z")) + "\n");
            CaptureBatch batch = CaptureReader.readAll(dir);
            assertThat(batch.records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly("a", "z");
            CaptureReadResult result = batch.result();
            assertThat(result.badLines()).isEqualTo(6);
            assertThat(result.tornLines()).isZero();
            assertThat(result.problems()).extracting(CaptureProblem::file).containsOnly(f);
            assertThat(result.problems()).extracting(CaptureProblem::line)
                    .containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(result.problems().get(0).message()).startsWith(
                    "not JSON (Unrecognized token 'not'")
                    .endsWith("); expected one record as a JSON object");
            assertThat(result.problems().get(1).message())
                    .isEqualTo("not a JSON object (ARRAY); expected one record as a JSON object");
            assertThat(result.problems().get(2).message()).isEqualTo("record without an"
                    + " inference id; expected a non-blank string \"inferenceId\"");
            assertThat(result.problems().get(3).message()).isEqualTo(
                    result.problems().get(2).message());
            assertThat(result.problems().get(4).message()).startsWith("not a capture record (")
                    .endsWith("); expected inferenceId, time, modelVariant, stage, input, output");
            assertThat(result.problems().get(5).message()).isEqualTo(
                    "not a JSON object (empty line); expected one record as a JSON object");
            assertThat(result.problems().get(0)).hasToString(f + ":2: "
                    + result.problems().get(0).message());
        }

        @Test
        void allBadLinesAreCountedButOnlyTheFirstThousandNamed() throws Exception {
            file(1, "x\n".repeat(CaptureReader.MAX_PROBLEMS + 5));
            CaptureReadResult result = CaptureReader.readAll(dir).result();
            assertThat(result.badLines()).isEqualTo(CaptureReader.MAX_PROBLEMS + 5);
            assertThat(result.problems()).hasSize(CaptureReader.MAX_PROBLEMS);
        }

        @Test
        void problemLinesMustBePositive() {
            assertThatThrownBy(() -> new CaptureProblem(dir, 0, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("line must be positive but was 0");
        }

        @Test
        void oneFileReadsOnItsOwn() throws Exception {
            Path f = file(1, good("a") + "\nnope\n");
            List<CaptureRecord> records = new ArrayList<>();
            CaptureReadResult result = CaptureReader.readFile(f, records::add);
            assertThat(records).hasSize(1);
            assertThat(result.files()).isEqualTo(1);
            assertThat(result.problems()).singleElement()
                    .extracting(CaptureProblem::line).isEqualTo(2L);
        }
    }

    @Nested
    class KilledWriter {
        @Test
        void aWriterKilledMidWriteLeavesEveryCompleteLineReadable() throws Exception {
            Path capture = dir.resolve("capture");
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    CaptureChild.class.getName(), capture.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(
                    child.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("ready");
                Thread.sleep(300);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            long completeLines = 0;
            for (Path f : CaptureFiles.list(capture)) {
                byte[] bytes = Files.readAllBytes(f);
                for (byte b : bytes) {
                    if (b == '\n') {
                        completeLines++;
                    }
                }
            }
            CaptureReadResult result = CaptureReader.read(capture, r -> { });
            assertThat(result.records()).isGreaterThan(1000).isEqualTo(completeLines);
            assertThat(result.badLines()).isZero();
            assertThat(result.tornLines()).isLessThanOrEqualTo(1);

            // a new writer continues in the same directory; everything still reads
            try (CaptureWriter writer = CaptureWriter.builder(capture).build()) {
                writer.capture("after", "v", CaptureStage.AFTER_MODEL, Map.of(), Map.of());
            }
            assertThat(CaptureReader.read(capture, r -> { }).records())
                    .isEqualTo(completeLines + 1);
        }
    }
}
