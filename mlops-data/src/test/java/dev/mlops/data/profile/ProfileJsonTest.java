package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.json.DocumentException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's document: its options, old versions, and errors that name the source and the field. */
class ProfileJsonTest {
    private static final ProfileOptions OPTIONS = new ProfileOptions(7, 3, 2, 64, List.of(0.1, 0.5, 0.9), 16);
    private static final Table TABLE = Table.of(NumericColumn.of("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            CategoricalColumn.of("c", "a", "b", "a", "c", "d", "a", "b", "e", "f", "g"));

    private static String json() {
        return DatasetProfile.of(TABLE, OPTIONS).toJson();
    }

    @Nested
    class Options {
        @Test
        void theProfileRecordsItsOptionsAndReadsThemBack() {
            String json = json();

            assertThat(json).contains("\"exactQuantileLimit\": 7").contains("\"exactDistinctLimit\": 3")
                    .contains("\"topK\": 2").contains("\"kllK\": 64");
            DatasetProfile back = DatasetProfile.fromJson(json, "p.json");
            assertThat(back.options()).isEqualTo(OPTIONS);
            assertThat(back.toJson()).isEqualTo(json);
        }

        @Test
        void loadsAFileAndNamesIt(@TempDir Path directory) throws IOException {
            Path file = directory.resolve("profile.json");
            Files.writeString(file, json().replace("\"topK\": 2", "\"topK\": \"two\""), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> DatasetProfile.load(file)).isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": options: 'topK' must be an integer but was \"two\"");
        }

        @Test
        void optionsOutOfRangeNameTheOptions() {
            assertThatThrownBy(() -> DatasetProfile.fromJson(json().replace("\"kllK\": 64", "\"kllK\": 2"), "p.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessage("p.json: options: are not valid profile options: kllK must be in [8, 65535] but was 2");
        }
    }

    @Nested
    class FrequentValues {
        private final Table even = Table.of(CategoricalColumn.of("c", IntStream.range(0, 400)
                .mapToObj(i -> "v" + (i % 100)).toArray(String[]::new)));

        @Test
        void theDocumentSaysHowTheTopValuesWereCountedAndWhenNoneIsFrequent() {
            String json = DatasetProfile.of(even, OPTIONS).toJson();

            assertThat(json).contains("\"frequentItemsMapSize\": 16").contains("\"topKMethod\": \"SKETCH\"")
                    .contains("\"noFrequentValue\": true").contains("\"topK\": []");
            DatasetProfile back = DatasetProfile.fromJson(json, "p.json");
            CategoricalProfile c = (CategoricalProfile) back.column("c");
            assertThat(back.options().frequentItemsMapSize()).isEqualTo(16);
            assertThat(c.noFrequentValue()).isTrue();
            assertThat(c.frequencyError()).isGreaterThanOrEqualTo(4);
            assertThat(back.toJson()).isEqualTo(json);
        }

        @Test
        void exactCountsSayExact() {
            String json = DatasetProfile.of(TABLE, OPTIONS.withExactDistinctLimit(100)).toJson();

            assertThat(json).contains("\"topKMethod\": \"EXACT\"").contains("\"noFrequentValue\": false");
        }

        @Test
        void aVersion2DocumentWithoutTheMapSizeReadsWithTheDefaultAndListsOnlyFrequentValues() {
            ProfileOptions defaults = ProfileOptions.defaults().withExactDistinctLimit(10);
            String json = DatasetProfile.of(even, defaults).toJson()
                    .replaceAll(",\\s*\"frequentItemsMapSize\": 1024", "")
                    .replaceAll("\\s*\"topKMethod\": \"SKETCH\",", "")
                    .replaceAll("\\s*\"noFrequentValue\": false,", "");
            assertThat(json).doesNotContain("frequentItemsMapSize", "topKMethod", "noFrequentValue");

            DatasetProfile old = DatasetProfile.fromJson(json, "old.json");

            assertThat(old.options()).isEqualTo(defaults);
            CategoricalProfile c = (CategoricalProfile) old.column("c");
            // 100 values fit in a map of 1,024: no error, every count exact and frequent
            assertThat(c.frequencyError()).isZero();
            assertThat(c.topK()).hasSize(10).allSatisfy(item -> assertThat(item.count()).isEqualTo(4));
        }
    }

    @Test
    void readsAVersion1DocumentWrittenByHand() {
        String v1 = """
                {
                  "kind": "dataset-profile",
                  "formatVersion": 1,
                  "rowCount": 2,
                  "fingerprints": [],
                  "options": {"exactQuantileLimit": 100000, "exactDistinctLimit": 10000, "topK": 10, "kllK": 200,
                              "probabilities": [0.0, 0.5, 1.0]},
                  "columns": [
                    {"name": "t", "type": "TIMESTAMP", "count": 2, "missing": 0,
                     "min": "2026-01-01T00:00:00Z", "max": "2026-01-02T00:00:00Z"},
                    {"name": "c", "type": "CATEGORICAL", "count": 2, "missing": 0, "counts": {"a": 1, "b": 1}}
                  ]
                }
                """;

        DatasetProfile profile = DatasetProfile.fromJson(v1, "old.json");

        assertThat(profile.createdAt()).isEmpty();
        assertThat(profile.rowCount()).isEqualTo(2);
        assertThat(((TimestampProfile) profile.column("t")).max()).hasToString("2026-01-02T00:00:00Z");
        assertThat(((CategoricalProfile) profile.column("c")).counts()).containsEntry("a", 1L);
        assertThat(profile.options().probabilities()).containsExactly(0.0, 0.5, 1.0);
    }

    @Nested
    class Errors {
        @Test
        void aSyntaxErrorNamesTheLineAndCharacter() {
            assertThatThrownBy(() -> DatasetProfile.fromJson("{\n  \"kind\": \"dataset-profile\",\n  oops\n}", "p.json"))
                    .hasMessageStartingWith("p.json line 3: not valid JSON at character 3");
        }

        @Test
        void anAbsentFieldIsNamed() {
            assertThatThrownBy(() -> DatasetProfile.fromJson(json().replace("\"rowCount\"", "\"rowcount\""), "p.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessage("p.json: 'rowCount' is required (an integer) but absent; the object has 'rowcount',"
                            + " a misspelling?");
        }

        @Test
        void aColumnFieldIsNamedByItsPath() {
            assertThatThrownBy(() -> DatasetProfile.fromJson(json().replace("\"missing\": 0", "\"missing\": -0.5"),
                    "p.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessage("p.json: columns[0]: 'missing' must be an integer but was -0.5");
        }

        @Test
        void aProbabilityIsNamedByItsIndex() {
            assertThatThrownBy(() -> DatasetProfile.fromJson(json().replace("0.5,", "true,"), "p.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageStartingWith("p.json: options: 'probabilities[1]' must be a number");
        }

        @Test
        void anUnknownTypeListsTheTypes() {
            assertThatThrownBy(() -> DatasetProfile.fromJson(json().replace("\"NUMERIC\"", "\"NUMBER\""), "p.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageStartingWith("p.json: columns[0]: 'type' must be one of [NUMERIC")
                    .hasMessageEndingWith("but was 'NUMBER'");
        }

        @Test
        void anUnknownOptionIsRefused() {
            assertThatThrownBy(() -> DatasetProfile.fromJson(json().replace("\"topK\": 2", "\"topK\": 2, \"topk\": 3"),
                    "p.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageStartingWith("p.json: options: unknown field 'topk'");
        }

        @Test
        void badBase64IsNamed() {
            String sketched = DatasetProfile.of(TABLE, OPTIONS.withExactQuantileLimit(2).withExactDistinctLimit(2)).toJson();
            String broken = sketched.replaceFirst("\"hll\": \"[^\"]*\"", "\"hll\": \"!!\"");

            assertThatThrownBy(() -> DatasetProfile.fromJson(broken, "p.json"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageStartingWith("p.json: columns[0]: 'hll' must be Base64 but is not");
        }
    }
}
