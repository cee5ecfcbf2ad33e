package dev.mlops.data.io;

/**
 * Where a cell's text came from, which decides the types {@link TableBuilder} may read it as.
 * A format of untyped text (CSV and its cousins) passes {@link #TEXT}; a format with typed
 * literals (JSON) passes the literal's kind, so that the string {@code "12"} stays a category
 * while the number {@code 12} is numeric.
 */
public enum CellKind {
    /**
     * Untyped text, as in a CSV file: read as any type whose syntax it has; compared with the
     * missing tokens first.
     */
    TEXT,
    /** A JSON string: a category, text, a timestamp, or one of the non-finite number names. */
    JSON_STRING,
    /** A JSON number literal. */
    JSON_NUMBER,
    /** A JSON {@code true} or {@code false}. */
    JSON_BOOLEAN
}
