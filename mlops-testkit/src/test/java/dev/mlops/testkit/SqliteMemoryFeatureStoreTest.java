package dev.mlops.testkit;

import java.nio.file.Path;

/** {@link FeatureStoreContract} on SQLite in memory (the second-store check is skipped). */
class SqliteMemoryFeatureStoreTest extends FeatureStoreContract {
    @Override
    protected String databaseUrl(Path workDirectory) {
        return "jdbc:sqlite::memory:";
    }
}
