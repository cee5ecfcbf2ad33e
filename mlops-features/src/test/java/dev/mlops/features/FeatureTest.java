package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureTest {

    @Test
    void aFeatureIsItsFieldWithMeaningAndTags() {
        Feature age = Feature.of("age", ColumnType.NUMERIC, "age in years");
        assertThat(age.name()).isEqualTo("age");
        assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(age.description()).isEqualTo("age in years");
        assertThat(age.sensitive()).isFalse();
        assertThat(age.tags()).isEmpty();
        assertThat(age.field()).isEqualTo(Field.of("age", ColumnType.NUMERIC));
        assertThat(Feature.of("segment", ColumnType.CATEGORICAL).description()).isEmpty();
    }

    @Test
    void aSensitiveFeatureIsASensitiveField() {
        Feature income = Feature.of("income", ColumnType.NUMERIC, "yearly income").asSensitive();
        assertThat(income.sensitive()).isTrue();
        assertThat(income.field()).isEqualTo(Field.sensitive("income", ColumnType.NUMERIC));
        assertThat(income.description()).isEqualTo("yearly income");
    }

    @Test
    void tagsAreSortedCopiedAndUnmodifiable() {
        Set<String> tags = new HashSet<>(List.of("risk", "pii", "finance"));
        Feature income = Feature.of("income", ColumnType.NUMERIC).asSensitive().withTags(tags);
        tags.add("later");
        assertThat(income.tags()).containsExactly("finance", "pii", "risk");
        assertThat(income.sensitive()).isTrue();
        assertThatThrownBy(() -> income.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void textIsNotAFeatureType() {
        assertThatThrownBy(() -> Feature.of("notes", ColumnType.TEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature 'notes' is TEXT, which is not a feature type: use CATEGORICAL for strings");
    }

    @Test
    void aBlankTagIsRefusedNamingTheFeature() {
        Feature age = Feature.of("age", ColumnType.NUMERIC);
        assertThatThrownBy(() -> age.withTags(Set.of(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature 'age' has a blank tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "a b", "a/b", "a*", "-x"})
    void malformedNamesAreRefusedQuotingTheName(String name) {
        assertThatThrownBy(() -> Feature.of(name, ColumnType.NUMERIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature name '" + name + "' is not valid: use 1 to 128 letters, digits, '_', '.' or '-', "
                        + "starting with a letter or '_'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "A.b-c_9"})
    void wellFormedNamesAreKept(String name) {
        assertThat(Feature.of(name, ColumnType.BOOLEAN).name()).isEqualTo(name);
    }

    @Test
    void namesAreAtMost128Characters() {
        String longest = "f" + "x".repeat(127);
        assertThat(Feature.of(longest, ColumnType.NUMERIC).name()).hasSize(128);
        assertThatThrownBy(() -> Feature.of(longest + "x", ColumnType.NUMERIC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
