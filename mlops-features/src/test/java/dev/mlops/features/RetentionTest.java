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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention deletes superseded history older than the group's retention, and keeps each latest record. */
class RetentionTest {
    private final StoreClock clock = new StoreClock(T0.plus(Duration.ofDays(100)));
    private final FeatureStore store = StoreFixture.store(clock);

    @BeforeEach
    void ingest() {
        store.define(WRITER, StoreFixture.customer().retention(Duration.ofDays(30)).build());
        store.define(WRITER, FeatureGroup.builder("account").feature(Feature.of("balance", ColumnType.NUMERIC)).build());
        // c1: days 10, 40, 90 (two superseded, both older than day 70, the cutoff)
        store.ingest(WRITER, "customer", List.of(record("c1", 10, 1.0, null, null), record("c1", 40, 2.0, null, null),
                record("c1", 90, 3.0, null, null), record("c2", 10, 4.0, null, null),
                record("c3", 80, 5.0, null, null)));
        // a correction of c3's day 80 record: the first becomes superseded, but is younger than the retention
        store.ingest(WRITER, "customer", List.of(record("c3", 80, 6.0, null, null),
                record("c2", 10, 7.0, null, null)));
        store.ingest(WRITER, "account", List.of(FeatureRecord.of("a1", T0, java.util.Map.of("balance", 1.0)),
                FeatureRecord.of("a1", T0.plus(Duration.ofDays(1)), java.util.Map.of("balance", 2.0))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Table history(String group, String feature) {
        return store.export(WRITER, FeatureSelection.of(group, feature), Instant.EPOCH, T0.plus(Duration.ofDays(365)));
    }

    @Test
    void supersededRecordsOlderThanTheRetentionAreDeletedAndEachLatestKept() {
        assertThat(history("customer", "age").rowCount()).isEqualTo(7);
        store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1"));
        Instant insideTheWindow = T0.plus(Duration.ofDays(75));
        Table before = store.asOf(READER, FeatureSelection.of("customer", "age"), insideTheWindow);
        RetentionResult result = store.applyRetention(WRITER);
        assertThat(result).isEqualTo(new RetentionResult(1, 2));
        Table kept = history("customer", "age");
        assertThat(kept.numericColumn("age").toArray()).as("c1's day 10 and c2's first day 10 go; c1's day 40 is the "
                + "newest at the cutoff (day 70); c3's superseded day 80 is younger than 30 days")
                .containsExactly(7.0, 2.0, 5.0, 6.0, 3.0);
        assertThat(store.asOf(READER, FeatureSelection.of("customer", "age"), insideTheWindow))
                .as("an as-of read inside the window is unchanged").isEqualTo(before);
        assertThat(history("account", "balance").rowCount()).as("a group without retention keeps all").isEqualTo(2);
        assertThat(store.online(READER, FeatureSelection.of("customer", "age"), List.of("c1", "c2"))
                .numericColumn("age").toArray()).as("memory rebuilt").containsExactly(3.0, 7.0);
        assertThat(store.applyRetention(WRITER)).as("applying again removes nothing")
                .isEqualTo(new RetentionResult(1, 0));
    }

    @Test
    void applyingRetentionNeedsTheDefineRightAndIsAudited() {
        assertThatThrownBy(() -> store.applyRetention(READER))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("ana may not features.define feature/customer");
        assertThat(history("customer", "age").rowCount()).as("nothing deleted").isEqualTo(7);
        store.applyRetention(WRITER);
        List<AuditEntry> defines = store.audit(READER).stream()
                .filter(entry -> entry.action().equals(FeatureStore.DEFINE) && entry.detail().contains("retention"))
                .toList();
        assertThat(defines).extracting(AuditEntry::outcome).containsExactly(Outcome.DENIED, Outcome.ALLOWED);
        assertThat(defines.get(1).detail()).endsWith("apply retention PT720H");
    }
}
