package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.access.Principal;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import dev.mlops.store.Migrations;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Version 2 of the tracking and registry schemas turns the lineage windows written in
 * milliseconds into microseconds, on SQLite in memory and on a real PostgreSQL server: a database
 * left at version 1 with a window written in milliseconds reads back the same window once the
 * store has migrated it. The migrations are the stores' own scripts (their class-path
 * locations), stopped at version 1.
 */
class LineageWindowMigrationTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final List<LineageInput> EXPECTED = List.of(
            LineageInput.of("customer", "feature-group", "1").between(Instant.parse("2026-01-01T00:00:00.123Z"),
                    Instant.parse("2026-01-01T00:00:01Z")),
            LineageInput.of("credit-g.csv", "table", "1"));

    @TempDir
    Path directory;

    private static Database open(String database) {
        return database.equals("postgresql") ? Database.open(POSTGRES.newDatabaseUrl()) : Database.inMemory();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite-memory", "postgresql"})
    void aTrackedRunsWindowWrittenInMillisecondsReadsBackTheSameAfterTheMigration(String kind) {
        try (Database database = open(kind)) {
            database.migrate(Migrations.of("train", "dev/mlops/train/tracking/migrations",
                    TrackingStore.class.getClassLoader()).upTo("1"));
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
                assertThat(store.require("r1").inputs()).containsExactlyElementsOf(EXPECTED);
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite-memory", "postgresql"})
    void aModelVersionsWindowWrittenInMillisecondsReadsBackTheSameAfterTheMigration(String kind) {
        try (Database database = open(kind)) {
            database.migrate(Migrations.of("registry", "dev/mlops/deploy/registry/migrations",
                    ModelRegistry.class.getClassLoader()).upTo("1"));
            database.write(sql -> {
                sql.update("INSERT INTO registry_models (name, created_at, latest_version) VALUES ('credit', 0, 1)");
                sql.update("INSERT INTO registry_versions (model, version, format, sha256, size, stage, author,"
                        + " created_at, description) VALUES ('credit', 1, 'constant', '" + "ab".repeat(32) + "', 2,"
                        + " 'candidate', 'alice', 0, '')");
                sql.update("INSERT INTO registry_inputs (model, version, position, name, kind, input_version,"
                        + " window_start, window_end) VALUES ('credit', 1, 0, 'customer', 'feature-group', '1',"
                        + " 1767225600123, 1767225601000)");
                sql.update("INSERT INTO registry_inputs (model, version, position, name, kind, input_version)"
                        + " VALUES ('credit', 1, 1, 'credit-g.csv', 'table', '1')");
                return null;
            });
            try (ModelRegistry registry = ModelRegistry.builder(directory).database(database)
                    .formats(ComponentRegistry.defaults()).open()) {
                assertThat(registry.require(Principal.of("alice"), "credit", 1).lineage().inputs())
                        .containsExactlyElementsOf(EXPECTED);
            }
        }
    }
}
