package dev.mlops.deploy.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a stream of records into chunks at record boundaries, without parsing them: a record ends
 * at a line feed outside quotes (for CSV), or at every line feed (for JSON Lines, where a value
 * cannot hold a raw line break). The quote state follows mlops-data's CSV reader exactly: a quote
 * opens a quoted value only at the start of a field (at a record's start or after a delimiter,
 * after spaces when trimming), runs to the next quote that is not doubled, and is an ordinary
 * character anywhere else (so {@code radio"tv} or {@code 5'10"} does not open one). A chunk whose
 * quote is still open once it holds {@code 2 * maxBytes} bytes ends at the next line feed anyway
 * and the quote is taken as closed: the cut-off record is then malformed (the worker sets it apart
 * in the error file), and no chunk grows without bound over an unclosed quote. Counts the physical
 * lines it passes, so that each chunk knows the line its first record starts on. Not thread-safe;
 * one reader thread uses it.
 */
final class RecordChunker {
    private static final int BLOCK = 64 * 1024;
    private static final byte LINE_FEED = '\n';

    private final InputStream in;
    private final Syntax syntax;
    private final byte[] block = new byte[BLOCK];
    private int position;
    private int limit;
    private boolean inQuote;
    /** Whether the next byte starts a field (a record's start, after a delimiter or leading spaces). */
    private boolean fieldStart = true;
    /** Whether the last byte closed a quote (a quote right after it is a doubled one). */
    private boolean closed;
    private long offset;
    private long line;
    private long index;

    /**
     * The record syntax the chunker follows.
     *
     * @param quote the quote byte, or -1 for none (JSON Lines)
     * @param delimiter the CSV delimiter byte (unused without a quote)
     * @param trimSpaces whether the reader skips spaces before a value (so a quote after them still
     *     opens a quoted value)
     */
    record Syntax(int quote, byte delimiter, boolean trimSpaces) {
        /** JSON Lines: every line feed ends a record. */
        static final Syntax JSON_LINES = new Syntax(-1, (byte) 0, false);
    }

    /**
     * @param in the input, positioned at {@code offset}
     * @param syntax the record syntax
     * @param offset the input's byte offset at the stream's start
     * @param line the physical 1-based line at the stream's start
     * @param index the index of the first chunk to cut
     */
    RecordChunker(InputStream in, Syntax syntax, long offset, long line, long index) {
        this.in = Objects.requireNonNull(in, "in");
        this.syntax = Objects.requireNonNull(syntax, "syntax");
        this.offset = offset;
        this.line = line;
        this.index = index;
    }

    /**
     * A chunk of whole records.
     *
     * @param index its 0-based index in the input
     * @param bytes its bytes (exactly; the array is the chunk's own)
     * @param start the input offset of its first byte
     * @param end the input offset just past its last byte
     * @param firstLine the physical line its first record starts on
     * @param endLine the physical line just past it (the next chunk's first line)
     */
    record Chunk(long index, byte[] bytes, long start, long end, long firstLine, long endLine) {
    }

    /**
     * Reads the next chunk: records until {@code maxRecords} ended or at least {@code maxBytes}
     * were read, or the input ended (its last record may lack a line feed); inside a quote still
     * open at {@code 2 * maxBytes} bytes, it ends at the next line feed (see the class comment).
     *
     * @param maxRecords the most records in a chunk
     * @param maxBytes the size after which the chunk ends at the next record boundary
     * @return the chunk, or null at the end of the input
     * @throws IOException if the input cannot be read
     */
    @Nullable Chunk next(int maxRecords, int maxBytes) throws IOException {
        byte[] chunk = new byte[Math.min(maxBytes, BLOCK) + BLOCK];
        int length = 0;
        int records = 0;
        long start = offset;
        long firstLine = line;
        long cap = 2L * maxBytes;
        boolean quoting = syntax.quote() >= 0;
        byte quote = (byte) syntax.quote();
        boolean cut = false;
        while (!cut) {
            if (position == limit && !fill()) {
                break;
            }
            int from = position;
            int end = limit;
            int stop = end;
            for (int i = from; i < end; i++) {
                byte b = block[i];
                if (b == LINE_FEED) {
                    line++;
                    long size = length + i + 1L - from;
                    if (inQuote && size < cap) {
                        continue;
                    }
                    inQuote = false;
                    fieldStart = true;
                    closed = false;
                    if (++records >= maxRecords || size >= maxBytes) {
                        stop = i + 1;
                        cut = true;
                        break;
                    }
                } else if (quoting) {
                    quoteState(b, quote);
                }
            }
            int take = stop - from;
            if (length + take > chunk.length) {
                chunk = Arrays.copyOf(chunk, Math.max(chunk.length * 2, length + take));
            }
            System.arraycopy(block, from, chunk, length, take);
            length += take;
            position = stop;
            offset += take;
        }
        if (length == 0) {
            return null;
        }
        return new Chunk(index++, Arrays.copyOf(chunk, length), start, offset, firstLine, line);
    }

    /**
     * Splits a chunk into its records, for reading them one by one.
     *
     * @param chunk the chunk
     * @param syntax the record syntax
     * @return one chunk per record, each with its own offsets and lines
     */
    static List<Chunk> records(Chunk chunk, Syntax syntax) {
        RecordChunker records = new RecordChunker(new ByteArrayInputStream(chunk.bytes()), syntax,
                chunk.start(), chunk.firstLine(), 0);
        List<Chunk> list = new ArrayList<>();
        try {
            for (Chunk record = records.next(1, Integer.MAX_VALUE); record != null;
                    record = records.next(1, Integer.MAX_VALUE)) {
                list.add(record);
            }
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to be read", e);
        }
        return list;
    }

    /**
     * Reads the first record (a CSV header) from the input's start.
     *
     * @param in the input at its start
     * @param syntax the record syntax
     * @return the record's bytes, ending with a line feed, or null if the input is empty
     * @throws IOException if the input cannot be read
     */
    static @Nullable Chunk first(InputStream in, Syntax syntax) throws IOException {
        return new RecordChunker(in, syntax, 0, 1, 0).next(1, Integer.MAX_VALUE);
    }

    /** Follows the quote state over one byte that is not a line feed. */
    private void quoteState(byte b, byte quote) {
        if (inQuote) {
            if (b == quote) {
                inQuote = false;
                closed = true;
            }
        } else if (b == quote && (fieldStart || closed)) {
            inQuote = true;
            fieldStart = false;
            closed = false;
        } else if (b == syntax.delimiter()) {
            fieldStart = true;
            closed = false;
        } else if (!(fieldStart && syntax.trimSpaces() && b >= 0 && b <= ' ' && b != '\r')) {
            fieldStart = false;
            closed = false;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(block, 0, BLOCK);
        if (read <= 0) {
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
