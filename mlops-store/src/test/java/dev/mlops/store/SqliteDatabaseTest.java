package dev.mlops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite back ends promise: the file's settings, sharing a file, URLs and locking. */
class SqliteDatabaseTest {
    private static final Migrations SAMPLE =
            Migrations.of("sample", "dev/mlops/store/migrations/sample", SqliteDatabaseTest.class.getClassLoader());

    @TempDir
    Path directory;

    @Nested
    class OpeningByUrl {
        @Test
        void aFileUrlOpensThatFileCreatingMissingDirectories() {
            Path file = directory.resolve("a/b/mlops.db");
            try (Database database = Database.open("jdbc:sqlite:" + file)) {
                assertThat(database.dialect()).isEqualTo(Dialect.SQLITE);
                assertThat(database.file()).contains(file.toAbsolutePath());
                assertThat(database.name()).isEqualTo("jdbc:sqlite:" + file.toAbsolutePath());
                assertThat(database.toString()).isEqualTo("Database[jdbc:sqlite:" + file.toAbsolutePath() + "]");
            }
            assertThat(file).isRegularFile();
        }

        @Test
        void theMemoryUrlAndAnEmptyOneOpenPrivateDatabases() {
            try (Database first = Database.open("jdbc:sqlite::memory:");
                    Database second = Database.open("jdbc:sqlite:")) {
                first.write(sql -> sql.update("CREATE TABLE t (x INTEGER)"));
                assertThat(second.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM sqlite_master"))).isZero();
                assertThat(first.name()).isEqualTo("jdbc:sqlite::memory:");
                assertThat(first.file()).isEmpty();
            }
        }

        @Test
        void anInMemoryDatabaseIsGoneWhenClosed() {
            Database first = Database.inMemory();
            first.write(sql -> sql.update("CREATE TABLE t (x INTEGER)"));
            first.close();
            try (Database next = Database.inMemory()) {
                assertThat(next.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM sqlite_master"))).isZero();
            }
        }

        @Test
        void sqliteUriFormsAreRefusedWithTheFormsThatWork() {
            String uri = "jdbc:sqlite:file:" + directory.resolve("x.db") + "?mode=ro";
            assertThatThrownBy(() -> Database.open(uri))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("unsupported SQLite URL " + uri + ": give a file path "
                            + "(jdbc:sqlite:/path/mlops.db) or jdbc:sqlite::memory:");
            assertThatThrownBy(() -> Database.open("jdbc:sqlite::resource:" + directory.resolve("y.db")))
                    .isInstanceOf(StoreException.class).hasMessageStartingWith("unsupported SQLite URL");
        }

        @Test
        void anotherBackEndIsRefusedWithoutItsPassword() {
            assertThatThrownBy(() -> Database.open("jdbc:mysql://db:3306/x?user=a&password=secret"))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("unsupported database URL jdbc:mysql://db:3306/x?user=a&password=***: expected "
                            + "jdbc:sqlite:PATH, jdbc:sqlite::memory: or jdbc:postgresql://HOST:PORT/DATABASE");
        }

        @Test
        void anUnreachablePostgresqlServerIsNamedWithoutItsPassword() {
            DatabaseOptions quick = DatabaseOptions.builder().busyTimeout(Duration.ofMillis(300)).build();
            assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/x?password=secret", quick))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("could not connect to PostgreSQL database "
                            + "jdbc:postgresql://127.0.0.1:1/x?password=***: ")
                    .message().doesNotContain("secret");
            assertThatThrownBy(() -> Database.open("jdbc:postgresql://me:secret@127.0.0.1:1/x", quick))
                    .isInstanceOf(StoreException.class)
                    .message().contains("jdbc:postgresql://***@127.0.0.1:1/x").doesNotContain("secret");
        }

        @Test
        void aFileThatIsNotADatabaseIsRefusedNamingIt() throws Exception {
            Path notADatabase = directory.resolve("notes.db");
            Files.writeString(notADatabase, "these are notes, not a database, and long enough to be read as a header");
            assertThatThrownBy(() -> Database.sqlite(notADatabase))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("could not open SQLite database " + notADatabase.toAbsolutePath() + ": ");
        }
    }

    @Nested
    class TheFile {
        @Test
        void usesWriteAheadLoggingNormalSyncABusyTimeoutAndForeignKeys() {
            DatabaseOptions options = DatabaseOptions.builder().busyTimeout(Duration.ofMillis(1234)).build();
            try (Database database = Database.sqlite(directory.resolve("settings.db"), options)) {
                assertThat(database.<Optional<String>>read(sql -> sql.first("PRAGMA journal_mode", row -> row.getString(1))))
                        .contains("wal");
                assertThat(database.<Long>read(sql -> sql.queryLong("PRAGMA synchronous"))).isEqualTo(1L);
                assertThat(database.<Long>read(sql -> sql.queryLong("PRAGMA busy_timeout"))).isEqualTo(1234L);
                assertThat(database.<Long>read(sql -> sql.queryLong("PRAGMA foreign_keys"))).isEqualTo(1L);
            }
        }

