package dev.mlops.data.io;

import dev.mlops.core.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Decodes bytes strictly: a byte sequence that is not valid in the charset (malformed, or
 * unmappable) is a {@link DataFormatException} naming the source, the physical 1-based line
 * and the 0-based byte offset from the input's start, never a silent U+FFFD as
 * {@link java.io.InputStreamReader} would give.
 *
 * <p>The decoder works on a buffer of bytes straight into the caller's array; the only work
 * beyond the decoder's is counting the line breaks ({@code \n}, {@code \r\n} or a lone
 * {@code \r}, as the CSV parser counts them) in each chunk returned, so that an error names its
 * line whatever the caller does with the characters. Characters before an invalid sequence
 * are returned first; the error comes with the next read. Not thread-safe.
 */
final class StrictReader extends Reader {
    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String source;
    private final String hint;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES).flip();
    /** Bytes read from the stream so far. */
    private long bytesRead;
    /** Line breaks in the characters returned so far. */
    private long lineBreaks;
    private char previous;
    private boolean endOfInput;
    private boolean flushed;

    /**
     * @param in the bytes; closing this reader closes it
     * @param charset their charset
     * @param source the input's name for errors
     * @param hint what the error adds after saying the bytes are not valid, such as "JSON Lines is UTF-8"
     */
    StrictReader(InputStream in, Charset charset, String source, String hint) {
        this.in = Objects.requireNonNull(in, "in");
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.source = Objects.requireNonNull(source, "source");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            if (flushed) {
                return -1;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (out.position() > offset) {
                    break;
                }
                throw invalid(result.length());
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                CoderResult flush = decoder.flush(out);
                if (flush.isOverflow()) {
                    break;
                }
                flushed = true;
            } else {
                fill();
            }
        }
        int end = out.position();
        countLineBreaks(buffer, offset, end);
        return end == offset ? -1 : end - offset;
    }

    /** Moves the undecoded bytes to the buffer's start and reads more behind them. */
    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    private void countLineBreaks(char[] buffer, int from, int to) {
        long breaks = lineBreaks;
        char last = previous;
        for (int i = from; i < to; i++) {
            char c = buffer[i];
            if (c <= '\r' && (c == '\r' || c == '\n' && last != '\r')) {
                breaks++;
            }
            last = c;
        }
        lineBreaks = breaks;
        previous = last;
    }

    private DataFormatException invalid(int length) {
        int at = bytes.position();
        return CellDecoder.invalid(source, lineBreaks + 1, bytesRead - bytes.remaining(),
                java.util.Arrays.copyOfRange(bytes.array(), at, at + length), decoder.charset(), hint);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
