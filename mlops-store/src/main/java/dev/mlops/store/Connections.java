package dev.mlops.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Where a {@link Database} gets its connections and how it begins and ends a transaction on them. */
interface Connections extends AutoCloseable {
    /**
     * Takes a connection for one transaction; the caller gives it back with {@link #release}.
     *
     * @return a connection in auto-commit mode
     * @throws SQLException if none can be had
     */
    Connection acquire() throws SQLException;

    /**
     * Gives a connection back.
     *
     * @param connection a connection from {@link #acquire}
     */
    void release(Connection connection);

    /**
     * Begins a transaction.
     *
     * @param connection the acquired connection
     * @param write whether the transaction writes (SQLite takes the write lock at once)
     * @throws SQLException if the back end refuses
     */
    void begin(Connection connection, boolean write) throws SQLException;

    /**
     * Commits the transaction begun on the connection.
     *
     * @param connection the acquired connection
     * @throws SQLException if the commit fails
     */
    void commit(Connection connection) throws SQLException;

    /**
     * Rolls the transaction begun on the connection back.
     *
     * @param connection the acquired connection
     * @throws SQLException if the rollback fails
     */
    void rollback(Connection connection) throws SQLException;

    /**
     * Prepares a statement on an acquired connection; give it back with {@link #finish}, never
     * close it yourself.
     *
     * @param connection the acquired connection
     * @param sql the statement
     * @return the prepared statement, with no parameters bound
     * @throws SQLException if the statement cannot be prepared
     */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException;

    /**
     * Gives back a statement from {@link #prepare}: closed, or kept for the next use of the same SQL.
     *
     * @param statement the statement
     * @throws SQLException if it cannot be reset or closed
     */
    void finish(PreparedStatement statement) throws SQLException;

    /** @return connections for Flyway, which opens and closes its own */
    DataSource migrationSource();

    /** Closes every connection; an in-memory database is gone afterwards. */
    @Override
    void close();
}
