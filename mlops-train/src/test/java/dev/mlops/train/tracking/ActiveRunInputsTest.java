package dev.mlops.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.lineage.LineageInput;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run records a list of lineage inputs (a feature join's groups) in order, with their windows. */
class ActiveRunInputsTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-07-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void addInputsRecordsEveryInputInOrderAfterThoseAlreadyRecorded() {
        LineageInput table = LineageInput.of("entities.csv", "table", "1");
        LineageInput customer = LineageInput.of("customer", "feature-group", "2@2026-07-01T00:00:00Z")
                .between(FROM, UNTIL);
        LineageInput merchant = LineageInput.of("merchant", "feature-group", "1@2026-07-01T00:00:00Z")
                .between(FROM, UNTIL);
        try (TrackingStore store = TrackingStore.open("jdbc:sqlite::memory:", directory,
                Clock.fixed(FROM, ZoneOffset.UTC));
                ActiveRun run = store.startRun("credit", RunSpec.builder().name("joined").build())) {
            assertThat(run.addInput(table).addInputs(List.of(customer, merchant))).isSameAs(run);
            assertThat(run.addInputs(List.of())).isSameAs(run);
            assertThat(store.require(run.id()).inputs()).containsExactly(table, customer, merchant);
        }
    }
}
