package dev.mlops.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.Documents;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTest {

    static final Action PROMOTE = Action.of("registry.promote");
    static final Action READ = Action.of("registry.read");
    static final Principal CI = Principal.of("ci-bot", List.of("pipeline"), List.of("ml"));
    static final Principal INTERN = Principal.of("ian", List.of("pipeline"), List.of("interns"));
    static final Principal ALICE = Principal.of("alice", List.of("reviewer"), List.of("ml"));

    static final Policy POLICY = Policy.builder()
            .allow(Subject.role("pipeline"), "registry.promote", "model/**")
            .allow(Subject.ANYONE, "registry.read", "model/**")
            .deny(Subject.group("interns"), "registry.*", "model/payroll/**")
            .build();

    @Nested
    class Decisions {
        @Test
        void nothingIsAllowedByDefault() {
            Decision decision = Policy.denyAll().decide(ALICE, READ, "model/churn/3");
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.rule()).isEmpty();
            assertThat(decision.message()).isEqualTo("alice may not registry.read model/churn/3: no rule allows it");
            assertThat(Policy.denyAll().rules()).isEmpty();
        }

        @Test
        void anAllowRuleAllows() {
            Decision decision = POLICY.decide(CI, PROMOTE, "model/churn/3");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.rule()).contains(POLICY.rules().get(0));
            assertThat(decision.message()).isEqualTo(
                    "ci-bot may registry.promote model/churn/3: allowed by rule 'allow role:pipeline registry.promote"
                            + " model/**'");
            assertThat(POLICY.allows(CI, PROMOTE, "model/churn/3")).isTrue();
            assertThat(POLICY.check(CI, PROMOTE, "model/churn/3")).isEqualTo(decision);
        }

        @Test
        void denyWinsWhateverTheOrder() {
            assertThat(POLICY.allows(INTERN, PROMOTE, "model/churn/3")).isTrue();
            assertThat(POLICY.allows(INTERN, PROMOTE, "model/payroll/3")).isFalse();
            assertThat(POLICY.allows(INTERN, READ, "model/payroll/3")).isFalse();
            List<Rule> reversed = new ArrayList<>(POLICY.rules());
            Collections.reverse(reversed);
            Policy other = Policy.of(reversed);
            assertThat(other.allows(INTERN, PROMOTE, "model/payroll/3")).isFalse();
            assertThat(other.decide(INTERN, PROMOTE, "model/payroll/3").rule()).contains(POLICY.rules().get(2));
        }

        @Test
        void theFirstMatchingRuleOfTheDecidingKindIsNamed() {
            Policy policy = Policy.builder()
                    .allow(Subject.principal("alice"), "registry.read", "model/**")
                    .allow(Subject.group("ml"), "registry.*", "model/**")
                    .deny(Subject.ANYONE, "registry.promote", "model/**")
                    .deny(Subject.role("reviewer"), "registry.*", "model/**")
                    .build();
            assertThat(policy.decide(ALICE, READ, "model/x").rule()).contains(policy.rules().get(3));
            assertThat(policy.decide(CI, READ, "model/x").rule()).contains(policy.rules().get(1));
            assertThat(policy.decide(ALICE, PROMOTE, "model/x").rule()).contains(policy.rules().get(2));
        }

        @Test
        void checkThrowsNamingPrincipalActionResourceAndRule() {
            assertThatThrownBy(() -> POLICY.check(INTERN, PROMOTE, "model/payroll/3"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("ian may not registry.promote model/payroll/3: denied by rule 'deny group:interns"
                            + " registry.* model/payroll/**'")
                    .satisfies(e -> assertThat(((AccessDeniedException) e).decision())
                            .isEqualTo(POLICY.decide(INTERN, PROMOTE, "model/payroll/3")));
            assertThatThrownBy(() -> POLICY.check(ALICE, PROMOTE, "model/churn/3"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("alice may not registry.promote model/churn/3: no rule allows it");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "model/*", "model /x"})
        void badResourcesAreRefused(String resource) {
            assertThatThrownBy(() -> POLICY.decide(CI, PROMOTE, resource))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("resource must");
        }

        @Test
        void policiesAreImmutableValues() {
            Policy.Builder builder = Policy.builder().rule(Rule.allow(Subject.ANYONE, "a", "b"));
            Policy first = builder.build();
            builder.deny(Subject.ANYONE, "a", "b");
            assertThat(first.rules()).hasSize(1);
            assertThatThrownBy(() -> first.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThat(first).isEqualTo(Policy.of(List.of(Rule.allow(Subject.ANYONE, "a", "b"))))
                    .hasSameHashCodeAs(Policy.of(List.of(Rule.allow(Subject.ANYONE, "a", "b"))))
                    .isNotEqualTo(builder.build()).isNotEqualTo("policy")
                    .hasToString("Policy[allow * a b]");
            assertThat(first.hashCode()).isEqualTo(first.rules().hashCode());
        }

        @Test
        void aPolicyIsSharedSafelyByThreads() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    Principal who = i % 2 == 0 ? CI : INTERN;
                    results.add(pool.submit(() -> POLICY.allows(who, PROMOTE, "model/payroll/1")));
                }
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i).get(30, TimeUnit.SECONDS)).as("request %d", i).isEqualTo(i % 2 == 0);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Documents_ {
        @TempDir
        Path dir;

        @Test
        void writesAndReadsTheDocumentedForm() {
            Path file = dir.resolve("policy.json");
            POLICY.write(file);
            assertThat(Policy.load(file)).isEqualTo(POLICY);
            assertThat(Documents.write(POLICY.toDocument())).isEqualTo("""
                    {
                      "formatVersion": 1,
                      "kind": "access-policy",
                      "rules": [
                        {
                          "action": "registry.promote",
                          "effect": "allow",
                          "resource": "model/**",
                          "subject": "role:pipeline"
                        },
                        {
                          "action": "registry.read",
                          "effect": "allow",
                          "resource": "model/**",
                          "subject": "*"
                        },
                        {
                          "action": "registry.*",
                          "effect": "deny",
                          "resource": "model/payroll/**",
                          "subject": "group:interns"
                        }
                      ]
                    }""");
        }

        @Test
        void aNewerVersionIsRefusedNamingTheFile() throws Exception {
            Path file = write("""
                    {"kind": "access-policy", "formatVersion": 2, "rules": []}
                    """);
            assertThatThrownBy(() -> Policy.load(file))
                    .isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": format version 2 of 'access-policy' is not supported; this version of"
                            + " mlops-java reads version 1");
        }

        @Test
        void anotherKindIsRefused() throws Exception {
            Path file = write("""
                    {"kind": "split", "formatVersion": 1}
                    """);
            assertThatThrownBy(() -> Policy.load(file))
                    .isInstanceOf(DocumentException.class)
                    .hasMessage(file + ": expected a document of kind 'access-policy' but its kind is 'split'");
        }

        @Test
        void malformedRulesAreNamedByPath() throws Exception {
            assertThatThrownBy(() -> Policy.load(write(rule(
                    "{\"effect\": \"permit\", \"subject\": \"*\", \"action\": \"a\", \"resource\": \"r\"}"))))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageEndingWith("policy.json: rules[1]: 'effect' must be \"allow\" or \"deny\" but was"
                            + " \"permit\"");
            assertThatThrownBy(() -> Policy.load(write(rule(
                    "{\"effect\": \"deny\", \"subject\": \"user:x\", \"action\": \"a\", \"resource\": \"r\"}"))))
                    .hasMessageEndingWith("rules[1]: 'subject' is not valid: subject must be principal:NAME,"
                            + " role:NAME, group:NAME or * but was 'user:x'");
            assertThatThrownBy(() -> Policy.load(write(rule(
                    "{\"effect\": \"deny\", \"subject\": \"*\", \"action\": \"\", \"resource\": \"r\"}"))))
                    .hasMessageEndingWith("rules[1]: 'action' is not valid: action pattern must not be empty");
            assertThatThrownBy(() -> Policy.load(write(rule(
                    "{\"effect\": \"deny\", \"subject\": \"*\", \"action\": \"a\", \"resource\": \"a b\"}"))))
                    .hasMessageEndingWith("rules[1]: 'resource' is not valid: resource pattern must not contain"
                            + " white space or control characters but 'a b' has one at index 1");
            assertThatThrownBy(() -> Policy.load(write(rule(
                    "{\"effect\": \"deny\", \"subject\": \"*\", \"action\": \"a\", \"resource\": \"r\", \"x\": 1}"))))
                    .hasMessageContaining("rules[1]: unknown field 'x'");
            assertThatThrownBy(() -> Policy.load(write(
                    "{\"kind\": \"access-policy\", \"formatVersion\": 1, \"rules\": [], \"owner\": \"me\"}")))
                    .hasMessageContaining("unknown field 'owner'");
        }

        @Test
        void notJsonNamesTheLine() throws Exception {
            Path file = write("{\n\"kind\": }");
            assertThatThrownBy(() -> Policy.load(file))
                    .isInstanceOf(DataFormatException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("line 2");
        }

        @Test
        void aMissingFileIsAnIoError() {
            assertThatThrownBy(() -> Policy.load(dir.resolve("absent.json")))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("absent.json");
        }

        private String rule(String second) {
            return "{\"kind\": \"access-policy\", \"formatVersion\": 1, \"rules\": ["
                    + "{\"effect\": \"allow\", \"subject\": \"role:a\", \"action\": \"a.b\", \"resource\": \"r/*\"}, "
                    + second + "]}";
        }

        private Path write(String json) throws Exception {
            Path file = dir.resolve("policy.json");
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file;
        }
    }

    @Nested
    class Decision_ {
        @Test
        void inconsistentDecisionsAreRefused() {
            Rule allow = Rule.allow(Subject.ANYONE, "a", "r");
            Rule deny = Rule.deny(Subject.ANYONE, "a", "r");
            Action a = Action.of("a");
            assertThatThrownBy(() -> new Decision(ALICE, a, "r", true, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a decision with allowed=true cannot rest on no rule");
            assertThatThrownBy(() -> new Decision(ALICE, a, "r", true, Optional.of(deny)))
                    .hasMessage("a decision with allowed=true cannot rest on the rule 'deny * a r'");
            assertThatThrownBy(() -> new Decision(ALICE, a, "r", false, Optional.of(allow)))
                    .hasMessage("a decision with allowed=false cannot rest on the rule 'allow * a r'");
            assertThat(new Decision(ALICE, a, "r", false, Optional.of(deny)).reason())
                    .isEqualTo("denied by rule 'deny * a r'");
        }

        @Test
        void anAllowingDecisionIsNoRefusal() {
            Decision allowed = POLICY.decide(CI, PROMOTE, "model/x");
            assertThatThrownBy(() -> new AccessDeniedException(allowed))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an AccessDeniedException needs a refusal but was given: " + allowed.message());
        }
    }
}
