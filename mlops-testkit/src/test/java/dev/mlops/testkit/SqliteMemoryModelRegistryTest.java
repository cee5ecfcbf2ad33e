package dev.mlops.testkit;

import java.nio.file.Path;

/** {@link ModelRegistryContract} on SQLite in memory (the two-process race is skipped). */
class SqliteMemoryModelRegistryTest extends ModelRegistryContract {
    @Override
    protected String databaseUrl(Path workDirectory) {
        return "jdbc:sqlite::memory:";
    }
}
