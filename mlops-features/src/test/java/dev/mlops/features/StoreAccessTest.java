package dev.mlops.features;

import static dev.mlops.features.StoreFixture.ANALYST;
import static dev.mlops.features.StoreFixture.READER;
import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static dev.mlops.features.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.Action;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feature-level access: deny wins, per-group and per-feature rules, sensitive features, audit. */
class StoreAccessTest {
    private final StoreClock clock = new StoreClock(T0.plus(Duration.ofDays(30)));

    private FeatureStore store(Policy.Builder rules) {
        FeatureStore store = StoreFixture.store(clock, rules
                .allow(Subject.ANYONE, FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE)
                .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.WRITE.name(), "feature/*")
                .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.DEFINE.name(), "feature/*")
                .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.READ.name(), "feature/**")
                .build());
        store.define(WRITER, StoreFixture.customer().build());
        store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, "gold", 1000.0)));
        return store;
    }

    private static AuditEntry denial(FeatureStore store) {
        List<AuditEntry> entries = store.audit(WRITER);
        return entries.get(entries.size() - 2);
    }

    @Test
    void aDenyRuleWinsOverAnAllowRule() {
        try (FeatureStore store = store(Policy.builder()
                .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
                .deny(Subject.principal("ana"), FeatureStore.READ.name(), "feature/customer/age"))) {
            assertThatThrownBy(() -> store.asOf(READER, FeatureSelection.of("customer", "segment", "age"), T0))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("ana")
                    .hasMessageContaining("feature/customer/age");
            AuditEntry denied = denial(store);
            assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(denied.principal()).isEqualTo("ana");
            assertThat(denied.resource()).isEqualTo("feature/customer/age");
            assertThat(store.asOf(READER, FeatureSelection.of("customer", "segment"), T0.plus(Duration.ofDays(2)))
                    .rowCount()).as("the other feature stays readable").isEqualTo(1);
        }
    }

    @Test
    void aPerFeatureRuleAllowsOnlyThatFeature() {
        try (FeatureStore store = store(Policy.builder()
                .allow(Subject.role("analyst"), FeatureStore.READ.name(), "feature/customer/segment"))) {
            assertThat(store.online(ANALYST, FeatureSelection.of("customer", "segment"), List.of("c1"))
                    .categoricalColumn("segment").get(0)).isEqualTo("gold");
            assertThatThrownBy(() -> store.online(ANALYST, FeatureSelection.of("customer", "age"), List.of("c1")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("bo may not features.read feature/customer/age");
            assertThat(denial(store).detail()).contains("online");
        }
    }

    @Test
    void aPerGroupDenyCoversEveryFeatureOfTheGroup() {
        try (FeatureStore store = store(Policy.builder()
                .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
                .deny(Subject.role("analyst"), FeatureStore.READ.name(), "feature/customer/**"))) {
            Table rows = Table.builder().categorical("customer_id", "c1").timestamp("at", T0).build();
            assertThatThrownBy(() -> store.join(ANALYST, JoinRequest.builder(rows, "at")
                    .features(FeatureSelection.of("customer", "segment")).build()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("bo may not features.read feature/customer/segment");
            assertThatThrownBy(() -> store.export(ANALYST, FeatureSelection.of("customer", "segment"), T0, T0))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aSensitiveFeatureIsDeniedByDefaultAndAllowedByAReadSensitiveRule() {
        try (FeatureStore store = store(Policy.builder()
                .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
                .allow(Subject.principal("ana"), FeatureStore.READ_SENSITIVE.name(), "feature/customer/income"))) {
            assertThatThrownBy(() -> store.online(ANALYST, FeatureSelection.all("customer"), List.of("c1")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("bo may not features.read-sensitive feature/customer/income");
            assertThat(denial(store).action()).isEqualTo(FeatureStore.READ_SENSITIVE);
            Table income = store.online(READER, FeatureSelection.of("customer", "income"), List.of("c1"));
            assertThat(income.numericColumn("income").get(0)).isEqualTo(1000.0);
            assertThat(income.column("income").sensitive()).isTrue();
        }
    }

    @Test
    void theDefaultPolicyDeniesSensitiveFeaturesToEveryone() {
        try (FeatureStore store = StoreFixture.store(clock)) {
            store.define(WRITER, StoreFixture.customer().build());
            assertThatThrownBy(() -> store.asOf(WRITER, FeatureSelection.of("customer", "income"), T0))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("etl may not features.read-sensitive feature/customer/income");
            assertThat(store.asOf(READER, FeatureSelection.of("customer", "age"), T0).rowCount()).isZero();
        }
    }

    @Test
    void everyOnlineDenialIsAuditedButAllowedOnlineReadsAreNot() {
        try (FeatureStore store = store(Policy.builder()
                .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/customer/age"))) {
            int before = store.audit(WRITER).size();
            store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1"));
            store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1"));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> store.online(READER, FeatureSelection.of("customer", "segment"), List.of("c1")))
                        .isInstanceOf(AccessDeniedException.class);
            }
            List<AuditEntry> after = store.audit(WRITER);
            assertThat(after.subList(before, after.size())).extracting(AuditEntry::outcome)
                    .containsExactly(Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED);
        }
    }

    @Test
    void unmarkingASensitiveFeatureNeedsReadSensitiveOnItAndTheAuditNamesTheChange() {
        try (FeatureStore store = store(Policy.builder()
                .allow(Subject.principal("compliance"), FeatureStore.DEFINE.name(), "feature/customer")
                .allow(Subject.principal("compliance"), FeatureStore.READ_SENSITIVE.name(), "feature/customer/income"))) {
            FeatureGroup declassified = FeatureGroup.builder("customer").entityKey("customer_id")
                    .eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.NUMERIC, "age in years").asSensitive())
                    .feature(Feature.of("segment", ColumnType.CATEGORICAL, "marketing segment"))
                    .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in EUR"))
                    .feature(Feature.of("tenure", ColumnType.NUMERIC))
                    .owner("risk-team").ttl(Duration.ofDays(7)).build();
            assertThatThrownBy(() -> store.define(WRITER, declassified))
                    .as("the writer role may define but not read income")
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("features.read-sensitive feature/customer/income");
            AuditEntry denied = denial(store);
            assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(denied.resource()).isEqualTo("feature/customer/income");
            assertThat(denied.detail()).contains("unmarked sensitive [income]");
            assertThat(store.group(WRITER, "customer").feature("income").orElseThrow().sensitive())
                    .as("still sensitive").isTrue();
            Principal compliance = Principal.of("compliance");
            assertThat(store.define(compliance, declassified).version()).isEqualTo(2);
            List<AuditEntry> entries = store.audit(WRITER);
            AuditEntry allowed = entries.get(entries.size() - 2);
            assertThat(allowed.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(allowed.principal()).isEqualTo("compliance");
            assertThat(allowed.detail()).endsWith("define (latest version 1) added [tenure]; marked sensitive [age];"
                    + " unmarked sensitive [income]; ttl none -> PT168H");
            FeatureGroup kept = FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.NUMERIC, "age in years").asSensitive())
                    .feature(Feature.of("segment", ColumnType.CATEGORICAL, "marketing segment"))
                    .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in EUR"))
                    .feature(Feature.of("tenure", ColumnType.NUMERIC))
                    .owner("team").ttl(Duration.ofDays(7)).retention(Duration.ofDays(30)).build();
            assertThat(store.define(WRITER, kept).version()).as("nothing un-marked: DEFINE suffices").isEqualTo(3);
            entries = store.audit(WRITER);
            assertThat(entries.get(entries.size() - 2).detail()).endsWith("define (latest version 2) retention none -> PT720H");
            assertThat(store.define(WRITER, kept).version()).isEqualTo(3);
            entries = store.audit(WRITER);
            assertThat(entries.get(entries.size() - 2).detail())
                    .endsWith("define (latest version 3) with no change to features, sensitivity, ttl or retention");
        }
    }

    @Test
    void aDefinitionUnmarkingMoreThanWasCheckedBecauseOfARedefinitionMeanwhileIsRefused() {
        MemoryAuditLog log = new MemoryAuditLog(clock);
        List<Runnable> meanwhile = new ArrayList<>();
        AuditLog hooked = new AuditLog() {
            @Override
            public AuditEntry append(Principal principal, Action action, String resource,
                    Outcome outcome, String detail) {
                AuditEntry entry = log.append(principal, action, resource, outcome, detail);
                if (principal.name().equals("compliance") && !meanwhile.isEmpty()) {
                    meanwhile.remove(0).run();
                }
                return entry;
            }

            @Override
            public List<AuditEntry> entries() {
                return log.entries();
            }

            @Override
            public void close() {
                log.close();
            }
        };
        Policy policy = Policy.builder()
                .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
                .allow(Subject.ANYONE, FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE)
                .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.DEFINE.name(), "feature/*")
                .allow(Subject.principal("compliance"), FeatureStore.DEFINE.name(), "feature/customer")
                .allow(Subject.principal("compliance"), FeatureStore.READ_SENSITIVE.name(), "feature/customer/income")
                .build();
        try (FeatureStore store = FeatureStore.builder(Path.of("target", "unused-store-directory"))
                .database("jdbc:sqlite::memory:").clock(clock).policy(policy).audit(hooked).open()) {
            store.define(WRITER, StoreFixture.customer().build());
            FeatureGroup declassified = FeatureGroup.builder("customer").entityKey("customer_id")
                    .eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.NUMERIC, "age in years"))
                    .feature(Feature.of("segment", ColumnType.CATEGORICAL, "marketing segment"))
                    .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in EUR"))
                    .owner("risk-team").build();
            meanwhile.add(() -> store.define(WRITER, FeatureGroup.builder("customer").entityKey("customer_id")
                    .eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.NUMERIC, "age in years").asSensitive())
                    .feature(Feature.of("segment", ColumnType.CATEGORICAL, "marketing segment"))
                    .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in EUR").asSensitive())
                    .owner("risk-team").build()));
            assertThatThrownBy(() -> store.define(Principal.of("compliance"), declassified))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessage("feature group 'customer' was redefined meanwhile (now version 2) and this definition"
                            + " would un-mark other sensitive features; define it again");
            assertThat(store.group(WRITER, "customer").version()).isEqualTo(2);
            assertThat(store.group(WRITER, "customer").feature("age").orElseThrow().sensitive()).isTrue();
            assertThat(store.group(WRITER, "customer").feature("income").orElseThrow().sensitive()).isTrue();
        }
    }

    @Test
    void readingTheAuditLogIsCheckedToo() {
        try (FeatureStore store = StoreFixture.store(clock, Policy.builder()
                .deny(Subject.principal("ana"), FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE)
                .allow(Subject.ANYONE, FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE).build())) {
            assertThatThrownBy(() -> store.audit(READER))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("ana may not features.read features/audit");
            assertThat(store.audit(ANALYST)).extracting(AuditEntry::outcome)
                    .containsExactly(Outcome.DENIED, Outcome.ALLOWED);
        }
    }
}
