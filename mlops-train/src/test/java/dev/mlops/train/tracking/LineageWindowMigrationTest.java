package dev.mlops.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 of the tracking schema turns the lineage windows written in milliseconds into microseconds. */
class LineageWindowMigrationTest {
    @TempDir
    Path directory;

    @Test
    void aWindowWrittenInMillisecondsReadsBackTheSameAfterTheMigration() {
        try (Database database = Database.inMemory()) {
            database.migrate(SqlTrackingStore.MIGRATIONS.upTo("1"));
            database.write(sql -> {
                sql.update("INSERT INTO train_experiments (id, name, created_at) VALUES ('e1', 'credit', 0)");
                sql.update("INSERT INTO train_runs (id, experiment_id, name, status, start_time, end_time, user_name,"
                        + " owner_host, owner_pid, owner_started) VALUES ('r1', 'e1', 'old', 'finished', 0, 1, 'ada',"
                        + " 'host', 1, 0)");
                sql.update("INSERT INTO train_inputs (run_id, position, name, kind, version, window_start, window_end)"
                        + " VALUES ('r1', 0, 'customer', 'feature-group', '1', 1767225600123, 1767225601000)");
                sql.update("INSERT INTO train_inputs (run_id, position, name, kind, version) VALUES ('r1', 1,"
                        + " 'credit-g.csv', 'table', '1')");
                return null;
            });
            try (TrackingStore store = TrackingStore.open(database, ArtifactStore.open(directory),
                    Clock.systemUTC())) {
                assertThat(store.require("r1").inputs()).containsExactly(
                        LineageInput.of("customer", "feature-group", "1").between(
                                Instant.parse("2026-01-01T00:00:00.123Z"), Instant.parse("2026-01-01T00:00:01Z")),
                        LineageInput.of("credit-g.csv", "table", "1"));
            }
        }
    }
}
