package dev.mlops.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleTest {

    @Nested
    class Wildcards {
        @ParameterizedTest(name = "{0} ~ {1}: {2}")
        @CsvSource({
            "model/churn/*, model/churn/3, true",
            "model/churn/*, model/churn/, true",
            "model/churn/*, model/churn/3/artifact, false",
            "model/churn/*, model/churny/3, false",
            "model/churn/*, model/churn, false",
            "model/**, model/churn/3/artifact, true",
            "model/**, model/, true",
            "model/**, models/x, false",
            "model/*/3, model/churn/3, true",
            "model/*/3, model/churn/4, false",
            "model/*/3, model/a/b/3, false",
            "model/**/3, model/a/b/3, true",
            "model/c*n/*, model/churn/1, true",
            "model/c*n/*, model/chart/1, false",
            "c*n, chart, false",
            "c*n, churn, true",
            "a**, a/b/c, true",
            "*, anything, true",
            "*, a/b, false",
            "**, a/b, true",
            "exact, exact, true",
            "exact, exactly, false",
            "exactly, exact, false",
            "registry.*, registry.promote, true",
            "registry.*, features.read, false",
            "*.read, features.read, true",
        })
        void matches(String pattern, String name, boolean expected) {
            assertThat(Wildcard.matches(pattern, name)).isEqualTo(expected);
        }
    }

    @Test
    void aRuleMatchesOnSubjectActionAndResource() {
        Rule rule = Rule.allow(Subject.role("pipeline"), "registry.*", "model/churn/*");
        Principal ci = Principal.of("ci", List.of("pipeline"), List.of());
        Action promote = Action.of("registry.promote");
        assertThat(rule.matches(ci, promote, "model/churn/3")).isTrue();
        assertThat(rule.matches(Principal.of("bob"), promote, "model/churn/3")).isFalse();
        assertThat(rule.matches(ci, Action.of("features.read"), "model/churn/3")).isFalse();
        assertThat(rule.matches(ci, promote, "model/fraud/3")).isFalse();
    }

    @Test
    void factoriesAndText() {
        assertThat(Rule.allow(Subject.ANYONE, "a", "r")).isEqualTo(new Rule(Effect.ALLOW, Subject.ANYONE, "a", "r"));
        assertThat(Rule.deny(Subject.group("interns"), "registry.*", "model/**"))
                .hasToString("deny group:interns registry.* model/**")
                .extracting(Rule::effect).isEqualTo(Effect.DENY);
        assertThat(Effect.ALLOW.label()).isEqualTo("allow");
    }

    @Test
    void badPatternsAreRefused() {
        assertThatThrownBy(() -> Rule.allow(Subject.ANYONE, "", "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("action pattern must not be empty");
        assertThatThrownBy(() -> Rule.allow(Subject.ANYONE, "a", "model /x"))
                .hasMessage("resource pattern must not contain white space or control characters but 'model /x'"
                        + " has one at index 5");
        assertThatThrownBy(() -> new Rule(null, Subject.ANYONE, "a", "r"))
                .isInstanceOf(NullPointerException.class).hasMessage("effect");
        assertThatThrownBy(() -> new Rule(Effect.DENY, null, "a", "r"))
                .isInstanceOf(NullPointerException.class).hasMessage("subject");
    }
}
