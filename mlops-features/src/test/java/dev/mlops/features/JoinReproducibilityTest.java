package dev.mlops.features;

import static dev.mlops.features.StoreFixture.READER;
import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static dev.mlops.features.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A join re-run from its lineage (the known-at bound and the mode in the version) returns the same
 * table after later writes, corrections of earlier events included, for each knowledge mode.
 */
class JoinReproducibilityTest {
    private static final Instant W1 = day(20);
    private static final Instant W2 = day(22);
    private static final Instant W3 = day(26);

    private final StoreClock clock = new StoreClock(W1);
    private final FeatureStore store = StoreFixture.store(clock);
    /** c1 before W2 and after it, c2 between W1 and W2 (sees the W1 writes only under prediction time). */
    private final Table rows = Table.of(CategoricalColumn.of("customer_id", "c1", "c1", "c2", "c2"),
            TimestampColumn.of("predicted_at", day(21), day(30), day(21), day(24)));

    private static Instant day(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    @BeforeEach
    void ingestTheFirstTwoBatches() {
        store.define(WRITER, StoreFixture.customer().build());
        clock.set(W1);
        store.ingest(WRITER, "customer", List.of(record("c1", 10, 40.0, "gold", null),
                record("c2", 12, 50.0, "blue", null)));
        clock.set(W2);
        // a correction of c1's day 10 (same event time, later write) and a late record of c2
        store.ingest(WRITER, "customer", List.of(record("c1", 10, 41.0, "gold", null),
                record("c2", 15, 55.0, "blue", null)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void ingestLaterWrites() {
        clock.set(W3);
        store.ingest(WRITER, "customer", List.of(record("c1", 10, 42.0, "gold", null),
                record("c2", 15, 56.0, "red", null), record("c2", 20, 60.0, "red", null),
                record("c1", 25, 43.0, "gold", null)));
    }

    private JoinResult join(UnaryOperator<JoinRequest.Builder> knowledge) {
        return store.join(READER, knowledge.apply(JoinRequest.builder(rows, "predicted_at")
                .features(FeatureSelection.of("customer", "age", "segment"))).build());
    }

    /** Rebuilds the knowledge bound from a lineage version, as a user reading a run's inputs would. */
    private JoinResult rerun(LineageInput input) {
        String version = input.version().orElseThrow();
        String bound = version.substring(version.indexOf('@') + 1);
        if (bound.endsWith(PointInTimeJoin.PREDICTION_TIME_SUFFIX)) {
            Instant cap = Instant.parse(bound.substring(0, bound.length() - PointInTimeJoin.PREDICTION_TIME_SUFFIX.length()));
            return join(builder -> builder.knownAtPredictionTime(cap));
        }
        return join(builder -> builder.knownAt(Instant.parse(bound)));
    }

    @Test
    void latestIsReproducedByItsBound() {
        JoinResult first = join(UnaryOperator.identity());
        assertThat(first.table().numericColumn("age").toArray()).containsExactly(41, 41, 55, 55);
        assertThat(first.knownAt()).isEqualTo(W2);
        assertThat(first.lineage().get(0).version()).contains("1@" + W2);
        ingestLaterWrites();
        assertThat(join(UnaryOperator.identity()).table()).isNotEqualTo(first.table());
        JoinResult again = rerun(first.lineage().get(0));
        assertThat(again.table()).isEqualTo(first.table());
        assertThat(again.withKnownAt()).isEqualTo(first.withKnownAt());
        assertThat(again.lineage()).isEqualTo(first.lineage());
    }

    @Test
    void asOfIsReproducedByItsBound() {
        JoinResult first = join(builder -> builder.knownAt(W1));
        assertThat(first.table().numericColumn("age").toArray()).containsExactly(40, 40, 50, 50);
        assertThat(first.lineage().get(0).version()).contains("1@" + W1);
        ingestLaterWrites();
        JoinResult again = rerun(first.lineage().get(0));
        assertThat(again.table()).isEqualTo(first.table());
        assertThat(again.withKnownAt()).isEqualTo(first.withKnownAt());
        assertThat(again.lineage()).isEqualTo(first.lineage());
    }

    @Test
    void predictionTimeIsReproducedByItsCapAndMode() {
        JoinResult first = join(JoinRequest.Builder::knownAtPredictionTime);
        // day 21 rows see only the W1 writes; day 24 and 30 also the W2 correction and late record
        assertThat(first.table().numericColumn("age").toArray()).containsExactly(40, 41, 50, 55);
        assertThat(first.knownAt()).isEqualTo(W2);
        assertThat(first.lineage().get(0).version()).contains("1@" + W2 + "/prediction-time");
        ingestLaterWrites();
        // without the cap, the day 30 row now sees the W3 writes
        assertThat(join(JoinRequest.Builder::knownAtPredictionTime).table().numericColumn("age").toArray())
                .containsExactly(40, 43, 50, 55);
        JoinResult again = rerun(first.lineage().get(0));
        assertThat(again.table()).isEqualTo(first.table());
        assertThat(again.withKnownAt()).isEqualTo(first.withKnownAt());
        assertThat(again.knownAt()).isEqualTo(first.knownAt());
        assertThat(again.lineage()).isEqualTo(first.lineage());
    }

    @Test
    void anAsOfReadAtThePredictionTimeCapIsNotThePredictionTimeJoin() {
        JoinResult perRow = join(JoinRequest.Builder::knownAtPredictionTime);
        JoinResult asOf = join(builder -> builder.knownAt(perRow.knownAt()));
        assertThat(asOf.table()).isNotEqualTo(perRow.table());
        assertThat(asOf.lineage().get(0).version()).isNotEqualTo(perRow.lineage().get(0).version());
    }
}
