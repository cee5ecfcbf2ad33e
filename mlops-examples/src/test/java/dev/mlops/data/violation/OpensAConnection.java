package dev.mlops.data.violation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Breaks the rule that mlops-data pulls no database: it opens a JDBC connection itself. */
public final class OpensAConnection {
    private OpensAConnection() {
    }

    /**
     * Opens a connection, as only mlops-store may.
     *
     * @param url a JDBC URL
     * @return the connection
     * @throws SQLException if it cannot be opened
     */
    public static Connection open(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }
}
