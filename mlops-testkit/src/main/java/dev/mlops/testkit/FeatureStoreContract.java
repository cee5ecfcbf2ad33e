package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.features.Feature;
import dev.mlops.features.FeatureGroup;
import dev.mlops.features.FeatureRecord;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import dev.mlops.features.IncompatibleSchemaException;
import dev.mlops.features.IngestResult;
import dev.mlops.features.JoinRequest;
import dev.mlops.features.JoinResult;
import dev.mlops.features.RetentionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of a {@link FeatureStore} on a database: extend it with the JDBC URL of a fresh,
 * empty database, and it checks versioned definitions and the refusal of an incompatible one,
 * bad records refused alone, write times that strictly increase under a clock standing still,
 * bi-temporal reads (a late record, a correction, as known at an earlier write time), the TTL,
 * a point-in-time join, values round-tripping through the database (NaN, infinities, text,
 * instants), sensitive flags on every table, a denied read refused and audited, retention (as-of
 * reads inside it unchanged, and seen by a second store), concurrent ingestion into a history
 * already in memory, a second store on the same database seeing the first's writes, and a store
 * reading while another ingests.
 *
 * <pre>{@code
 * class PostgresFeatureStoreTest extends FeatureStoreContract {
 *     @RegisterExtension
 *     static final PostgresExtension POSTGRES = new PostgresExtension();
 *
 *     @Override
 *     protected String databaseUrl(Path workDirectory) {
 *         return POSTGRES.newDatabaseUrl();
 *     }
 * }
 * }</pre>
 *
 * <p>The second-store checks are skipped for a database that another store cannot open
 * ({@code jdbc:sqlite::memory:}). mlops-testkit's own tests run the contract on a SQLite file,
 * SQLite in memory and PostgreSQL.
 */
