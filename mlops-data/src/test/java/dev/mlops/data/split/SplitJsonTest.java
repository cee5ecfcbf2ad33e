package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SplitJsonTest {
    private static final SplitSets THREE = SplitSets.trainValidationTest(0.7, 0.15, 0.15);

    private static Table table() {
        return SplitCases.table(new SplitCases.Case(7, 400, 4, 1.0, THREE));
    }

    static Stream<Splitter> splitters() {
        return Stream.of(
                Splitters.random(THREE, Long.MIN_VALUE),
                Splitters.stratified(THREE, "label", 3),
                Splitters.stratified(SplitSets.builder().add("a", 0.9).add("b", 0.05).add("c", 0.05).build(), "label", 3,
                        SmallClasses.ALLOW),
                Splitters.grouped(THREE, "group", 4),
                Splitters.stratifiedGrouped(THREE, "label", "group", 5),
                Splitters.temporal(THREE, "time", Duration.ofSeconds(1), new NewestSet("recent_testing", 0.1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitters")
    void everySplitReadsBackEqual(Splitter splitter) {
        Split split = splitter.split(table());

        assertThat(Split.fromJson(split.toJson())).isEqualTo(split);
        assertThat(Split.fromJson(split.toJson()).toJson()).isEqualTo(split.toJson());
    }

    @Test
    void theDocumentIsStableAndReadable() {
        Table table = Table.builder().categorical("label", "München", "São Paulo", "München", "São Paulo").build();
        Split split = Splitters.stratified(SplitSets.trainTest(0.5, 0.5), "label", 1).split(table);

        String json = split.toJson();

        assertThat(json).startsWith("{\n  \"excludedRows\": [],\n  \"fingerprint\": ")
                .contains("\"kind\": \"split\",", "\"formatVersion\": 1,", "\"splitter\": \"stratified\"", "\"seed\": 1,", "\"fingerprint\": \"" + split.fingerprint().sha256() + "\"", "\"München\"",
                        "\"held\": [\n      \"CLASS_COUNTS_WITHIN_ONE_ROW\",\n      \"EVERY_CLASS_IN_EVERY_SET\"\n    ]")
                .doesNotEndWith("\n");
        assertThat(Split.fromJson(json)).isEqualTo(split);
    }

    @Test
    void aSplitWithoutSeedWritesNull() {
        Split split = Splitters.temporal(SplitSets.trainTest(0.5, 0.5), "time").split(table());

        assertThat(split.toJson()).contains("\"seed\": null");
        assertThat(Split.fromJson(split.toJson()).seed()).isEmpty();
    }

    @Test
    void saveAndLoadGoThroughAFile(@TempDir Path directory) throws Exception {
        Split split = Splitters.stratified(THREE, "label", 9).split(table());
        Path file = directory.resolve("runs/42/split.json");

        split.save(file);

        assertThat(Split.load(file)).isEqualTo(split);
        assertThat(Files.readString(file)).isEqualTo(split.toJson());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Nested
    class BadDocuments {

        private String valid() {
            return Splitters.random(SplitSets.trainTest(0.5, 0.5), 1).split(Table.builder().numeric("x", 1, 2, 3, 4).build())
                    .toJson();
        }

        @Test
        void textThatIsNotJsonNamesTheLine() {
            assertThatThrownBy(() -> Split.fromJson("{\n  \"kind\": \"split\",\n  oops\n}"))
                    .isInstanceOf(DataFormatException.class).hasMessageContaining("line 3");
        }

        @Test
        void anotherFormatVersionIsRefused() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"formatVersion\": 1", "\"formatVersion\": 2")))
                    .isInstanceOf(SplitException.class).hasMessageContaining("'formatVersion' is 2");
        }

        @Test
        void anotherKindIsRefused() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"kind\": \"split\"", "\"kind\": \"profile\"")))
                    .isInstanceOf(SplitException.class).hasMessageContaining("'kind'").hasMessageContaining("profile");
        }

        @Test
        void anAbsentFieldIsNamed() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"rowCount\"", "\"rows_count\"")))
                    .isInstanceOf(SplitException.class).hasMessageContaining("'rowCount'").hasMessageContaining("absent");
        }

        @Test
        void rowsThatAreNotAPartitionAreRefused() {
            Split split = Split.fromJson(valid());
            String broken = valid().replaceFirst("\"rows\": \\[\n(\\s*)(\\d+)", "\"rows\": [\n$1" + split.rows("test")[0]);

            assertThatThrownBy(() -> Split.fromJson(broken))
                    .isInstanceOf(SplitException.class).hasMessageContaining("not a valid split");
        }

        @Test
        void anUnknownGuaranteeIsNamed() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("SET_SIZES_WITHIN_ONE_ROW", "ALWAYS_RIGHT")))
                    .isInstanceOf(SplitException.class).hasMessageContaining("ALWAYS_RIGHT");
        }

        @Test
        void aMissingFileIsAnUncheckedIoError(@TempDir Path directory) {
            assertThatThrownBy(() -> Split.load(directory.resolve("absent.json")))
                    .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("absent.json");
        }
    }

    @Test
    void listsOfRowsInTheDocumentMatchTheSets() {
        Split split = Splitters.random(SplitSets.trainTest(0.5, 0.5), 1).split(Table.builder().numeric("x", 1, 2).build());

        assertThat(List.of(split.rows("train")[0], split.rows("test")[0])).containsExactlyInAnyOrder(0, 1);
    }
}
