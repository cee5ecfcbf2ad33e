package dev.mlops.data.io;

/** Where a cell's text came from, which decides the types it may be read as. */
enum CellKind {
    /** Untyped text, as in a CSV file: may be read as any type whose syntax it has. */
    TEXT,
    /** A JSON string: a category, text, a timestamp, or one of the non-finite number names. */
    JSON_STRING,
    /** A JSON number literal. */
    JSON_NUMBER,
    /** A JSON {@code true} or {@code false}. */
    JSON_BOOLEAN
}
