package dev.mlops.data.io;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.data.internal.TimestampSyntax;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Collects one column's cells during one pass over an input, either with a type fixed in advance
 * (a cell that does not fit is an error naming its line and column) or inferring the type.
 *
 * <p>Inference takes the type of the first present cell: {@code true}/{@code false} in any case
 * is boolean; a number is numeric, except an integer beyond ±2^53 (an id a double cannot hold);
 * an ISO-8601 instant with a zone or offset (or any ISO date-time when a zone is set) is a
 * timestamp; anything else is categorical. A later cell that does not fit that type marks the
 * column as contradicted: it is categorical, and the reader makes a second pass to read it so.
 * A column with no present cell is categorical.
 */
final class ColumnAccumulator {
    private static final int QUOTED_LIMIT = 60;

    private final String source;
    private final String name;
    private final int position;
    private final boolean inferring;
    private final NumberSyntax numbers = new NumberSyntax();
    private final TimestampSyntax timestamps;
    private @Nullable CellParser parser;
    private int leadingMissing;
    private boolean contradicted;
    /** The rows the column is expected to hold, which its arrays make room for at once; 0 if unknown. */
    private int expectedRows;

    /**
     * @param source the input's name, for errors
     * @param name the column's name
     * @param position the column's 1-based index, for errors
     * @param fixedType the type to read, or null to infer it
     * @param timestamps how timestamps read: the zone of local times, if any, and the policy for a
     *     local time in its gaps and overlaps
     */
    ColumnAccumulator(String source, String name, int position, @Nullable ColumnType fixedType,
            TimestampSyntax timestamps) {
        this.source = source;
        this.name = name;
        this.position = position;
        this.inferring = fixedType == null;
        this.timestamps = timestamps;
        this.parser = fixedType == null ? null : CellParser.of(fixedType, name, false, timestamps);
    }

    String name() {
        return name;
    }

    /** @return the column's 1-based index in the input */
    int position() {
        return position;
    }

    /**
     * Makes room for the rows the column is expected to hold, now or when its type is known.
     *
     * @param rows the expected rows, at least 0
     */
    void expectRows(int rows) {
        expectedRows = rows;
        if (parser != null) {
            parser.reserve(rows);
        }
    }

    /** Adds a missing cell. */
    void addMissing() {
        if (parser == null) {
            leadingMissing++;
        } else {
            parser.addMissing();
        }
    }

    /**
     * Adds a present cell.
     *
     * @param line the cell's physical 1-based line, for errors
     * @throws DataFormatException if the type is fixed and the cell does not fit it, or if the
     *     cell is a local time in a gap or overlap of the zone, is or would be read as a
     *     timestamp, and the policy refuses it (under inference too: such a cell neither makes
     *     a column categorical nor passes silently)
     */
    void add(Cell cell, long line) {
        if (contradicted) {
            return;
        }
        try {
            accept(cell, line);
        } catch (TimestampSyntax.UnplacedLocalTime unplaced) {
            throw unplaced(unplaced, cell, line);
        }
    }

    /**
     * Adds a present cell of ASCII bytes with no doubled quote (not a missing token) straight
     * from the bytes, when the column's type reads such cells so.
     *
     * @param bytes the buffer
     * @param from the cell's first byte
     * @param to just past its last byte
     * @return false, adding nothing, if the column has no type yet or was contradicted, its type
     *     has no such path, or the cell does not fit it: the caller then adds the cell with
     *     {@link #add}, which infers, contradicts or reports as usual
     */
    boolean addAscii(byte[] bytes, int from, int to) {
        CellParser current = parser;
        return current != null && current.acceptAscii(bytes, from, to);
    }

    /**
     * Parses a present cell of a column of fixed type into a pending value, for a reader that
     * appends a row only when all its cells fit: {@link #commit()} appends it.
     *
     * @param line the cell's physical 1-based line, for errors
     * @return the problem (what was expected) if the cell does not fit the type, or null if it does
     * @throws DataFormatException if the cell is a local time in a gap or overlap of the zone and
     *     the policy refuses it
     * @throws IllegalStateException if the column infers its type
     */
    @Nullable String stage(Cell cell, long line) {
        CellParser current = parser;
        if (inferring || current == null) {
            throw new IllegalStateException("column '" + name + "' infers its type; only a fixed type stages cells");
        }
        try {
            return current.stage(cell) ? null : current.expectation(cell.text());
        } catch (TimestampSyntax.UnplacedLocalTime unplaced) {
            throw unplaced(unplaced, cell, line);
        }
    }

    /** Appends the value the last {@link #stage} parsed. */
    void commit() {
        Objects.requireNonNull(parser, "parser").commit();
    }

    /** @return true if the column's type was fixed in advance */
    boolean fixed() {
        return !inferring;
    }

