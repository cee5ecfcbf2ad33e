package dev.mlops.features;

import static dev.mlops.features.StoreFixture.READER;
import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Subject;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.table.ColumnType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The catalog: versions, compatibility, visibility, documents. */
class CatalogTest {
    private final StoreClock clock = new StoreClock(T0);
    private final FeatureStore store = StoreFixture.store(clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Nested
    class Versions {
        @Test
        void theFirstDefinitionIsVersionOneAndRedefiningTheLatestChangesNothing() {
            FeatureGroup first = store.define(WRITER, StoreFixture.customer().build());
            FeatureGroup again = store.define(WRITER, StoreFixture.customer().build());
            assertThat(first.version()).isEqualTo(1);
            assertThat(again).isEqualTo(first);
            assertThat(store.versions(READER, "customer")).containsExactly(first);
        }

        @Test
        void addingAFeatureAtTheEndMakesTheNextVersion() {
            store.define(WRITER, StoreFixture.customer().build());
            FeatureGroup second = store.define(WRITER, StoreFixture.customer()
                    .feature(Feature.of("tenure", ColumnType.NUMERIC, "months as customer")).build());
            assertThat(second.version()).isEqualTo(2);
            assertThat(store.group(READER, "customer")).isEqualTo(second);
            assertThat(store.versions(READER, "customer")).extracting(FeatureGroup::version).containsExactly(1, 2);
            assertThat(store.versions(READER, "customer").get(0).feature("tenure")).isEmpty();
        }

        @Test
        void ttlRetentionDescriptionsOwnerAndTagsMayChangeAsANewVersion() {
            store.define(WRITER, StoreFixture.customer().build());
            FeatureGroup changed = store.define(WRITER, FeatureGroup.builder("customer").entityKey("customer_id")
                    .eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.NUMERIC, "age in whole years").withTags(Set.of("pii-free")))
                    .feature(Feature.of("segment", ColumnType.CATEGORICAL, "marketing segment"))
                    .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in EUR").asSensitive())
                    .owner("growth").description("customers").tags(Set.of("core"))
                    .ttl(Duration.ofDays(90)).retention(Duration.ofDays(365)).build());
            assertThat(changed.version()).isEqualTo(2);
            FeatureGroup read = store.group(READER, "customer");
            assertThat(read.ttl()).contains(Duration.ofDays(90));
            assertThat(read.retention()).contains(Duration.ofDays(365));
            assertThat(read.owner()).isEqualTo("growth");
            assertThat(read.feature("age").orElseThrow().description()).isEqualTo("age in whole years");
            assertThat(read.feature("age").orElseThrow().tags()).containsExactly("pii-free");
            assertThat(read.tags()).containsExactly("core");
        }

