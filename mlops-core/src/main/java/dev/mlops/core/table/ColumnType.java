package dev.mlops.core.table;

/** The logical type of a column, which decides how its values are stored and compared. */
public enum ColumnType {
    /** Real numbers stored as {@code double}; NaN and infinities are values, not missing. */
    NUMERIC,
    /** A small set of string levels stored as integer codes over a dictionary. */
    CATEGORICAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Instants on the UTC time line, with nanosecond precision. */
    TIMESTAMP,
    /** Free text, one string per row, without a dictionary. */
    TEXT
}
