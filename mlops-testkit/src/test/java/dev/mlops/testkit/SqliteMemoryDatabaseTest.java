package dev.mlops.testkit;

import dev.mlops.store.Database;
import dev.mlops.store.DatabaseOptions;

/** {@link DatabaseContract} on SQLite in memory. */
class SqliteMemoryDatabaseTest extends DatabaseContract {
    @Override
    protected Database openDatabase(DatabaseOptions options) {
        return Database.open("jdbc:sqlite::memory:", options);
    }
}
