package dev.mlops.deploy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry's values refuse bad input with a message naming it. */
class ValuesTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private static ModelVersion version(List<Approval> approvals) {
        return new ModelVersion("churn", 3, "constant-json", "a".repeat(64), 10, Stage.CANDIDATE, "alice", AT, "",
                Map.of(), LineageTags.none(), Map.of(), Optional.empty(), approvals);
    }

    @Nested
    class Names {
        @ParameterizedTest
        @ValueSource(strings = {"", "-churn", "churn/3", "a b", "*"})
        void aModelNameMustBeSimple(String name) {
            assertThatThrownBy(() -> Registration.builder(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a model's name must be 1 to 100 letters, digits, '_', '-' or '.', starting with a letter "
                            + "or digit, but was '" + name + "'");
        }

        @Test
        void aModelNameMayBeAHundredCharacters() {
            assertThat(Registration.builder("m".repeat(100))).isNotNull();
            assertThatThrownBy(() -> Registration.builder("m".repeat(101))).isInstanceOf(IllegalArgumentException.class);
            assertThat(ModelRegistry.resource("Churn_v2.1-x", 3)).isEqualTo("model/Churn_v2.1-x/3");
        }

        @Test
        void versionsStartAtOne() {
            assertThatThrownBy(() -> ModelRegistry.resource("churn", 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a model version is a number from 1 but was 0");
        }

        @Test
        void keysOfProvenanceAndMetricsAreChecked() {
            Registration.Builder builder = Registration.builder("churn");
            assertThatThrownBy(() -> builder.metric("a b", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a metric key must be 1 to 250 letters, digits, '_', '.', '/', '@', ':' or '-', not "
                            + "starting with a punctuation mark other than '_', but was 'a b'");
            assertThatThrownBy(() -> builder.provenance(Map.of("", "x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a provenance key must be");
            assertThat(builder.metric("_f1@slice:young/a-b.c", 1)).isSameAs(builder);
            assertThatThrownBy(() -> builder.metric("k".repeat(251), 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Registrations {
        @Test
        void aRegistrationNeedsAnArtifact() {
            assertThatThrownBy(() -> Registration.builder("churn").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("registration of model 'churn' has no artifact: call artifact(format, bytes) or "
                            + "predictor(format, predictor)");
            assertThatThrownBy(() -> Registration.builder("churn").artifact(" ", new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("formatSpec must not be blank");
        }

        @Test
        void aMetricMustNotBeNaN() {
            assertThatThrownBy(() -> Registration.builder("churn").metric("auc", Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'auc' must be a number but was NaN");
        }

        @Test
        void theBytesAreCopiedInAndOut() {
            byte[] bytes = {1, 2, 3};
            Registration registration = Registration.builder("churn").artifact("f", bytes).description("d")
                    .provenance(Map.of("b", "2", "a", "1")).metrics(Map.of("y", 2.0, "x", 1.0)).build();
            bytes[0] = 9;
            byte[] out = registration.artifact();
            out[1] = 9;
            assertThat(registration.artifact()).containsExactly(1, 2, 3);
            assertThat(registration.artifactSize()).isEqualTo(3);
            assertThat(registration.model()).isEqualTo("churn");
            assertThat(registration.format()).isEqualTo("f");
            assertThat(registration.description()).isEqualTo("d");
            assertThat(registration.provenance()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
            assertThat(registration.metrics()).containsExactly(Map.entry("x", 1.0), Map.entry("y", 2.0));
            assertThat(registration.lineage()).isEqualTo(LineageTags.none());
            assertThat(registration.gateReport()).isEmpty();
            assertThat(registration).hasToString("Registration[model=churn, format=f, 3 bytes]");
        }

        @Test
        void aFileIsReadOrNamedWhenItCannotBe(@TempDir Path directory) throws IOException {
            Path file = Files.writeString(directory.resolve("model.json"), "{}", StandardCharsets.UTF_8);
            assertThat(Registration.builder("churn").artifact("f", file).build().artifact())
                    .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
            Path missing = directory.resolve("missing.json");
            assertThatThrownBy(() -> Registration.builder("churn").artifact("f", missing))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot read the model file " + missing + ": ");
        }
    }

    @Nested
    class Tags {
        @Test
        void givenTextsMustNotBeBlank() {
            assertThatThrownBy(() -> LineageTags.builder().buildId(" ").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("buildId must not be blank when given but was ' '");
            assertThatThrownBy(() -> LineageTags.builder().commit("").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("commit must not be blank");
            assertThatThrownBy(() -> LineageTags.builder().runId("").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("runId must not be blank");
            assertThatThrownBy(() -> LineageTags.builder().split("").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("split must not be blank");
        }

        @Test
        void everyTagIsOptional() {
            LineageTags none = LineageTags.none();
            assertThat(none.buildId()).isEmpty();
            assertThat(none.commit()).isEmpty();
            assertThat(none.dataFingerprint()).isEmpty();
            assertThat(none.runId()).isEmpty();
            assertThat(none.split()).isEmpty();
            assertThat(none.splitFingerprint()).isEmpty();
            assertThat(none.inputs()).isEmpty();
            LineageTags split = LineageTags.builder().split("random").input(LineageInput.of("d", "table", "v1")).build();
            assertThat(split.split()).contains("random");
            assertThat(split.splitFingerprint()).isEmpty();
            assertThat(split.inputs()).containsExactly(LineageInput.of("d", "table", "v1"));
            assertThat(LineageTags.builder().dataFingerprint(new Fingerprint("0".repeat(64))).build().dataFingerprint())
                    .contains(new Fingerprint("0".repeat(64)));
        }
    }

    @Nested
    class Changes {
        @Test
        void onlyAMoveToProductionNamesTheVersionItReplaces() {
            assertThatThrownBy(() -> new StageChange("churn", 3, Stage.CANDIDATE, Stage.STAGING, OptionalInt.of(2), ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("only a move to production replaces a version, but churn:3 moves to staging naming "
                            + "version 2");
            assertThatThrownBy(() -> StageChange.toProduction("churn", 3, Stage.STAGING, OptionalInt.of(3), ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("version churn:3 cannot replace itself in production");
            assertThatThrownBy(() -> StageChange.of("churn", 3, Stage.STAGING, Stage.PRODUCTION, ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a move of churn:3 to production names the version it replaces: use "
                            + "StageChange.toProduction");
            assertThat(StageChange.of("churn", 3, Stage.STAGING, Stage.ARCHIVED, "old"))
                    .isEqualTo(new StageChange("churn", 3, Stage.STAGING, Stage.ARCHIVED, OptionalInt.empty(), "old"));
            assertThat(StageChange.toProduction("churn", 3, Stage.STAGING, OptionalInt.of(2), "").replacing())
                    .hasValue(2);
        }
    }

    @Nested
    class Approvals {
        private final Approval own = new Approval("alice", AT, "", true);
        private final Approval bob = new Approval("bob", AT, "", false);

        @Test
        void eachApproverCountsOnceAndTheAuthorOnlyWhenNotExcluded() {
            ModelVersion version = version(List.of(own, bob, new Approval("bob", AT, "again", false)));
            assertThat(ApprovalPolicy.atLeast(2).counted(version)).containsExactly(own, bob);
            assertThat(ApprovalPolicy.atLeast(2).missing(version)).isEmpty();
            assertThat(ApprovalPolicy.atLeast(2).excludingAuthor().counted(version)).containsExactly(bob);
            assertThat(ApprovalPolicy.atLeast(2).excludingAuthor().missing(version)).contains("it has 1 of the 2 "
                    + "approvals required from principals other than its author alice (the author's own approval does "
                    + "not count)");
            assertThat(ApprovalPolicy.atLeast(1).excludingAuthor().missing(version(List.of(bob)))).isEmpty();
            assertThat(ApprovalPolicy.atLeast(1).excludingAuthor().missing(version(List.of()))).contains("it has 0 of "
                    + "the 1 approval required from principals other than its author alice");
            assertThat(ApprovalPolicy.atLeast(1).missing(version(List.of()))).contains("it has 0 of the 1 approval "
                    + "required");
            assertThat(ApprovalPolicy.none().missing(version(List.of()))).isEmpty();
        }

        @Test
        void policiesDescribeThemselves() {
            assertThat(ApprovalPolicy.none()).hasToString("no approval required");
            assertThat(ApprovalPolicy.defaults()).isEqualTo(new ApprovalPolicy(1, true))
                    .hasToString("at least 1 approval, not counting the author's own");
            assertThat(ApprovalPolicy.atLeast(3)).hasToString("at least 3 approvals");
            assertThatThrownBy(() -> ApprovalPolicy.atLeast(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("required approvals must be zero or more but was -1");
        }

        @Test
        void aRegisteredModelHasAVersion() {
            assertThatThrownBy(() -> new RegisteredModel("churn", AT, 0, OptionalInt.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("latestVersion must be at least 1 but was 0");
        }
    }
}
