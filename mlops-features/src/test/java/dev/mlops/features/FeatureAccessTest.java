package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.table.ColumnType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureAccessTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    static final FeatureGroup CUSTOMER = FeatureGroup.builder("customer")
            .feature(Feature.of("age", ColumnType.NUMERIC))
            .feature(Feature.of("income", ColumnType.NUMERIC).asSensitive())
            .feature(Feature.of("segment", ColumnType.CATEGORICAL)).build().withVersion(2);
    static final Principal ANALYST = Principal.of("ann", List.of(), List.of("analysts"));
    static final Principal RISK = Principal.of("rita", List.of(), List.of("risk"));
    static final Principal CONTRACTOR = Principal.of("carl", List.of(), List.of("contractors"));
    static final Principal WRITER = Principal.of("wes", List.of(FeatureStore.WRITER_ROLE), List.of());

    @TempDir
    Path dir;
    AuditLog audit;

    @BeforeEach
    void open() {
        audit = AuditLog.open(dir.resolve("audit.jsonl"), CLOCK);
    }

    @AfterEach
    void close() {
        audit.close();
    }

    FeatureAccess access(Policy policy) {
        return new FeatureAccess(policy, audit);
    }

    static Policy teamPolicy() {
        return FeatureStore.defaultPolicy().rules().stream().reduce(Policy.builder(), Policy.Builder::rule,
                (a, b) -> a)
                .allow(Subject.group("risk"), FeatureStore.READ_SENSITIVE.name(), "feature/customer/income")
                .deny(Subject.group("contractors"), FeatureStore.READ.name(), "feature/customer/segment")
                .build();
    }

    @Nested
    class Reads {

        @Test
        void aSensitiveFeatureIsDeniedByDefaultNamingPrincipalAndFeature() {
            FeatureAccess access = access(FeatureStore.defaultPolicy());
            assertThatThrownBy(() -> access.batchRead(ANALYST, CUSTOMER, FeatureSelection.all("customer"), "as-of X"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("ann may not features.read-sensitive feature/customer/income: no rule allows it");
            assertThat(audit.entries()).extracting(AuditEntry::principal, AuditEntry::resource, AuditEntry::outcome,
                    AuditEntry::detail)
                    .containsExactly(tuple("ann", "feature/customer/income", Outcome.DENIED, "no rule allows it; as-of X"));
        }

        @Test
        void featuresThatAreNotSensitiveAreReadAndTheReadAudited() {
            FeatureAccess access = access(FeatureStore.defaultPolicy());
            List<Feature> features = access.batchRead(ANALYST, CUSTOMER, FeatureSelection.of("customer", "segment",
                    "age"), "join");
            assertThat(features).extracting(Feature::name).containsExactly("segment", "age");
            assertThat(audit.entries()).extracting(AuditEntry::resource, AuditEntry::outcome, AuditEntry::detail)
                    .containsExactly(tuple("feature/customer", Outcome.ALLOWED, "join: segment,age"));
        }

        @Test
        void aRuleAllowingTheSensitiveFeatureLetsItsGroupRead() {
            FeatureAccess access = access(teamPolicy());
            assertThat(access.batchRead(RISK, CUSTOMER, FeatureSelection.all("customer"), "export"))
                    .extracting(Feature::name).containsExactly("age", "income", "segment");
        }

        @Test
        void denyWinsOverAnAllow() {
            FeatureAccess access = access(teamPolicy());
            assertThatThrownBy(() -> access.batchRead(CONTRACTOR, CUSTOMER, FeatureSelection.of("customer", "segment"),
                    "join"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("carl may not features.read feature/customer/segment: denied by rule 'deny "
                            + "group:contractors features.read feature/customer/segment'");
            assertThat(access.batchRead(CONTRACTOR, CUSTOMER, FeatureSelection.of("customer", "age"), "join"))
                    .hasSize(1);
        }

        @Test
        void anUnknownFeatureListsTheGroupsFeatures() {
            FeatureAccess access = access(FeatureStore.defaultPolicy());
            assertThatThrownBy(() -> access.onlineRead(ANALYST, CUSTOMER, FeatureSelection.of("customer", "agee")))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessage("feature group 'customer' (version 2) has no feature 'agee'; it has [age, income, segment]");
            assertThat(audit.entries()).isEmpty();
        }
    }

    @Nested
    class OnlineReads {

        @Test
        void anAllowedOnlineReadIsCachedAndNotAudited() {
            FeatureAccess access = access(FeatureStore.defaultPolicy());
            FeatureSelection selection = FeatureSelection.of("customer", "age");
            List<Feature> first = access.onlineRead(ANALYST, CUSTOMER, selection);
            assertThat(access.onlineRead(RISK, CUSTOMER, selection)).isEqualTo(first);
            assertThat(access.onlineRead(ANALYST, CUSTOMER, selection)).isSameAs(first);
            assertThat(first).extracting(Feature::name).containsExactly("age");
            assertThat(audit.entries()).isEmpty();
        }

        @Test
        void aDeniedOnlineReadIsAuditedEveryTime() {
            FeatureAccess access = access(FeatureStore.defaultPolicy());
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> access.onlineRead(ANALYST, CUSTOMER, FeatureSelection.of("customer", "income")))
                        .isInstanceOf(AccessDeniedException.class);
            }
            assertThat(audit.entries()).extracting(AuditEntry::outcome, AuditEntry::detail)
                    .containsExactly(tuple(Outcome.DENIED, "no rule allows it; online"),
                            tuple(Outcome.DENIED, "no rule allows it; online"));
        }

        @Test
        void theCacheIsBoundedAndStillAnswersRightAfterClearing() {
            FeatureAccess access = access(FeatureStore.defaultPolicy());
            FeatureSelection selection = FeatureSelection.of("customer", "age");
            List<Feature> first = access.onlineRead(ANALYST, CUSTOMER, selection);
            for (int i = 0; i < FeatureAccess.ONLINE_CACHE_LIMIT; i++) {
                access.onlineRead(Principal.of("p" + i), CUSTOMER, selection);
            }
            List<Feature> again = access.onlineRead(ANALYST, CUSTOMER, selection);
            assertThat(again).isEqualTo(first).isNotSameAs(first);
        }

        @Test
        void aNewVersionIsResolvedAfresh() {
            FeatureAccess access = access(FeatureStore.defaultPolicy());
            FeatureGroup next = CUSTOMER.toBuilder().feature(Feature.of("tenure", ColumnType.NUMERIC)).build()
                    .withVersion(3);
            assertThatThrownBy(() -> access.onlineRead(ANALYST, CUSTOMER, FeatureSelection.of("customer", "tenure")))
                    .isInstanceOf(FeatureStoreException.class);
            assertThat(access.onlineRead(ANALYST, next, FeatureSelection.of("customer", "tenure"))).hasSize(1);
        }
    }

    @Nested
    class Changes {

        @Test
        void writingAndDefiningNeedTheWriterRoleAndAreAudited() {
            FeatureAccess access = access(FeatureStore.defaultPolicy());
            access.checkWrite(WRITER, "customer", "10 kept");
            access.checkDefine(WRITER, "customer", "version 2");
            assertThatThrownBy(() -> access.checkWrite(ANALYST, "customer", "10 kept"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("ann may not features.write feature/customer: no rule allows it");
            assertThatThrownBy(() -> access.checkDefine(ANALYST, "customer", "version 2"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("ann may not features.define feature/customer: no rule allows it");
            assertThat(audit.entries()).extracting(AuditEntry::principal, AuditEntry::outcome)
                    .containsExactly(tuple("wes", Outcome.ALLOWED), tuple("wes", Outcome.ALLOWED),
                            tuple("ann", Outcome.DENIED), tuple("ann", Outcome.DENIED));
            assertThat(audit.entries().get(0).detail()).endsWith("; 10 kept");
        }

        @Test
        void theCatalogAndTheAuditLogAreReadUnderTheReadAction() {
            FeatureAccess access = access(teamPolicy().rules().stream().reduce(Policy.builder(), Policy.Builder::rule,
                    (a, b) -> a).deny(Subject.group("contractors"), FeatureStore.READ.name(), "feature/payroll")
                    .deny(Subject.group("contractors"), FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE).build());
            assertThat(access.canSee(ANALYST, "payroll")).isTrue();
            assertThat(access.canSee(CONTRACTOR, "payroll")).isFalse();
            access.checkCatalog(ANALYST, "payroll");
            access.checkAudit(ANALYST);
            assertThatThrownBy(() -> access.checkCatalog(CONTRACTOR, "payroll")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> access.checkAudit(CONTRACTOR)).isInstanceOf(AccessDeniedException.class);
            assertThat(audit.entries()).extracting(AuditEntry::resource, AuditEntry::outcome)
                    .containsExactly(tuple("feature/payroll", Outcome.ALLOWED), tuple("features/audit", Outcome.ALLOWED),
                            tuple("feature/payroll", Outcome.DENIED), tuple("features/audit", Outcome.DENIED));
            assertThat(access.policy().rules()).isNotEmpty();
        }

        @Test
        void theDefaultPolicyLetsAnyoneReadAndOnlyWritersChange() {
            Policy policy = FeatureStore.defaultPolicy();
            assertThat(policy.allows(ANALYST, FeatureStore.READ, "feature/customer/age")).isTrue();
            assertThat(policy.allows(ANALYST, FeatureStore.READ, FeatureStore.AUDIT_RESOURCE)).isTrue();
            assertThat(policy.allows(ANALYST, FeatureStore.READ_SENSITIVE, "feature/customer/income")).isFalse();
            assertThat(policy.allows(WRITER, FeatureStore.READ_SENSITIVE, "feature/customer/income")).isFalse();
            assertThat(policy.allows(WRITER, FeatureStore.WRITE, "feature/customer")).isTrue();
            assertThat(policy.allows(WRITER, FeatureStore.DEFINE, "feature/customer")).isTrue();
            assertThat(policy.allows(ANALYST, FeatureStore.WRITE, "feature/customer")).isFalse();
            assertThat(FeatureStore.resource("customer", "age")).isEqualTo("feature/customer/age");
            assertThatThrownBy(() -> FeatureStore.resource("a/b")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