    private DataFormatException unplaced(TimestampSyntax.UnplacedLocalTime unplaced, Cell cell, long line) {
        return new DataFormatException(source, line, name, position, unplaced.getMessage() + ": "
                + quote(cell.text()) + "; set the format's localTimes (--local-times) to earlier or later to resolve it");
    }

    private void accept(Cell cell, long line) {
        CellParser current = parser;
        if (current == null) {
            current = start(cell);
        }
        if (!current.accept(cell)) {
            reject(current, cell, line);
        }
    }

    /** Infers the type from the first present cell and makes the parser, with the missing cells before it. */
    private CellParser start(Cell cell) {
        CellParser current = CellParser.of(infer(cell), name, true, timestamps);
        current.reserve(expectedRows);
        for (int i = 0; i < leadingMissing; i++) {
            current.addMissing();
        }
        parser = current;
        return current;
    }

    /** A cell that does not fit the column's type: an error under a fixed type, else a contradiction. */
    private void reject(CellParser current, Cell cell, long line) {
        if (!inferring) {
            throw new DataFormatException(source, line, name, position,
                    current.expectation(cell.text()) + " but found " + quote(cell.text()));
        }
        contradicted = true;
        parser = null;
    }

    private ColumnType infer(Cell cell) {
        return switch (cell.kind()) {
            case JSON_BOOLEAN -> ColumnType.BOOLEAN;
            case JSON_NUMBER -> cell.parseNumber(numbers) && !numbers.integerBeyondDoublePrecision
                    ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
            case JSON_STRING -> numbers.isNonFiniteName(cell.text()) ? ColumnType.NUMERIC
                    : timestamps.parse(cell.text()) != null ? ColumnType.TIMESTAMP : ColumnType.CATEGORICAL;
            case TEXT -> cell.parseNumber(numbers) ? (numbers.integerBeyondDoublePrecision ? ColumnType.CATEGORICAL
                    : ColumnType.NUMERIC) : isBoolean(cell.text()) ? ColumnType.BOOLEAN
                    : timestamps.parse(cell.text()) != null ? ColumnType.TIMESTAMP : ColumnType.CATEGORICAL;
        };
    }

    private static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }

    /**
     * @return the parser present cells go to, for a reader that stages a row's cells before it
     *     commits them; null until the column's type is known
     */
    @Nullable CellParser parser() {
        return parser;
    }

    /** @return the number of cells added so far */
    int size() {
        return parser == null ? leadingMissing : parser.size();
    }

    /**
     * Appends the cells another accumulator of this column collected from the next part of the
     * input, as if this one had read them: a column whose parts were inferred as different
     * types is contradicted (sequential inference would have found a cell that does not fit).
     *
     * @param next the accumulator of the same column over the part that follows
     * @param rows the number of cells the column is expected to hold in the end, at least those
     *     added so far and the next ones: its arrays grow to that at once
     */
    void append(ColumnAccumulator next, int rows) {
        if (contradicted) {
            return;
        }
        CellParser theirs = next.parser;
        if (next.contradicted || theirs != null && parser != null && theirs.type() != parser.type()) {
            contradicted = true;
            parser = null;
            return;
        }
        if (theirs == null) {
            for (int i = 0; i < next.leadingMissing; i++) {
                addMissing();
            }
            return;
        }
        CellParser current = parser;
        if (current == null) {
            current = CellParser.of(theirs.type(), name, true, timestamps);
            current.reserve(rows);
            for (int i = 0; i < leadingMissing; i++) {
                current.addMissing();
            }
            parser = current;
        }
        current.reserve(rows);
        current.appendAll(theirs);
    }

    /** @return how many local times in a gap or overlap of the zone this column resolved */
    long resolvedLocalTimes() {
        return parser == null ? 0 : parser.resolvedLocalTimes();
    }

    /** @return true if inference met a cell that did not fit the type it had inferred */
    boolean contradicted() {
        return contradicted;
    }

    /** @return the type this pass settled on: the inferred or fixed type, categorical if contradicted or empty */
    ColumnType type() {
        return parser == null ? ColumnType.CATEGORICAL : parser.type();
    }

    /**
     * Builds the column of the cells added.
     *
     * @throws IllegalStateException if the column was contradicted (it needs another pass)
     */
    Column build() {
        if (contradicted) {
            throw new IllegalStateException("column '" + name + "' needs a second pass as " + ColumnType.CATEGORICAL);
        }
        if (parser == null) {
            CellParser empty = CellParser.of(ColumnType.CATEGORICAL, name, false, timestamps);
            for (int i = 0; i < leadingMissing; i++) {
                empty.addMissing();
            }
            return empty.build();
        }
        return parser.build();
    }

    static String quote(String text) {
        String shown = text.length() <= QUOTED_LIMIT ? text : text.substring(0, QUOTED_LIMIT) + "…";
        return '"' + shown.replace("\"", "\\\"") + '"';
    }
}
