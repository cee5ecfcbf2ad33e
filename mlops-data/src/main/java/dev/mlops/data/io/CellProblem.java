package dev.mlops.data.io;

import java.util.Objects;

/**
 * A cell that did not fit its column's type when a batch was read against a schema: the row it
 * is on is set apart from the table (see {@link Batch}) and the rest is read as usual.
 *
 * @param line the physical 1-based line of the row that holds the cell
 * @param start the offset of that row's first byte in the input
 * @param end the offset just past that row's last byte, its line terminator included
 * @param column the column's name
 * @param position the column's 1-based index in the input
 * @param text the cell's text as read (unquoted), in full
 * @param problem what was expected, such as {@code "expected a number"}
 */
public record CellProblem(long line, long start, long end, String column, int position, String text,
        String problem) {

    /**
     * Validates the location.
     *
     * @param line the physical 1-based line of the row that holds the cell
     * @param start the offset of that row's first byte in the input
     * @param end the offset just past that row's last byte, its line terminator included
     * @param column the column's name
     * @param position the column's 1-based index in the input
     * @param text the cell's text as read (unquoted), in full
     * @param problem what was expected, such as {@code "expected a number"}
     * @throws IllegalArgumentException if the line or position is below 1 or the bytes are empty
     *     or reversed
     */
    public CellProblem {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(problem, "problem");
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1 but was " + line);
        }
        if (position < 1) {
            throw new IllegalArgumentException("position must be at least 1 but was " + position);
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a row's bytes must not be empty or negative: start " + start
                    + ", end " + end);
        }
    }
}
