package dev.mlops.core;

import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * An input file or stream could not be read as data: a malformed or ragged line, a value that
 * does not parse as the column's type, a header that repeats a name.
 *
 * <p>The exception carries the place as structured fields as well as in its message: the
 * input's name, the physical 1-based line of the file (the header is line 1), and where it
 * applies the column's name and 1-based index. An input without lines (a binary format such as
 * Parquet) has line 0, and its message names no line but the row or part where the format knows
 * it.
 */
public class DataFormatException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** The input's name, such as a file name or "stdin". */
    private final String source;
    /** The physical 1-based line, or 0 when the error is not on one line. */
    private final long line;
    /** The column's name, or null when the error is not in one column. */
    private final @Nullable String column;
    /** The column's 1-based index, or 0 when the error is not in one column. */
    private final int columnIndex;

    /**
     * Creates an error about a whole line.
     *
     * @param source the input's name, such as a file path or "stdin"
     * @param line the physical 1-based line number
     * @param problem what was found and what was expected
     */
    public DataFormatException(String source, long line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = null;
        this.columnIndex = 0;
    }

    /**
     * Creates an error about one value.
     *
     * @param source the input's name, such as a file path or "stdin"
     * @param line the physical 1-based line number
     * @param column the column's name
     * @param columnIndex the column's 1-based index
     * @param problem what was found and what was expected
     */
    public DataFormatException(String source, long line, String column, int columnIndex, String problem) {
        super(source + " line " + line + ", column '" + column + "' (" + columnIndex + "): " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.columnIndex = columnIndex;
    }

    /**
     * Creates an error about an input without lines, such as a binary file, or about the input
     * as a whole; {@link #line()} is 0.
     *
     * @param source the input's name, such as a file path or "stdin"
     * @param problem what was found and what was expected, naming the part of the input where known
     * @param cause what the input's decoder reported, or null
     */
    public DataFormatException(String source, String problem, @Nullable Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.line = 0;
        this.column = null;
        this.columnIndex = 0;
    }

    /**
     * Creates an error about one column of an input without lines, such as a binary file;
     * {@link #line()} is 0.
     *
     * @param source the input's name, such as a file path or "stdin"
     * @param column the column's name
     * @param columnIndex the column's 1-based index
     * @param problem what was found and what was expected, naming the row or part where known
     * @param cause what the input's decoder reported, or null
     */
    public DataFormatException(String source, String column, int columnIndex, String problem,
            @Nullable Throwable cause) {
        super(source + ", column '" + column + "' (" + columnIndex + "): " + problem, cause);
        this.source = source;
        this.line = 0;
        this.column = column;
        this.columnIndex = columnIndex;
    }

    /** @return the input's name */
    public String source() {
        return source;
    }

    /** @return the physical 1-based line number (the header is line 1), or 0 for an input without lines */
    public long line() {
        return line;
    }

    /** @return the column's name when the error concerns one value */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** @return the column's 1-based index when the error concerns one value */
    public OptionalInt columnIndex() {
        return column == null ? OptionalInt.empty() : OptionalInt.of(columnIndex);
    }
}
