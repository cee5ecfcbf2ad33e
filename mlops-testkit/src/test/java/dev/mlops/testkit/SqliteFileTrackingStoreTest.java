package dev.mlops.testkit;

import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.time.Clock;

/** {@link TrackingStoreContract} on a SQLite file. */
class SqliteFileTrackingStoreTest extends TrackingStoreContract {
    @Override
    protected TrackingStore openStore(Path workDirectory, Clock storeClock) {
        return TrackingStore.open("jdbc:sqlite:" + workDirectory.resolve("tracking.db"),
                workDirectory.resolve("artifacts"), storeClock);
    }
}
