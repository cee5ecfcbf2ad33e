package dev.mlops.features;

import static dev.mlops.features.StoreFixture.READER;
import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static dev.mlops.features.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a store holds in memory stays consistent with the database: its own committed batches,
 * other stores' batches and retentions, and one state of the store per join.
 */
class StoreConsistencyTest {
    private static final FeatureSelection AGE = FeatureSelection.of("customer", "age");

    private final StoreClock clock = new StoreClock(T0.plus(Duration.ofDays(100)));
    @TempDir
    Path directory;
    private FeatureStore first;
    private FeatureStore second;

    @BeforeEach
    void open() {
        first = open("first");
        second = open("second");
        first.define(WRITER, StoreFixture.customer().retention(Duration.ofDays(30)).build());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    /** A store on the shared SQLite file, with its own audit log. */
    private FeatureStore open(String name) {
        return FeatureStore.builder(directory.resolve(name)).database("jdbc:sqlite:" + directory.resolve("features.db"))
                .clock(clock).policy(FeatureStore.defaultPolicy()).audit(new MemoryAuditLog(clock)).open();
    }

    private static List<@Nullable Double> ages(Table table) {
        List<@Nullable Double> ages = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            ages.add(table.column("age").isMissing(row) ? null : table.numericColumn("age").get(row));
        }
        return ages;
    }

    private static void ingest(FeatureStore store, FeatureRecord... records) {
        store.ingest(WRITER, "customer", List.of(records));
    }

    @Nested
    class OwnBatches {
        @Test
        void aBatchCommittedAfterAnotherStoresIsInMemoryWithoutARefresh() {
            ingest(first, record("c1", 1, 40.0, null, null));
            assertThat(ages(first.online(READER, AGE, List.of("c1")))).containsExactly(40.0);
            ingest(second, record("c2", 1, 20.0, null, null));
            ingest(first, record("c1", 2, 41.0, null, null));
            assertThat(ages(first.online(READER, AGE, List.of("c1", "c2")))).as("its own batch and the one before it")
                    .containsExactly(41.0, 20.0);
        }

        @Test
        void concurrentBatchesAfterTheHistoryIsLoadedAreAllReadOnline() throws Exception {
            ingest(first, record("c0", 1, 1.0, null, null));
            assertThat(ages(first.online(READER, AGE, List.of("c0")))).containsExactly(1.0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<String> entities = new ArrayList<>();
            try {
                List<Future<IngestResult>> results = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    String entity = "t" + t;
                    entities.add(entity);
                    double age = t;
                    results.add(pool.submit(() -> first.ingest(WRITER, "customer",
                            List.of(record(entity, 1, age, null, null)))));
                }
                for (Future<IngestResult> result : results) {
                    assertThat(result.get().accepted()).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
            Table online = first.online(READER, AGE, entities);
            for (int t = 0; t < 16; t++) {
                assertThat(online.column("age").isMissing(t)).as("t%d missing", t).isFalse();
                assertThat(online.numericColumn("age").get(t)).as("t%d", t).isEqualTo(t);
            }
        }
    }

    @Nested
    class Retention {
        @Test
        void anotherStoreReloadsTheGroupAfterARetentionAndAsOfReadsInsideTheWindowAreUnchanged() {
            ingest(first, record("c1", 10, 40.0, null, null), record("c1", 40, 41.0, null, null),
                    record("c1", 90, 42.0, null, null));
            Instant insideTheWindow = T0.plus(Duration.ofDays(75));
            assertThat(ages(second.asOf(READER, AGE, insideTheWindow))).containsExactly(41.0);
            assertThat(ages(second.export(READER, AGE, T0, T0.plus(Duration.ofDays(100))))).hasSize(3);

            assertThat(first.applyRetention(WRITER)).isEqualTo(new RetentionResult(1, 1));
            second.refresh();
            assertThat(ages(second.export(READER, AGE, T0, T0.plus(Duration.ofDays(100)))))
                    .as("day 10 deleted; day 40, the newest at the cutoff (day 70), kept").containsExactly(41.0, 42.0);
            assertThat(ages(second.asOf(READER, AGE, insideTheWindow))).containsExactly(41.0);
            assertThat(ages(first.asOf(READER, AGE, insideTheWindow))).containsExactly(41.0);
        }
    }

    @Nested
    class Joins {
        private final Table rows = Table.builder().categorical("client", "c1").timestamp("at", T0.plus(Duration.ofDays(5)))
                .build();

        @BeforeEach
        void device() {
            first.define(WRITER, FeatureGroup.builder("device").feature(Feature.of("score", ColumnType.NUMERIC)).build());
        }

        @Test
        void theLatestKnowledgeIsTheStoresLastWriteAndReproducesTheJoin() {
            ingest(first, record("c1", 1, 40.0, null, null));
            clock.advance(Duration.ofSeconds(1));
            Instant deviceWrite = second.ingest(WRITER, "device", List.of(FeatureRecord.of("d1", T0, Map.of("score", 0.5))))
                    .writeTime();
            JoinResult latest = first.join(READER, JoinRequest.builder(rows, "at").features(AGE)
                    .entityColumn("customer", "client").qualifiedNames().build());
            assertThat(latest.knownAt()).as("the store's last write, in another group").isEqualTo(deviceWrite);
            assertThat(latest.table().numericColumn("customer.age").get(0)).isEqualTo(40.0);

            clock.advance(Duration.ofSeconds(1));
            ingest(second, record("c1", 2, 41.0, null, null));
            JoinResult again = first.join(READER, JoinRequest.builder(rows, "at").features(AGE)
                    .entityColumn("customer", "client").qualifiedNames().knownAt(latest.knownAt()).build());
            assertThat(again.table().numericColumn("customer.age").get(0)).isEqualTo(40.0);
            assertThat(again.lineage()).isEqualTo(latest.lineage());
            JoinResult now = first.join(READER, JoinRequest.builder(rows, "at").features(AGE)
                    .entityColumn("customer", "client").build());
            assertThat(now.table().numericColumn("age").get(0)).as("the other store's write, read").isEqualTo(41.0);
        }
    }

    @Nested
    class Audit {
        @Test
        void aDefinitionRefusedAfterTheCheckIsAuditedFailed() {
            FeatureGroup incompatible = FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
                    .feature(Feature.of("age", ColumnType.BOOLEAN)).build();
            assertThatThrownBy(() -> first.define(WRITER, incompatible)).isInstanceOf(IncompatibleSchemaException.class);
            List<AuditEntry> defines = first.audit(READER).stream()
                    .filter(entry -> entry.action().equals(FeatureStore.DEFINE)).toList();
            assertThat(defines).extracting(AuditEntry::outcome)
                    .containsExactly(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.FAILED);
            assertThat(defines.get(2).resource()).isEqualTo("feature/customer");
            assertThat(defines.get(2).detail()).contains("feature 'age' changed type from NUMERIC to BOOLEAN");
        }
    }
}
