package dev.mlops.testkit;

import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TrackingStoreContract} on a real PostgreSQL server. */
class PostgresTrackingStoreTest extends TrackingStoreContract {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected TrackingStore openStore(Path workDirectory, Clock storeClock) {
        return TrackingStore.open(POSTGRES.newDatabaseUrl(), workDirectory.resolve("artifacts"), storeClock);
    }
}
