package dev.mlops.testkit;

import dev.mlops.store.Database;
import dev.mlops.store.DatabaseOptions;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DatabaseContract} on a real PostgreSQL server. */
class PostgresDatabaseTest extends DatabaseContract {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected Database openDatabase(DatabaseOptions options) {
        return Database.open(POSTGRES.newDatabaseUrl(), options);
    }
}
