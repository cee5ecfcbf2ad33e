package dev.mlops.features;

import dev.mlops.store.EpochMicros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GroupHistoryTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Feature AGE = Feature.of("age", ColumnType.NUMERIC, "age in years");
    static final Feature INCOME = Feature.of("income", ColumnType.NUMERIC, "income").asSensitive();
    static final Feature SEGMENT = Feature.of("segment", ColumnType.CATEGORICAL);
    static final FeatureGroup V1 = FeatureGroup.builder("customer").entityKey("customer_id").eventTime("observed_at")
            .feature(AGE).feature(INCOME).build();
    static final FeatureGroup V2 = V1.toBuilder().feature(SEGMENT).build();

    static Instant day(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    /** A v1 batch: rows of (entity, event day, age, income). */
    static RecordBatch batch(long number, int writeDay, Object... rows) {
        int count = rows.length / 4;
        String[] keys = new String[count];
        Instant[] events = new Instant[count];
        double[] ages = new double[count];
        double[] incomes = new double[count];
        for (int i = 0; i < count; i++) {
            keys[i] = (String) rows[4 * i];
            events[i] = day((Integer) rows[4 * i + 1]);
            ages[i] = ((Number) rows[4 * i + 2]).doubleValue();
            incomes[i] = ((Number) rows[4 * i + 3]).doubleValue();
        }
        return new RecordBatch(number, day(writeDay), Table.of(CategoricalColumn.of("customer_id", keys),
                TimestampColumn.of("observed_at", events), NumericColumn.of("age", ages),
                NumericColumn.of("income", incomes)));
    }

    static GroupHistory history(RecordBatch... batches) {
        return GroupHistory.of(V1, List.of(batches));
    }

    @Nested
    class Online {
        @Test
        void readsTheLatestEventTimeThenTheLatestWriteThenTheLaterRowOfABatch() {
            GroupHistory history = history(
                    batch(1, 10, "a", 5, 30, 100, "b", 3, 40, 200),
                    batch(2, 11, "a", 4, 31, 101, "b", 3, 41, 201),
                    batch(3, 12, "b", 3, 42, 202, "b", 3, 43, 203));
            Table online = history.online(V1, List.of(AGE, INCOME), List.of("b", "a", "zz"), day(20));
            assertThat(online.schema().names()).containsExactly("customer_id", "observed_at", "age", "income");
            assertThat(online.categoricalColumn("customer_id").get(2)).isEqualTo("zz");
            assertThat(online.numericColumn("age").toArray()).containsExactly(43, 30, Double.NaN);
            assertThat(online.timestampColumn("observed_at").get(0)).isEqualTo(day(3));
            assertThat(online.column("observed_at").isMissing(2)).isTrue();
            assertThat(online.column("age").isMissing(2)).isTrue();
            assertThat(online.schema().field("income").sensitive()).isTrue();
            assertThat(online.schema().field("age").sensitive()).isFalse();
        }

        @Test
        void aValueOlderThanTheTtlFromNowReadsMissingButKeepsItsEventTime() {
            FeatureGroup ttl = V1.toBuilder().ttl(Duration.ofDays(10)).build();
            GroupHistory history = history(batch(1, 1, "a", 0, 30, 1, "b", 5, 40, 2));
            Table online = history.online(ttl, List.of(AGE), List.of("a", "b"), day(15));
            assertThat(online.column("age").isMissing(0)).isTrue();
            assertThat(online.timestampColumn("observed_at").get(0)).isEqualTo(day(0));
            assertThat(online.numericColumn("age").get(1)).isEqualTo(40);
            Table exactly = history.online(ttl, List.of(AGE), List.of("a"), day(10));
            assertThat(exactly.numericColumn("age").get(0)).isEqualTo(30);
        }
    }

    @Nested
    class AsOf {
        @Test
        void readsTheLatestEventAtOrBeforeTheTimeAmongWritesKnownBy() {
            GroupHistory history = history(
                    batch(1, 10, "a", 1, 30, 100, "a", 5, 31, 101, "b", 2, 40, 200),
                    batch(2, 12, "a", 3, 32, 102, "b", 2, 41, 201),
                    batch(3, 14, "c", 20, 50, 300));
            Table asOf = history.asOf(V1, List.of(AGE), day(4), day(20));
            assertThat(asOf.categoricalColumn("customer_id").levels()).contains("a", "b");
            assertThat(asOf.rowCount()).isEqualTo(2);
            assertThat(asOf.numericColumn("age").toArray()).containsExactly(32, 41);
            Table known = history.asOf(V1, List.of(AGE), day(4), day(11));
            assertThat(known.numericColumn("age").toArray()).containsExactly(30, 40);
            assertThat(known.timestampColumn("observed_at").get(0)).isEqualTo(day(1));
            assertThat(history.asOf(V1, List.of(AGE), day(0), day(20)).rowCount()).isZero();
        }

        @Test
        void aValueOlderThanTheTtlReadsMissingButTheRowStays() {
            FeatureGroup ttl = V1.toBuilder().ttl(Duration.ofDays(2)).build();
            GroupHistory history = history(batch(1, 10, "a", 1, 30, 100, "b", 4, 40, 200));
            Table asOf = history.asOf(ttl, List.of(AGE), day(5), day(20));
            assertThat(asOf.rowCount()).isEqualTo(2);
            assertThat(asOf.column("age").isMissing(0)).isTrue();
            assertThat(asOf.timestampColumn("observed_at").get(0)).isEqualTo(day(1));
            assertThat(asOf.numericColumn("age").get(1)).isEqualTo(40);
        }
    }

    @Nested
    class Export {
        @Test
        void givesEveryRecordInTheWindowByEventThenWriteThenSequence() {
            GroupHistory history = history(
                    batch(1, 10, "a", 3, 30, 100, "b", 1, 40, 200),
                    batch(2, 12, "a", 3, 31, 101, "a", 3, 32, 102, "c", 9, 1, 1));
            Table export = history.export(V1, List.of(AGE), day(0), day(9));
            assertThat(export.schema().names()).containsExactly("customer_id", "observed_at", "write_time", "age");
            assertThat(export.numericColumn("age").toArray()).containsExactly(40, 30, 31, 32);
            assertThat(export.timestampColumn("write_time").get(1)).isEqualTo(day(10));
            assertThat(export.timestampColumn("write_time").get(2)).isEqualTo(day(12));
        }
    }

    @Nested
    class Versions {
        @Test
        void aFeatureAddedLaterIsMissingInOlderBatches() {
            GroupHistory history = history(batch(1, 10, "a", 1, 30, 100));
            history.append(new RecordBatch(2, day(11), Table.of(CategoricalColumn.of("customer_id", "b"),
                    TimestampColumn.of("observed_at", day(2)), NumericColumn.of("age", 20),
                    NumericColumn.of("income", 5), CategoricalColumn.of("segment", "gold"))));
            Table online = history.online(V2, List.of(AGE, SEGMENT), List.of("a", "b"), day(20));
            assertThat(online.column("segment").isMissing(0)).isTrue();
            assertThat(online.categoricalColumn("segment").get(1)).isEqualTo("gold");
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.lastWrite()).isEqualTo(day(11));
        }

        @Test
        void aFeatureNeverWrittenReadsMissing() {
            GroupHistory history = history(batch(1, 10, "a", 1, 30, 100));
            Table online = history.online(V2, List.of(SEGMENT), List.of("a"), day(20));
            assertThat(online.column("segment").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(online.column("segment").isMissing(0)).isTrue();
        }
    }

    @Nested
    class Values {
        @Test
        void aBatchWithoutAFeatureHasItMissingAndEveryFeatureTypeIsKept() {
            Feature flag = Feature.of("flag", ColumnType.BOOLEAN);
            Feature seen = Feature.of("seen", ColumnType.TIMESTAMP);
            FeatureGroup typed = V1.toBuilder().feature(flag).feature(seen).build();
            GroupHistory history = GroupHistory.of(typed, List.of(new RecordBatch(1, day(1), Table.of(
                    CategoricalColumn.of("customer_id", "a", "b"), TimestampColumn.of("observed_at", day(0), day(0)),
                    NumericColumn.of("income", 7, 8), BooleanColumn.of("flag", true, null),
                    TimestampColumn.of("seen", day(3), null))),
                    new RecordBatch(2, day(2), Table.of(CategoricalColumn.of("customer_id", "b"),
                            TimestampColumn.of("observed_at", day(1)), NumericColumn.of("age", 50)))));
            Table online = history.online(typed, List.of(AGE, INCOME, flag, seen), List.of("a", "b"), day(5));
            assertThat(online.booleanColumn("flag").get(0)).isTrue();
            assertThat(online.timestampColumn("seen").get(0)).isEqualTo(day(3));
            assertThat(online.column("age").isMissing(0)).isTrue();
            assertThat(online.numericColumn("age").get(1)).isEqualTo(50);
            assertThat(online.column("income").isMissing(1)).isTrue();
            assertThat(online.column("flag").isMissing(1)).isTrue();
            assertThat(online.column("seen").isMissing(1)).isTrue();
        }

        @Test
        void timesAreComparedToTheMicrosecondAndReadBackAsIngested() {
            Instant event = T0.plusNanos(1_500);
            GroupHistory history = GroupHistory.of(V1, List.of(new RecordBatch(1, T0.plusNanos(2_700), Table.of(
                    CategoricalColumn.of("customer_id", "a"), TimestampColumn.of("observed_at", event),
                    NumericColumn.of("age", 1)))));
            assertThat(history.asOf(V1, List.of(AGE), T0.plusNanos(1_999), T0.plusNanos(2_000)).rowCount()).isEqualTo(1);
            assertThat(history.asOf(V1, List.of(AGE), T0.plusNanos(999), day(1)).rowCount()).isZero();
            assertThat(history.asOf(V1, List.of(AGE), day(1), T0.plusNanos(1_999)).rowCount()).isZero();
            assertThat(history.asOf(V1, List.of(AGE), day(1), day(1)).timestampColumn("observed_at").get(0))
                    .isEqualTo(event);
            assertThat(history.lastWrite()).isEqualTo(T0.plusNanos(2_700));
            assertThat(GroupHistory.micros(T0.plusNanos(1_500))).isEqualTo(GroupHistory.micros(T0) + 1);
            assertThat(EpochMicros.instant(GroupHistory.micros(T0) + 1)).isEqualTo(T0.plusNanos(1_000));
            assertThat(EpochMicros.instant(-1)).isEqualTo(Instant.EPOCH.minusNanos(1_000));
        }

        @Test
        void boundsBeyondTheRangeOfMicrosecondsSaturate() {
            assertThat(GroupHistory.saturatedMicros(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
            assertThat(GroupHistory.saturatedMicros(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
            assertThat(GroupHistory.saturatedMicros(T0.plusNanos(2_500))).isEqualTo(GroupHistory.micros(T0) + 2);
            GroupHistory history = history(batch(1, 10, "a", 1, 30, 100));
            assertThat(history.asOf(V1, List.of(AGE), Instant.MAX, Instant.MAX).rowCount()).isEqualTo(1);
            assertThat(history.export(V1, List.of(AGE), Instant.MIN, Instant.MAX).rowCount()).isEqualTo(1);
            assertThatThrownBy(() -> GroupHistory.micros(Instant.MAX)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("time +1000000000-12-31T23:59:59.999999999Z is beyond the range the "
                            + "feature store keeps");
        }

        @Test
        void theTtlIsMeasuredInMicrosecondsAndAHugeOneNeverExpires() {
            FeatureGroup fine = V1.toBuilder().ttl(Duration.ofNanos(1_500)).build();
            long ttl = GroupHistory.ttlMicros(fine);
            assertThat(ttl).isEqualTo(1);
            assertThat(GroupHistory.ttlMicros(V1)).isEqualTo(Long.MAX_VALUE);
            assertThat(GroupHistory.ttlMicros(V1.toBuilder().ttl(Duration.ofSeconds(Long.MAX_VALUE)).build()))
                    .isEqualTo(Long.MAX_VALUE);
            assertThat(GroupHistory.expired(10, 11, 1)).isFalse();
            assertThat(GroupHistory.expired(10, 12, 1)).isTrue();
            assertThat(GroupHistory.expired(10, 11, 0)).isTrue();
            assertThat(GroupHistory.expired(10, 10, 0)).isFalse();
            assertThat(GroupHistory.expired(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE)).isTrue();
            assertThat(GroupHistory.expired(Long.MIN_VALUE, -2, Long.MAX_VALUE)).isFalse();
            assertThat(GroupHistory.expired(Long.MIN_VALUE, Long.MIN_VALUE, 0)).isFalse();
        }

        @Test
        void aSnapshotDoesNotSeeEntitiesAppendedAfterIt() {
            GroupHistory history = history(batch(1, 10, "a", 1, 30, 100));
            GroupHistory.Snapshot before = history.snapshot();
            history.append(batch(2, 11, "b", 1, 30, 100));
            assertThat(before.code("b")).isEqualTo(-1);
            assertThat(before.code("a")).isZero();
            assertThat(history.snapshot().code("b")).isEqualTo(1);
        }

        @Test
        void aBatchNumberIsNotNegative() {
            Table empty = Table.of(CategoricalColumn.of("customer_id"), TimestampColumn.of("observed_at"));
            assertThat(new RecordBatch(0, T0, empty).number()).isZero();
            assertThatThrownBy(() -> new RecordBatch(-1, T0, empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a batch number is not negative but was -1");
            GroupHistory history = GroupHistory.of(V1, List.of(new RecordBatch(0, T0, empty)));
            assertThat(history.size()).isZero();
            assertThat(history.lastWrite()).isEqualTo(T0);
        }
    }

    @Nested
    class Refusals {
        @Test
        void aBatchNumberedOutOfOrder() {
            GroupHistory history = history(batch(5, 10, "a", 1, 30, 100));
            assertThatThrownBy(() -> history.append(batch(5, 11, "b", 1, 1, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batch 5 of group 'customer' comes after batch 5: batches are appended once, in "
                            + "increasing number");
            assertThat(history.size()).isEqualTo(1);
        }

        @Test
        void aBatchWithoutTheEntityKeyOrWithAMissingOne() {
            GroupHistory history = new GroupHistory(V1);
            assertThatThrownBy(() -> history.append(new RecordBatch(1, T0,
                    Table.of(TimestampColumn.of("observed_at", T0)))))
                    .hasMessage("batch 1 of group 'customer' has no entity key column 'customer_id'; its columns are "
                            + "[observed_at]");
            assertThatThrownBy(() -> history.append(new RecordBatch(1, T0, Table.of(
                    CategoricalColumn.of("customer_id", "a", null), TimestampColumn.of("observed_at", T0, T0)))))
                    .hasMessage("row 1 of batch 1 of group 'customer' has no entity key 'customer_id'");
            assertThatThrownBy(() -> history.append(new RecordBatch(1, T0, Table.of(
                    CategoricalColumn.of("customer_id", "a"), TimestampColumn.of("observed_at", (Instant) null)))))
                    .hasMessage("row 0 of batch 1 of group 'customer' has no event time 'observed_at'");
            assertThatThrownBy(() -> history.append(new RecordBatch(1, T0, Table.of(
                    CategoricalColumn.of("customer_id", "a"), NumericColumn.of("observed_at", 1)))))
                    .hasMessage("the event time column 'observed_at' of batch 1 of group 'customer' is NUMERIC but "
                            + "must be TIMESTAMP");
            assertThat(history.size()).isZero();
        }

        @Test
        void aFeatureChangingType() {
            GroupHistory history = history(batch(1, 10, "a", 1, 30, 100));
            assertThatThrownBy(() -> history.append(new RecordBatch(2, T0, Table.of(
                    CategoricalColumn.of("customer_id", "a"), TimestampColumn.of("observed_at", T0),
                    BooleanColumn.of("age", true)))))
                    .hasMessage("feature 'age' of group 'customer' is BOOLEAN in batch 2 but was NUMERIC before");
            assertThatThrownBy(() -> history.online(V1, List.of(Feature.of("age", ColumnType.BOOLEAN)), List.of("a"),
                    T0)).isInstanceOf(FeatureStoreException.class)
                    .hasMessage("feature 'age' of group 'customer' is defined as BOOLEAN but its records hold NUMERIC");
        }
    }

    @Test
    void readersSeeWholeBatchesWhileAnotherThreadAppends() throws Exception {
        GroupHistory history = new GroupHistory(V1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<List<Long>> reader = pool.submit(() -> {
                start.await();
                List<Long> sizes = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    Table online = history.online(V1, List.of(AGE), List.of("a", "b"), day(100));
                    if (!online.column("age").isMissing(0)) {
                        assertThat(online.numericColumn("age").get(1)).isEqualTo(online.numericColumn("age").get(0));
                    }
                    sizes.add(history.size());
                }
                return sizes;
            });
            start.countDown();
            for (int n = 1; n <= 200; n++) {
                history.append(batch(n, n, "a", n, n, n, "b", n, n, n));
            }
            assertThat(reader.get(60, TimeUnit.SECONDS)).isSorted().allMatch(size -> size % 2 == 0);
        } finally {
            pool.shutdownNow();
        }
    }
}