public abstract class FeatureStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Principal WRITER = Principal.of("etl", List.of(FeatureStore.WRITER_ROLE), List.of());
    private static final Principal READER = Principal.of("ana");
    private static final Principal STRANGER = Principal.of("mallory");
    private static final FeatureSelection AGE = FeatureSelection.of("customer", "age");

    /** The clock the store under test stamps write times with; tests move it. */
    protected final ManualClock clock = new ManualClock(T0.plus(Duration.ofDays(30)));
    /** The store under test, opened before each test and closed after it. */
    protected FeatureStore store;

    @TempDir
    Path directory;

    private String url;
    private Path work;

    /**
     * Names a fresh, empty database for one test.
     *
     * @param workDirectory an empty directory the database may live in
     * @return its JDBC URL, such as {@code jdbc:sqlite:/tmp/x/features.db}
     */
    protected abstract String databaseUrl(Path workDirectory);

    @BeforeEach
    void openTheStore() throws IOException {
        work = Files.createDirectories(directory.resolve("features"));
        url = databaseUrl(work);
        store = FeatureStore.builder(work).database(url).clock(clock).policy(policy()).open();
        store.define(WRITER, customer().build());
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    private static Policy policy() {
        return Policy.builder()
                .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
                .allow(Subject.ANYONE, FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE)
                .deny(Subject.principal("mallory"), FeatureStore.READ.name(), "feature/customer/age")
                .allow(Subject.principal("ana"), FeatureStore.READ_SENSITIVE.name(), "feature/customer/income")
                .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.WRITE.name(), "feature/*")
                .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.DEFINE.name(), "feature/*")
                .build();
    }

    private static FeatureGroup.Builder customer() {
        return FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
                .feature(Feature.of("age", ColumnType.NUMERIC, "age in years"))
                .feature(Feature.of("segment", ColumnType.CATEGORICAL))
                .feature(Feature.of("income", ColumnType.NUMERIC).asSensitive());
    }

    private static Instant day(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    private static FeatureRecord age(String entity, int day, double age) {
        return FeatureRecord.of(entity, day(day), Map.of("age", age));
    }

    private IngestResult ingest(FeatureRecord... records) {
        return store.ingest(WRITER, "customer", List.of(records));
    }

    private double ageOf(Table table, int row) {
        return table.numericColumn("age").get(row);
    }

    @Test
    void definitionsAreVersionedAndAnIncompatibleOneIsRefused() {
        assertThat(store.define(WRITER, customer().build()).version()).as("the same again").isEqualTo(1);
        FeatureGroup second = store.define(WRITER, customer().feature(Feature.of("tenure", ColumnType.NUMERIC)).build());
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.versions(READER, "customer")).extracting(FeatureGroup::version).containsExactly(1, 2);
        assertThat(store.group(READER, "customer")).isEqualTo(second);
        assertThatThrownBy(() -> store.define(WRITER, FeatureGroup.builder("customer").entityKey("customer_id")
                .eventTime("observed_at").feature(Feature.of("age", ColumnType.BOOLEAN)).build()))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("feature 'age' changed type from NUMERIC to BOOLEAN")
                .hasMessageContaining("feature 'segment'")
                .hasMessageContaining("feature 'income'");
        assertThat(store.groups(READER)).extracting(FeatureGroup::name).containsExactly("customer");
    }

    @Test
    void aBadRecordIsRefusedAloneAndTheRestKept() {
        Map<String, @Nullable Object> wrong = new HashMap<>();
        wrong.put("age", "old");
        IngestResult result = store.ingest(WRITER, "customer", List.of(age("c1", 1, 40),
                FeatureRecord.of("c2", day(1), wrong), age("c3", 1, 30)));
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).hasSize(1);
        assertThat(result.rejected().get(0).line()).isEqualTo(2);
        assertThat(store.asOf(READER, AGE, day(2)).rowCount()).isEqualTo(2);
    }

    @Test
    void writeTimesStrictlyIncreaseUnderAClockStandingStill() {
        IngestResult first = ingest(age("c1", 1, 40));
        IngestResult second = ingest(age("c1", 1, 41));
        assertThat(second.batch()).isEqualTo(first.batch() + 1);
        assertThat(second.writeTime()).isEqualTo(first.writeTime().plusNanos(1000));
    }

    @Test
    void lateAndCorrectedRecordsAreKeptAndReadAsKnownAtEachWriteTime() {
        Instant w1 = ingest(age("c1", 10, 40)).writeTime();
        clock.advance(Duration.ofHours(1));
        ingest(age("c1", 5, 35));
        clock.advance(Duration.ofHours(1));
        Instant w3 = ingest(age("c1", 10, 41)).writeTime();
        assertThat(ageOf(store.online(READER, AGE, List.of("c1")), 0)).as("the correction").isEqualTo(41);
        assertThat(ageOf(store.asOf(READER, AGE, day(7)), 0)).as("the late record").isEqualTo(35);
        assertThat(store.asOf(READER, AGE, day(7), w1).rowCount()).as("unknown at w1").isZero();
        assertThat(ageOf(store.asOf(READER, AGE, day(10), w1), 0)).isEqualTo(40);
        assertThat(ageOf(store.asOf(READER, AGE, day(10), w3), 0)).isEqualTo(41);
        Table history = store.export(READER, AGE, day(0), day(11));
        assertThat(history.numericColumn("age").toArray()).containsExactly(35, 40, 41);
        assertThat(history.timestampColumn("write_time").get(2)).isEqualTo(w3);
    }

    @Test
    void aValueOlderThanTheTtlReadsAsMissing() {
        store.define(WRITER, customer().ttl(Duration.ofDays(2)).build());
        ingest(age("c1", 10, 40));
        assertThat(ageOf(store.asOf(READER, AGE, day(11)), 0)).isEqualTo(40);
        assertThat(store.asOf(READER, AGE, day(13)).column("age").isMissing(0)).isTrue();
    }

    @Test
    void aJoinSeesOnlyValuesAtOrBeforeEachPredictionTime() {
        ingest(age("c1", 1, 40), age("c1", 5, 41), age("c2", 2, 20));
        Table rows = Table.builder().categorical("customer_id", "c1", "c1", "c2", "c9")
                .timestamp("at", day(0), day(4), day(9), day(9)).build();
        JoinResult joined = store.join(READER, JoinRequest.builder(rows, "at").features(AGE).build());
        Table table = joined.table();
        assertThat(table.column("age").isMissing(0)).isTrue();
        assertThat(ageOf(table, 1)).isEqualTo(40);
        assertThat(ageOf(table, 2)).isEqualTo(20);
        assertThat(table.column("age").isMissing(3)).isTrue();
        assertThat(joined.lineage()).extracting(input -> input.name()).containsExactly("customer");
    }

    @Test
    void valuesRoundTripThroughTheDatabase() {
        FeatureGroup.Builder device = FeatureGroup.builder("device")
                .feature(Feature.of("score", ColumnType.NUMERIC))
                .feature(Feature.of("label", ColumnType.CATEGORICAL))
                .feature(Feature.of("rooted", ColumnType.BOOLEAN))
                .feature(Feature.of("seen", ColumnType.TIMESTAMP));
        store.define(WRITER, device.build());
        Instant seen = Instant.parse("2026-10-01T12:30:00.123456Z");
        List<FeatureRecord> records = new ArrayList<>();
        double[] scores = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.1, 1e-300};
        for (int i = 0; i < scores.length; i++) {
            records.add(FeatureRecord.of("d" + i + "-\u00fc", T0, Map.of("score", scores[i],
                    "label", "na\u00efve \"q\" \u2713", "rooted", i % 2 == 0, "seen", seen)));
        }
        store.ingest(WRITER, "device", records);
        // a new version of the definition makes the store read the group back from the database
        store.define(WRITER, device.description("read back").build());
        Table read = store.asOf(READER, FeatureSelection.all("device"), day(1));
        assertThat(read.rowCount()).isEqualTo(5);
        for (int row = 0; row < 5; row++) {
            String key = read.categoricalColumn("entity_id").get(row);
            int index = key.charAt(1) - '0';
            assertThat(key).isEqualTo("d" + index + "-\u00fc");
            assertThat(read.column("score").isMissing(row)).isFalse();
            assertThat(Double.compare(read.numericColumn("score").get(row), scores[index])).isZero();
            assertThat(read.categoricalColumn("label").get(row)).isEqualTo("na\u00efve \"q\" \u2713");
            assertThat(read.booleanColumn("rooted").get(row)).isEqualTo(index % 2 == 0);
            assertThat(read.timestampColumn("seen").get(row)).isEqualTo(seen);
        }
    }

    @Test
    void sensitiveFeaturesAreMarkedInEveryTableAndDeniedUnlessAllowed() {
        store.ingest(WRITER, "customer", List.of(FeatureRecord.of("c1", day(1), Map.of("income", 1000.0))));
        FeatureSelection income = FeatureSelection.of("customer", "income");
        assertThat(store.online(READER, income, List.of("c1")).column("income").sensitive()).isTrue();
        assertThat(store.asOf(READER, income, day(2)).column("income").sensitive()).isTrue();
        assertThat(store.export(READER, income, day(0), day(2)).column("income").sensitive()).isTrue();
        Table rows = Table.builder().categorical("customer_id", "c1").timestamp("at", day(2)).build();
        JoinResult joined = store.join(READER, JoinRequest.builder(rows, "at").features(income).build());
        assertThat(joined.table().column("income").sensitive()).as("join's table").isTrue();
        assertThat(joined.withKnownAt().column("income").sensitive()).as("join's withKnownAt").isTrue();
        assertThat(joined.table().numericColumn("income").get(0)).isEqualTo(1000.0);
        assertThatThrownBy(() -> store.asOf(WRITER, income, day(2)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("etl")
                .hasMessageContaining("feature/customer/income");
    }

    @Test
    void aDeniedReadIsRefusedNamingPrincipalAndFeatureAndAudited() {
        ingest(age("c1", 1, 40));
        assertThatThrownBy(() -> store.online(STRANGER, AGE, List.of("c1")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("mallory")
                .hasMessageContaining("feature/customer/age");
        assertThatThrownBy(() -> store.ingest(READER, "customer", List.of(age("c1", 2, 41))))
                .isInstanceOf(AccessDeniedException.class);
        List<AuditEntry> audit = store.audit(READER);
        assertThat(audit).filteredOn(entry -> entry.outcome() == Outcome.DENIED)
                .extracting(AuditEntry::principal, AuditEntry::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mallory", "feature/customer/age"),
                        org.assertj.core.groups.Tuple.tuple("ana", "feature/customer"));
    }

    @Test
    void retentionDeletesOnlyHistoryNoReadInsideItNeeds() {
        store.define(WRITER, customer().retention(Duration.ofDays(10)).build());
        ingest(age("c1", 1, 40), age("c1", 2, 41), age("c1", 25, 42), age("c2", 1, 20));
        // the cutoff is day 20: c1's day 2 is its newest record at the cutoff, so only day 1 goes
        RetentionResult result = store.applyRetention(WRITER);
        assertThat(result).isEqualTo(new RetentionResult(1, 1));
        assertThat(store.export(READER, AGE, day(0), day(30)).numericColumn("age").toArray())
                .containsExactly(20, 41, 42);
        assertThat(ageOf(store.asOf(READER, AGE, day(21)), 0)).as("an as-of read inside the window").isEqualTo(41);
    }

    @Test
    void aSecondStoreOnTheSameDatabaseSeesARetention() {
        Assumptions.assumeFalse(url.equals("jdbc:sqlite::memory:"), "a private in-memory database has one store");
        store.define(WRITER, customer().retention(Duration.ofDays(10)).build());
        ingest(age("c1", 1, 40), age("c1", 2, 41), age("c1", 25, 42));
        try (AuditLog log = secondAudit();
                FeatureStore other = FeatureStore.builder(work).database(url).clock(clock).policy(policy())
                        .audit(log).open()) {
            assertThat(other.export(READER, AGE, day(0), day(30)).rowCount()).isEqualTo(3);
            assertThat(store.applyRetention(WRITER)).isEqualTo(new RetentionResult(1, 1));
            other.refresh();
            assertThat(other.export(READER, AGE, day(0), day(30)).numericColumn("age").toArray())
                    .containsExactly(41, 42);
        }
    }

    @Test
    void concurrentIngestionsGetDistinctBatchesAndLoseNothing() throws Exception {
        ingest(age("c0", 1, 0));
        // the history is in memory before the writers start: each must add its batch to it
        assertThat(ageOf(store.online(READER, AGE, List.of("c0")), 0)).isZero();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> entities = new ArrayList<>();
        try {
            List<Future<IngestResult>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<FeatureRecord> records = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        records.add(age("t" + thread + "-" + i, 1, thread));
                    }
                    synchronized (entities) {
                        entities.add("t" + thread + "-0");
                    }
                    return store.ingest(WRITER, "customer", records);
                }));
            }
            Set<Long> batches = new HashSet<>();
            Set<Instant> writeTimes = new HashSet<>();
            for (Future<IngestResult> result : results) {
                batches.add(result.get().batch());
                writeTimes.add(result.get().writeTime());
            }
            assertThat(batches).hasSize(8);
            Table online = store.online(READER, AGE, entities);
            for (int row = 0; row < entities.size(); row++) {
                assertThat(online.column("age").isMissing(row)).as("%s, without a refresh", entities.get(row)).isFalse();
            }
            assertThat(writeTimes).as("distinct write times though the clock stands still").hasSize(8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.asOf(READER, AGE, day(2)).rowCount()).isEqualTo(401);
        assertThat(store.online(READER, AGE, List.of("t7-49")).numericColumn("age").get(0)).isEqualTo(7);
    }

    @Test
    void aSecondStoreOnTheSameDatabaseSeesTheFirstsWrites() {
        Assumptions.assumeFalse(url.equals("jdbc:sqlite::memory:"), "a private in-memory database has one store");
        ingest(age("c1", 1, 40));
        try (AuditLog log = secondAudit();
                FeatureStore other = FeatureStore.builder(work).database(url).clock(clock).policy(policy())
                        .audit(log).open()) {
            assertThat(ageOf(other.online(READER, AGE, List.of("c1")), 0)).isEqualTo(40);
            clock.advance(Duration.ofSeconds(1));
            ingest(age("c1", 2, 41));
            other.refresh();
            assertThat(ageOf(other.online(READER, AGE, List.of("c1")), 0)).isEqualTo(41);
            clock.advance(Duration.ofSeconds(1));
            other.ingest(WRITER, "customer", List.of(age("c1", 3, 42)));
            assertThat(ageOf(store.asOf(READER, AGE, day(4)), 0)).as("the first sees the second's write").isEqualTo(42);
        }
    }

    @Test
    void aStoreReadingWhileAnotherIngestsAlwaysReadsACompleteHistory() throws Exception {
        Assumptions.assumeFalse(url.equals("jdbc:sqlite::memory:"), "a private in-memory database has one store");
        int writes = 150;
        try (AuditLog log = secondAudit();
                FeatureStore writer = FeatureStore.builder(work).database(url).clock(clock).policy(policy())
                        .audit(log).open()) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> ingesting = pool.submit(() -> {
                    for (int i = 0; i < writes; i++) {
                        writer.ingest(WRITER, "customer", List.of(age("w" + i, 1, i)));
                    }
                });
                int reads = 0;
                while (!ingesting.isDone() || reads == 0) {
                    int rows = store.asOf(READER, AGE, day(2)).rowCount();
                    assertThat(rows).isBetween(0, writes);
                    reads++;
                }
                ingesting.get();
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.asOf(READER, AGE, day(2)).rowCount()).as("every batch, once").isEqualTo(writes);
            assertThat(store.export(READER, AGE, day(0), day(3)).rowCount()).isEqualTo(writes);
        }
    }

    /** A second audit log beside the store's own, for a second store in this JVM. */
    private AuditLog secondAudit() {
        return AuditLog.open(work.resolve("second-audit-" + System.nanoTime() + ".jsonl"), clock);
    }
}
