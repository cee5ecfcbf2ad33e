package dev.mlops.features;

import static dev.mlops.features.StoreFixture.READER;
import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static dev.mlops.features.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Subject;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Event time and write time: late records, corrections, time travel, TTL, schema evolution. */
class BiTemporalTest {
    private static final Instant W1 = T0.plus(Duration.ofDays(20));
    private static final Instant W2 = T0.plus(Duration.ofDays(21));
    private static final Policy SENSITIVE_READERS = Policy.builder()
            .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
            .allow(Subject.ANYONE, FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE)
            .allow(Subject.principal("ana"), FeatureStore.READ_SENSITIVE.name(), "feature/customer/income")
            .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.WRITE.name(), "feature/*")
            .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.DEFINE.name(), "feature/*")
            .build();

    private final StoreClock clock = new StoreClock(W1);
    private final FeatureStore store = StoreFixture.store(clock, SENSITIVE_READERS);

    @BeforeEach
    void define() {
        store.define(WRITER, StoreFixture.customer().build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Instant day(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    @Nested
    class LateAndCorrected {
        @BeforeEach
        void ingest() {
            clock.set(W1);
            store.ingest(WRITER, "customer", List.of(record("c1", 10, 40.0, "gold", 1000.0)));
            clock.set(W2);
            // late: an older event time, written later; and a correction of day 10, same event time
            store.ingest(WRITER, "customer", List.of(record("c1", 5, 35.0, "silver", 900.0),
                    record("c2", 10, 20.0, "bronze", 100.0)));
        }

        @Test
        void aLateRecordIsKeptButDoesNotReplaceTheLatestEventTime() {
            Table online = store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1"));
            assertThat(online.numericColumn("age").get(0)).isEqualTo(40.0);
            assertThat(online.timestampColumn("observed_at").get(0)).isEqualTo(day(10));
            Table asOfDay7 = store.asOf(READER, FeatureSelection.of("customer", "age"), day(7));
            assertThat(asOfDay7.rowCount()).isEqualTo(1);
            assertThat(asOfDay7.numericColumn("age").get(0)).as("the late record, known now").isEqualTo(35.0);
        }

        @Test
        void asOfAnEarlierWriteTimeGivesWhatWasKnownThen() {
            assertThat(store.asOf(READER, FeatureSelection.of("customer", "age"), day(7), W1).rowCount())
                    .as("at W1 nothing about day 7 was known").isZero();
            Table known = store.asOf(READER, FeatureSelection.of("customer", "age"), day(30), W1);
            assertThat(known.rowCount()).isEqualTo(1);
            assertThat(known.categoricalColumn("customer_id").get(0)).isEqualTo("c1");
        }

        @Test
        void aCorrectionWithTheSameEventTimeWinsAndTheOldValueStaysReadable() {
            clock.set(W2.plus(Duration.ofDays(1)));
            store.ingest(WRITER, "customer", List.of(record("c1", 10, 41.0, "gold", 1000.0)));
            assertThat(store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1"))
                    .numericColumn("age").get(0)).isEqualTo(41.0);
            assertThat(store.asOf(READER, FeatureSelection.of("customer", "age"), day(10))
                    .numericColumn("age").get(0)).as("the later write wins").isEqualTo(41.0);
            assertThat(store.asOf(READER, FeatureSelection.of("customer", "age"), day(10), W2)
                    .numericColumn("age").get(0)).as("as known at W2, the old value").isEqualTo(40.0);
            Table history = store.export(READER, FeatureSelection.of("customer", "age"), day(0), day(11));
            assertThat(history.rowCount()).as("nothing overwritten: late, original and correction").isEqualTo(4);
            assertThat(history.timestampColumn("write_time").get(history.rowCount() - 1))
                    .isEqualTo(W2.plus(Duration.ofDays(1)));
        }

        @Test
        void batchReadsAreAuditedWithTheirPathAndFeatures() {
            store.asOf(READER, FeatureSelection.of("customer", "age", "segment"), day(7), W1);
            List<AuditEntry> entries = store.audit(READER);
            AuditEntry read = entries.get(entries.size() - 2);
            assertThat(read.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(read.detail()).isEqualTo("as-of " + day(7) + " known at " + W1 + ": age,segment");
        }
    }

    @Test
    void aValueOlderThanTheTtlReadsAsMissing() {
        store.define(WRITER, StoreFixture.customer().ttl(Duration.ofDays(3)).build());
        store.ingest(WRITER, "customer", List.of(record("c1", 10, 40.0, "gold", null)));
        assertThat(store.asOf(READER, FeatureSelection.of("customer", "age"), day(12))
                .numericColumn("age").get(0)).isEqualTo(40.0);
        Table stale = store.asOf(READER, FeatureSelection.of("customer", "age"), day(14));
        assertThat(stale.column("age").isMissing(0)).as("four days old with a TTL of three").isTrue();
        clock.set(day(19));
        assertThat(store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1"))
                .column("age").isMissing(0)).as("online measures the TTL to now").isTrue();
    }

    @Test
    void oldBatchesReadAFeatureAddedLaterAsMissing() {
        store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, null, null)));
        store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1"));
        store.define(WRITER, StoreFixture.customer().feature(Feature.of("tenure", ColumnType.NUMERIC)).build());
        store.ingest(WRITER, "customer", List.of(FeatureRecord.of("c2", day(2), Map.of("tenure", 12.0))));
        Table both = store.asOf(READER, FeatureSelection.of("customer", "age", "tenure"), day(3));
        assertThat(both.categoricalColumn("customer_id").get(0)).isEqualTo("c1");
        assertThat(both.column("tenure").isMissing(0)).isTrue();
        assertThat(both.numericColumn("tenure").get(1)).isEqualTo(12.0);
        assertThat(store.online(READER, FeatureSelection.of("customer", "tenure"), List.of("c2"))
                .numericColumn("tenure").get(0)).isEqualTo(12.0);
    }

    @Nested
    class SensitiveFlags {
        @BeforeEach
        void ingest() {
            store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, "gold", 1000.0)));
        }

        @Test
        void reachEveryTableReturned() {
            FeatureSelection all = FeatureSelection.all("customer");
            Table online = store.online(READER, all, List.of("c1"));
            Table asOf = store.asOf(READER, all, day(5));
            Table known = store.asOf(READER, all, day(5), W1);
            Table export = store.export(READER, all, day(0), day(5));
            Table rows = Table.builder().categorical("customer_id", "c1").timestamp("at", day(3)).build();
            JoinResult join = store.join(READER, JoinRequest.builder(rows, "at").features(all).build());
            for (Table table : List.of(online, asOf, known, export, join.table(), join.withKnownAt())) {
                assertThat(table.column("income").sensitive()).as("income in %s", table.schema()).isTrue();
                assertThat(table.column("age").sensitive()).isFalse();
                assertThat(table.schema().field("income").sensitive()).isTrue();
            }
            assertThat(join.table().numericColumn("income").get(0)).isEqualTo(1000.0);
        }
    }

    @Test
    void aJoinSeesOnlyValuesAtOrBeforeEachRowsPredictionTime() {
        store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, "gold", null),
                record("c1", 5, 41.0, "gold", null)));
        Table rows = Table.builder().categorical("customer_id", "c1", "c1", "c1")
                .timestamp("at", day(0), day(3), day(6)).build();
        JoinResult joined = store.join(READER, JoinRequest.builder(rows, "at")
                .features(FeatureSelection.of("customer", "age")).build());
        assertThat(joined.table().column("age").isMissing(0)).isTrue();
        assertThat(joined.table().numericColumn("age").get(1)).isEqualTo(40.0);
        assertThat(joined.table().numericColumn("age").get(2)).isEqualTo(41.0);
        assertThat(joined.lineage()).hasSize(1);
        assertThat(joined.lineage().get(0).name()).isEqualTo("customer");
    }
}
