package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.store.Database;
import dev.mlops.store.DatabaseOptions;
import dev.mlops.store.Dialect;
import dev.mlops.store.MigrationResult;
import dev.mlops.store.Migrations;
import dev.mlops.store.RetryPolicy;
import dev.mlops.store.Sql;
import dev.mlops.store.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Database} on one back end: extend it with a way to open a fresh, empty
 * database, and every guarantee typed stores rely on is checked there — transactions complete or
 * absent, transient conflicts retried and non-transient errors not, no nesting, values that come
 * back as they went in, migrations owned per module and applied once, and concurrent writers that
 * all succeed.
 *
 * <pre>{@code
 * class SqliteFileDatabaseTest extends DatabaseContract {
 *     @TempDir Path directory;
 *
 *     @Override
 *     protected Database openDatabase(DatabaseOptions options) {
 *         return Database.sqlite(directory.resolve("contract.db"), options);
 *     }
 * }
 * }</pre>
 *
 * <p>mlops-testkit's own tests run it on a SQLite file, SQLite in memory and PostgreSQL (through
 * {@link PostgresExtension}).
 */
public abstract class DatabaseContract {
    private static final Migrations ITEMS = migrations("contract");
    private static final Migrations OTHER = migrations("contract_other");
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

    /** The database under test, opened with the defaults before each test and closed after it. */
    protected Database database;

    /**
     * Opens a fresh, empty database on the back end under test.
     *
     * @param options the options to open it with
     * @return the open database; the contract closes it
     */
    protected abstract Database openDatabase(DatabaseOptions options);

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase(DatabaseOptions.defaults());
        database.migrate(ITEMS);
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private static Migrations migrations(String owner) {
        return Migrations.of(owner, "dev/mlops/testkit/migrations/" + owner, DatabaseContract.class.getClassLoader());
    }

    @Test
    void aWriteThatReturnsIsCommittedForReaders() {
        int inserted = database.write(sql -> sql.update(
                "INSERT INTO contract_items (id, name, score) VALUES (?, ?, ?), (?, ?, ?)", 1L, "a", 0.5, 2L, "b", 1.5));
        assertThat(inserted).isEqualTo(2);
        List<String> names = database.read(sql -> sql.query("SELECT name FROM contract_items ORDER BY id",
                row -> row.getString(1)));
        assertThat(names).containsExactly("a", "b");
    }

