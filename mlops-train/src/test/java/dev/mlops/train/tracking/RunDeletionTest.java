package dev.mlops.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a run leaves no row of it in any tracking table, and keeps every row of the other runs. */
class RunDeletionTest {
    private static final List<String> RUN_TABLES = List.of("train_params", "train_metrics", "train_latest_metrics",
            "train_tags", "train_inputs", "train_artifacts");

    @TempDir
    Path directory;

    @Test
    void aDeletedRunLeavesNoRowBehind() {
        try (Database database = Database.inMemory();
                TrackingStore store = TrackingStore.open(database, ArtifactStore.open(directory), Clock.systemUTC())) {
            String doomed = logEverything(store, "doomed");
            String kept = logEverything(store, "kept");

            store.deleteRun(doomed);

            for (String table : RUN_TABLES) {
                assertThat(rows(database, table, doomed)).as(table + " rows of the deleted run").isZero();
                assertThat(rows(database, table, kept)).as(table + " rows of the other run").isPositive();
            }
            assertThat(database.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM train_runs WHERE id = ?", doomed)))
                    .isZero();
        }
    }

    private static String logEverything(TrackingStore store, String name) {
        ActiveRun run = store.startRun("credit", RunSpec.builder().name(name).codeVersion("c").build());
        run.logParam("lr", "0.1").logMetric("auc", 0.8).setTag("t", "v")
                .addInput(LineageInput.of("credit-g.csv", "table", "1"));
        run.logArtifact("notes.txt", name.getBytes(StandardCharsets.UTF_8));
        run.logMetrics(Map.of("loss", 0.3), 1);
        return run.id();
    }

    private static long rows(Database database, String table, String runId) {
        return database.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", runId));
    }
}
