package dev.mlops.data.io;

import dev.mlops.core.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Splits CSV bytes into records and cells without making a {@code String}: each record's cells
 * are byte ranges of {@link #buffer()}, valid until the next {@link #next()}. It works on the
 * bytes of an ASCII-compatible charset (UTF-8 or a single-byte charset whose first 128 bytes are
 * ASCII), where the delimiter, the quote and line breaks are single bytes that never occur inside
 * another character.
 *
 * <p>The syntax is jackson-dataformat-csv's, which the readers used before: a record ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r} outside quotes, and each of them ends a physical
 * line, inside quotes too; a value that starts with the quote (after spaces, when trimming) runs
 * to the closing quote, a doubled quote inside standing for one, and only control characters and
 * spaces may follow it before the delimiter or the line's end; a quote elsewhere is an ordinary
 * character; trimming removes the bytes up to {@code 0x20} (spaces, tabs, control characters)
 * around unquoted values, the delimiter excepted. A record's bytes run from its first byte to
 * just past its line terminator, so blank lines are records of one empty cell that the reader
 * skips.
 *
 * <p>The input is read through a buffer that grows only to hold the longest record. A tokenizer
 * may start in the middle of an input (a chunk of a file read in parallel) and stop before its
 * end: it then returns the records that start before {@code stopAt}, the last one read to its
 * end even past {@code stopAt}. Not thread-safe.
 */
final class CsvTokenizer {
    /** A cell flag: the cell was quoted and holds a doubled quote, so its text needs unescaping. */
    static final int ESCAPED = 1;
    /** A cell flag: the cell holds a byte beyond ASCII, so its text needs strict decoding. */
    static final int NON_ASCII = 2;
    private static final int INITIAL_BUFFER = 1 << 16;
    /** Reads eight bytes of an array as a little-endian {@code long}; {@link CellDecoder} counts line breaks with it too. */
    static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** The high bit of each byte of a {@code long}. */
    static final long HIGH_BITS = 0x8080808080808080L;
    /** The low bit of each byte of a {@code long}. */
    static final long LOW_BITS = 0x0101010101010101L;
    /** {@code \n} in each byte of a {@code long}. */
    static final long LINE_FEEDS = '\n' * LOW_BITS;
    /** {@code \r} in each byte of a {@code long}. */
    static final long CARRIAGE_RETURNS = '\r' * LOW_BITS;
    private static final int NEED_MORE = -1;
    /** The bytes {@link #nextPlain} reads ahead of a record, so that the buffer rarely ends inside it. */
    static final int PLAIN_MARGIN = 1 << 12;

    private final InputStream in;
    private final String source;
    private final CellDecoder decoder;
    private final byte delimiter;
    private final byte quote;
    private final boolean trimSpaces;
    /** The delimiter in every byte of a {@code long}. */
    private final long delimiters;
    private final long stopAt;
    private byte[] buffer;
    private int position;
    private int limit;
    /** The offset in the input of {@code buffer[0]}. */
    private long bufferOffset;
    /** The physical 1-based line (relative to the tokenizer's start) at {@link #position}. */
    private long line;
    private boolean endOfInput;
    private List<String> names = List.of();

    private int cellCount;
    private int[] cellStarts = new int[16];
    private int[] cellEnds = new int[16];
    private int[] cellFlags = new int[16];
    private int recordStart;
    private long recordLine;
    /** The line breaks within the record parsed last, its terminator's included. */
    private long recordBreaks;
    /** Which cell is being parsed, and the line (relative to the record) its quote opened on. */
    private int openCell;
    private long openLine;

    /**
     * @param in the bytes, read from their start; not closed
     * @param source the input's name for errors
     * @param decoder checks and decodes non-ASCII bytes strictly, for errors about them
     * @param delimiter the delimiter's byte
     * @param quote the quote's byte
     * @param trimSpaces whether spaces around unquoted values are removed
     * @param offset the offset in the whole input of the stream's first byte
     * @param firstLine the physical line the stream's first byte is on
     * @param stopAt the offset in the whole input at or after which no record starts for this
     *     tokenizer ({@link Long#MAX_VALUE} to read to the end)
     * @param bufferSize the buffer's initial size
     */
    CsvTokenizer(InputStream in, String source, CellDecoder decoder, byte delimiter, byte quote, boolean trimSpaces,
            long offset, long firstLine, long stopAt, int bufferSize) {
        this.in = in;
        this.source = source;
        this.decoder = decoder;
        this.delimiter = delimiter;
        this.delimiters = inEveryByte(delimiter);
        this.quote = quote;
        this.trimSpaces = trimSpaces;
        this.bufferOffset = offset;
        this.line = firstLine;
        this.stopAt = stopAt;
        this.buffer = new byte[Math.max(16, bufferSize)];
    }

    /** A tokenizer of a whole stream. */
    CsvTokenizer(InputStream in, String source, CellDecoder decoder, byte delimiter, byte quote, boolean trimSpaces) {
        this(in, source, decoder, delimiter, quote, trimSpaces, 0, 1, Long.MAX_VALUE, INITIAL_BUFFER);
    }

    /**
     * Names the columns, so that an unclosed quote names its column.
     *
     * @param names the columns' names in order
     */
    void names(List<String> names) {
        this.names = names;
    }

    /**
     * Skips the given bytes if the input starts with them (a byte order mark).
     *
     * @return true if it did
     * @throws IOException if the input cannot be read
     */
    boolean skipPrefix(byte[] prefix) throws IOException {
        while (limit - position < prefix.length && !endOfInput) {
            fill();
        }
        if (limit - position >= prefix.length
                && Arrays.equals(buffer, position, position + prefix.length, prefix, 0, prefix.length)) {
            position += prefix.length;
            return true;
        }
        return false;
    }

    /**
     * Reads the next record.
     *
     * @return false when the input ends (or the next record would start at {@code stopAt})
     * @throws DataFormatException if a quote never closes, something other than a space follows a
     *     closing quote, or bytes in a broken record are not valid in the charset
     * @throws IOException if the input cannot be read
     */
    boolean next() throws IOException {
        while (true) {
            if (bufferOffset + position >= stopAt) {
                return false;
            }
            if (position == limit) {
                if (endOfInput) {
                    return false;
                }
                fill();
                continue;
            }
            int end = parseRecord();
            if (end != NEED_MORE) {
                recordStart = position;
                recordLine = line;
                position = end;
                line += recordBreaks;
                return true;
            }
            fill();
        }
    }

    /**
     * Reads the next record through {@code plain} if it is a plain one ({@link PlainRecords}):
     * its cells then go straight to their columns and are not kept as cells here. At least
     * {@value #PLAIN_MARGIN} bytes are read ahead first, unless the input ends sooner, so that
     * few records are cut by the buffer's end.
     *
     * @param plain the reader of plain records of this pass
     * @return true if {@code plain} read the next record; false if there is none or it is not
     *     plain: {@link #next()} then reads it
     * @throws IOException if the input cannot be read
     */
    boolean nextPlain(PlainRecords plain) throws IOException {
        if (limit - position < PLAIN_MARGIN && !endOfInput) {
            fill();
        }
        if (bufferOffset + position >= stopAt || position == limit) {
            return false;
        }
        int end = plain.read(buffer, position, limit);
        if (end < 0) {
            return false;
        }
        recordStart = position;
        recordLine = line;
        position = end;
        line++;
        cellCount = 0;
        return true;
    }

    /** @return the buffer the cells of the current record are ranges of */
    byte[] buffer() {
        return buffer;
    }

    /** @return the number of cells of the current record; 0 after a plain record */
    int cellCount() {
        return cellCount;
    }

    /** @return the offset in {@link #buffer()} of the cell's first byte (inside its quotes) */
    int cellStart(int cell) {
        return cellStarts[cell];
    }

    /** @return the offset in {@link #buffer()} just past the cell's last byte (inside its quotes) */
    int cellEnd(int cell) {
        return cellEnds[cell];
    }

    /** @return the cell's flags, {@link #ESCAPED} and {@link #NON_ASCII} */
    int cellFlags(int cell) {
        return cellFlags[cell];
    }

    /** @return the physical line the current record starts on */
    long recordLine() {
        return recordLine;
    }

    /** @return the offset in the input of the current record's first byte */
    long recordStart() {
        return bufferOffset + recordStart;
    }

    /** @return the offset in the input just past the current record's last byte, its line terminator included */
    long recordEnd() {
        return bufferOffset + position;
    }

    /** @return the physical line at the tokenizer's position: after the current record, the next line */
    long line() {
        return line;
    }

    /**
     * The physical line of a position inside the current record.
     *
     * @param at an offset in {@link #buffer()} within the current record
     * @return its line
     */
    long lineAt(int at) {
        return recordLine + CellDecoder.lineBreaks(buffer, recordStart, at);
    }

    /** @return the offset in the input of {@code buffer[0]} */
    long bufferOffset() {
        return bufferOffset;
    }

    /** @return true if the buffer holds the input's last byte */
    boolean atEndOfInput() {
        return endOfInput;
    }

    /** @return the offset in {@link #buffer()} just past the bytes read */
    int limit() {
        return limit;
    }

    /** Moves the unparsed bytes to the buffer's start, growing it if they fill it, and reads more. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferOffset += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfInput = true;
        } else {
            limit += n;
        }
    }

    /**
     * Parses the record at {@link #position}.
     *
     * @return the offset just past it, or {@link #NEED_MORE} if the buffer ends first
     */
    private int parseRecord() {
        byte[] b = buffer;
        int end = limit;
        int p = position;
        long breaks = 0;
        cellCount = 0;
        while (true) {
            int start = p;
            if (trimSpaces) {
                while (p < end && isSpace(b[p])) {
                    p++;
                }
                if (p == end && !endOfInput) {
                    return NEED_MORE;
                }
            }
            if (p < end && b[p] == quote) {
                openCell = cellCount;
                openLine = breaks;
                int cellStart = ++p;
                int flags = 0;
                int cellEnd;
                while (true) {
                    if (p == end) {
                        if (!endOfInput) {
                            return NEED_MORE;
                        }
                        throw unclosedQuote();
                    }
                    byte c = b[p];
                    if (c == quote) {
                        if (p + 1 == end && !endOfInput) {
                            return NEED_MORE;
                        }
                        if (p + 1 < end && b[p + 1] == quote) {
                            flags |= ESCAPED;
                            p += 2;
                            continue;
                        }
                        cellEnd = p++;
                        break;
                    }
                    if (c == '\n') {
                        breaks++;
                    } else if (c == '\r') {
                        if (p + 1 == end && !endOfInput) {
                            return NEED_MORE;
                        }
                        if (p + 1 == end || b[p + 1] != '\n') {
                            breaks++;
                        }
                    } else if (c < 0) {
                        flags |= NON_ASCII;
                    }
                    p++;
                }
                while (p < end && isSpace(b[p])) {
                    p++;
                }
                if (p == end && !endOfInput) {
                    return NEED_MORE;
                }
                if (p < end && b[p] != delimiter && b[p] != '\n' && b[p] != '\r') {
                    throw unexpected(p);
                }
                addCell(cellStart, cellEnd, flags);
            } else {
                long scan = scanUnquoted(b, p, end, delimiters);
                p = (int) (scan >>> 1);
                if (p == end && !endOfInput) {
                    return NEED_MORE;
                }
                int cellEnd = p;
                if (trimSpaces) {
                    while (cellEnd > start && isSpace(b[cellEnd - 1])) {
                        cellEnd--;
                    }
                    while (start < cellEnd && isSpace(b[start])) {
                        start++;
                    }
                }
                addCell(start, cellEnd, (scan & 1) != 0 ? NON_ASCII : 0);
            }
            if (p == end) {
                recordBreaks = breaks;
                return p;
            }
            byte c = b[p++];
            if (c == '\n') {
                recordBreaks = breaks + 1;
                return p;
            }
            if (c == '\r') {
                if (p == end && !endOfInput) {
                    return NEED_MORE;
                }
                if (p < end && b[p] == '\n') {
                    p++;
                }
                recordBreaks = breaks + 1;
                return p;
            }
        }
    }

    /** @return the byte repeated in every byte of a {@code long}, as {@link #scanUnquoted} takes the delimiter */
    static long inEveryByte(byte b) {
        return (b & 0xFF) * LOW_BITS;
    }

    /**
     * Finds where an unquoted value ends: at the first delimiter, {@code \n} or {@code \r},
     * eight bytes at a time while eight are left.
     *
     * @param bytes the buffer
     * @param from the value's first byte
     * @param end the end of the bytes read
     * @param delimiters the delimiter's byte in every byte of a {@code long}
     * @return the offset of that byte, or {@code end} if none comes before it, shifted left by
     *     one, its lowest bit set if a byte beyond ASCII comes first
     */
    static long scanUnquoted(byte[] bytes, int from, int end, long delimiters) {
        byte delimiter = (byte) delimiters;
        int p = from;
        long seen = 0;
        while (true) {
            if (end - p >= Long.BYTES) {
                long word = (long) LITTLE_ENDIAN_LONGS.get(bytes, p);
                long special = zeroBytes(word ^ delimiters) | zeroBytes(word ^ LINE_FEEDS)
                        | zeroBytes(word ^ CARRIAGE_RETURNS);
                if (special == 0) {
                    seen |= word;
                    p += Long.BYTES;
                    continue;
                }
                int before = Long.numberOfTrailingZeros(special) >>> 3;
                seen |= word & ~(-1L << (before << 3));
                p += before;
                break;
            }
            if (p == end) {
                break;
            }
            byte c = bytes[p];
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            seen |= c;
            p++;
        }
        return (long) p << 1 | ((seen & HIGH_BITS) != 0 ? 1 : 0);
    }

    /**
     * The classic test for a zero byte in a word: the lowest set bit of the result is the high
     * bit of the word's first zero byte (bits above it may be set wrongly by a borrow).
     *
     * @return a word whose lowest set bit, if any, marks the first zero byte
     */
    private static long zeroBytes(long word) {
        return (word - LOW_BITS) & ~word & HIGH_BITS;
    }

    /** A byte that trimming removes, and that may follow a closing quote: up to 0x20, except the delimiter and line breaks. */
    private boolean isSpace(byte c) {
        return c >= 0 && c <= ' ' && c != delimiter && c != '\n' && c != '\r';
    }

    private void addCell(int start, int end, int flags) {
        if (cellCount == cellStarts.length) {
            cellStarts = Arrays.copyOf(cellStarts, cellCount * 2);
            cellEnds = Arrays.copyOf(cellEnds, cellCount * 2);
            cellFlags = Arrays.copyOf(cellFlags, cellCount * 2);
        }
        cellStarts[cellCount] = start;
        cellEnds[cellCount] = end;
        cellFlags[cellCount] = flags;
        cellCount++;
    }

    /** A quote that the input ends inside, placed where it opens; invalid bytes in the record come first. */
    private DataFormatException unclosedQuote() {
        decoder.check(buffer, position, limit, limit, this::lineOfOffset, bufferOffset, true);
        long at = line + openLine;
        String what = "the quote that opens this value is never closed";
        return openCell < names.size() ? new DataFormatException(source, at, names.get(openCell), openCell + 1, what)
                : new DataFormatException(source, at, "value " + (openCell + 1) + ": " + what);
    }

    /** Something other than a space between a closing quote and the delimiter; invalid bytes up to it come first. */
    private DataFormatException unexpected(int at) {
        byte c = buffer[at];
        decoder.check(buffer, position, at, limit, this::lineOfOffset, bufferOffset, endOfInput);
        String shown = c < 0 ? String.format(java.util.Locale.ROOT, "the byte 0x%02X", c) : c < ' ' || c == 0x7F
                ? String.format(java.util.Locale.ROOT, "the control character 0x%02X", c) : "'" + (char) c + "'";
        return new DataFormatException(source, lineOfOffset(at), "malformed CSV: expected the delimiter '"
                + (char) delimiter + "' or the line's end after a closing quote but found " + shown);
    }

    /** The line of a position in the buffer at or after the record being parsed. */
    private long lineOfOffset(int at) {
        return line + CellDecoder.lineBreaks(buffer, position, at);
    }
}
