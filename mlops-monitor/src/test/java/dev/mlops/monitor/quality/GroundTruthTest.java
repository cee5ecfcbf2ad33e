package dev.mlops.monitor.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Compression;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GroundTruthTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Nested
    class Csv {
        @Test
        void readsLabelsWithOrWithoutArrivalTimes() throws Exception {
            Path file = write("labels.csv", "\uFEFFinferenceId,label,arrivedAt\n"
                    + "a,München,2026-12-07T05:00:00Z\n"
                    + "\n"
                    + "\"b\",\"say \"\"hi\"\", ok\",2026-12-07T06:00:00+01:00\n"
                    + " c , 3 ,\n");
            GroundTruth truth = GroundTruth.read(file);
            assertThat(truth.labels()).containsExactly(
                    new Label("a", "München", Optional.of(Instant.parse("2026-12-07T05:00:00Z")), file.toString(), 2),
                    new Label("b", "say \"hi\", ok", Optional.of(Instant.parse("2026-12-07T05:00:00Z")), file.toString(), 4),
                    new Label("c", "3", Optional.empty(), file.toString(), 5));
            assertThat(truth.lines()).isEqualTo(5);
            assertThat(truth.badLines()).isZero();
            assertThat(truth.duplicates()).isZero();
            assertThat(truth.problems()).isEmpty();
            assertThat(truth.label("b").orElseThrow().line()).isEqualTo(4);
            assertThat(truth.label("zz")).isEmpty();
        }

        @Test
        void otherColumnNamesAndNoArrivalColumn() throws Exception {
            Path file = write("y.CSV", "extra,id,churned\nx,a,yes\n");
            GroundTruth truth = GroundTruth.read(file, "id", "churned", "labelledAt");
            assertThat(truth.label("a").orElseThrow().value()).isEqualTo("yes");
            assertThat(truth.label("a").orElseThrow().arrivedAt()).isEmpty();
        }

        @Test
        void badLinesAndDuplicatesAreNamedAndCountedNeverFatal() throws Exception {
            Path file = write("labels.csv", "inferenceId,label,arrivedAt\n"
                    + "a,cat,2026-12-07T05:00:00Z\n"
                    + "b,dog\n"
                    + ",dog,\n"
                    + "c,,\n"
                    + "d,dog,yesterday\n"
                    + "a,dog,\n"
                    + "\"e,dog,\n"
                    + "f,bird,\n");
            GroundTruth truth = GroundTruth.read(file);
            assertThat(truth.labels()).extracting(Label::inferenceId).containsExactly("a", "f");
            assertThat(truth.label("a").orElseThrow().value()).isEqualTo("cat");
            assertThat(truth.badLines()).isEqualTo(5);
            assertThat(truth.duplicates()).isEqualTo(1);
            assertThat(truth.problems()).extracting(Object::toString).containsExactly(
                    file + ":3: 2 cells but the header has 3",
                    file + ":4: no inference id; expected a non-blank 'inferenceId'",
                    file + ":5: no label for inference c; expected a non-blank 'label'",
                    file + ":6: 'arrivedAt' is \"yesterday\"; expected an ISO-8601 time with an offset, such as"
                            + " 2026-12-07T01:00:00Z",
                    file + ":7: a second label for inference a (\"dog\"); the first, line 2 (\"cat\"), is kept",
                    file + ":8: a quote that never closes; expected a label per line, quotes closed on the line");
        }

        @Test
        void aHeaderWithoutTheIdOrLabelColumnCannotBeRead() throws Exception {
            Path file = write("labels.csv", "id,label\na,cat\n");
            assertThatThrownBy(() -> GroundTruth.read(file)).isInstanceOf(DataFormatException.class)
                    .hasMessage(file + " line 1: expected a header with columns 'inferenceId' and 'label' (and"
                            + " optionally 'arrivedAt') but found [id, label]");
            Path noLabel = write("nolabel.csv", "inferenceId,value\na,cat\n");
            assertThatThrownBy(() -> GroundTruth.read(noLabel)).isInstanceOf(DataFormatException.class);
            Path noId = write("noid.csv", "label,id\ncat,a\n");
            assertThatThrownBy(() -> GroundTruth.read(noId)).isInstanceOf(DataFormatException.class);
        }

        @Test
        void columnsInAnyOrder() throws Exception {
            Path file = write("first.csv", "arrivedAt,label,inferenceId\n2026-12-07T05:00:00Z,cat,a\n");
            Label label = GroundTruth.read(file).label("a").orElseThrow();
            assertThat(label.value()).isEqualTo("cat");
            assertThat(label.arrivedAt()).contains(Instant.parse("2026-12-07T05:00:00Z"));
            assertThat(GroundTruth.read(write("second.csv", "label,inferenceId\ncat,b\n")).label("b").orElseThrow()
                    .value()).isEqualTo("cat");
        }

        @Test
        void anEmptyFileHasNoLabels() throws Exception {
            GroundTruth truth = GroundTruth.read(write("empty.csv", ""));
            assertThat(truth.labels()).isEmpty();
            assertThat(truth.lines()).isZero();
        }
    }

    @Nested
    class JsonLines {
        @Test
        void readsStringsNumbersAndBooleans() throws Exception {
            Path file = write("labels.jsonl", "{\"inferenceId\":\"a\",\"label\":\"cat\",\"arrivedAt\":\"2026-12-07T05:00:00Z\"}\n"
                    + "{\"inferenceId\":\"b\",\"label\":2.5,\"arrivedAt\":null}\n"
                    + "   \n"
                    + "{\"inferenceId\":7,\"label\":true}\n");
            GroundTruth truth = GroundTruth.read(file);
            assertThat(truth.labels()).containsExactly(
                    new Label("a", "cat", Optional.of(Instant.parse("2026-12-07T05:00:00Z")), file.toString(), 1),
                    new Label("b", "2.5", Optional.empty(), file.toString(), 2),
                    new Label("7", "true", Optional.empty(), file.toString(), 4));
            assertThat(GroundTruth.read(write("labels.ndjson", "{\"inferenceId\":\"a\",\"label\":1}\n")).labels())
                    .hasSize(1);
            assertThat(GroundTruth.read(write("labels.json", "{\"inferenceId\":\"a\",\"label\":1}\n")).labels())
                    .hasSize(1);
        }

        @Test
        void badLinesAreNamedAndCounted() throws Exception {
            Path file = write("labels.jsonl", "{\"inferenceId\":\"a\",\"label\":\"cat\"}\n"
                    + "not json\n"
                    + "[1, 2]\n"
                    + "{\"inferenceId\":\"b\",\"label\":\"cat\",\"arrivedAt\":5}\n"
                    + "{\"label\":\"cat\"}\n"
                    + "{\"inferenceId\":\"c\",\"label\":null}\n"
                    + "{\"inferenceId\":\"d\",\"label\":{\"x\":1}}\n"
                    + "{\"inferenceId\":\"e\",\"label\":\"cat\",\"arrivedAt\":\"soon\"}\n");
            GroundTruth truth = GroundTruth.read(file);
            assertThat(truth.labels()).extracting(Label::inferenceId).containsExactly("a");
            assertThat(truth.badLines()).isEqualTo(7);
            assertThat(truth.problems()).extracting(Object::toString).containsExactly(
                    file + ":2: not JSON; expected one label as a JSON object",
                    file + ":3: not a JSON object (ARRAY); expected one label as a JSON object",
                    file + ":4: \"arrivedAt\" is 5; expected an ISO-8601 time as a string",
                    file + ":5: no inference id; expected a non-blank 'inferenceId'",
                    file + ":6: no label for inference c; expected a non-blank 'label'",
                    file + ":7: no label for inference d; expected a non-blank 'label'",
                    file + ":8: 'arrivedAt' is \"soon\"; expected an ISO-8601 time with an offset, such as"
                            + " 2026-12-07T01:00:00Z");
        }

        @Test
        void atMostSoManyProblemsAreNamed() throws Exception {
            Path file = write("labels.jsonl", "x\n".repeat(GroundTruth.MAX_PROBLEMS + 1));
            GroundTruth truth = GroundTruth.read(file);
            assertThat(truth.badLines()).isEqualTo(GroundTruth.MAX_PROBLEMS + 1);
            assertThat(truth.problems()).hasSize(GroundTruth.MAX_PROBLEMS);
        }
    }

    @Nested
    class Compressed {
        private static final String CSV = "inferenceId,label,arrivedAt\na,München,2026-12-07T05:00:00Z\nb,no,\n";
        private static final String JSON = "{\"inferenceId\":\"a\",\"label\":\"München\","
                + "\"arrivedAt\":\"2026-12-07T05:00:00Z\"}\n{\"inferenceId\":\"b\",\"label\":\"no\"}\n";

        private Path compressed(String name, String content, Compression compression) throws Exception {
            Path file = dir.resolve(name + compression.extension());
            try (OutputStream out = compression.compress(Files.newOutputStream(file))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            return file;
        }

        @ParameterizedTest
        @EnumSource(value = Compression.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
        void csvReadsAsItsUncompressedText(Compression compression) throws Exception {
            Path file = compressed("labels.csv", CSV, compression);

            assertThat(GroundTruth.read(file).labels()).containsExactly(labels(file, 2).toArray(Label[]::new));
        }

        @ParameterizedTest
        @EnumSource(value = Compression.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
        void jsonLinesReadAsTheirUncompressedText(Compression compression) throws Exception {
            Path file = compressed("labels.jsonl", JSON, compression);

            assertThat(GroundTruth.read(file).labels()).containsExactly(labels(file, 1).toArray(Label[]::new));
        }

        /** @return the two labels of CSV and JSON, the first on the given line */
        private List<Label> labels(Path file, int firstLine) {
            return List.of(new Label("a", "München", Optional.of(Instant.parse("2026-12-07T05:00:00Z")), file.toString(),
                    firstLine), new Label("b", "no", Optional.empty(), file.toString(), firstLine + 1));
        }

        @Test
        void aCutArchiveIsAnErrorNamingTheFileNeverFewerLabels() throws Exception {
            Path file = compressed("labels.csv", CSV.repeat(200), Compression.GZIP);
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

            assertThatThrownBy(() -> GroundTruth.read(file)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void anUnknownExtensionIsRefused() throws Exception {
        Path file = write("labels.txt", "");
        assertThatThrownBy(() -> GroundTruth.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ground truth file " + file + " must end in .csv, .jsonl, .ndjson or .json (then, if compressed,"
                        + " .gz, .zst, .bz2 or .xz) to tell its format");
    }

    @Test
    void aMissingFileFailsWithItsName() {
        Path file = dir.resolve("absent.csv");
        assertThatThrownBy(() -> GroundTruth.read(file)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("Could not read ground truth file " + file);
    }

    @Test
    void labelsInMemoryCountDuplicatesAndBecomeATable() {
        Instant at = Instant.parse("2026-12-07T05:00:00Z");
        GroundTruth truth = GroundTruth.of(List.of(Label.of("a", "cat", at, 1), Label.of("b", "dog", at, 2),
                Label.of("a", "dog", at, 3)));
        assertThat(truth.labels()).extracting(Label::inferenceId).containsExactly("a", "b");
        assertThat(truth.duplicates()).isEqualTo(1);
        assertThat(truth.lines()).isEqualTo(3);
        assertThat(truth.problems()).extracting(Object::toString)
                .containsExactly("memory:3: a second label for inference a (\"dog\"); the first, line 1 (\"cat\"), is kept");
        Table table = truth.table();
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.categoricalColumn(GroundTruth.ID).get(1)).isEqualTo("b");
        assertThat(table.categoricalColumn(GroundTruth.LABEL).get(0)).isEqualTo("cat");
        assertThat(table.timestampColumn(GroundTruth.ARRIVED_AT).get(0)).isEqualTo(at);
    }

    @Nested
    class Labels {
        @Test
        void areChecked() {
            assertThatThrownBy(() -> new Label(" ", "cat", Optional.empty(), "m", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("inferenceId must be non-blank but was \" \"");
            assertThatThrownBy(() -> new Label("a", "", Optional.empty(), "m", 1))
                    .hasMessage("value must be non-blank but was \"\"");
            assertThatThrownBy(() -> new Label("a", "cat", Optional.empty(), "m", 0))
                    .hasMessage("line must be positive but was 0");
        }
    }

    @Nested
    class CsvSplit {
        @Test
        void quotesAndCommas() {
            assertThat(dev.mlops.monitor.quality.Csv.split("a,\"b,c\",,\"d\"\"e\"")).containsExactly("a", "b,c", "", "d\"e");
            assertThat(dev.mlops.monitor.quality.Csv.split("x\"y,z")).containsExactly("x\"y", "z");
            assertThat(dev.mlops.monitor.quality.Csv.split("\"a\"b,c")).containsExactly("ab", "c");
            assertThat(dev.mlops.monitor.quality.Csv.split("\"a\"\"")).isEmpty();
            assertThat(dev.mlops.monitor.quality.Csv.split("")).containsExactly("");
        }
    }
}
