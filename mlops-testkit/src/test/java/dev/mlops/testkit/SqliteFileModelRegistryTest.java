package dev.mlops.testkit;

import java.nio.file.Path;

/** {@link ModelRegistryContract} on a SQLite file. */
class SqliteFileModelRegistryTest extends ModelRegistryContract {
    @Override
    protected String databaseUrl(Path workDirectory) {
        return "jdbc:sqlite:" + workDirectory.resolve("registry.db");
    }
}
