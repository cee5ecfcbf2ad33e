package dev.mlops.store;

import dev.mlops.core.io.InterProcessLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relational database that typed stores keep their records in, opened by JDBC URL:
 *
 * <pre>{@code
 * try (Database db = Database.open("jdbc:sqlite:/var/lib/team/mlops.db")) {   // or Database.inMemory()
 *     db.migrate(Migrations.of("train", "dev/mlops/train/migrations", MyStore.class.getClassLoader()));
 *     long runs = db.read(sql -> sql.queryLong("SELECT COUNT(*) FROM train_runs"));
 *     db.write(sql -> sql.update("DELETE FROM train_runs WHERE status = ?", "killed"));
 * }
 * }</pre>
 *
 * <p>Three back ends, one behaviour:
 * <ul>
 *   <li>{@code jdbc:sqlite:PATH} — a SQLite file, the embedded default: one file a person can
 *       open with {@code sqlite3} or pandas; write-ahead logging ({@code journal_mode=WAL}) with
 *       {@code synchronous=NORMAL} (a committed transaction survives a crash of the process; a
 *       power failure may lose the last ones, never corrupt the file) and a busy timeout, so two
 *       processes on one machine can share it. Missing parent directories are created.</li>
 *   <li>{@code jdbc:sqlite::memory:} or {@link #inMemory()} — a private SQLite database in memory,
 *       for unit tests and notebooks, gone when closed.</li>
 *   <li>{@code jdbc:postgresql://HOST:PORT/DB} — PostgreSQL for a team, through a small HikariCP
 *       pool; user and password in the URL or in {@link DatabaseOptions}.</li>
 * </ul>
 *
 * <p>Every {@link #write} is one transaction, committed whole or rolled back whole; a transient
 * conflict (SQLite busy, a PostgreSQL serialization failure or deadlock) rolls back and retries the
 * whole work under the {@link RetryPolicy}. Transactions do not nest: calling {@code write} or
 * {@code read} from inside work given to either is refused. A SQLite database runs one
 * transaction at a time per process (threads wait their turn); PostgreSQL runs as many as the pool
 * has connections.
 *
 * <p>Access control: whoever can write a SQLite file can change it outside this library; a team
 * that needs more protection uses PostgreSQL with its own roles.
 *
 * <p>Thread-safe. Failures are {@link StoreException}s naming the database (its URL without a
 * password).
 */
public final class Database implements AutoCloseable {
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@]*):([^/@]*)@");
    private static final AtomicLong MEMORY_DATABASES = new AtomicLong();
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String name;
    private final Dialect dialect;
    private final @Nullable Path file;
    private final Connections connections;
    private final RetryPolicy retry;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private volatile boolean closed;

    private Database(String name, Dialect dialect, @Nullable Path file, Connections connections, RetryPolicy retry) {
        this.name = name;
        this.dialect = dialect;
        this.file = file;
        this.connections = connections;
        this.retry = retry;
    }

    /**
     * Opens a database by JDBC URL with the default options.
     *
     * @param url {@code jdbc:sqlite:PATH}, {@code jdbc:sqlite::memory:} or {@code jdbc:postgresql://...}
     * @return the open database
     * @throws StoreException if the URL names another back end or the database cannot be reached
     */
    public static Database open(String url) {
        return open(url, DatabaseOptions.defaults());
    }

    /**
     * Opens a database by JDBC URL.
     *
     * @param url {@code jdbc:sqlite:PATH}, {@code jdbc:sqlite::memory:} or {@code jdbc:postgresql://...}
     * @param options how to connect and retry
     * @return the open database
     * @throws StoreException if the URL names another back end or the database cannot be reached
     */
    public static Database open(String url, DatabaseOptions options) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        String name = redact(url);
        if (url.startsWith(SQLITE_PREFIX)) {
            String target = url.substring(SQLITE_PREFIX.length());
            if (target.isEmpty() || target.equals(":memory:")) {
                return memory(options);
            }
            if (target.startsWith("file:") || target.startsWith(":")) {
                throw new StoreException("unsupported SQLite URL " + name + ": give a file path "
                        + "(jdbc:sqlite:/path/mlops.db) or jdbc:sqlite::memory:");
            }
            return sqlite(Path.of(target), options);
        }
        if (url.startsWith(POSTGRESQL_PREFIX)) {
            try {
                return new Database(name, Dialect.POSTGRESQL, null, new PooledConnections(url, name, options),
                        options.retry());
            } catch (RuntimeException e) {
                String message = rootMessage(e);
                for (String secret : secrets(url, options)) {
                    message = message.replace(secret, "***");
                }
                throw new StoreException("could not connect to PostgreSQL database " + name + ": " + message);
            }
        }
        throw new StoreException("unsupported database URL " + name
                + ": expected jdbc:sqlite:PATH, jdbc:sqlite::memory: or jdbc:postgresql://HOST:PORT/DATABASE");
    }

    /**
     * Opens (creating if absent) a SQLite file with the default options.
     *
     * @param file the database file; missing parent directories are created
     * @return the open database
     * @throws StoreException if the file cannot be opened as a SQLite database
     */
    public static Database sqlite(Path file) {
        return sqlite(file, DatabaseOptions.defaults());
    }

    /**
     * Opens (creating if absent) a SQLite file.
     *
     * @param file the database file; missing parent directories are created
     * @param options how to wait and retry
     * @return the open database
     * @throws StoreException if the file cannot be opened as a SQLite database
     */
    public static Database sqlite(Path file, DatabaseOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Path absolute = file.toAbsolutePath().normalize();
        String name = SQLITE_PREFIX + absolute;
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the directory of SQLite database " + absolute, e);
        }
        try {
            Database database = new Database(name, Dialect.SQLITE, absolute,
                    new SqliteConnections(name, true, options), options.retry());
            database.read(sql -> sql.queryLong("SELECT COUNT(*) FROM sqlite_master"));
            return database;
        } catch (SQLException | StoreException e) {
            throw new StoreException("could not open SQLite database " + absolute + ": " + rootMessage(e), e);
        }
    }

    /**
     * Opens a new, private SQLite database in memory, gone when closed.
     *
     * @return the open database
     */
    public static Database inMemory() {
        return memory(DatabaseOptions.defaults());
    }

    private static Database memory(DatabaseOptions options) {
        String shared = "file:mlops-memory-" + MEMORY_DATABASES.incrementAndGet() + "?mode=memory&cache=shared";
        try {
            return new Database(SQLITE_PREFIX + ":memory:", Dialect.SQLITE, null,
                    new SqliteConnections(SQLITE_PREFIX + shared, false, options), options.retry());
        } catch (SQLException e) {
            throw new StoreException("could not open an in-memory SQLite database: " + e.getMessage(), e);
        }
    }

    /** @return the back end's SQL dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the JDBC URL with any password removed, for messages */
    public String name() {
        return name;
    }

    /** @return the SQLite file, or empty in memory and on PostgreSQL */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Runs work in one write transaction: committed if it returns, rolled back if it throws, and
     * retried whole on a transient conflict.
     *
     * @param work the statements; must not have effects outside the database (it may run again)
     * @param <T> what the work returns
     * @return the work's result
     * @throws StoreException if a statement fails, or conflicts outlast the retry policy
     * @throws IllegalStateException if called from inside another transaction of this database,
     *     or after {@link #close()}
     */
    public <T> T write(SqlWork<T> work) {
        return transaction(work, true);
    }

    /**
     * Runs work in one read transaction, which sees one consistent state of the database.
     *
     * @param work the queries
     * @param <T> what the work returns
     * @return the work's result
     * @throws StoreException if a query fails
     * @throws IllegalStateException if called from inside another transaction of this database,
     *     or after {@link #close()}
     */
    public <T> T read(SqlWork<T> work) {
        return transaction(work, false);
    }

    /**
     * Brings an owner's tables up to date (or up to {@link Migrations#upTo its target}) with
     * Flyway, recording what was applied in the owner's own history table. Concurrent calls from
     * several processes are safe: PostgreSQL takes Flyway's lock, a SQLite file a file lock beside
     * it.
     *
     * @param migrations the owner's scripts
     * @return what was applied and the version afterwards
     * @throws StoreException if a script fails (its changes are rolled back), the location holds no
     *     scripts, or the database holds a newer version than the scripts know
     */
    @SuppressWarnings("try") // the lock guards the block without being mentioned in it
    public MigrationResult migrate(Migrations migrations) {
        Objects.requireNonNull(migrations, "migrations");
        ensureOpen();
        FluentConfiguration configuration = Flyway.configure(migrations.classLoader())
                .dataSource(connections.migrationSource())
                .locations("classpath:" + migrations.location())
                .table(migrations.historyTable())
                .placeholders(dialect.placeholders())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .loggers("slf4j");
        migrations.targetVersion().ifPresent(version -> configuration.target(MigrationVersion.fromVersion(version)));
        Flyway flyway = configuration.load();
        try (InterProcessLock lock = fileLock()) {
            return dialect == Dialect.SQLITE ? whileHolding(() -> migrate(flyway, migrations)) : migrate(flyway, migrations);
        } catch (FlywayException e) {
            throw new StoreException("migrating owner '" + migrations.owner() + "' of database " + name + " failed: "
                    + e.getMessage(), e);
        }
    }

    private MigrationResult migrate(Flyway flyway, Migrations migrations) {
        refuseNewer(flyway.info(), migrations);
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        String version = current == null ? "0" : current.getVersion().getVersion();
        if (version.equals("0")) {
            throw new StoreException("no migrations of owner '" + migrations.owner() + "' found at classpath:"
                    + migrations.location() + " for database " + name);
        }
        return new MigrationResult(migrations.owner(), result.migrationsExecuted, version);
    }

    /** A database written by a newer release must not be changed, nor read as if it were older. */
    private void refuseNewer(MigrationInfoService info, Migrations migrations) {
        MigrationInfo newest = null;
        String known = "0";
        for (MigrationInfo migration : info.all()) {
            MigrationState state = migration.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                newest = migration;
            } else if (migration.getVersion() != null && !migration.getType().isBaseline()) {
                known = migration.getVersion().getVersion();
            }
        }
        if (newest != null) {
            throw new StoreException("database " + name + " holds version " + newest.getVersion().getVersion()
                    + " of owner '" + migrations.owner() + "', newer than this release knows (up to " + known
                    + "): open it with the release that wrote it or a newer one");
        }
    }

    /** Keeps this process's own transactions out while Flyway works on its own SQLite connection. */
    private <T> T whileHolding(Supplier<T> work) {
        Connection held;
        try {
            held = connections.acquire();
        } catch (SQLException e) {
            throw new StoreException("could not reach database " + name + ": " + e.getMessage(), e);
        }
        try {
            return work.get();
        } finally {
            connections.release(held);
        }
    }

    /** Closes the database; an in-memory database is gone afterwards. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            connections.close();
        }
    }

    @Override
    public String toString() {
        return "Database[" + name + "]";
    }

    private @Nullable InterProcessLock fileLock() {
        return file == null ? null
                : InterProcessLock.acquire(file.resolveSibling(file.getFileName() + ".migrate.lock"), Duration.ofMinutes(5));
    }

    private <T> T transaction(SqlWork<T> work, boolean write) {
        Objects.requireNonNull(work, "work");
        ensureOpen();
        if (inTransaction.get()) {
            throw new IllegalStateException("transactions do not nest: database " + name
                    + " was called from inside one of its own transactions; do the work in the outer one");
        }
        inTransaction.set(Boolean.TRUE);
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    return attempt(work, write);
                } catch (SQLException e) {
                    if (!dialect.isTransient(e)) {
                        throw new StoreException((write ? "writing to" : "reading from") + " database " + name
                                + " failed: " + e.getMessage(), e);
                    }
                    if (attempt >= retry.maxAttempts()) {
                        throw new StoreException("database " + name + " stayed busy: " + attempt
                                + (attempt == 1 ? " attempt" : " attempts") + " failed, the last with: "
                                + e.getMessage(), e);
                    }
                    Duration wait = retry.backoff(attempt);
                    LOG.debug("database {} reported a transient conflict on attempt {} of {} ({}); retrying in {} ms",
                            name, attempt, retry.maxAttempts(), e.getMessage(), wait.toMillis());
                    pause(wait);
                }
            }
        } finally {
            inTransaction.remove();
        }
    }

    private <T> T attempt(SqlWork<T> work, boolean write) throws SQLException {
        Connection connection = connections.acquire();
        try {
            connections.begin(connection, write);
            T result;
            try {
                result = work.run(new Sql(connection, dialect));
                connections.commit(connection);
            } catch (SQLException | RuntimeException | Error e) {
                rollBack(connection, e);
                throw e;
            }
            return result;
        } finally {
            connections.release(connection);
        }
    }

    private void rollBack(Connection connection, Throwable cause) {
        try {
            connections.rollback(connection);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("database " + name + " is closed");
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to retry a busy database", e);
        }
    }

    private static String redact(String url) {
        return USER_INFO.matcher(PASSWORD.matcher(url).replaceAll("$1***")).replaceAll("//***@");
    }

    /** The passwords a driver's message might repeat, which never reach ours. */
    private static List<String> secrets(String url, DatabaseOptions options) {
        List<String> secrets = new ArrayList<>();
        options.password().ifPresent(secrets::add);
        Matcher parameter = PASSWORD.matcher(url);
        while (parameter.find()) {
            secrets.add(parameter.group(2));
        }
        Matcher userInfo = USER_INFO.matcher(url);
        while (userInfo.find()) {
            secrets.add(userInfo.group(2));
        }
        secrets.removeIf(String::isEmpty);
        return secrets;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
