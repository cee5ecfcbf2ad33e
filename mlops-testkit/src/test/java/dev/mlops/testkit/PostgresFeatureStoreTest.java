package dev.mlops.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FeatureStoreContract} on a real PostgreSQL server. */
class PostgresFeatureStoreTest extends FeatureStoreContract {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected String databaseUrl(Path workDirectory) {
        return POSTGRES.newDatabaseUrl();
    }
}
