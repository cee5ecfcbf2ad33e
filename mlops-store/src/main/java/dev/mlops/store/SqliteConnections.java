package dev.mlops.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite connection shared by the threads of this process, one transaction at a time.
 * The connection stays in auto-commit mode and transactions are begun with explicit
 * {@code BEGIN IMMEDIATE} (writes: the write lock is taken at once, so a busy database is
 * waited for before any work is done) or {@code BEGIN} (reads).
 */
final class SqliteConnections implements Connections {
    private static final int CACHED_STATEMENTS = 64;

    private final SQLiteDataSource source;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);

    SqliteConnections(String url, boolean file, DatabaseOptions options) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        if (file) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        this.source = new SQLiteDataSource(config);
        source.setUrl(url);
        this.connection = source.getConnection();
    }

    @Override
    public Connection acquire() {
        lock.lock();
        return connection;
    }

    @Override
    public void release(Connection released) {
        lock.unlock();
    }

    @Override
    public void begin(Connection acquired, boolean write) throws SQLException {
        execute(acquired, write ? "BEGIN IMMEDIATE" : "BEGIN");
    }

    @Override
    public void commit(Connection acquired) throws SQLException {
        execute(acquired, "COMMIT");
    }

    @Override
    public void rollback(Connection acquired) throws SQLException {
        execute(acquired, "ROLLBACK");
    }

    @Override
    public PreparedStatement prepare(Connection acquired, String sql) throws SQLException {
        PreparedStatement cached = statements.get(sql);
        if (cached != null) {
            return cached;
        }
        PreparedStatement prepared = acquired.prepareStatement(sql);
        statements.put(sql, prepared);
        if (statements.size() > CACHED_STATEMENTS) {
            Iterator<PreparedStatement> eldest = statements.values().iterator();
            PreparedStatement evicted = eldest.next();
            eldest.remove();
            evicted.close();
        }
        return prepared;
    }

    @Override
    public void finish(PreparedStatement statement) throws SQLException {
        statement.clearParameters();
    }

    @Override
    public DataSource migrationSource() {
        return source;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("could not close SQLite database " + source.getUrl() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void execute(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = prepare(connection, sql);
        try {
            statement.execute();
        } finally {
            finish(statement);
        }
    }
}
