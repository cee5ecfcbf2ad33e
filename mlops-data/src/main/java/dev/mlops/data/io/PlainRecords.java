package dev.mlops.data.io;

import org.jspecify.annotations.Nullable;

/**
 * Reads a plain CSV record straight from the tokenizer's buffer into the columns, finding each
 * cell's end by reading it: a number of the common form is parsed where it starts
 * ({@link CellParser#stageNumberAt}) and must be followed by the delimiter (the line's end after
 * the last column), so its bytes are read once rather than scanned for the delimiter first and
 * parsed after. A record is plain when it fits on one line ending in {@code \n} or
 * {@code \r\n}, has as many cells as there are columns, no cell starts with the quote, and each
 * cell is a missing token, ASCII text in a categorical or text column, or, in a numeric or
 * boolean column, ASCII text of that type. Every cell is staged before any is appended, so a record that
 * turns out not to be plain leaves the columns as they were and the tokenizer reads it as
 * usual: the table, every type inferred and every error are those of the usual path.
 *
 * <p>A record that is not plain costs the cells read before the one that showed it; after one,
 * the next records are left to the usual path, more of them after each further one (doubling up
 * to {@value #LONGEST_PAUSE}), and a plain record ends the pause, so that an input with a column
 * of another type (booleans, timestamps) loses little time to attempts that fail. Not
 * thread-safe: one per pass.
 */
final class PlainRecords {
    private static final int LONGEST_PAUSE = 1 << 10;
    private static final int NOT_PLAIN = -1;
    private static final byte MISSING = 0;
    /** A cell its parser staged: {@link CellParser#commit} appends it. */
    private static final byte STAGED = 1;
    /** A cell of a categorical or text column: {@link CellParser#acceptAscii} appends it. */
    private static final byte TEXT = 2;

    private final TableBuilder table;
    private final int width;
    private final byte delimiter;
    private final long delimiters;
    private final byte quote;
    private final MissingTokens missingTokens;
    private final @Nullable CellParser[] parsers;
    private final byte[] kinds;
    private final int[] starts;
    private final int[] ends;
    /** The records to leave to the usual path before the next attempt, and the pause after the next failure. */
    private int paused;
    private int pause;

    /**
     * @param table the builder of this pass, its columns added
     * @param delimiter the delimiter's byte
     * @param quote the quote's byte
     * @param missingTokens the missing tokens
     */
    PlainRecords(TableBuilder table, byte delimiter, byte quote, MissingTokens missingTokens) {
        this.table = table;
        this.width = table.columnCount();
        this.delimiter = delimiter;
        this.delimiters = CsvTokenizer.inEveryByte(delimiter);
        this.quote = quote;
        this.missingTokens = missingTokens;
        this.parsers = new CellParser[width];
        this.kinds = new byte[width];
        this.starts = new int[width];
        this.ends = new int[width];
    }

    /**
     * Reads the record at {@code at} if it is plain, appending its cells.
     *
     * @param bytes the buffer
     * @param at the record's first byte
     * @param limit the end of the bytes read
     * @return the offset just past the record's line terminator, or -1, with nothing appended,
     *     if the record is not plain, does not end before {@code limit}, or attempts are paused
     */
    int read(byte[] bytes, int at, int limit) {
        if (paused > 0) {
            paused--;
            return -1;
        }
        int end = stage(bytes, at, limit);
        if (end < 0) {
            pause = Math.min(Math.max(1, pause * 2), LONGEST_PAUSE);
            paused = pause;
            return -1;
        }
        pause = 0;
        for (int i = 0; i < width; i++) {
            CellParser parser = parsers[i];
            if (kinds[i] == MISSING || parser == null) {
                table.addMissing(i);
            } else if (kinds[i] == STAGED) {
                parser.commit();
            } else {
                parser.acceptAscii(bytes, starts[i], ends[i]);
            }
        }
        return end;
    }

    /** Stages every cell of the record; returns the offset past its line terminator, or -1 if it is not plain. */
    private int stage(byte[] bytes, int at, int limit) {
        int p = at;
        for (int i = 0; i < width; i++) {
            CellParser parser = table.parser(i);
            parsers[i] = parser;
            int end = parser == null ? -1 : parser.stageNumberAt(bytes, p, limit);
            int kind;
            if (end >= 0) {
                kind = missingTokens.matches(bytes, p, end) ? MISSING : STAGED;
            } else {
                long scan = CsvTokenizer.scanUnquoted(bytes, p, limit, delimiters);
                end = (int) (scan >>> 1);
                kind = (scan & 1) != 0 || end == limit || end > p && bytes[p] == quote ? NOT_PLAIN
                        : kindOfText(parser, bytes, p, end);
            }
            if (kind == NOT_PLAIN || end >= limit) {
                return -1;
            }
            kinds[i] = (byte) kind;
            starts[i] = p;
            ends[i] = end;
            byte terminator = bytes[end];
            if (i + 1 < width) {
                if (terminator != delimiter) {
                    return -1;
                }
                p = end + 1;
            } else if (terminator == '\n') {
                p = end + 1;
            } else if (terminator == '\r' && end + 1 < limit && bytes[end + 1] == '\n') {
                p = end + 2;
            } else {
                return -1;
            }
        }
        return p;
    }

    /** How a cell of plain ASCII bytes that is not a number of the common form goes to its column, if it can. */
    private int kindOfText(@Nullable CellParser parser, byte[] bytes, int from, int to) {
        if (missingTokens.matches(bytes, from, to)) {
            return MISSING;
        }
        if (parser == null) {
            return NOT_PLAIN;
        }
        return parser.acceptsAnyAscii() ? TEXT : parser.stageAscii(bytes, from, to) ? STAGED : NOT_PLAIN;
    }
}
