package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureSelectionTest {

    @Test
    void someFeaturesInTheOrderAsked() {
        FeatureSelection selection = FeatureSelection.of("customer", "tenure", "age");
        assertThat(selection.group()).isEqualTo("customer");
        assertThat(selection.features()).containsExactly("tenure", "age");
        assertThat(selection.isAll()).isFalse();
        assertThat(selection).hasToString("customer:tenure,age");
    }

    @Test
    void allFeatures() {
        FeatureSelection selection = FeatureSelection.all("customer");
        assertThat(selection.features()).isEmpty();
        assertThat(selection.isAll()).isTrue();
        assertThat(selection).hasToString("customer");
    }

    @Test
    void theListIsCopied() {
        List<String> names = new ArrayList<>(List.of("age"));
        FeatureSelection selection = new FeatureSelection("customer", names);
        names.add("income");
        assertThat(selection.features()).containsExactly("age");
        assertThatThrownBy(() -> selection.features().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofNeedsAFeature() {
        assertThatThrownBy(() -> FeatureSelection.of("customer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("select at least one feature of group 'customer', or use FeatureSelection.all");
    }

    @Test
    void aFeatureSelectedTwice() {
        assertThatThrownBy(() -> FeatureSelection.of("customer", "age", "age"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature 'age' of group 'customer' is selected twice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "customer|customer|''",
        "customer:age|customer|age",
        "customer: age , tenure|customer|age;tenure",
        "g.v2:a.b|g.v2|a.b"})
    void theCliTextIsRead(String text, String group, String features) {
        FeatureSelection selection = FeatureSelection.parse(text);
        assertThat(selection.group()).isEqualTo(group);
        assertThat(selection.features()).isEqualTo(features.isEmpty() ? List.of() : List.of(features.split(";")));
        assertThat(FeatureSelection.parse(selection.toString())).isEqualTo(selection);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "customer:|feature name '' is not valid",
        "customer:age,|feature name '' is not valid",
        ":age|feature group name '' is not valid",
        "a b|feature group name 'a b' is not valid",
        "customer:age,age|feature 'age' of group 'customer' is selected twice"})
    void malformedTextIsRefusedQuotingIt(String text, String reason) {
        assertThatThrownBy(() -> FeatureSelection.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' is not a feature selection (GROUP or GROUP:FEATURE,FEATURE): "
                        + reason);
    }
}
