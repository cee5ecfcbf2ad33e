package dev.mlops.store;

import java.sql.SQLException;

/**
 * Work done inside one transaction through {@link Sql}; see {@link Database#write} and
 * {@link Database#read}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
    /**
     * Does the work. Throwing rolls the whole transaction back.
     *
     * @param sql the statements of this transaction
     * @return the work's result
     * @throws SQLException if a statement fails
     */
    T run(Sql sql) throws SQLException;
}
