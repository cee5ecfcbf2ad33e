package dev.mlops.testkit;

import dev.mlops.store.Database;
import dev.mlops.store.DatabaseOptions;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** {@link DatabaseContract} on SQLite files. */
class SqliteFileDatabaseTest extends DatabaseContract {
    private final AtomicInteger files = new AtomicInteger();

    @TempDir
    Path directory;

    @Override
    protected Database openDatabase(DatabaseOptions options) {
        return Database.sqlite(directory.resolve("contract-" + files.incrementAndGet() + ".db"), options);
    }
}
