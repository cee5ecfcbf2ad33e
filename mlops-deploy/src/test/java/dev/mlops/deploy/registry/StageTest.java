package dev.mlops.deploy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "candidate, candidate, false", "candidate, staging, true", "candidate, production, true", "candidate, archived, true",
        "staging, candidate, false", "staging, staging, false", "staging, production, true", "staging, archived, true",
        "production, candidate, false", "production, staging, true", "production, production, false",
        "production, archived, true",
        "archived, candidate, false", "archived, staging, true", "archived, production, true", "archived, archived, false"})
    void theTransitionTableIsTheDocumentedOne(String from, String to, boolean allowed) {
        assertThat(Stage.ofLabel(from).canMoveTo(Stage.ofLabel(to))).isEqualTo(allowed);
        assertThat(Stage.ofLabel(from).next().contains(Stage.ofLabel(to))).isEqualTo(allowed);
    }

    @Test
    void nextIsUnmodifiable() {
        Set<Stage> next = Stage.CANDIDATE.next();
        assertThat(next).isEqualTo(EnumSet.of(Stage.STAGING, Stage.PRODUCTION, Stage.ARCHIVED));
        assertThatThrownBy(() -> next.add(Stage.CANDIDATE)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Stage.CANDIDATE.next()).containsExactly(Stage.STAGING, Stage.PRODUCTION, Stage.ARCHIVED);
    }

    @Test
    void labelsAreLowerCaseAndReadInAnyCase() {
        assertThat(Stage.PRODUCTION.label()).isEqualTo("production");
        assertThat(Stage.ofLabel(" Staging ")).isEqualTo(Stage.STAGING);
        assertThatThrownBy(() -> Stage.ofLabel("live"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown stage 'live'; expected candidate, staging, production or archived");
    }
}
