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
 * at a line feed outside quotes (for CSV, where a quoted value may hold line breaks and a doubled
 * quote keeps the count of quotes even), or at every line feed (for JSON Lines, where a value
 * cannot hold a raw line break). Counts the physical lines it passes, so that each chunk knows
 * the line its first record starts on. Not thread-safe; one reader thread uses it.
 */
final class RecordChunker {
    private static final int BLOCK = 64 * 1024;
    private static final byte LINE_FEED = '\n';

    private final InputStream in;
    private final boolean quoting;
    private final byte quote;
    private final byte[] block = new byte[BLOCK];
    private int position;
    private int limit;
    private boolean inQuote;
    private long offset;
    private long line;
    private long index;

    /**
     * @param in the input, positioned at {@code offset}
     * @param quote the quote byte, or -1 for none (JSON Lines)
     * @param offset the input's byte offset at the stream's start
     * @param line the physical 1-based line at the stream's start
     * @param index the index of the first chunk to cut
     */
    RecordChunker(InputStream in, int quote, long offset, long line, long index) {
        this.in = Objects.requireNonNull(in, "in");
        this.quoting = quote >= 0;
        this.quote = (byte) quote;
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
     * were read, or the input ended (its last record may lack a line feed).
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
                    if (!inQuote && (++records >= maxRecords || length + i + 1 - from >= maxBytes)) {
                        stop = i + 1;
                        cut = true;
                        break;
                    }
                } else if (quoting && b == quote) {
                    inQuote = !inQuote;
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
     * @param quote the quote byte, or -1 for none
     * @return one chunk per record, each with its own offsets and lines
     */
    static List<Chunk> records(Chunk chunk, int quote) {
        RecordChunker records = new RecordChunker(new ByteArrayInputStream(chunk.bytes()), quote,
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
     * @param quote the quote byte, or -1
     * @return the record's bytes, ending with a line feed, or null if the input is empty
     * @throws IOException if the input cannot be read
     */
    static @Nullable Chunk first(InputStream in, int quote) throws IOException {
        return new RecordChunker(in, quote, 0, 1, 0).next(1, Integer.MAX_VALUE);
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
