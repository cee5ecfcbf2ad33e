package dev.mlops.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Re-encodes the characters of a strict decoder ({@link StrictReader}) as UTF-8, so that
 * {@link CsvTokenizer} can read an input whose charset is not ASCII-compatible (UTF-16,
 * Shift_JIS): the decoder reports invalid bytes with their offset in the original input. A
 * delimiter or quote beyond ASCII is written as the byte {@value #DELIMITER_BYTE} or
 * {@value #QUOTE_BYTE}, which never occur in UTF-8, so that it stays one byte for the tokenizer;
 * {@link CellDecoder} maps them back. Not thread-safe.
 */
final class Utf8Transcoder extends InputStream {
    /** The byte a delimiter beyond ASCII becomes. */
    static final int DELIMITER_BYTE = 0xFF;
    /** The byte a quote beyond ASCII becomes. */
    static final int QUOTE_BYTE = 0xFE;
    private static final int CHARS = 8192;

    private final Reader reader;
    private final char delimiter;
    private final char quote;
    private final char[] chars = new char[CHARS + 1];
    private final byte[] bytes = new byte[(CHARS + 1) * 3];
    private int carried;
    private int position;
    private int limit;
    private boolean endOfInput;

    /**
     * @param reader the characters; closing this stream closes it
     * @param delimiter the delimiter, written as {@value #DELIMITER_BYTE} if beyond ASCII
     * @param quote the quote, written as {@value #QUOTE_BYTE} if beyond ASCII
     */
    Utf8Transcoder(Reader reader, char delimiter, char quote) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.quote = quote;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
        while (position == limit) {
            if (endOfInput) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(bytes, position, target, offset, n);
        position += n;
        return n;
    }

    private void fill() throws IOException {
        int n = reader.read(chars, carried, CHARS - carried);
        if (n < 0) {
            endOfInput = true;
            n = 0;
        }
        int end = carried + n;
        int written = 0;
        carried = 0;
        for (int i = 0; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                bytes[written++] = (byte) c;
            } else if (c == delimiter) {
                bytes[written++] = (byte) DELIMITER_BYTE;
            } else if (c == quote) {
                bytes[written++] = (byte) QUOTE_BYTE;
            } else if (c < 0x800) {
                bytes[written++] = (byte) (0xC0 | c >> 6);
                bytes[written++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 == end && !endOfInput) {
                chars[0] = c;
                carried = 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                int code = Character.toCodePoint(c, chars[++i]);
                bytes[written++] = (byte) (0xF0 | code >> 18);
                bytes[written++] = (byte) (0x80 | code >> 12 & 0x3F);
                bytes[written++] = (byte) (0x80 | code >> 6 & 0x3F);
                bytes[written++] = (byte) (0x80 | code & 0x3F);
            } else {
                bytes[written++] = (byte) (0xE0 | c >> 12);
                bytes[written++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[written++] = (byte) (0x80 | c & 0x3F);
            }
        }
        position = 0;
        limit = written;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
