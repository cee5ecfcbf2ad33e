package dev.mlops.features;

import static dev.mlops.features.StoreFixture.READER;
import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static dev.mlops.features.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.JsonLinesAuditLog;
import dev.mlops.core.access.Policy;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening stores: a directory, memory, a shared database, several stores on one file. */
class StoreBuilderTest {
    private final StoreClock clock = new StoreClock(T0.plus(Duration.ofDays(30)));

    @TempDir
    Path directory;

    @Test
    void aDirectoryHoldsTheSqliteFileAndTheHashChainedAuditLogAndSurvivesReopening() {
        try (FeatureStore store = FeatureStore.builder(directory).clock(clock).open()) {
            store.define(WRITER, StoreFixture.customer().build());
            store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, "gold", null)));
            assertThat(store.clock()).isSameAs(clock);
            assertThat(store.policy()).isEqualTo(FeatureStore.defaultPolicy());
            assertThat(store).hasToString("feature store jdbc:sqlite:" + directory.resolve(FeatureStore.DATABASE_FILE)
                    .toAbsolutePath());
        }
        assertThat(directory.resolve("mlops.db")).exists();
        assertThat(directory.resolve("features-audit.jsonl")).exists();
        try (JsonLinesAuditLog log = AuditLog.open(directory.resolve(FeatureStore.AUDIT_FILE), clock)) {
            assertThat(log.verify().intact()).isTrue();
        }
        try (FeatureStore store = FeatureStore.open(directory)) {
            assertThat(store.group(READER, "customer").version()).isEqualTo(1);
            assertThat(store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1"))
                    .numericColumn("age").get(0)).isEqualTo(40.0);
            assertThat(store.audit(READER)).extracting(AuditEntry::detail)
                    .anyMatch(detail -> detail.contains("ingest records: 1 records kept"));
        }
    }

    @Test
    void aSecondStoreOnTheSameFileSeesWritesAfterARefreshOrABatchRead() {
        try (FeatureStore first = FeatureStore.builder(directory).clock(clock).open();
                FeatureStore second = FeatureStore.builder(directory).clock(clock).audit(new MemoryAuditLog(clock))
                        .open()) {
            first.define(WRITER, StoreFixture.customer().build());
            first.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, null, null)));
            FeatureSelection age = FeatureSelection.of("customer", "age");
            assertThat(second.online(READER, age, List.of("c1")).numericColumn("age").get(0)).isEqualTo(40.0);
            clock.advance(Duration.ofSeconds(1));
            first.ingest(WRITER, "customer", List.of(record("c1", 2, 41.0, null, null)));
            assertThat(second.online(READER, age, List.of("c1")).numericColumn("age").get(0))
                    .as("online serves memory").isEqualTo(40.0);
            second.refresh();
            assertThat(second.online(READER, age, List.of("c1")).numericColumn("age").get(0)).isEqualTo(41.0);
            clock.advance(Duration.ofSeconds(1));
            first.ingest(WRITER, "customer", List.of(record("c1", 3, 42.0, null, null)));
            assertThat(second.asOf(READER, age, T0.plus(Duration.ofDays(9))).numericColumn("age").get(0))
                    .as("a batch read picks other processes' batches up").isEqualTo(42.0);
            assertThat(second.online(READER, age, List.of("c1")).numericColumn("age").get(0)).isEqualTo(42.0);
            // the second store writes too, after batches it has not seen: memory catches up on the next read
            clock.advance(Duration.ofSeconds(1));
            first.ingest(WRITER, "customer", List.of(record("c1", 4, 43.0, null, null)));
            second.ingest(WRITER, "customer", List.of(record("c1", 5, 44.0, null, null)));
            assertThat(second.export(READER, age, T0, T0.plus(Duration.ofDays(9))).numericColumn("age").toArray())
                    .containsExactly(40.0, 41.0, 42.0, 43.0, 44.0);
            // a new version defined by the other store reloads the group
            first.define(WRITER, StoreFixture.customer().feature(Feature.of("tenure", ColumnType.NUMERIC)).build());
            second.refresh();
            assertThat(second.online(READER, FeatureSelection.of("customer", "tenure"), List.of("c1"))
                    .column("tenure").isMissing(0)).isTrue();
        }
    }

    @Test
    void ownWritesReachMemoryDirectly() {
        try (FeatureStore store = FeatureStore.builder(directory).clock(clock).open()) {
            store.define(WRITER, StoreFixture.customer().build());
            FeatureSelection age = FeatureSelection.of("customer", "age");
            assertThat(store.online(READER, age, List.of("c1")).column("age").isMissing(0)).isTrue();
            store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, null, null)));
            assertThat(store.online(READER, age, List.of("c1")).numericColumn("age").get(0)).isEqualTo(40.0);
        }
    }

    @Test
    void aSharedDatabaseIsLeftOpenAndAGivenAuditLogIsUsed() {
        try (Database database = Database.sqlite(directory.resolve("shared.db"));
                MemoryAuditLog log = new MemoryAuditLog(clock)) {
            try (FeatureStore store = FeatureStore.builder(directory.resolve("unused")).database(database).clock(clock)
                    .audit(log).policy(Policy.builder().allow(dev.mlops.core.access.Subject.ANYONE, "features.define",
                            "feature/*").build()).open()) {
                store.define(READER, StoreFixture.customer().build());
            }
            long groups = database.read(sql -> sql.queryLong("SELECT COUNT(*) FROM features_groups"));
            assertThat(groups)
                    .as("still open").isEqualTo(1);
            assertThat(log.entries()).hasSize(1);
            assertThat(Files.exists(directory.resolve("unused"))).isFalse();
        }
    }

    @Test
    void closingAStoreClosesTheDatabaseItOpened() {
        FeatureStore store = FeatureStore.builder(directory).clock(clock).open();
        store.define(WRITER, StoreFixture.customer().build());
        assertThat(directory.resolve(FeatureStore.DATABASE_FILE + "-wal")).exists();
        store.close();
        assertThat(directory.resolve(FeatureStore.DATABASE_FILE + "-wal"))
                .as("SQLite removes the write-ahead log when the last connection closes").doesNotExist();
    }

    @Test
    void aStoreThatCannotOpenItsAuditLogLeavesASharedDatabaseOpen() throws Exception {
        Files.createDirectories(directory.resolve(FeatureStore.AUDIT_FILE));
        try (Database database = Database.sqlite(directory.resolve("shared.db"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FeatureStore.builder(directory).database(database)
                    .open()).isInstanceOf(RuntimeException.class);
            long groups = database.read(sql -> sql.queryLong("SELECT COUNT(*) FROM features_groups"));
            assertThat(groups).as("the caller's database is still open").isZero();
        }
    }

    @Test
    void aStoreThatCannotOpenItsAuditLogClosesTheDatabaseItOpened() throws Exception {
        Files.createDirectories(directory.resolve(FeatureStore.AUDIT_FILE));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FeatureStore.open(directory))
                .isInstanceOf(RuntimeException.class);
        assertThat(directory.resolve(FeatureStore.DATABASE_FILE + "-wal")).doesNotExist();
    }

    @Test
    void anOnlineReadRightAfterANewVersionSeesItsFeatures() {
        try (FeatureStore store = FeatureStore.builder(directory).clock(clock).open()) {
            store.define(WRITER, StoreFixture.customer().build());
            store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, null, null)));
            assertThat(store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1")).rowCount())
                    .isEqualTo(1);
            store.define(WRITER, StoreFixture.customer().feature(Feature.of("tenure", ColumnType.NUMERIC)).build());
            Table online = store.online(READER, FeatureSelection.of("customer", "age", "tenure"), List.of("c1"));
            assertThat(online.numericColumn("age").get(0)).isEqualTo(40.0);
            assertThat(online.column("tenure").isMissing(0)).isTrue();
        }
    }

    @Test
    void aStoreInMemoryNeedsNoDirectory() {
        try (FeatureStore store = FeatureStore.inMemory()) {
            store.define(WRITER, StoreFixture.customer().build());
            assertThat(store.clock()).isEqualTo(Clock.systemUTC());
            assertThat(store.audit(READER)).hasSize(2);
        }
    }

    @Test
    void theMemoryAuditLogRefusesAppendsOnceClosed() {
        MemoryAuditLog log = new MemoryAuditLog(clock);
        log.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.append(READER, FeatureStore.READ, "x",
                dev.mlops.core.access.Outcome.ALLOWED, ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