    @Test
    void aWriteThatThrowsLeavesNothingAndTheErrorReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("the work failed half-way");
        assertThatThrownBy(() -> database.write(sql -> {
            sql.update("INSERT INTO contract_items (id, name) VALUES (1, 'first')");
            sql.update("INSERT INTO contract_items (id, name) VALUES (2, 'second')");
            throw failure;
        })).isSameAs(failure);
        assertThat(count()).isZero();
    }

    @Test
    void aFailingStatementRollsBackTheWholeTransactionNamingTheDatabase() {
        database.write(sql -> sql.update("INSERT INTO contract_items (id, name) VALUES (1, 'taken')"));
        assertThatThrownBy(() -> database.write(sql -> {
            sql.update("INSERT INTO contract_items (id, name) VALUES (2, 'new')");
            return sql.update("INSERT INTO contract_items (id, name) VALUES (3, 'taken')");
        })).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("writing to database " + database.name() + " failed: ")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aUniqueViolationIsRecognisedAndIsNotTransient() {
        database.write(sql -> sql.update("INSERT INTO contract_items (id, name) VALUES (1, 'taken')"));
        List<SQLException> seen = new ArrayList<>();
        assertThatThrownBy(() -> database.write(sql -> {
            try {
                return sql.update("INSERT INTO contract_items (id, name) VALUES (2, 'taken')");
            } catch (SQLException e) {
                seen.add(e);
                throw e;
            }
        })).isInstanceOf(StoreException.class);
        assertThat(seen).hasSize(1);
        assertThat(database.dialect().isUniqueViolation(seen.get(0))).isTrue();
        assertThat(database.dialect().isTransient(seen.get(0))).isFalse();
    }

    @Test
    void valuesComeBackAsTheyWentIn() {
        double[] scores = {0.1, -2.5e-300, Double.MAX_VALUE, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 123456789.123456789, 1.0 / 3.0};
        String[] names = {"München", "São Paulo", "日本語 🙂", "", "a 'quoted' \"name\"", "tab\tand\nnewline",
            "x".repeat(10_000), "null"};
        long[] ids = {Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L << 53, (1L << 53) + 1, 42L, 7L};
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        database.write(sql -> {
            for (int i = 0; i < ids.length; i++) {
                sql.update("INSERT INTO contract_items (id, name, score, payload) VALUES (?, ?, ?, ?)",
                        ids[i], names[i], scores[i], i == 0 ? payload : Sql.Null.BLOB);
            }
            return null;
        });
        for (int i = 0; i < ids.length; i++) {
            long id = ids[i];
            Optional<Object[]> row = database.read(sql -> sql.first(
                    "SELECT name, score, payload FROM contract_items WHERE id = ?",
                    result -> new Object[] {result.getString(1), result.getDouble(2), result.getBytes(3)}, id));
            assertThat(row).as("row %d", id).isPresent();
            assertThat(row.get()[0]).as("name of %d", id).isEqualTo(names[i]);
            assertThat(row.get()[1]).as("score of %d", id).isEqualTo(scores[i]);
            assertThat(row.get()[2]).as("payload of %d", id).isEqualTo(i == 0 ? payload : null);
        }
    }

    @Test
    void aBatchWritesEveryRowInOneTransaction() {
        List<Object[]> rows = new ArrayList<>();
        for (long id = 0; id < 500; id++) {
            rows.add(new Object[] {id, "item " + id, id * 0.5});
        }
        long changed = database.write(sql -> sql.batch(
                "INSERT INTO contract_items (id, name, score) VALUES (?, ?, ?)", rows));
        assertThat(changed).isEqualTo(500);
        assertThat(database.<Double>read(sql -> sql.first("SELECT SUM(score) FROM contract_items",
                row -> row.getDouble(1)).orElseThrow())).isEqualTo(62375.0);
        rows.add(new Object[] {0L, "a duplicate id at the end", 0.0});
        assertThatThrownBy(() -> database.write(sql -> sql.batch(
                "INSERT INTO contract_items (id, name, score) VALUES (?, ?, ?)", rows)))
                .isInstanceOf(StoreException.class);
        assertThat(count()).isEqualTo(500);
    }

    @Test
    void aTransientConflictIsRetriedWholeUntilTheWorkPasses() {
        AtomicInteger attempts = new AtomicInteger();
        int inserted = database.write(sql -> {
            sql.update("INSERT INTO contract_items (id, name) VALUES (?, ?)", (long) attempts.get(), "attempt");
            if (attempts.incrementAndGet() < 3) {
                throw transientFailure(sql.dialect());
            }
            return 1;
        });
        assertThat(inserted).isEqualTo(1);
        assertThat(attempts).hasValue(3);
        assertThat(count()).as("only the passing attempt's row is kept").isEqualTo(1);
    }

    @Test
    void conflictsThatOutlastTheRetryPolicyFailNamingTheAttempts() {
        try (Database impatient = openDatabase(DatabaseOptions.builder().retry(QUICK).build())) {
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> impatient.write(sql -> {
                attempts.incrementAndGet();
                throw transientFailure(sql.dialect());
            })).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("database " + impatient.name() + " stayed busy: 3 attempts failed, the last with: ");
            assertThat(attempts).hasValue(3);
        }
    }

    @Test
    void anErrorThatIsNotTransientIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> database.read(sql -> {
            attempts.incrementAndGet();
            return sql.queryLong("SELECT no_such_column FROM contract_items");
        })).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("reading from database " + database.name() + " failed: ");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void transactionsDoNotNest() {
        assertThatThrownBy(() -> database.write(sql -> database.read(inner -> inner.queryLong("SELECT 1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("transactions do not nest: database " + database.name()
                        + " was called from inside one of its own transactions; do the work in the outer one");
        assertThat(database.<Long>read(sql -> sql.queryLong("SELECT 1"))).as("usable afterwards").isEqualTo(1L);
    }

    @Test
    void aClosedDatabaseRefusesWorkAndClosesOnce() {
        Database other = openDatabase(DatabaseOptions.defaults());
        other.close();
        other.close();
        assertThatThrownBy(() -> other.read(sql -> sql.queryLong("SELECT 1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database " + other.name() + " is closed");
    }

    @Test
    void concurrentWritersAllSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                long first = thread * 1000L;
                writers.add(threads.submit(() -> {
                    for (long id = first; id < first + 25; id++) {
                        long inserted = id;
                        database.write(sql -> sql.update(
                                "INSERT INTO contract_items (id, name) VALUES (?, ?)", inserted, "item " + inserted));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(count()).isEqualTo(200);
    }

    @Test
    void migrationsApplyOnceAndEachOwnerKeepsItsOwnHistory() {
        assertThat(database.migrate(ITEMS)).isEqualTo(new MigrationResult("contract", 0, "2"));
        assertThat(database.migrate(OTHER)).isEqualTo(new MigrationResult("contract_other", 1, "1"));
        assertThat(database.migrate(OTHER).applied()).isZero();
        database.write(sql -> sql.update("INSERT INTO contract_other_notes (id, body) VALUES (1, 'kept apart')"));
        assertThat(appliedScripts("mlops_schema_history_contract")).containsExactly("1", "2");
        assertThat(appliedScripts("mlops_schema_history_contract_other")).containsExactly("1");
    }

    @Test
    void aDatabaseWrittenByAnOlderVersionOpensAfterMigrationWithItsRows() {
        try (Database older = openDatabase(DatabaseOptions.defaults())) {
            assertThat(older.migrate(ITEMS.upTo("1"))).isEqualTo(new MigrationResult("contract", 1, "1"));
            older.write(sql -> sql.update("INSERT INTO contract_items (id, name) VALUES (1, 'from version 1')"));
            assertThat(older.migrate(ITEMS)).isEqualTo(new MigrationResult("contract", 1, "2"));
            older.write(sql -> sql.update("UPDATE contract_items SET created_at = 5 WHERE id = 1"));
            assertThat(older.<Optional<String>>read(sql -> sql.first(
                    "SELECT name FROM contract_items WHERE created_at = 5", row -> row.getString(1))))
                    .contains("from version 1");
        }
    }

    @Test
    void aDatabaseNewerThanTheScriptsIsRefused() {
        Migrations older = Migrations.of("contract", "dev/mlops/testkit/migrations/contract_v1",
                DatabaseContract.class.getClassLoader());
        assertThatThrownBy(() -> database.migrate(older))
                .isInstanceOf(StoreException.class)
                .hasMessage("database " + database.name() + " holds version 2 of owner 'contract', newer than this "
                        + "release knows (up to 1): open it with the release that wrote it or a newer one");
    }

    @Test
    void aLocationWithoutScriptsIsRefused() {
        Migrations nowhere = Migrations.of("nothing", "dev/mlops/testkit/migrations/none",
                DatabaseContract.class.getClassLoader());
        assertThatThrownBy(() -> database.migrate(nowhere))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("'nothing'");
    }

    private long count() {
        return database.<Long>read(sql -> sql.queryLong("SELECT COUNT(*) FROM contract_items"));
    }

    private List<String> appliedScripts(String historyTable) {
        return database.read(sql -> sql.query("SELECT version FROM " + historyTable
                + " WHERE type = 'SQL' AND success ORDER BY installed_rank", row -> row.getString(1)));
    }

    private static SQLException transientFailure(Dialect dialect) {
        return dialect == Dialect.SQLITE
                ? new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)", null, 5)
                : new SQLException("ERROR: could not serialize access due to concurrent update", "40001");
    }
}
