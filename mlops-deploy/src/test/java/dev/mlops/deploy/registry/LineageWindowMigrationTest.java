package dev.mlops.deploy.registry;

import static dev.mlops.deploy.registry.RegistryFixture.ALICE;
import static dev.mlops.deploy.registry.RegistryFixture.FORMATS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 of the registry's schema turns the lineage windows written in milliseconds into microseconds. */
class LineageWindowMigrationTest {
    @TempDir
    Path directory;

    @Test
    void aWindowWrittenInMillisecondsReadsBackTheSameAfterTheMigration() {
        try (Database database = Database.inMemory()) {
            database.migrate(SqlModelRegistry.MIGRATIONS.upTo("1"));
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
            try (ModelRegistry registry = ModelRegistry.builder(directory).database(database).formats(FORMATS)
                    .open()) {
                assertThat(registry.require(ALICE, "credit", 1).lineage().inputs()).containsExactly(
                        LineageInput.of("customer", "feature-group", "1").between(
                                Instant.parse("2026-01-01T00:00:00.123Z"), Instant.parse("2026-01-01T00:00:01Z")),
                        LineageInput.of("credit-g.csv", "table", "1"));
            }
        }
    }
}
