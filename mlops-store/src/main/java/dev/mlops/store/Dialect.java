package dev.mlops.store;

import java.sql.SQLException;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQL differences between the back ends a {@link Database} runs on, so that one typed store
 * and one set of migrations serve all of them.
 *
 * <p>Migration scripts write the few types that differ as Flyway placeholders:
 * {@code ${blob}} (binary data), {@code ${double}} (an 8-byte float) and {@code ${bigint}}
 * (an 8-byte integer); everything else is the SQL both back ends accept ({@code TEXT},
 * {@code INTEGER}, {@code PRIMARY KEY}, {@code UNIQUE}, {@code REFERENCES},
 * {@code CREATE INDEX}, {@code INSERT ... ON CONFLICT}). Times are stored as epoch milliseconds
 * in {@code ${bigint}} columns, which both back ends compare and index the same way.
 *
 * <p>One difference typed stores must handle themselves: SQLite stores a floating-point NaN as
 * {@code NULL}, so a column that may hold NaN needs a companion flag.
 */
public enum Dialect {
    /** SQLite 3 through {@code org.xerial:sqlite-jdbc}, in a file or in memory. */
    SQLITE(Map.of("blob", "BLOB", "double", "REAL", "bigint", "INTEGER")) {
        @Override
        public boolean isTransient(SQLException error) {
            int primary = error.getErrorCode() & 0xff;
            return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
        }

        @Override
        public boolean isUniqueViolation(SQLException error) {
            return error instanceof SQLiteException sqlite
                    && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
        }
    },
    /** PostgreSQL through {@code org.postgresql:postgresql}. */
    POSTGRESQL(Map.of("blob", "BYTEA", "double", "DOUBLE PRECISION", "bigint", "BIGINT")) {
        @Override
        public boolean isTransient(SQLException error) {
            String state = error.getSQLState();
            return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
        }

        @Override
        public boolean isUniqueViolation(SQLException error) {
            return UNIQUE_VIOLATION.equals(error.getSQLState());
        }
    };

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Map<String, String> placeholders;

    Dialect(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    /**
     * The values of the migration placeholders on this back end.
     *
     * @return placeholder name to SQL type, unmodifiable
     */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /**
     * Whether a failure is a transient conflict that the same transaction may pass when tried
     * again (SQLite: busy or locked, including the extended codes; PostgreSQL: serialization
     * failure {@code 40001} or deadlock {@code 40P01}).
     *
     * @param error the driver's failure
     * @return true if retrying the whole transaction may succeed
     */
    public abstract boolean isTransient(SQLException error);

    /**
     * Whether a failure is a violated unique or primary-key constraint, so a typed store can
     * report a duplicate name in its own words.
     *
     * @param error the driver's failure
     * @return true for a unique or primary-key violation
     */
    public abstract boolean isUniqueViolation(SQLException error);
}
