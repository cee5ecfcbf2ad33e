package dev.mlops.testkit;

import java.nio.file.Path;

/** {@link FeatureStoreContract} on a SQLite file. */
class SqliteFileFeatureStoreTest extends FeatureStoreContract {
    @Override
    protected String databaseUrl(Path workDirectory) {
        return "jdbc:sqlite:" + workDirectory.resolve("features.db");
    }
}
