package dev.mlops.data.io;

import dev.mlops.core.DataFormatException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The uncompressed bytes of a compressed input, with its physical lines counted as they pass
 * ({@code \n}, {@code \r\n} and a lone {@code \r} each end one), so that compressed data that
 * ends early or is corrupt fails with a {@link DataFormatException} naming the input and the line
 * the uncompressed text had reached, as an error of the text itself would. A decoder that fails
 * loses what it uncompressed in that call, so each call asks it for at most {@value #PIECE}
 * bytes; a decoder that works by blocks (zstd up to 128 KiB, bzip2 up to 900 kB) hands out none
 * of a block it could not finish. The line named is therefore at most a piece or a block of text
 * before the damage. A failure to read the raw bytes (a disk error) stays an {@link IOException}.
 * Not thread-safe.
 */
final class DecompressedInput extends InputStream {
    /** The most bytes one read asks the decoder for. */
    static final int PIECE = 1 << 13;

    private final RawInput raw;
    private final Compression compression;
    private final String source;
    private @Nullable InputStream decoder;
    /** The line breaks in the bytes given so far. */
    private long lineBreaks;
    /** Whether the last byte given was {@code \r}, so that a {@code \n} next completes its line break. */
    private boolean afterCarriageReturn;

    /**
     * @param raw the compressed bytes, read in large pieces (the decoders read small ones); closed by {@link #close()}
     * @param compression how they are compressed, not {@link Compression#NONE}
     * @param source the input's name for errors
     * @throws DataFormatException if the data does not start with the compression's header
     */
    DecompressedInput(InputStream raw, Compression compression, String source) {
        this.raw = new RawInput(raw);
        this.compression = compression;
        this.source = source;
        this.decoder = decoder();
    }

    private InputStream decoder() {
        try {
            return compression.decoder(raw);
        } catch (IOException e) {
            if (raw.failure != null) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (decoder == null) {
            throw new IOException(source + " is closed");
        }
        int n;
        try {
            n = decoder.read(bytes, offset, Math.min(length, PIECE));
        } catch (IOException e) {
            if (raw.failure != null) {
                throw e;
            }
            throw failure(e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
        if (n > 0) {
            lineBreaks += CellDecoder.lineBreaks(bytes, offset, offset + n);
            if (afterCarriageReturn && bytes[offset] == '\n') {
                lineBreaks--;
            }
            afterCarriageReturn = bytes[offset + n - 1] == '\r';
        }
        return n;
    }

    /** The error for a decoder's failure on the bytes it was given: at the line the text reached. */
    private DataFormatException failure(Exception e) {
        if (e instanceof DataFormatException format) {
            return format;
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        DataFormatException error = new DataFormatException(source, lineBreaks + 1, "the " + compression.label()
                + " data ends early or is corrupt (" + detail + ") after the uncompressed text reached this line:"
                + " the file is truncated or damaged");
        error.initCause(e);
        return error;
    }

    /** Closes the decoder, which closes the raw bytes; closing again does nothing. */
    @Override
    public void close() throws IOException {
        InputStream open = decoder;
        decoder = null;
        if (open != null) {
            open.close();
        }
    }

    /** The raw bytes, remembering whether reading them failed, so that a disk error is not taken for corrupt data. */
    private static final class RawInput extends FilterInputStream {
        private @Nullable IOException failure;

        RawInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return in.read(bytes, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
