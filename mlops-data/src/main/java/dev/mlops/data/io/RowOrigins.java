package dev.mlops.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where each row of a table read from a file came from: the physical 1-based line it starts on
 * and the bytes that hold it, so a report can name the line and a quarantine can copy the row's
 * original text instead of writing the parsed values again ({@code 66.0} stays {@code 66.0}).
 *
 * <p>Row {@code i} of the table occupies the bytes {@code [start(i), end(i))} of the input,
 * its line terminator included when it has one; the bytes before {@link #dataStart()} hold the
 * byte order mark and the header line, if any. Rows appear in input order. Immutable and
 * thread-safe.
 */
public final class RowOrigins {
    private final long dataStart;
    private final long[] lines;
    private final long[] starts;
    private final long[] ends;

    private RowOrigins(long dataStart, long[] lines, long[] starts, long[] ends) {
        this.dataStart = dataStart;
        this.lines = lines;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * @param dataStart the offset of the first byte after the header, 0 when there is none
     * @return a builder that appends rows in input order
     * @throws IllegalArgumentException if {@code dataStart} is negative
     */
    public static Builder builder(long dataStart) {
        return new Builder(dataStart);
    }

    /** @return the number of rows */
    public int rowCount() {
        return lines.length;
    }

    /** @return the offset of the first byte after the byte order mark and the header line, if any */
    public long dataStart() {
        return dataStart;
    }

    /**
     * @param row the 0-based row
     * @return the physical 1-based line the row starts on
     * @throws IndexOutOfBoundsException if there is no such row
     */
    public long line(int row) {
        return lines[Objects.checkIndex(row, lines.length)];
    }

    /**
     * @param row the 0-based row
     * @return the offset of the row's first byte
     * @throws IndexOutOfBoundsException if there is no such row
     */
    public long start(int row) {
        return starts[Objects.checkIndex(row, starts.length)];
    }

    /**
     * @param row the 0-based row
     * @return the offset just past the row's last byte, its line terminator included
     * @throws IndexOutOfBoundsException if there is no such row
     */
    public long end(int row) {
        return ends[Objects.checkIndex(row, ends.length)];
    }

    /**
     * Copies the input's header bytes and then the bytes of the given rows, in the order given,
     * from the file they were read from. A row whose bytes end without a line terminator (the
     * input's last line) gets {@code \n}, so that no two rows run together.
     *
     * <p>The offsets of a compressed file's rows are those of its uncompressed text: the bytes
     * copied are uncompressed (write them through {@link Compression#compress(OutputStream)} to
     * keep the file's compression), read in one pass when the rows are in input order.
     *
     * @param input the file the rows were read from, unchanged since
     * @param rows the 0-based rows to copy
     * @param out where to write; flushed, not closed
     * @throws IndexOutOfBoundsException if a row does not exist
     * @throws UncheckedIOException if the file cannot be read or the output written, or the file is
     *     shorter than the rows' offsets say (it changed since it was read)
     * @throws dev.mlops.core.DataFormatException if the file is compressed and its data ends early
     *     or is corrupt
     */
    public void copy(Path input, int[] rows, OutputStream out) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        try {
            if (Compression.recognise(input) != Compression.NONE) {
                copyUncompressed(input, rows, out);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy rows of " + input, e);
        }
        try (FileChannel channel = FileChannel.open(input, StandardOpenOption.READ)) {
            WritableByteChannel target = Channels.newChannel(out);
            transfer(channel, 0, dataStart, target, input);
            for (int row : rows) {
                long end = end(row);
                transfer(channel, start(row), end, target, input);
                if (!endsWithTerminator(channel, end, input)) {
                    target.write(ByteBuffer.wrap(new byte[] {'\n'}));
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy rows of " + input, e);
        }
    }

    /** Copies from a compressed file's uncompressed bytes, read forward and opened again for a row before the last. */
    private void copyUncompressed(Path input, int[] rows, OutputStream out) {
        Objects.requireNonNull(input, "input");
        try (UncompressedCursor cursor = new UncompressedCursor(input)) {
            cursor.copy(0, dataStart, out);
            for (int row : rows) {
                if (!cursor.copy(start(row), end(row), out)) {
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy rows of " + input, e);
        }
    }

    /** A forward read of a compressed file's uncompressed bytes, opened again to go back. */
    private static final class UncompressedCursor implements AutoCloseable {
        private final Path input;
        private final byte[] buffer = new byte[1 << 16];
        private InputStream in;
        private long position;

        UncompressedCursor(Path input) {
            this.input = input;
            this.in = Compression.open(input);
        }

        /**
         * Copies the bytes {@code [from, to)}.
         *
         * @return true if the last byte copied ends a line (or none was copied)
         */
        boolean copy(long from, long to, OutputStream out) throws IOException {
            if (from < position) {
                in.close();
                in = Compression.open(input);
                position = 0;
            }
            skipTo(from);
            byte last = '\n';
            for (long left = to - from; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(input + " ends before byte " + to + " of its uncompressed text; it changed"
                            + " since it was read");
                }
                out.write(buffer, 0, n);
                last = buffer[n - 1];
                left -= n;
                position += n;
            }
            return last == '\n' || last == '\r';
        }

        private void skipTo(long offset) throws IOException {
            while (position < offset) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, offset - position));
                if (n < 0) {
                    throw new IOException(input + " ends before byte " + offset + " of its uncompressed text; it"
                            + " changed since it was read");
                }
                position += n;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static void transfer(FileChannel channel, long from, long to, WritableByteChannel target, Path input)
            throws IOException {
        long position = from;
        while (position < to) {
            long moved = channel.transferTo(position, to - position, target);
            if (moved <= 0) {
                throw new IOException(input + " ends before byte " + to + "; it changed since it was read");
            }
            position += moved;
        }
    }

    private static boolean endsWithTerminator(FileChannel channel, long end, Path input) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        if (channel.read(last, end - 1) != 1) {
            throw new IOException(input + " ends before byte " + end + "; it changed since it was read");
        }
        byte b = last.get(0);
        return b == '\n' || b == '\r';
    }

    /** Appends rows in input order; not thread-safe. */
    public static final class Builder {
        private final long dataStart;
        private long[] lines = new long[16];
        private long[] starts = new long[16];
        private long[] ends = new long[16];
        private int size;

        private Builder(long dataStart) {
            if (dataStart < 0) {
                throw new IllegalArgumentException("dataStart must not be negative but was " + dataStart);
            }
            this.dataStart = dataStart;
        }

        /**
         * Appends the next row.
         *
         * @param line the physical 1-based line it starts on
         * @param start the offset of its first byte
         * @param end the offset just past its last byte, line terminator included
         * @return this builder
         * @throws IllegalArgumentException if the line is below 1, the bytes are empty or reversed,
         *     or the row starts before the previous one ends or before the data
         */
        public Builder add(long line, long start, long end) {
            if (line < 1) {
                throw new IllegalArgumentException("line must be at least 1 but was " + line);
            }
            if (end <= start) {
                throw new IllegalArgumentException("a row's bytes must not be empty: start " + start + ", end " + end);
            }
            long previousEnd = size == 0 ? dataStart : ends[size - 1];
            if (start < previousEnd) {
                throw new IllegalArgumentException("row " + size + " starts at byte " + start
                        + ", before the previous row or the header ends (byte " + previousEnd + ")");
            }
            if (size == lines.length) {
                int grown = Math.max(16, size + (size >> 1));
                lines = Arrays.copyOf(lines, grown);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
            }
            lines[size] = line;
            starts[size] = start;
            ends[size] = end;
            size++;
            return this;
        }

        /** @return the origins of the rows added */
        public RowOrigins build() {
            return new RowOrigins(dataStart, Arrays.copyOf(lines, size), Arrays.copyOf(starts, size),
                    Arrays.copyOf(ends, size));
        }
    }
}
