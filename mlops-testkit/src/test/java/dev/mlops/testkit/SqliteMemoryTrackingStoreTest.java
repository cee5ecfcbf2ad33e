package dev.mlops.testkit;

import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.time.Clock;

/** {@link TrackingStoreContract} on SQLite in memory. */
class SqliteMemoryTrackingStoreTest extends TrackingStoreContract {
    @Override
    protected TrackingStore openStore(Path workDirectory, Clock storeClock) {
        return TrackingStore.open("jdbc:sqlite::memory:", workDirectory.resolve("artifacts"), storeClock);
    }
}
