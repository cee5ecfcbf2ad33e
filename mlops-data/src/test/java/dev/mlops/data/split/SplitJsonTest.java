package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.json.DocumentException;
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
                .contains("\"kind\": \"split\",", "\"formatVersion\": 2,", "\"fingerprint\": \"" + split.fingerprint().sha256() + "\"", "\"München\"",
                        "\"held\": [\n      \"CLASS_COUNTS_WITHIN_ONE_ROW\",\n      \"EVERY_CLASS_IN_EVERY_SET\"\n    ]")
                .doesNotEndWith("\n");
        assertThat(Split.fromJson(json)).isEqualTo(split);
    }

    @Test
    void theDocumentHasItsGoldenShape() {
        Split split = Splitters.random(SplitSets.trainTest(0.5, 0.5), 1).split(Table.builder().numeric("x", 1, 2, 3, 4).build());

        assertThat(split.toJson()).isEqualTo(GOLDEN.replace("FINGERPRINT", split.fingerprint().sha256()));
    }

    private static final String GOLDEN = """
            {
              "excludedRows": [],
              "fingerprint": "FINGERPRINT",
              "formatVersion": 2,
              "kind": "split",
              "report": {
                "classCounts": {},
                "classesNotInEverySet": [],
                "held": [
                  "SET_SIZES_WITHIN_ONE_ROW"
                ],
                "notes": [],
                "removedByGap": 0
              },
              "rowCount": 4,
              "sets": [
                {
                  "fraction": 0.5,
                  "name": "train",
                  "rows": [
                    2,
                    3
                  ]
                },
                {
                  "fraction": 0.5,
                  "name": "test",
                  "rows": [
                    0,
                    1
                  ]
                }
              ],
              "splitter": {
                "seed": 1,
                "sizes": "train=0.5,test=0.5",
                "type": "random"
              }
            }""";

    @Test
    void aSplitWithoutSeedHasNone() {
        Split split = Splitters.temporal(SplitSets.trainTest(0.5, 0.5), "time").split(table());

        assertThat(split.toJson()).doesNotContain("\"seed\"");
        assertThat(Split.fromJson(split.toJson()).seed()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitters")
    void theFileAloneReproducesTheSplit(Splitter splitter, @TempDir Path directory) {
        Table table = table();
        Path file = directory.resolve("split.json");
        splitter.split(table).save(file);

        Split loaded = Split.load(file);
        Splitter rebuilt = loaded.splitter(ComponentRegistry.defaults());

        assertThat(rebuilt).isEqualTo(splitter);
        assertThat(rebuilt.split(table)).isEqualTo(loaded);
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
        void aNewerFormatVersionIsRefused() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"formatVersion\": 2", "\"formatVersion\": 3")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("format version 3");
        }

        @Test
        void formatVersionOneSaysHowToRemakeTheSplit() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"formatVersion\": 2", "\"formatVersion\": 1")))
                    .isInstanceOf(DocumentException.class)
                    .hasMessage("split JSON: 'formatVersion' is 1: a split of format version 1 does not record a"
                            + " splitter that can be rebuilt; split the table again (Splitter.split, or mlops split with"
                            + " the same options and --seed) to write format version 2");
        }

        @Test
        void anUnknownFieldIsNamed() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"rowCount\"", "\"rowCount\": 4, \"rowCont\"")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("rowCont");
        }

        @Test
        void aBadSplitterSettingNamesItsPath() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"type\": \"random\"", "\"type\": 7")))
                    .isInstanceOf(DocumentException.class).hasMessage("split JSON: splitter: 'type' must be a string but was 7");
        }

        @Test
        void anotherKindIsRefused() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"kind\": \"split\"", "\"kind\": \"profile\"")))
                    .isInstanceOf(DocumentException.class).hasMessage("split JSON: expected a document of kind 'split' but its kind is 'profile'");
        }

        @Test
        void anAbsentFieldIsNamed() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("\"rowCount\"", "\"rows_count\"")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("'rowCount'").hasMessageContaining("absent");
        }

        @Test
        void rowsThatAreNotAPartitionAreRefused() {
            Split split = Split.fromJson(valid());
            String broken = valid().replaceFirst("\"rows\": \\[\n(\\s*)(\\d+)", "\"rows\": [\n$1" + split.rows("test")[0]);

            assertThatThrownBy(() -> Split.fromJson(broken))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("not a valid split");
        }

        @Test
        void anUnknownGuaranteeIsNamed() {
            assertThatThrownBy(() -> Split.fromJson(valid().replace("SET_SIZES_WITHIN_ONE_ROW", "ALWAYS_RIGHT")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("ALWAYS_RIGHT");
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
