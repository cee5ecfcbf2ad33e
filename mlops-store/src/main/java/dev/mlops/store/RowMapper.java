package dev.mlops.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row of a result into a value; see {@link Sql#query}.
 *
 * @param <T> the value of one row
 */
@FunctionalInterface
public interface RowMapper<T> {
    /**
     * Reads the current row. Must not move the cursor.
     *
     * @param row the result, positioned on the row to read
     * @return the row's value, never null
     * @throws SQLException if a column cannot be read
     */
    T map(ResultSet row) throws SQLException;
}