        @Test
        void anIncompatibleDefinitionIsRefusedNamingEveryChange() {
            store.define(WRITER, StoreFixture.customer().build());
            FeatureGroup broken = FeatureGroup.builder("customer").entityKey("client_id").eventTime("seen_at")
                    .feature(Feature.of("segment", ColumnType.CATEGORICAL))
                    .feature(Feature.of("age", ColumnType.CATEGORICAL))
                    .build();
            assertThatThrownBy(() -> store.define(WRITER, broken))
                    .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertThat(e.changes())
                            .containsExactly(
                                    "the entity key changed from 'customer_id' to 'client_id'",
                                    "the event-time column changed from 'observed_at' to 'seen_at'",
                                    "feature 'age' moved from position 1 to 2",
                                    "feature 'segment' moved from position 2 to 1",
                                    "feature 'income' (position 3) was removed or renamed"))
                    .hasMessageContaining("feature group 'customer'")
                    .hasMessageContaining("incompatible with version 1");
            assertThat(store.versions(READER, "customer")).hasSize(1);
        }

        @Test
        void aRetypedOrRenamedFeatureIsNamed() {
            store.define(WRITER, StoreFixture.customer().build());
            FeatureGroup broken = FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.CATEGORICAL))
                    .feature(Feature.of("segment_name", ColumnType.CATEGORICAL))
                    .feature(Feature.of("income", ColumnType.NUMERIC).asSensitive())
                    .build();
            assertThatThrownBy(() -> store.define(WRITER, broken))
                    .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertThat(e.changes())
                            .containsExactly("feature 'age' changed type from NUMERIC to CATEGORICAL",
                                    "feature 'segment' (position 2) was removed or renamed (position 2 is now "
                                            + "'segment_name')"));
        }

        @Test
        void definingNeedsTheWriterRoleAndADenialIsAudited() {
            assertThatThrownBy(() -> store.define(READER, StoreFixture.customer().build()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("ana")
                    .hasMessageContaining("feature/customer");
            AuditEntry last = lastEntry();
            assertThat(last.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(last.action()).isEqualTo(FeatureStore.DEFINE);
            assertThat(store.groups(READER)).isEmpty();
        }

        @Test
        void anAllowedDefinitionIsAudited() {
            store.define(WRITER, StoreFixture.customer().build());
            AuditEntry last = lastEntry();
            assertThat(last.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(last.resource()).isEqualTo("feature/customer");
            assertThat(last.detail()).contains("[age, segment, income]");
        }
    }

    @Nested
    class Lookup {
        @Test
        void anUnknownGroupIsRefusedNamingItAndTheKnownOnes() {
            store.define(WRITER, StoreFixture.customer().build());
            store.define(WRITER, FeatureGroup.builder("account").feature(Feature.of("balance", ColumnType.NUMERIC))
                    .build());
            assertThatThrownBy(() -> store.group(READER, "custmer"))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("no feature group 'custmer'")
                    .hasMessageContaining("[account, customer]");
            assertThatThrownBy(() -> store.versions(READER, "custmer"))
                    .isInstanceOf(FeatureStoreException.class).hasMessageContaining("'custmer'");
            assertThatThrownBy(() -> store.asOf(READER, FeatureSelection.all("custmer"), T0))
                    .isInstanceOf(FeatureStoreException.class).hasMessageContaining("'custmer'");
            assertThatThrownBy(() -> store.ingest(WRITER, "custmer", List.<FeatureRecord>of()))
                    .isInstanceOf(FeatureStoreException.class).hasMessageContaining("'custmer'");
        }

        @Test
        void anEmptyStoreSaysSo() {
            assertThatThrownBy(() -> store.group(READER, "customer"))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("no group you may read is defined");
        }

        @Test
        void groupsListsOnlyWhatThePrincipalMaySee() {
            Policy policy = Policy.builder()
                    .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
                    .deny(Subject.principal("ana"), FeatureStore.READ.name(), "feature/account")
                    .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.DEFINE.name(), "feature/*")
                    .build();
            try (FeatureStore guarded = StoreFixture.store(clock, policy)) {
                guarded.define(WRITER, StoreFixture.customer().build());
                guarded.define(WRITER, FeatureGroup.builder("account")
                        .feature(Feature.of("balance", ColumnType.NUMERIC)).build());
                assertThat(guarded.groups(READER)).extracting(FeatureGroup::name).containsExactly("customer");
                assertThat(guarded.groups(WRITER)).extracting(FeatureGroup::name).containsExactly("account", "customer");
                assertThatThrownBy(() -> guarded.group(READER, "account")).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> guarded.versions(READER, "account")).isInstanceOf(AccessDeniedException.class);
            }
        }

        @Test
        void anUnknownGroupListsOnlyTheGroupsThePrincipalMayReadAndADeniedProbeIsAudited() {
            Policy policy = Policy.builder()
                    .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
                    .allow(Subject.ANYONE, FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE)
                    .deny(Subject.principal("ana"), FeatureStore.READ.name(), "feature/account")
                    .deny(Subject.principal("ana"), FeatureStore.READ.name(), "feature/secret*")
                    .deny(Subject.principal("ana"), FeatureStore.READ.name(), "feature/secret*/**")
                    .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.DEFINE.name(), "feature/*")
                    .build();
            try (FeatureStore guarded = StoreFixture.store(clock, policy)) {
                guarded.define(WRITER, StoreFixture.customer().build());
                guarded.define(WRITER, FeatureGroup.builder("account")
                        .feature(Feature.of("balance", ColumnType.NUMERIC)).build());
                for (Executable probe : List.<Executable>of(
                        () -> guarded.online(READER, FeatureSelection.all("custmer"), List.of("c1")),
                        () -> guarded.asOf(READER, FeatureSelection.of("custmer", "age"), T0),
                        () -> guarded.export(READER, FeatureSelection.all("custmer"), T0, T0),
                        () -> guarded.group(READER, "custmer"),
                        () -> guarded.versions(READER, "custmer"))) {
                    assertThatThrownBy(probe::execute).isInstanceOf(FeatureStoreException.class)
                            .hasMessageContaining("no feature group 'custmer'")
                            .hasMessageEndingWith("the groups you may read are [customer]");
                }
                assertThatThrownBy(() -> guarded.asOf(READER, FeatureSelection.all("secret_payroll"), T0))
                        .as("a denied probe is refused before the group is looked up")
                        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("feature/secret_payroll");
                List<AuditEntry> entries = guarded.audit(WRITER);
                AuditEntry probe = entries.get(entries.size() - 2);
                assertThat(probe.outcome()).isEqualTo(Outcome.DENIED);
                assertThat(probe.principal()).isEqualTo("ana");
                assertThat(probe.resource()).isEqualTo("feature/secret_payroll");
                assertThat(probe.detail()).contains("as-of");
                assertThatThrownBy(() -> guarded.export(READER, FeatureSelection.of("secret_payroll", "salary"), T0, T0))
                        .as("a selected feature is decided before the group is looked up")
                        .isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("feature/secret_payroll/salary");
                entries = guarded.audit(WRITER);
                assertThat(entries.get(entries.size() - 2).resource()).isEqualTo("feature/secret_payroll/salary");
                assertThat(guarded.groups(WRITER)).extracting(FeatureGroup::name).containsExactly("account", "customer");
            }
        }
    }

    @Nested
    class Documents {
        @Test
        void aGroupRoundTripsThroughItsDocument() {
            FeatureGroup group = StoreFixture.customer().description("customers").tags(Set.of("core", "risk"))
                    .ttl(Duration.ofHours(36)).retention(Duration.ofDays(400)).build().withVersion(3);
            String json = FeatureGroupDocuments.toText(group);
            assertThat(json).contains("\"kind\": \"feature-group\"").contains("\"formatVersion\": 1")
                    .contains("\"ttl\": \"PT36H\"");
            assertThat(FeatureGroupDocuments.fromText(json, "test")).isEqualTo(group);
        }

        @Test
        void aGroupWithoutTtlOrRetentionRoundTrips() {
            FeatureGroup group = StoreFixture.customer().build().withVersion(1);
            String json = FeatureGroupDocuments.toText(group);
            assertThat(json).doesNotContain("ttl").doesNotContain("retention");
            assertThat(FeatureGroupDocuments.fromText(json, "test")).isEqualTo(group);
        }

        @Test
        void aBadTypeOrDurationIsNamedWithItsField() {
            String json = FeatureGroupDocuments.toText(StoreFixture.customer().ttl(Duration.ofDays(1)).build()
                    .withVersion(1));
            assertThatThrownBy(() -> FeatureGroupDocuments.fromText(json.replace("\"NUMERIC\"", "\"DECIMAL\""),
                    "the catalog"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("the catalog")
                    .hasMessageContaining("type")
                    .hasMessageContaining("'DECIMAL'");
            assertThatThrownBy(() -> FeatureGroupDocuments.fromText(json.replace("\"P1D\"", "\"a day\"")
                    .replace("\"PT24H\"", "\"a day\""), "the catalog"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("ttl")
                    .hasMessageContaining("'a day'");
            assertThatThrownBy(() -> FeatureGroupDocuments.fromText(json.replace("\"feature-group\"", "\"split\""),
                    "the catalog"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("feature-group");
        }

        @Test
        void anUnknownFieldIsRefused() {
            String json = FeatureGroupDocuments.toText(StoreFixture.customer().build().withVersion(1));
            assertThatThrownBy(() -> FeatureGroupDocuments.fromText(json.replace("\"owner\"", "\"colour\" : 1, "
                    + "\"owner\""), "the catalog"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("colour");
            assertThatThrownBy(() -> FeatureGroupDocuments.fromText(json.replace("\"sensitive\"", "\"secret\" : 1, "
                    + "\"sensitive\""), "the catalog"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("secret");
        }
    }

    private AuditEntry lastEntry() {
        List<AuditEntry> entries = store.audit(READER);
        // the audit read itself is the last entry; the one before is what the test did
        return entries.get(entries.size() - 2);
    }
}