        @Test
        void holdsWhatWasCommittedAfterReopening() {
            Path file = directory.resolve("reopen.db");
            try (Database database = Database.sqlite(file)) {
                database.migrate(SAMPLE);
                database.write(sql -> sql.update("INSERT INTO sample_items (id, name) VALUES (?, ?)", 1L, "München"));
            }
            try (Database database = Database.sqlite(file)) {
                assertThat(database.migrate(SAMPLE).applied()).isZero();
                assertThat(database.<Optional<String>>read(sql -> sql.first("SELECT name FROM sample_items", row -> row.getString(1))))
                        .contains("München");
            }
        }

        @Test
        void twoConnectionsToOneFileBothWriteEverything() throws Exception {
            Path file = directory.resolve("shared.db");
            try (Database first = Database.sqlite(file); Database second = Database.sqlite(file)) {
                first.migrate(SAMPLE);
                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    CountDownLatch start = new CountDownLatch(1);
                    Future<?> a = threads.submit(() -> insertMany(first, start, 0));
                    Future<?> b = threads.submit(() -> insertMany(second, start, 1000));
                    start.countDown();
                    a.get(60, TimeUnit.SECONDS);
                    b.get(60, TimeUnit.SECONDS);
                } finally {
                    threads.shutdownNow();
                }
                assertThat(second.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM sample_items"))).isEqualTo(400L);
            }
        }

        private Void insertMany(Database database, CountDownLatch start, long offset) throws InterruptedException {
            start.await();
            for (long i = 0; i < 200; i++) {
                long id = offset + i;
                database.write(sql -> sql.update("INSERT INTO sample_items (id, name) VALUES (?, ?)", id, "item " + id));
            }
            return null;
        }

        @Test
        void aWriterThatCannotGetTheLockReportsBusyAfterItsAttempts() throws Exception {
            Path file = directory.resolve("busy.db");
            DatabaseOptions impatient = DatabaseOptions.builder().busyTimeout(Duration.ZERO)
                    .retry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO)).build();
            try (Database holder = Database.sqlite(file); Database other = Database.sqlite(file, impatient)) {
                holder.migrate(SAMPLE);
                CountDownLatch locked = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                ExecutorService thread = Executors.newSingleThreadExecutor();
                try {
                    Future<?> holding = thread.submit(() -> holder.write(sql -> {
                        sql.update("INSERT INTO sample_items (id, name) VALUES (1, 'held')");
                        locked.countDown();
                        await(release);
                        return null;
                    }));
                    locked.await();
                    assertThatThrownBy(() -> other.write(sql -> sql.update(
                            "INSERT INTO sample_items (id, name) VALUES (2, 'blocked')")))
                            .isInstanceOf(StoreException.class)
                            .hasMessageStartingWith("database jdbc:sqlite:" + file.toAbsolutePath()
                                    + " stayed busy: 3 attempts failed, the last with: ")
                            .hasCauseInstanceOf(SQLException.class);
                    release.countDown();
                    holding.get(10, TimeUnit.SECONDS);
                } finally {
                    thread.shutdownNow();
                }
                assertThat(other.<Integer>write(sql -> sql.update("INSERT INTO sample_items (id, name) VALUES (2, 'later')")))
                        .isEqualTo(1);
                assertThat(other.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM sample_items"))).isEqualTo(2L);
            }
        }

        @Test
        void aWriterWaitsForTheLockWithinTheBusyTimeout() throws Exception {
            Path file = directory.resolve("wait.db");
            DatabaseOptions once = DatabaseOptions.builder().retry(RetryPolicy.NONE).build();
            try (Database holder = Database.sqlite(file); Database other = Database.sqlite(file, once)) {
                holder.migrate(SAMPLE);
                CountDownLatch locked = new CountDownLatch(1);
                ExecutorService thread = Executors.newSingleThreadExecutor();
                try {
                    Future<?> holding = thread.submit(() -> holder.write(sql -> {
                        sql.update("INSERT INTO sample_items (id, name) VALUES (1, 'held')");
                        locked.countDown();
                        pause(300);
                        return null;
                    }));
                    locked.await();
                    other.write(sql -> sql.update("INSERT INTO sample_items (id, name) VALUES (2, 'waited')"));
                    holding.get(10, TimeUnit.SECONDS);
                } finally {
                    thread.shutdownNow();
                }
                assertThat(other.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM sample_items"))).isEqualTo(2L);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
