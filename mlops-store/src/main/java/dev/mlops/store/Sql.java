package dev.mlops.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one transaction, with parameters bound by position ({@code ?}).
 *
 * <p>Parameters may be {@link String}, {@link Integer}, {@link Long}, {@link Double},
 * {@code byte[]} or {@code null}; a {@link Null} names the SQL type of a missing value where the
 * back end needs one. Anything else is refused, so a value never reaches the database through
 * an implicit {@code toString()}. Booleans and times are the typed store's to encode (as
 * {@code 0}/{@code 1} and epoch milliseconds), so that both back ends compare them alike.
 *
 * <p>An instance is valid only inside the {@link SqlWork} it was given to, on that thread.
 */
public final class Sql {
    private final Connection connection;
    private final Dialect dialect;
    private final Connections statements;

    Sql(Connection connection, Dialect dialect, Connections statements) {
        this.connection = connection;
        this.dialect = dialect;
        this.statements = statements;
    }

    /**
     * A typed SQL {@code NULL} parameter.
     *
     * @param sqlType the {@link Types} constant of the column
     */
    public record Null(int sqlType) {
        /** A missing text value. */
        public static final Null TEXT = new Null(Types.VARCHAR);
        /** A missing 8-byte integer. */
        public static final Null BIGINT = new Null(Types.BIGINT);
        /** A missing 8-byte float. */
        public static final Null DOUBLE = new Null(Types.DOUBLE);
        /** A missing binary value. */
        public static final Null BLOB = new Null(Types.BINARY);

        /**
         * @param value a text value that may be absent
         * @return the text, or a typed text {@code NULL}
         */
        public static Object orText(Optional<String> value) {
            return value.isPresent() ? value.get() : TEXT;
        }

        /**
         * @param value an instant that may be absent
         * @return its epoch microseconds (a finer part dropped), or a typed bigint {@code NULL}
         * @throws ArithmeticException if the instant is beyond a long's microseconds (about 292,000 years)
         */
        public static Object orEpochMicros(Optional<Instant> value) {
            if (value.isEmpty()) {
                return BIGINT;
            }
            return EpochMicros.of(value.get());
        }
    }

    /** @return the back end's dialect, for the few statements that differ */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs an insert, update, delete or DDL statement.
     *
     * @param statement the SQL with {@code ?} parameters
     * @param parameters the parameter values in order
     * @return the number of rows changed
     * @throws SQLException if the statement fails
     */
    public int update(String statement, @Nullable Object... parameters) throws SQLException {
        PreparedStatement prepared = statements.prepare(connection, statement);
        try {
            bind(prepared, parameters);
            return prepared.executeUpdate();
        } finally {
            statements.finish(prepared);
        }
    }

    /**
     * Runs one statement for many parameter rows in a JDBC batch.
     *
     * @param statement the SQL with {@code ?} parameters
     * @param rows the parameter values of each execution
     * @return the number of rows changed in all
     * @throws SQLException if an execution fails
     */
    public long batch(String statement, Collection<@Nullable Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        PreparedStatement prepared = statements.prepare(connection, statement);
        try {
            for (Object[] row : rows) {
                bind(prepared, row);
                prepared.addBatch();
            }
            long changed = 0;
            for (int count : prepared.executeBatch()) {
                changed += Math.max(count, 0);
            }
            return changed;
        } finally {
            statements.finish(prepared);
        }
    }

    /**
     * Runs a query and maps every row.
     *
     * @param statement the SQL with {@code ?} parameters
     * @param mapper reads one row
     * @param parameters the parameter values in order
     * @param <T> the value of a row
     * @return the rows' values in result order, unmodifiable
     * @throws SQLException if the query fails
     */
    public <T> List<T> query(String statement, RowMapper<T> mapper, @Nullable Object... parameters) throws SQLException {
        return select(statement, mapper, 0, parameters);
    }

    /**
     * Runs a query and maps its first row, if any.
     *
     * @param statement the SQL with {@code ?} parameters
     * @param mapper reads one row
     * @param parameters the parameter values in order
     * @param <T> the value of a row
     * @return the first row's value, or empty when there is no row
     * @throws SQLException if the query fails
     */
    public <T> Optional<T> first(String statement, RowMapper<T> mapper, @Nullable Object... parameters) throws SQLException {
        return select(statement, mapper, 1, parameters).stream().findFirst();
    }

    /**
     * Runs a query whose first row's first column is a count or another integer.
     *
     * @param statement the SQL with {@code ?} parameters
     * @param parameters the parameter values in order
     * @return the value, 0 when there is no row or it is {@code NULL}
     * @throws SQLException if the query fails
     */
    public long queryLong(String statement, @Nullable Object... parameters) throws SQLException {
        return first(statement, row -> row.getLong(1), parameters).orElse(0L);
    }

    /**
     * The transaction's JDBC connection, for what these helpers do not cover. Do not commit,
     * roll back, close it or change its auto-commit mode: the {@link Database} does that.
     *
     * @return the connection of this transaction
     */
    public Connection connection() {
        return connection;
    }

    /** Runs a query and maps its rows, at most {@code maxRows} of them (0: all). */
    private <T> List<T> select(String statement, RowMapper<T> mapper, int maxRows, @Nullable Object[] parameters)
            throws SQLException {
        PreparedStatement prepared = statements.prepare(connection, statement);
        try {
            bind(prepared, parameters);
            prepared.setMaxRows(maxRows);
            try (ResultSet rows = prepared.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(Objects.requireNonNull(mapper.map(rows), "the row mapper returned null"));
                }
                return List.copyOf(values);
            }
        } finally {
            statements.finish(prepared);
        }
    }

    private static void bind(PreparedStatement prepared, @Nullable Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            Object value = parameters[i];
            if (value == null) {
                prepared.setNull(index, Types.NULL);
            } else if (value instanceof Null typed) {
                prepared.setNull(index, typed.sqlType());
            } else if (value instanceof String text) {
                prepared.setString(index, text);
            } else if (value instanceof Long number) {
                prepared.setLong(index, number);
            } else if (value instanceof Integer number) {
                prepared.setInt(index, number);
            } else if (value instanceof Double number) {
                prepared.setDouble(index, number);
            } else if (value instanceof byte[] bytes) {
                prepared.setBytes(index, bytes);
            } else {
                throw new IllegalArgumentException("parameter " + index + " is a " + value.getClass().getName()
                        + "; expected String, Integer, Long, Double, byte[], Sql.Null or null");
            }
        }
    }
}
