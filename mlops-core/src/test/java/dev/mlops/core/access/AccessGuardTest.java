package dev.mlops.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessGuardTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final Action PROMOTE = Action.of("registry.promote");
    static final Policy POLICY = Policy.builder()
            .allow(Subject.role("pipeline"), "registry.promote", "model/**")
            .deny(Subject.group("interns"), "registry.*", "model/**")
            .build();

    @TempDir
    Path dir;

    @Test
    void anAllowedRequestIsAuditedAndReturned() {
        try (AuditLog audit = AuditLog.open(dir.resolve("audit.jsonl"), CLOCK)) {
            AccessGuard guard = AccessGuard.of(POLICY, audit);
            AuditEntry entry = guard.check(Principal.of("ci", List.of("pipeline"), List.of()), PROMOTE,
                    "model/churn/3", "to production");
            assertThat(entry.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(entry.detail()).isEqualTo("allowed by rule 'allow role:pipeline registry.promote model/**';"
                    + " to production");
            assertThat(audit.entries()).containsExactly(entry);
            assertThat(guard.policy()).isSameAs(POLICY);
            assertThat(guard.audit()).isSameAs(audit);
        }
    }

    @Test
    void aDeniedRequestIsAuditedThenRefused() {
        try (AuditLog audit = AuditLog.open(dir.resolve("audit.jsonl"), CLOCK)) {
            AccessGuard guard = AccessGuard.of(POLICY, audit);
            Principal intern = Principal.of("ian", List.of("pipeline"), List.of("interns"));
            assertThatThrownBy(() -> guard.check(intern, PROMOTE, "model/churn/3"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("ian may not registry.promote model/churn/3: denied by rule 'deny group:interns"
                            + " registry.* model/**'");
            assertThatThrownBy(() -> guard.check(Principal.of("bob"), PROMOTE, "model/churn/3", "please"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("bob may not registry.promote model/churn/3: no rule allows it");
            assertThat(audit.entries()).extracting(AuditEntry::principal, AuditEntry::outcome, AuditEntry::detail)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("ian", Outcome.DENIED,
                                    "denied by rule 'deny group:interns registry.* model/**'"),
                            org.assertj.core.groups.Tuple.tuple("bob", Outcome.DENIED, "no rule allows it; please"));
        }
    }

    @Test
    void badInputIsRefusedWithoutAnEntry() {
        try (AuditLog audit = AuditLog.open(dir.resolve("audit.jsonl"), CLOCK)) {
            AccessGuard guard = AccessGuard.of(POLICY, audit);
            assertThatThrownBy(() -> guard.check(Principal.of("ci"), PROMOTE, "model/*"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> guard.check(Principal.of("ci"), PROMOTE, "model/x", null))
                    .isInstanceOf(NullPointerException.class).hasMessage("detail");
            assertThat(audit.entries()).isEmpty();
            assertThatThrownBy(() -> AccessGuard.of(null, audit)).isInstanceOf(NullPointerException.class)
                    .hasMessage("policy");
            assertThatThrownBy(() -> AccessGuard.of(POLICY, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("audit");
        }
    }
}
