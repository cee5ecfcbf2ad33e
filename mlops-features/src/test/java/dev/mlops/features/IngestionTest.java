package dev.mlops.features;

import static dev.mlops.features.StoreFixture.READER;
import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static dev.mlops.features.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingestion: what is kept, what is refused and where, and the batch's write time. */
class IngestionTest {
    private final StoreClock clock = new StoreClock(T0.plus(Duration.ofDays(30)));
    private final FeatureStore store = StoreFixture.store(clock);

    @TempDir
    Path directory;

    @BeforeEach
    void define() {
        store.define(WRITER, StoreFixture.customer().build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Table all() {
        return store.export(WRITER, FeatureSelection.of("customer", "age", "segment"), Instant.EPOCH,
                T0.plus(Duration.ofDays(3650)));
    }

    @Nested
    class FromATable {
        @Test
        void aBadRowIsRefusedWithItsRowAndTheRestKept() {
            Table records = Table.builder()
                    .categorical("customer_id", "c1", null, "c3", "c4")
                    .timestamp("observed_at", T0, T0, null, T0)
                    .numeric("age", 41, 30, 31, Double.NaN)
                    .build();
            IngestResult result = store.ingest(WRITER, "customer", records);
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.clean()).isFalse();
            assertThat(result.rejected()).containsExactly(
                    new RejectedRecord("table", 2, "the entity key 'customer_id' is missing"),
                    new RejectedRecord("table", 3, "the event time 'observed_at' is missing"));
            assertThat(result.rejected().get(0)).hasToString("table line 2: the entity key 'customer_id' is missing");
            Table stored = all();
            assertThat(stored.categoricalColumn("customer_id").levels()).containsExactlyInAnyOrder("c1", "c4");
            int c4 = stored.categoricalColumn("customer_id").get(0).equals("c4") ? 0 : 1;
            assertThat(stored.column("age").isMissing(c4)).as("NaN is a value, not missing").isFalse();
            assertThat(stored.numericColumn("age").get(c4)).isNaN();
        }

        @Test
        void anIntegralNumericKeyIsItsIntegerTextAndAFractionalOrHugeOneIsRefused() {
            Table records = Table.builder()
                    .numeric("customer_id", 17, 2.5, Double.NaN, 1e17)
                    .timestamp("observed_at", T0, T0, T0, T0)
                    .build();
            IngestResult result = store.ingest(WRITER, "customer", records);
            assertThat(result.accepted()).isEqualTo(1);
            String expected = "; a numeric key must be an integer within ±2^53";
            assertThat(result.rejected()).extracting(RejectedRecord::line, RejectedRecord::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(2L, "the entity key 'customer_id' is refused: entity key 2.5 "
                            + "is not an integer" + expected),
                    org.assertj.core.groups.Tuple.tuple(3L, "the entity key 'customer_id' is refused: entity key NaN "
                            + "is not an integer" + expected),
                    org.assertj.core.groups.Tuple.tuple(4L, "the entity key 'customer_id' is refused: entity key 1.0E17 "
                            + "is beyond ±2^53 (9007199254740992), where numbers stop being exact; an id that large "
                            + "must be a CATEGORICAL or TEXT key"));
            assertThat(all().categoricalColumn("customer_id").levels()).containsExactly("17");
        }

        @Test
        void aBlankTextKeyIsRefused() {
            Table records = Table.builder()
                    .text("customer_id", " ", "c2")
                    .timestamp("observed_at", T0, T0)
                    .text("segment", "gold", "silver")
                    .build();
            IngestResult result = store.ingest(WRITER, "customer", records);
            assertThat(result.rejected()).containsExactly(new RejectedRecord("table", 1,
                    "the entity key 'customer_id' is blank"));
            assertThat(all().categoricalColumn("segment").get(0)).isEqualTo("silver");
        }

        @Test
        void booleanAndTimestampColumnsAreRead() {
            store.define(WRITER, FeatureGroup.builder("device")
                    .feature(Feature.of("rooted", ColumnType.BOOLEAN))
                    .feature(Feature.of("first_seen", ColumnType.TIMESTAMP))
                    .build());
            Instant seen = Instant.parse("2026-10-01T12:30:00.123456789Z");
            store.ingest(WRITER, "device", Table.builder()
                    .categorical("entity_id", "d1", "d2")
                    .timestamp("event_time", T0, T0)
                    .bool("rooted", true, null)
                    .timestamp("first_seen", seen, null)
                    .build());
            Table read = store.asOf(READER, FeatureSelection.all("device"), T0);
            assertThat(read.booleanColumn("rooted").get(0)).isTrue();
            assertThat(read.timestampColumn("first_seen").get(0)).isEqualTo(Instant.parse("2026-10-01T12:30:00.123456Z"));
            assertThat(read.column("rooted").isMissing(1)).isTrue();
            assertThat(read.column("first_seen").isMissing(1)).isTrue();
        }

        @Test
        void theLaterRecordOfOneBatchWinsATieAlsoWhenReadBackFromTheDatabase() {
            store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, null, null), record("c1", 1, 41.0, null, null)));
            FeatureSelection age = FeatureSelection.of("customer", "age");
            assertThat(store.online(READER, age, List.of("c1")).numericColumn("age").get(0)).isEqualTo(41.0);
            store.define(WRITER, StoreFixture.customer().description("reloaded").build());
            assertThat(store.online(READER, age, List.of("c1")).numericColumn("age").get(0))
                    .as("a new version reloads the group from the database").isEqualTo(41.0);
        }

        @Test
        void anUnknownColumnRefusesTheWholeCall() {
            Table records = Table.builder()
                    .categorical("customer_id", "c1")
                    .timestamp("observed_at", T0)
                    .numeric("height", 180)
                    .build();
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", records))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("has no column 'height'")
                    .hasMessageContaining("[age, segment, income]");
            assertThat(all().rowCount()).isZero();
        }

        @Test
        void aMissingOrMistypedKeyOrTimeColumnRefusesTheWholeCall() {
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", Table.builder()
                    .timestamp("observed_at", T0).build()))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("no entity key column 'customer_id'");
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", Table.builder()
                    .categorical("customer_id", "c1").build()))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("no event-time column 'observed_at'");
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", Table.builder()
                    .categorical("customer_id", "c1").categorical("observed_at", "monday").build()))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("event-time column 'observed_at' is CATEGORICAL; expected TIMESTAMP");
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", Table.builder()
                    .bool("customer_id", true).timestamp("observed_at", T0).build()))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("entity key column 'customer_id' is BOOLEAN");
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", Table.builder()
                    .categorical("customer_id", "c1").timestamp("observed_at", T0).categorical("age", "old").build()))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("column 'age' is CATEGORICAL but feature 'age' is NUMERIC");
        }

        @Test
        void writingNeedsTheWriterRoleAndEveryWriteIsAudited() {
            Table records = Table.builder().categorical("customer_id", "c1").timestamp("observed_at", T0).build();
            assertThatThrownBy(() -> store.ingest(READER, "customer", records))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("ana may not features.write feature/customer");
            assertThat(all().rowCount()).as("nothing written").isZero();
            store.ingest(WRITER, "customer", records);
            List<AuditEntry> writes = store.audit(READER).stream()
                    .filter(entry -> entry.action().equals(FeatureStore.WRITE)).toList();
            assertThat(writes).extracting(AuditEntry::outcome).containsExactly(Outcome.DENIED, Outcome.ALLOWED);
            assertThat(writes.get(1).detail()).contains("ingest table: 1 records kept, 0 refused");
        }

        @Test
        void aDeniedWriterIsRefusedBeforeTheInputIsReadOrTheGroupLookedUp() {
            assertThatThrownBy(() -> store.ingest(READER, "customer", directory.resolve("absent.csv")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("ana may not features.write feature/customer: no rule allows it");
            assertThatThrownBy(() -> store.ingest(READER, "no_such_group", List.of()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("ana may not features.write feature/no_such_group: no rule allows it");
            assertThat(store.audit(READER)).filteredOn(entry -> entry.action().equals(FeatureStore.WRITE))
                    .extracting(AuditEntry::outcome, AuditEntry::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.DENIED,
                                    "no rule allows it; ingest " + directory.resolve("absent.csv")),
                            org.assertj.core.groups.Tuple.tuple(Outcome.DENIED, "no rule allows it; ingest records"));
        }
    }

    @Nested
    class FromRecords {
        @Test
        void aValueOfTheWrongTypeRefusesItsRecordByPosition() {
            Map<String, @Nullable Object> wrong = new HashMap<>();
            wrong.put("age", "forty");
            IngestResult result = store.ingest(WRITER, "customer", List.of(
                    record("c1", 0, 41.0, "gold", null),
                    FeatureRecord.of("c2", T0, wrong),
                    FeatureRecord.of("c3", T0, Map.of("age", 7, "segment", "x"))));
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.rejected()).containsExactly(new RejectedRecord("records", 2,
                    "feature 'age' is NUMERIC and needs a Number but was the String 'forty'"));
            assertThat(all().numericColumn("age").toArray()).containsExactlyInAnyOrder(41.0, 7.0);
        }

        @Test
        void anUnknownFeatureRefusesTheWholeCall() {
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", List.of(record("c1", 0, 41.0, null, null),
                    FeatureRecord.of("c2", T0, Map.of("height", 180.0)))))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("has no column 'height'");
            assertThat(all().rowCount()).isZero();
        }

        @Test
        void everyFeatureTypeIsStoredAndReadBack() {
            store.define(WRITER, FeatureGroup.builder("device")
                    .feature(Feature.of("rooted", ColumnType.BOOLEAN))
                    .feature(Feature.of("first_seen", ColumnType.TIMESTAMP))
                    .feature(Feature.of("score", ColumnType.NUMERIC))
                    .build());
            Instant seen = Instant.parse("2026-10-01T12:30:00.123456789Z");
            store.ingest(WRITER, "device", List.of(
                    FeatureRecord.of("d1", T0, Map.of("rooted", true, "first_seen", seen,
                            "score", Double.NEGATIVE_INFINITY))));
            // a second store on the same database would read the stored values; read them back through a reload
            store.refresh();
            Table online = store.online(READER, FeatureSelection.all("device"), List.of("d1"));
            assertThat(online.booleanColumn("rooted").get(0)).isTrue();
            assertThat(online.timestampColumn("first_seen").get(0))
                    .as("kept to the microsecond").isEqualTo(Instant.parse("2026-10-01T12:30:00.123456Z"));
            assertThat(online.numericColumn("score").get(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        void aBatchWithNothingKeptWritesNothing() {
            IngestResult result = store.ingest(WRITER, "customer", List.of());
            assertThat(result.batch()).isZero();
            assertThat(result.accepted()).isZero();
            assertThat(result.writeTime()).isEqualTo(clock.instant());
            assertThat(store.ingest(WRITER, "customer", List.of(record("c1", 0, 1.0, null, null))).batch())
                    .as("the first batch written is number 1").isEqualTo(1);
        }
    }

    /** A time beyond epoch microseconds in a long refuses its record alone, with line and reason. */
    @Nested
    class TimesBeyondTheStoresRange {
        private static final String FAR = "+300000-01-01T00:00:00Z";
        private static final String EVENT_REASON = "the event time 'observed_at' time " + FAR
                + " is beyond the range the feature store keeps, epoch microseconds in a long";

        @Test
        void aCsvRowIsRefusedWithItsLine() throws IOException {
            Path file = write("far.csv", "customer_id,observed_at,age\nc1,2026-11-01T00:00:00Z,40\nc2," + FAR
                    + ",41\nc3,2026-11-01T00:00:00Z,42\n");
            IngestResult result = store.ingest(WRITER, "customer", file);
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.rejected()).containsExactly(new RejectedRecord(file.toString(), 3, EVENT_REASON));
            assertThat(all().numericColumn("age").toArray()).containsExactlyInAnyOrder(40.0, 42.0);
        }

        @Test
        void aJsonLinesRecordIsRefusedWithItsLine() throws IOException {
            Path file = write("far.jsonl", "{\"customer_id\": \"c1\", \"observed_at\": \"" + FAR + "\"}\n"
                    + "{\"customer_id\": \"c2\", \"observed_at\": \"2026-11-01T00:00:00Z\", \"age\": 41}\n");
            IngestResult result = store.ingest(WRITER, "customer", file);
            assertThat(result.accepted()).isEqualTo(1);
            assertThat(result.rejected()).containsExactly(new RejectedRecord(file.toString(), 1, EVENT_REASON));
        }

        @Test
        void aTableRowIsRefusedWithItsRow() {
            IngestResult result = store.ingest(WRITER, "customer", Table.builder()
                    .categorical("customer_id", "c1", "c2")
                    .timestamp("observed_at", Instant.parse(FAR), T0)
                    .build());
            assertThat(result.accepted()).isEqualTo(1);
            assertThat(result.rejected()).containsExactly(new RejectedRecord("table", 1, EVENT_REASON));
        }

        @Test
        void aRecordIsRefusedWithItsPosition() {
            IngestResult result = store.ingest(WRITER, "customer", List.of(record("c1", 0, 40.0, null, null),
                    FeatureRecord.of("c2", Instant.parse(FAR), Map.of("age", 41.0))));
            assertThat(result.accepted()).isEqualTo(1);
            assertThat(result.rejected()).containsExactly(new RejectedRecord("records", 2, EVENT_REASON));
        }

        @Test
        void aTimestampValueRefusesItsRecordNamingTheFeature() {
            store.define(WRITER, FeatureGroup.builder("device")
                    .feature(Feature.of("first_seen", ColumnType.TIMESTAMP)).build());
            String reason = "feature 'first_seen' time -300000-01-01T00:00:00Z"
                    + " is beyond the range the feature store keeps, epoch microseconds in a long";
            Instant past = Instant.parse("-300000-01-01T00:00:00Z");
            IngestResult fromTable = store.ingest(WRITER, "device", Table.builder()
                    .categorical("entity_id", "d1", "d2")
                    .timestamp("event_time", T0, T0)
                    .timestamp("first_seen", T0, past)
                    .build());
            assertThat(fromTable.accepted()).isEqualTo(1);
            assertThat(fromTable.rejected()).containsExactly(new RejectedRecord("table", 2, reason));
            IngestResult fromRecords = store.ingest(WRITER, "device", List.of(
                    FeatureRecord.of("d3", T0, Map.of("first_seen", past)),
                    FeatureRecord.of("d4", T0, Map.of("first_seen", T0))));
            assertThat(fromRecords.accepted()).isEqualTo(1);
            assertThat(fromRecords.rejected()).containsExactly(new RejectedRecord("records", 1, reason));
            assertThat(store.online(READER, FeatureSelection.all("device"), List.of("d1", "d2", "d3", "d4"))
                    .column("first_seen").isMissing(1)).as("d2 was not stored").isTrue();
        }
    }

    @Nested
    class WriteTimes {
        @Test
        void theyStrictlyIncreaseWhenTheClockRepeatsOrGoesBack() {
            Instant first = store.ingest(WRITER, "customer", List.of(record("c1", 0, 1.0, null, null))).writeTime();
            Instant second = store.ingest(WRITER, "customer", List.of(record("c1", 0, 2.0, null, null))).writeTime();
            clock.set(clock.instant().minus(Duration.ofHours(1)));
            IngestResult third = store.ingest(WRITER, "customer", List.of(record("c1", 0, 3.0, null, null)));
            assertThat(first).isEqualTo(T0.plus(Duration.ofDays(30)));
            assertThat(second).isEqualTo(first.plusNanos(1000));
            assertThat(third.writeTime()).isEqualTo(first.plusNanos(2000));
            assertThat(third.batch()).isEqualTo(3);
            clock.advance(Duration.ofDays(1));
            assertThat(store.ingest(WRITER, "customer", List.of(record("c1", 0, 4.0, null, null))).writeTime())
                    .as("a clock that moved on is used again").isEqualTo(clock.instant());
        }

        @Test
        void theyAreKeptToTheMicrosecond() {
            clock.set(Instant.parse("2026-12-01T00:00:00.000001999Z"));
            assertThat(store.ingest(WRITER, "customer", List.of(record("c1", 0, 1.0, null, null))).writeTime())
                    .isEqualTo(Instant.parse("2026-12-01T00:00:00.000001Z"));
        }
    }

    @Nested
    class FromFiles {
        @Test
        void aBadCsvRowIsRefusedWithItsPhysicalLine() throws IOException {
            Path file = write("customers.csv", "customer_id,observed_at,age,segment\n"
                    + "c1,2026-11-01T00:00:00Z,41,gold\n"
                    + ",2026-11-01T00:00:00Z,50,gold\n"
                    + "c2,2026-11-01T00:00:00Z,forty,silver\n"
                    + "\"c\n3\",2026-11-01T00:00:00Z,33,gold\n"
                    + "c5,,50,gold\n"
                    + "c6,2026-11-02T00:00:00Z,,\n");
            IngestResult result = store.ingest(WRITER, "customer", file);
            assertThat(result.accepted()).isEqualTo(3);
            assertThat(result.rejected()).as("in line order").extracting(RejectedRecord::line)
                    .containsExactly(3L, 4L, 7L);
            assertThat(result.rejected().get(1).source()).isEqualTo(file.toString());
            assertThat(result.rejected().get(0).reason()).isEqualTo("the entity key 'customer_id' is missing");
            assertThat(result.rejected().get(1).reason()).contains("column 'age' (3)").contains("'forty'");
            assertThat(result.rejected().get(2).reason()).isEqualTo("the event time 'observed_at' is missing");
            assertThat(all().categoricalColumn("customer_id").levels()).containsExactlyInAnyOrder("c1", "c\n3", "c6");
        }

        @Test
        void aBadJsonLinesRecordIsRefusedWithItsLine() throws IOException {
            Path file = write("customers.jsonl", "{\"customer_id\": \"c1\", \"observed_at\": \"2026-11-01T00:00:00Z\", "
                    + "\"age\": 41}\n"
                    + "\n"
                    + "{\"customer_id\": \"c2\", \"observed_at\": \"2026-11-01T00:00:00Z\", \"age\": \"old\"}\n"
                    + "{\"customer_id\": \"c3\", \"observed_at\": \"2026-11-01T00:00:00Z\", \"segment\": \"gold\"}\n");
            IngestResult result = store.ingest(WRITER, "customer", file);
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.rejected()).extracting(RejectedRecord::line).containsExactly(3L);
            assertThat(result.rejected().get(0).reason()).contains("column 'age'").contains("'old'");
        }

        @Test
        void anNdjsonFileIsJsonLines() throws IOException {
            Path file = write("customers.ndjson", "{\"customer_id\": \"c1\", \"observed_at\": \"2026-11-01T00:00:00Z\"}\n");
            assertThat(store.ingest(WRITER, "customer", file).accepted()).isEqualTo(1);
        }

        @Test
        void anUnknownColumnInAFileRefusesTheWholeCall() throws IOException {
            Path file = write("customers.csv", "customer_id,observed_at,height\nc1,2026-11-01T00:00:00Z,180\n");
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", file))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("has no column 'height'");
        }

        @Test
        void anotherFormatOrAMissingFileIsRefused() throws IOException {
            Path parquet = write("customers.parquet", "PAR1");
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", parquet))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining("must end in .csv, .jsonl or .ndjson");
            Path absent = directory.resolve("absent.csv");
            assertThatThrownBy(() -> store.ingest(WRITER, "customer", absent))
                    .isInstanceOf(FeatureStoreException.class)
                    .hasMessageContaining(absent.toString())
                    .hasMessageContaining("no such file");
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }
}
