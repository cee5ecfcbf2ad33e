package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.DocumentReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureGroupTest {

    static final Feature AGE = Feature.of("age", ColumnType.NUMERIC, "age in years");
    static final Feature INCOME = Feature.of("income", ColumnType.NUMERIC, "yearly income").asSensitive();

    static FeatureGroup customer() {
        return FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at").feature(AGE)
                .feature(INCOME).owner("risk-team").description("customers").tags(Set.of("b", "a"))
                .ttl(Duration.ofDays(90)).retention(Duration.ofDays(365)).build();
    }

    @Nested
    class Building {

        @Test
        void aGroupKeepsWhatItWasGiven() {
            FeatureGroup group = customer();
            assertThat(group.name()).isEqualTo("customer");
            assertThat(group.version()).isZero();
            assertThat(group.entityKey()).isEqualTo("customer_id");
            assertThat(group.eventTime()).isEqualTo("observed_at");
            assertThat(group.features()).containsExactly(AGE, INCOME);
            assertThat(group.owner()).isEqualTo("risk-team");
            assertThat(group.description()).isEqualTo("customers");
            assertThat(group.tags()).containsExactly("a", "b");
            assertThat(group.ttl()).contains(Duration.ofDays(90));
            assertThat(group.retention()).contains(Duration.ofDays(365));
        }

        @Test
        void theDefaultsNameTheColumnsAndLeaveTheRestOut() {
            FeatureGroup group = FeatureGroup.builder("g").feature(AGE).build();
            assertThat(group.entityKey()).isEqualTo("entity_id");
            assertThat(group.eventTime()).isEqualTo("event_time");
            assertThat(group.owner()).isEmpty();
            assertThat(group.description()).isEmpty();
            assertThat(group.tags()).isEmpty();
            assertThat(group.ttl()).isEmpty();
            assertThat(group.retention()).isEmpty();
        }

        @Test
        void theRecordSchemaIsKeyTimeThenFeaturesWithTheirSensitiveFlags() {
            assertThat(customer().recordSchema()).isEqualTo(Schema.of(Field.of("customer_id", ColumnType.CATEGORICAL),
                    Field.of("observed_at", ColumnType.TIMESTAMP), Field.of("age", ColumnType.NUMERIC),
                    Field.sensitive("income", ColumnType.NUMERIC)));
        }

        @Test
        void featuresAreFoundByName() {
            assertThat(customer().feature("income")).contains(INCOME);
            assertThat(customer().feature("height")).isEmpty();
        }

        @Test
        void theCollectionsCannotBeChanged() {
            FeatureGroup group = customer();
            assertThatThrownBy(() -> group.features().add(AGE)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> group.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Refusing {

        @Test
        void aGroupWithoutFeatures() {
            assertThatThrownBy(() -> FeatureGroup.builder("empty").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'empty' has no feature");
        }

        @Test
        void aFeatureAddedTwice() {
            FeatureGroup.Builder builder = FeatureGroup.builder("g").feature(AGE);
            assertThatThrownBy(() -> builder.feature(Feature.of("age", ColumnType.CATEGORICAL)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'g' already has a feature 'age'");
        }

        @Test
        void theKeyAsEventTime() {
            assertThatThrownBy(() -> FeatureGroup.builder("g").entityKey("t").eventTime("t").feature(AGE).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'g' uses 't' as both entity key and event-time column");
        }

        @Test
        void aFeatureNamedLikeTheKeyOrTheEventTime() {
            assertThatThrownBy(() -> FeatureGroup.builder("g").feature(Feature.of("entity_id", ColumnType.NUMERIC))
                    .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'g' has a feature named 'entity_id' like its entity key");
            assertThatThrownBy(() -> FeatureGroup.builder("g").feature(Feature.of("event_time", ColumnType.NUMERIC))
                    .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'g' has a feature named 'event_time' like its event-time column");
        }

        @Test
        void aTtlOrRetentionThatIsNotPositive() {
            FeatureGroup.Builder builder = FeatureGroup.builder("g");
            assertThatThrownBy(() -> builder.ttl(Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'g': the ttl must be positive but was PT0S");
            assertThatThrownBy(() -> builder.retention(Duration.ofDays(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'g': the retention must be positive but was PT-24H");
        }

        @Test
        void aBlankTag() {
            assertThatThrownBy(() -> FeatureGroup.builder("g").tags(Set.of("")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature group 'g' has a blank tag");
        }

        @Test
        void malformedNames() {
            assertThatThrownBy(() -> FeatureGroup.builder("a/b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("feature group name 'a/b' is not valid");
            assertThatThrownBy(() -> FeatureGroup.builder("g").entityKey("a b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("entity key name 'a b' is not valid");
            assertThatThrownBy(() -> FeatureGroup.builder("g").eventTime(""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("event-time column name '' is not valid");
        }
    }

    @Nested
    class Versions {

        @Test
        void theStoreGivesAVersionAndKeepsTheRest() {
            FeatureGroup stored = customer().withVersion(3);
            assertThat(stored.version()).isEqualTo(3);
            assertThat(stored).isNotEqualTo(customer());
            assertThat(stored.toBuilder().build()).isEqualTo(customer());
            assertThat(stored.toString()).isEqualTo("FeatureGroup[customer v3 by customer_id at observed_at: "
                    + "[age, income]]");
        }

        @Test
        void versionsStartAtOne() {
            assertThat(customer().withVersion(1).version()).isEqualTo(1);
            assertThat(customer().withVersion(1).hashCode()).isNotEqualTo(customer().withVersion(2).hashCode());
            assertThatThrownBy(() -> customer().withVersion(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a feature group's version is a number from 1 but was 0");
        }

        @Test
        void aBuilderFromAGroupMakesItsNextVersion() {
            FeatureGroup next = customer().toBuilder().feature(Feature.of("tenure", ColumnType.NUMERIC)).build();
            assertThat(next.features()).extracting(Feature::name).containsExactly("age", "income", "tenure");
            assertThat(next.ttl()).isEqualTo(customer().ttl());
            assertThat(next.retention()).isEqualTo(customer().retention());
            FeatureGroup bare = FeatureGroup.builder("g").feature(AGE).build();
            assertThat(bare.toBuilder().build()).isEqualTo(bare);
        }

        @Test
        void equalityCoversEveryField() {
            FeatureGroup base = customer();
            assertThat(base).isEqualTo(customer()).hasSameHashCodeAs(customer());
            assertThat(base).isNotEqualTo(customer().toBuilder().owner("x").build())
                    .isNotEqualTo(customer().toBuilder().description("x").build())
                    .isNotEqualTo(customer().toBuilder().tags(Set.of()).build())
                    .isNotEqualTo(customer().toBuilder().ttl(Duration.ofDays(1)).build())
                    .isNotEqualTo(customer().toBuilder().retention(Duration.ofDays(1)).build())
                    .isNotEqualTo(customer().toBuilder().entityKey("k").build())
                    .isNotEqualTo(customer().toBuilder().eventTime("t").build())
                    .isNotEqualTo(FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
                            .feature(AGE).owner("risk-team").description("customers").tags(Set.of("a", "b"))
                            .ttl(Duration.ofDays(90)).retention(Duration.ofDays(365)).build())
                    .isNotEqualTo(FeatureGroup.builder("other").feature(AGE).build())
                    .isNotEqualTo("customer");
        }
    }

    @Nested
    class Documents {

        @TempDir
        Path dir;

        @Test
        void aGroupRoundTripsThroughItsPublicDocument() {
            FeatureGroup stored = customer().withVersion(4);
            ObjectNode document = stored.toDocument();
            assertThat(document.get("kind").asText()).isEqualTo(FeatureGroup.KIND);
            assertThat(document.get("formatVersion").asInt()).isEqualTo(FeatureGroup.FORMAT_VERSION);
            assertThat(document.get("features").get(1).get("type").asText()).isEqualTo("NUMERIC");
            assertThat(FeatureGroup.fromDocument(DocumentReader.of(document, "test"))).isEqualTo(stored);
            assertThat(FeatureGroup.fromDocument(DocumentReader.of(customer().toDocument(), "test")))
                    .isEqualTo(customer());
        }

        @Test
        void aHandWrittenFileNeedsOnlyNamesAndTypes() throws IOException {
            Path file = dir.resolve("group.json");
            Files.writeString(file, """
                    {"kind": "feature-group", "formatVersion": 1, "name": "account",
                     "features": [{"name": "balance", "type": "numeric"},
                                  {"name": "owner_id", "type": "Categorical", "sensitive": true, "tags": ["pii"]}],
                     "versions": [1, 2]}
                    """);
            FeatureGroup group = FeatureGroup.load(file);
            assertThat(group).isEqualTo(FeatureGroup.builder("account")
                    .feature(Feature.of("balance", ColumnType.NUMERIC))
                    .feature(Feature.of("owner_id", ColumnType.CATEGORICAL).asSensitive().withTags(Set.of("pii")))
                    .build());
            assertThat(group.version()).isZero();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"version\": -1|'version' must be 0 (not yet defined) or a stored version from 1 but was -1",
            "\"colour\": 1|colour",
            "\"ttl\": \"a day\"|'ttl' expected an ISO-8601 duration such as P90D or PT12H but was 'a day'",
            "\"retention\": \"PT0S\"|the retention must be positive but was PT0S",
            "\"entityKey\": \"a b\"|entity key name 'a b' is not valid",
            "\"eventTime\": \"\"|event-time column name '' is not valid",
            "\"tags\": [\" \"]|feature group 'account' has a blank tag"})
        void aBadFieldIsNamedWithTheFile(String field, String problem) throws IOException {
            Path file = dir.resolve("group.json");
            Files.writeString(file, "{\"kind\": \"feature-group\", \"formatVersion\": 1, \"name\": \"account\", "
                    + field + ", \"features\": [{\"name\": \"balance\", \"type\": \"numeric\"}]}");
            assertThatThrownBy(() -> FeatureGroup.load(file))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(problem);
        }

        @Test
        void aBadFeatureIsNamedWithItsPlaceInTheList() throws IOException {
            Path file = dir.resolve("group.json");
            Files.writeString(file, """
                    {"kind": "feature-group", "formatVersion": 1, "name": "account",
                     "features": [{"name": "balance", "type": "numeric"}, {"name": "notes", "type": "decimal"}]}
                    """);
            assertThatThrownBy(() -> FeatureGroup.load(file))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("features[1]")
                    .hasMessageContaining("expected one of NUMERIC, CATEGORICAL, BOOLEAN, TIMESTAMP but was 'decimal'");
            Files.writeString(file, Files.readString(file).replace("decimal", "text"));
            assertThatThrownBy(() -> FeatureGroup.load(file))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("features[1]: feature 'notes' is TEXT, which is not a feature type");
            Files.writeString(file, """
                    {"kind": "feature-group", "formatVersion": 1, "name": "account",
                     "features": [{"name": "balance", "type": "numeric"}, {"name": "balance", "type": "boolean"}]}
                    """);
            assertThatThrownBy(() -> FeatureGroup.load(file))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("features[1]")
                    .hasMessageContaining("feature group 'account' already has a feature 'balance'");
            Files.writeString(file, """
                    {"kind": "feature-group", "formatVersion": 1, "name": "account", "features": []}
                    """);
            assertThatThrownBy(() -> FeatureGroup.load(file))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("feature group 'account' has no feature");
        }
    }
}
