package dev.mlops.deploy.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchTransformTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private BatchTransform.Builder csv(Path input) {
        return BatchTransform.builder(new Logistic(), "logistic-1")
                .input(input, CsvFormat.defaults())
                .output(dir.resolve("out.csv"), CsvFormat.defaults());
    }

    /** A CSV file of ids 0..n-1 with x = id % 7 and a city, one row a line. */
    private Path rows(int n) throws IOException {
        String body = IntStream.range(0, n).mapToObj(i -> "r" + i + "," + (i % 7) + "," + (i % 2 == 0 ? "München" : "São Paulo"))
                .collect(Collectors.joining("\n", "id,x,city\n", "\n"));
        return write("in.csv", body);
    }

    @Nested
    class Output {
        @Test
        void eachRowCarriesItsIdKeptColumnsPredictionAndScoresInInputOrder() throws IOException {
            Path input = write("in.csv", "id,x,city\na,0,München\nb,2,São Paulo\nc,-1,Hamburg\n");
            BatchSummary summary = csv(input).idColumn("id").keep(List.of("city")).build().run();
            assertThat(lines(dir.resolve("out.csv"))).containsExactly(
                    "id,city,prediction,score@low,score@high",
                    "a,München,low,0.5,0.5",
                    "b,São Paulo,high,0.11920292202211769,0.8807970779778823",
                    "c,Hamburg,low,0.7310585786300049,0.2689414213699951");
            assertThat(summary.rowsIn()).isEqualTo(3);
            assertThat(summary.rowsOut()).isEqualTo(3);
            assertThat(summary.errors()).isZero();
            assertThat(summary.resumedRows()).isZero();
            assertThat(summary.chunks()).isEqualTo(1);
            assertThat(lines(dir.resolve("out.csv.errors.csv"))).containsExactly("line,reason");
        }

        @Test
        void withoutAnIdColumnEachRowIsNamedByItsPhysicalLine() throws IOException {
            Path input = write("in.csv", "x,note\n1,\"two\nlines\"\n\n3,plain\n");
            csv(input).build().run();
            assertThat(lines(dir.resolve("out.csv"))).extracting(line -> line.split(",")[0])
                    .containsExactly("line", "2", "5");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 4})
        void orderIsTheInputsOnAnyNumberOfThreadsAndChunks(int threads) throws IOException {
            Path input = rows(2_000);
            BatchSummary summary = csv(input).idColumn("id").threads(threads).chunkRows(37).build().run();
            List<String> ids = lines(dir.resolve("out.csv")).stream().skip(1).map(line -> line.split(",")[0]).toList();
            assertThat(ids).isEqualTo(IntStream.range(0, 2_000).mapToObj(i -> "r" + i).toList());
            assertThat(summary.chunks()).isEqualTo(55);
        }

        @Test
        void chunksEndAfterTheirByteBudgetAtARecordBoundary() throws IOException {
            Path input = rows(100);
            BatchSummary summary = csv(input).chunkBytes(64).build().run();
            assertThat(summary.rowsOut()).isEqualTo(100);
            assertThat(summary.chunks()).isBetween(20L, 50L);
        }

        @Test
        void jsonLinesInAndOut() throws IOException {
            Path input = write("in.jsonl", "{\"id\":\"a\",\"x\":0}\n\n{\"id\":\"b\",\"x\":\"oops\"}\n{\"x\":1}\n");
            BatchSummary summary = BatchTransform.builder(new Logistic(), "m")
                    .input(input, JsonLinesFormat.defaults())
                    .output(dir.resolve("out.jsonl"), JsonLinesFormat.defaults())
                    .errors(dir.resolve("errors.jsonl"), JsonLinesFormat.defaults())
                    .idColumn("id").build().run();
            assertThat(lines(dir.resolve("out.jsonl"))).containsExactly(
                    "{\"id\":\"a\",\"prediction\":\"low\",\"score@low\":0.5,\"score@high\":0.5}");
            assertThat(lines(dir.resolve("errors.jsonl"))).hasSize(2);
            assertThat(lines(dir.resolve("errors.jsonl")).get(0)).contains("\"line\":3", "column 'x'", "oops");
            assertThat(lines(dir.resolve("errors.jsonl")).get(1)).contains("\"line\":4", "missing value of record id 'id'");
            assertThat(summary.rowsIn()).isEqualTo(3);
        }

        @Test
        void aHeaderWithoutALineFeedIsAnInputWithoutRows() throws IOException {
            BatchSummary summary = csv(write("in.csv", "id,x")).idColumn("id").build().run();
            assertThat(summary.rowsIn()).isZero();
            assertThat(lines(dir.resolve("out.csv"))).containsExactly("id,prediction,score@low,score@high");
        }

        @Test
        void theScratchFilesAreGoneAfterARun() throws IOException {
            csv(rows(100)).chunkRows(10).threads(3).build().run();
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder("in.csv", "out.csv", "out.csv.errors.csv", "out.csv.checkpoint.json");
            }
        }

        @Test
        void aModelThatFailsOnOneRowOfACleanChunkLosesOnlyThatRow() throws IOException {
            Path input = write("in.csv", "id,x\na,1\nb,13\nc,2\n");
            BatchSummary summary = csv(input).idColumn("id").build().run();
            assertThat(lines(dir.resolve("out.csv"))).extracting(line -> line.split(",")[0])
                    .containsExactly("id", "a", "c");
            assertThat(lines(dir.resolve("out.csv.errors.csv"))).containsExactly("line,reason",
                    "3,the model failed: java.lang.IllegalArgumentException: x = 13 is unlucky");
            assertThat(summary.rowsOut()).isEqualTo(2);
        }

        @Test
        void aMalformedRecordsReasonNamesNoScratchFile() throws IOException {
            Path input = write("in.csv", "id,x\na,1\nb,1,extra\n");
            csv(input).idColumn("id").build().run();
            List<String> errors = lines(dir.resolve("out.csv.errors.csv"));
            assertThat(errors).hasSize(2);
            assertThat(errors.get(1)).startsWith("3,\"malformed record: expected 2 values, as many as the header names, but found 3").doesNotContain(".part", "line");
        }

        @Test
        void anEmptyInputGivesHeadersOnly() throws IOException {
            Path input = write("in.csv", "id,x\n");
            BatchSummary summary = csv(input).idColumn("id").build().run();
            assertThat(lines(dir.resolve("out.csv"))).containsExactly("id,prediction,score@low,score@high");
            assertThat(summary.rowsIn()).isZero();
            assertThat(summary.chunks()).isZero();
        }
    }

    @Nested
    class BadRows {
        @Test
        void goToTheErrorFileWithLineAndReasonAndTheJobGoesOn() throws IOException {
            Path input = write("in.csv", String.join("\n",
                    "id,x",
                    "a,1",
                    "b,abc",
                    "c,",
                    "d,13",
                    "e,1,extra",
                    "f,2",
                    ",3",
                    "g,\"unclosed",
                    ""));
            BatchSummary summary = csv(input).idColumn("id").build().run();
            assertThat(lines(dir.resolve("out.csv"))).extracting(line -> line.split(",")[0])
                    .containsExactly("id", "a", "f");
            List<String> errors = lines(dir.resolve("out.csv.errors.csv"));
            assertThat(errors.get(0)).isEqualTo("line,reason");
            assertThat(errors.subList(1, errors.size())).satisfiesExactly(
                    e -> assertThat(e).startsWith("3,").contains("column 'x' (2)", "abc"),
                    e -> assertThat(e).startsWith("4,").contains("missing value of feature 'x'"),
                    e -> assertThat(e).startsWith("5,").contains("the model failed", "x = 13 is unlucky"),
                    e -> assertThat(e).startsWith("6,").contains("malformed record"),
                    e -> assertThat(e).startsWith("8,").contains("missing value of record id 'id'"),
                    e -> assertThat(e).startsWith("9,").contains("malformed record"));
            assertThat(summary.rowsIn()).isEqualTo(8);
            assertThat(summary.rowsOut()).isEqualTo(2);
            assertThat(summary.errors()).isEqualTo(6);
        }

        @Test
        void anUnclosedQuoteOverALongTailCostsOnlyTheCutOffRecord() throws IOException {
            StringBuilder text = new StringBuilder("id,x\na,\"1\n");
            for (int i = 0; i < 2_000; i++) {
                text.append('r').append(i).append(',').append(i % 10).append('\n');
            }
            Path input = write("in.csv", text.toString());
            BatchSummary summary = csv(input).idColumn("id").chunkBytes(1024).build().run();
            assertThat(lines(dir.resolve("out.csv.errors.csv"))).satisfiesExactly(
                    header -> assertThat(header).isEqualTo("line,reason"),
                    e -> assertThat(e).startsWith("2,").contains("malformed record"));
            List<String> out = lines(dir.resolve("out.csv"));
            assertThat(out.get(out.size() - 1)).startsWith("r1999,");
            assertThat(summary.errors()).isEqualTo(1);
            // the cut-off record runs to the first line feed at or after 2 x 1024 bytes (1692 rows remain)
            int covered = 0;
            for (int size = "a,\"1\n".length(); size < 2 * 1024; covered++) {
                size += ("r" + covered + "," + covered % 10 + "\n").length();
            }
            assertThat(summary.rowsOut()).isEqualTo(summary.rowsIn() - 1).isEqualTo(2_000 - covered);
            assertThat(summary.chunks()).isGreaterThan(10);
        }

        @Test
        void aStrayQuoteInsideAnUnquotedValueIsAnOrdinaryCharacter() throws IOException {
            StringBuilder text = new StringBuilder("id,x\nradio\"tv,1\n");
            for (int i = 0; i < 2_000; i++) {
                text.append('r').append(i).append(',').append(i % 10).append('\n');
            }
            Path input = write("in.csv", text.toString());
            BatchSummary summary = csv(input).idColumn("id").chunkBytes(1024).build().run();
            assertThat(summary.errors()).isZero();
            assertThat(summary.rowsOut()).isEqualTo(2_001);
            assertThat(summary.chunks()).as("the stray quote does not make the rest one chunk").isGreaterThan(10);
            assertThat(lines(dir.resolve("out.csv")).get(1)).matches("\"?radio\"{1,2}tv\"?,.*");
        }

        @Test
        void aRowMissingSeveralValuesNamesThemAll() throws IOException {
            Path input = write("in.csv", "id,x\n,\n");
            csv(input).idColumn("id").build().run();
            assertThat(lines(dir.resolve("out.csv.errors.csv"))).containsExactly("line,reason",
                    "2,missing value of feature 'x'; missing value of record id 'id'");
        }

        @Test
        void jsonLinesRecordsWithoutAFeatureOrIdAreSetApart() throws IOException {
            Path input = write("in.jsonl", "{\"z\":1}\n{\"z\":2}\n");
            BatchSummary summary = BatchTransform.builder(new Logistic(), "m")
                    .input(input, JsonLinesFormat.defaults())
                    .output(dir.resolve("out.jsonl"), JsonLinesFormat.defaults())
                    .idColumn("id").build().run();
            assertThat(lines(dir.resolve("out.jsonl.errors.csv"))).containsExactly("line,reason",
                    "1,missing feature 'x'; missing record id 'id'", "2,missing feature 'x'; missing record id 'id'");
            assertThat(summary.errors()).isEqualTo(2);
        }

        @Test
        void aMissingFeatureColumnFailsTheJobNamingIt() throws IOException {
            Path input = write("in.csv", "id,y\na,1\n");
            assertThatThrownBy(() -> csv(input).build().run())
                    .isInstanceOf(BatchTransformException.class)
                    .hasMessageContaining("line 1: the header lacks the column 'x', a feature of the model")
                    .hasMessageContaining("its columns are id, y");
            Path withX = write("x.csv", "id,x\na,1\n");
            assertThatThrownBy(() -> csv(withX).idColumn("key").build().run())
                    .hasMessageContaining("'key', the id column");
        }

        @Test
        void anEmptyCsvFileHasNoHeader() throws IOException {
            Path input = write("in.csv", "");
            assertThatThrownBy(() -> csv(input).build().run())
                    .isInstanceOf(BatchTransformException.class)
                    .hasMessageContaining("is empty: a CSV input needs a header line");
        }
    }

    @Nested
    class Restart {
        /** Stops the job (as a crash would) once the given number of chunks were committed. */
        private RuntimeException crashAfter(int chunks, BatchTransform.Builder builder) {
            int[] seen = {0};
            IllegalStateException crash = new IllegalStateException("crash");
            builder.progress(p -> {
                if (++seen[0] == chunks) {
                    throw crash;
                }
            });
            assertThatThrownBy(() -> builder.build().run()).isSameAs(crash);
            return crash;
        }

        @Test
        void resumesFromTheLastCompletedChunkAndDropsAPartialTail() throws IOException {
            Path input = write("in.csv", IntStream.range(0, 500).mapToObj(i -> "r" + i + "," + (i == 301 ? "bad" : i % 10))
                    .collect(Collectors.joining("\n", "id,x\n", "\n")));
            crashAfter(3, csv(input).idColumn("id").chunkRows(100).threads(2));
            Checkpoint checkpoint = Checkpoint.read(dir.resolve("out.csv.checkpoint.json"));
            assertThat(checkpoint.chunks()).isEqualTo(3);
            assertThat(checkpoint.complete()).isFalse();
            // a tail longer than all the rest of the output, so that only cutting it back removes it
            Files.writeString(dir.resolve("out.csv"), "r999,partial" + "x".repeat(50_000), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            List<BatchProgress> progress = new ArrayList<>();
            BatchSummary summary = csv(input).idColumn("id").chunkRows(100).resume(true).progress(progress::add)
                    .build().run();
            BatchProgress first = progress.get(0);
            assertThat(first.rows()).isEqualTo(400);
            assertThat(first.rowsThisRun()).isEqualTo(100);
            assertThat(first.bytesThisRun()).isEqualTo(first.bytesDone() - checkpoint.inputOffset()).isPositive();
            assertThat(first.bytesTotal()).isEqualTo(Files.size(input));
            assertThat(first.errors()).isEqualTo(1);
            assertThat(summary.resumedRows()).isEqualTo(300);
            assertThat(summary.rowsIn()).isEqualTo(500);
            assertThat(summary.errors()).isEqualTo(1);
            List<String> done = new ArrayList<>();
            lines(dir.resolve("out.csv")).stream().skip(1).map(line -> line.split(",")[0]).forEach(done::add);
            lines(dir.resolve("out.csv.errors.csv")).stream().skip(1)
                    .map(line -> "r" + (Integer.parseInt(line.split(",")[0]) - 2)).forEach(done::add);
            assertThat(done).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, 500).mapToObj(i -> "r" + i).toList());
            assertThat(Checkpoint.read(dir.resolve("out.csv.checkpoint.json")).complete()).isTrue();
        }

        @Test
        void aCompletedJobResumesToNothing() throws IOException {
            Path input = rows(10);
            csv(input).build().run();
            List<String> before = lines(dir.resolve("out.csv"));
            BatchSummary again = csv(input).resume(true).build().run();
            assertThat(again.resumedRows()).isEqualTo(10);
            assertThat(again.rowsIn()).isEqualTo(10);
            assertThat(lines(dir.resolve("out.csv"))).isEqualTo(before);
        }

        @Test
        void withoutResumeAJobStartsAfresh() throws IOException {
            Path input = rows(10);
            crashAfter(1, csv(input).chunkRows(3));
            BatchSummary summary = csv(input).build().run();
            assertThat(summary.resumedRows()).isZero();
            assertThat(lines(dir.resolve("out.csv"))).hasSize(11);
        }

        @Test
        void resumeWithoutACheckpointStartsAfresh() throws IOException {
            BatchSummary summary = csv(rows(10)).resume(true).build().run();
            assertThat(summary.resumedRows()).isZero();
            assertThat(summary.rowsOut()).isEqualTo(10);
        }

        @Test
        void aChangedInputIsRefusedNamingIt() throws IOException {
            Path input = rows(10);
            crashAfter(1, csv(input).chunkRows(3));
            Files.writeString(input, "r10,1,Köln\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            assertThatThrownBy(() -> csv(input).chunkRows(3).resume(true).build().run())
                    .isInstanceOf(BatchTransformException.class)
                    .hasMessageContaining("the input " + input + " changed since it was written (SHA-256 ");
        }

        @Test
        void aChangedModelIsRefusedNamingIt() throws IOException {
            Path input = rows(10);
            crashAfter(1, csv(input).chunkRows(3));
            assertThatThrownBy(() -> BatchTransform.builder(new Logistic(), "logistic-2")
                    .input(input, CsvFormat.defaults()).output(dir.resolve("out.csv"), CsvFormat.defaults())
                    .resume(true).build().run())
                    .isInstanceOf(BatchTransformException.class)
                    .hasMessageContaining("the model changed since it was written (fingerprint logistic-1 then, "
                            + "logistic-2 now)");
        }

        @Test
        void changedColumnsAreRefused() throws IOException {
            Path input = rows(10);
            crashAfter(1, csv(input).chunkRows(3));
            assertThatThrownBy(() -> csv(input).keep(List.of("city")).resume(true).build().run())
                    .isInstanceOf(BatchTransformException.class)
                    .hasMessageContaining("the output's columns changed (line, prediction, score@low, score@high "
                            + "then, line, city, prediction, score@low, score@high now)");
        }

        @Test
        void anOutputCutShorterThanCommittedIsRefused() throws IOException {
            Path input = rows(10);
            crashAfter(2, csv(input).chunkRows(3));
            Files.writeString(dir.resolve("out.csv"), "", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> csv(input).resume(true).build().run())
                    .isInstanceOf(BatchTransformException.class)
                    .hasMessageContaining("holds 0 bytes but the checkpoint committed");
        }
    }

    @Nested
    class ProgressAndSummary {
        @Test
        void progressIsToldAfterEachChunkWithRowsRateAndEta() throws IOException {
            Path input = rows(30);
            Clock ticking = new Ticking(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(100));
            List<BatchProgress> seen = new ArrayList<>();
            BatchSummary summary = csv(input).chunkRows(10).threads(1).clock(ticking).progress(seen::add).build().run();
            assertThat(seen).extracting(BatchProgress::rows).containsExactly(10L, 20L, 30L);
            BatchProgress last = seen.get(2);
            assertThat(last.fraction()).isEqualTo(1.0);
            assertThat(last.eta()).contains(Duration.ZERO);
            assertThat(last.rowsPerSecond()).isGreaterThan(0);
            assertThat(seen.get(0).eta()).isPresent();
            assertThat(summary.elapsed()).isPositive();
            assertThat(summary.toText()).startsWith("30 rows in, 30 out, 0 errors in ");
        }

        @Test
        void progressValues() {
            BatchProgress start = new BatchProgress(0, 0, 0, 0, 0, 100, Duration.ZERO);
            assertThat(start.eta()).isEmpty();
            assertThat(start.rowsPerSecond()).isZero();
            assertThat(new BatchProgress(0, 0, 0, 0, 0, 0, Duration.ZERO).fraction()).isEqualTo(1.0);
            BatchProgress half = new BatchProgress(50, 1, 40, 50, 40, 100, Duration.ofSeconds(2));
            assertThat(half.fraction()).isEqualTo(0.5);
            assertThat(half.rowsPerSecond()).isEqualTo(20.0);
            assertThat(half.eta()).contains(Duration.ofMillis(2500));
            assertThat(new BatchProgress(10, 0, 10, 10, 0, 100, Duration.ofSeconds(1)).eta()).isEmpty();
            assertThatThrownBy(() -> new BatchProgress(-1, 0, 0, 0, 0, 0, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows=-1");
            assertThatThrownBy(() -> new BatchProgress(0, 0, 0, 0, 0, 0, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("elapsed=PT-1S");
        }

        @Test
        void summaryValues() {
            BatchSummary summary = new BatchSummary(10, 8, 2, 4, 3, Duration.ofSeconds(2));
            assertThat(summary.rowsPerSecond()).isEqualTo(3.0);
            assertThat(summary.toText()).isEqualTo("10 rows in, 8 out, 2 errors (4 done by an earlier run) in 2.0 s (3 rows/s)");
            assertThat(new BatchSummary(0, 0, 0, 0, 0, Duration.ZERO).rowsPerSecond()).isZero();
            assertThatThrownBy(() -> new BatchSummary(10, 8, 1, 0, 1, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowsIn=10, rowsOut=8, errors=1");
            assertThatThrownBy(() -> new BatchSummary(1, 1, 0, 2, 1, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resumedRows=2");
        }
    }

    @Nested
    class Arguments {
        @Test
        void builderRefusesBadValuesNamingThem() {
            BatchTransform.Builder builder = BatchTransform.builder(new Logistic(), "m");
            assertThatThrownBy(() -> builder.threads(0)).hasMessage("threads must be at least 1 but was 0");
            assertThatThrownBy(() -> builder.chunkRows(0)).hasMessage("chunk rows must be at least 1 but was 0");
            assertThatThrownBy(() -> builder.chunkBytes(-1)).hasMessage("chunk bytes must be at least 1 but was -1");
            assertThatThrownBy(() -> builder.idColumn(" ")).hasMessage("the id column must not be blank");
            assertThatThrownBy(() -> BatchTransform.builder(new Logistic(), " "))
                    .hasMessage("modelFingerprint must not be blank");
            assertThatThrownBy(builder::build).isInstanceOf(NullPointerException.class).hasMessageContaining("input");
        }

        @Test
        void formatsMustBeCsvWithAHeaderOrJsonLines() {
            Path file = dir.resolve("in.csv");
            assertThatThrownBy(() -> csv(file).output(dir.resolve("o.csv"), CsvFormat.builder().header(false).build()).build())
                    .hasMessageContaining("the output format must have a header");
            assertThatThrownBy(() -> csv(file).errors(dir.resolve("e.csv"),
                    CsvFormat.builder().charset(java.nio.charset.Charset.forName("UTF-16")).build()).build())
                    .hasMessageContaining("reads CSV in UTF-8, US-ASCII or ISO-8859-1, but the errors format is");
        }

        @Test
        void filesMustDifferAndColumnsBeUnique() {
            Path file = dir.resolve("in.csv");
            assertThatThrownBy(() -> csv(file).output(file, CsvFormat.defaults()).build())
                    .hasMessageContaining("must be four different files, but " + file + " is named twice");
            assertThatThrownBy(() -> csv(file).idColumn("id").keep(List.of("id")).build())
                    .hasMessageContaining("the output would hold the column 'id' twice (its columns: id, id, prediction");
        }

        @Test
        void sha256IsTheFilesHashInHex() throws IOException {
            // sha256sum of "abc": ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
            assertThat(BatchTransform.sha256(write("abc.txt", "abc")))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThatThrownBy(() -> BatchTransform.sha256(dir.resolve("none")))
                    .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("cannot read " + dir.resolve("none"));
        }

        @Test
        void defaultFileNamesSitBesideTheOutput() {
            BatchTransform transform = csv(dir.resolve("in.csv")).build();
            assertThat(transform.errors()).isEqualTo(dir.resolve("out.csv.errors.csv"));
            assertThat(transform.checkpoint()).isEqualTo(dir.resolve("out.csv.checkpoint.json"));
            assertThat(transform.columns()).containsExactly("line", "prediction", "score@low", "score@high");
            assertThat(String.format(Locale.ROOT, "%s", transform.columns())).contains("line");
        }
    }

    /** A clock that advances by a step each time it is read. */
    static final class Ticking extends Clock {
        private Instant now;
        private final Duration step;

        Ticking(Instant start, Duration step) {
            this.now = start;
            this.step = step;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }
    }
}
