package dev.mlops.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectTest {

    private final Principal alice = Principal.of("alice", List.of("reviewer"), List.of("ml-team"));

    @Test
    void eachKindMatchesItsPrincipals() {
        assertThat(Subject.principal("alice").matches(alice)).isTrue();
        assertThat(Subject.principal("bob").matches(alice)).isFalse();
        assertThat(Subject.role("reviewer").matches(alice)).isTrue();
        assertThat(Subject.role("pipeline").matches(alice)).isFalse();
        assertThat(Subject.group("ml-team").matches(alice)).isTrue();
        assertThat(Subject.group("ops").matches(alice)).isFalse();
        assertThat(Subject.ANYONE.matches(alice)).isTrue();
    }

    @Test
    void aRoleIsNotAGroupNorAName() {
        assertThat(Subject.group("reviewer").matches(alice)).isFalse();
        assertThat(Subject.role("alice").matches(alice)).isFalse();
        assertThat(Subject.principal("reviewer").matches(alice)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"principal:alice", "role:pipeline", "group:ml-team", "*", "principal:a:b"})
    void textRoundTrips(String text) {
        assertThat(Subject.parse(text)).hasToString(text);
    }

    @Test
    void parseGivesTheKind() {
        assertThat(Subject.parse("role:pipeline")).isEqualTo(new Subject(Subject.Kind.ROLE, "pipeline"));
        assertThat(Subject.parse("group:g").kind()).isEqualTo(Subject.Kind.GROUP);
        assertThat(Subject.parse("principal:p").kind()).isEqualTo(Subject.Kind.PRINCIPAL);
        assertThat(Subject.parse("*")).isSameAs(Subject.ANYONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "user:alice", "roles:x", "", ":x", "**"})
    void otherFormsAreRefusedNamingThem(String text) {
        assertThatThrownBy(() -> Subject.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject must be principal:NAME, role:NAME, group:NAME or * but was '" + text + "'");
    }

    @Test
    void badNamesAreRefused() {
        assertThatThrownBy(() -> Subject.parse("role:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("role name must not be empty");
        assertThatThrownBy(() -> Subject.group("a b"))
                .hasMessageStartingWith("group name must not contain white space");
        assertThatThrownBy(() -> Subject.principal("*"))
                .hasMessageStartingWith("principal name must not contain '*'");
        assertThatThrownBy(() -> new Subject(Subject.Kind.ANYONE, "all"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the subject ANYONE is named '*' but was given 'all'");
    }
}
