package dev.mlops.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A HikariCP pool of PostgreSQL connections; a transaction takes one connection out of auto-commit
 * mode for its duration (read-only and REPEATABLE READ for reads, so that all the statements of a
 * read see one snapshot; READ COMMITTED for writes). Statements are closed after each use (the driver
 * caches server-side prepared statements by itself).
 */
final class PooledConnections implements Connections {
    private final HikariDataSource pool;
    private final String name;

    PooledConnections(String url, String name, DatabaseOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("mlops " + name);
        config.setMaximumPoolSize(options.maxConnections());
        config.setMinimumIdle(0);
        options.user().ifPresent(config::setUsername);
        options.password().ifPresent(config::setPassword);
        config.setConnectionTimeout(Math.max(250L, options.busyTimeout().toMillis()));
        this.pool = new HikariDataSource(config);
        this.name = name;
    }

    @Override
    public Connection acquire() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("could not return a connection to the pool of " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void begin(Connection connection, boolean write) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(!write);
        // a read sees one snapshot for all its statements; a write keeps the default, whose row locks serialise writers
        connection.setTransactionIsolation(write ? Connection.TRANSACTION_READ_COMMITTED
                : Connection.TRANSACTION_REPEATABLE_READ);
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        connection.rollback();
    }

    @Override
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    @Override
    public void finish(PreparedStatement statement) throws SQLException {
        statement.close();
    }

    @Override
    public DataSource migrationSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
