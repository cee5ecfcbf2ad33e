package dev.mlops.data.io;

import dev.mlops.core.DataFormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes cells of an ASCII-compatible charset strictly: bytes not valid in the charset are a
 * {@link DataFormatException} naming the source, the physical line and the 0-based byte offset
 * from the input's start, worded as {@link StrictReader} words it, never a silent U+FFFD. A cell
 * of ASCII bytes is copied without a decoder. Not thread-safe: one per reading thread.
 */
final class CellDecoder {
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final String source;
    private final String hint;
    /** The delimiter and quote that {@link Utf8Transcoder} wrote as single bytes, or 0 when it did not. */
    private final char delimiter;
    private final char quote;
    private CharBuffer chars = CharBuffer.allocate(256);
    private byte[] unescaped = new byte[256];

    /**
     * @param charset an ASCII-compatible charset
     * @param source the input's name for errors
     * @param hint what the error adds after saying the bytes are not valid
     */
    CellDecoder(Charset charset, String source, String hint) {
        this(charset, source, hint, (char) 0, (char) 0);
    }

    /**
     * A decoder of {@link Utf8Transcoder}'s output, which is valid UTF-8 apart from the single
     * bytes that stand for a delimiter and a quote beyond ASCII.
     *
     * @param delimiter the delimiter if the transcoder wrote it as {@value Utf8Transcoder#DELIMITER_BYTE}, else 0
     * @param quote the quote if the transcoder wrote it as {@value Utf8Transcoder#QUOTE_BYTE}, else 0
     */
    CellDecoder(Charset charset, String source, String hint, char delimiter, char quote) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.source = source;
        this.hint = hint;
    }

    /** Where a position in a buffer is. */
    @FunctionalInterface
    interface LineOf {
        /** @return the physical line of the byte at the buffer offset */
        long line(int at);
    }

    /** @return the charset */
    Charset charset() {
        return charset;
    }

    /**
     * Decodes a cell.
     *
     * @param bytes the buffer
     * @param from the cell's first byte
     * @param to just past its last byte
     * @param flags {@link CsvTokenizer#ESCAPED} if doubled quotes stand for one, {@link CsvTokenizer#NON_ASCII}
     *     if a byte is beyond ASCII
     * @param quoteByte the quote's byte
     * @param tokenizer where the buffer came from, for the location of an invalid byte
     * @return the cell's text
     * @throws DataFormatException if its bytes are not valid in the charset
     */
    String text(byte[] bytes, int from, int to, int flags, byte quoteByte, CsvTokenizer tokenizer) {
        if (delimiter != 0 || quote != 0) {
            return remapped(bytes, from, to, flags, quoteByte);
        }
        if ((flags & CsvTokenizer.NON_ASCII) != 0 && !valid(bytes, from, to)) {
            check(bytes, from, to, tokenizer.limit(), tokenizer::lineAt, tokenizer.bufferOffset(), tokenizer.atEndOfInput());
        }
        if ((flags & CsvTokenizer.ESCAPED) == 0) {
            return (flags & CsvTokenizer.NON_ASCII) == 0 ? new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)
                    : new String(bytes, from, to - from, charset);
        }
        if (unescaped.length < to - from) {
            unescaped = new byte[Math.max(to - from, unescaped.length * 2)];
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            unescaped[n++] = bytes[i];
            if (bytes[i] == quoteByte) {
                i++;
            }
        }
        return new String(unescaped, 0, n, (flags & CsvTokenizer.NON_ASCII) == 0 ? StandardCharsets.ISO_8859_1 : charset);
    }

    /** Decodes a cell of {@link Utf8Transcoder}'s output, turning its single delimiter and quote bytes back. */
    private String remapped(byte[] bytes, int from, int to, int flags, byte quoteByte) {
        StringBuilder text = new StringBuilder(to - from);
        int run = from;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b == Utf8Transcoder.DELIMITER_BYTE || b == Utf8Transcoder.QUOTE_BYTE || bytes[i] == quoteByte) {
                text.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
                text.append(b == Utf8Transcoder.DELIMITER_BYTE ? delimiter : b == Utf8Transcoder.QUOTE_BYTE ? quote
                        : (char) quoteByte);
                if (bytes[i] == quoteByte && (flags & CsvTokenizer.ESCAPED) != 0) {
                    i++;
                }
                run = i + 1;
            }
        }
        return text.append(new String(bytes, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    /** @return true if the bytes are valid in the charset */
    private boolean valid(byte[] bytes, int from, int to) {
        if (chars.capacity() < to - from) {
            chars = CharBuffer.allocate(Math.max(to - from, chars.capacity() * 2));
        }
        decoder.reset();
        chars.clear();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        return !decoder.decode(in, chars, true).isError() && !decoder.flush(chars).isError();
    }

    /**
     * Checks that bytes are valid in the charset, as a streaming decoder that saw them would:
     * the first invalid sequence that starts at or before {@code until} is an error.
     *
     * @param bytes the buffer
     * @param from the first byte to check, at a character's start
     * @param until the last byte whose character is checked
     * @param to just past the bytes read so far
     * @param lines the line of a buffer offset
     * @param bufferOffset the offset in the input of {@code bytes[0]}
     * @param endOfInput whether {@code to} is the input's end
     * @throws DataFormatException naming the first invalid bytes, if any
     */
    void check(byte[] bytes, int from, int until, int to, LineOf lines, long bufferOffset, boolean endOfInput) {
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, endOfInput);
            if (result.isError()) {
                int at = in.position();
                if (at > until) {
                    return;
                }
                throw invalid(source, lines.line(at), bufferOffset + at, Arrays.copyOfRange(bytes, at, at + result.length()),
                        decoder.charset(), hint);
            }
            if (!result.isOverflow()) {
                return;
            }
            out.clear();
        }
    }

    /**
     * The error for bytes that are not valid in a charset.
     *
     * @param source the input's name
     * @param line the physical line of the first byte
     * @param offset the 0-based offset of the first byte in the input
     * @param bytes the invalid bytes
     * @param charset the charset
     * @param hint what the message adds
     * @return the error
     */
    static DataFormatException invalid(String source, long line, long offset, byte[] bytes, Charset charset, String hint) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            shown.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i]));
        }
        String what = bytes.length == 1 ? "the byte " + shown + " at byte offset " + offset + " is"
                : "the bytes " + shown + " at byte offset " + offset + " are";
        return new DataFormatException(source, line, what + " not valid " + charset.name() + "; " + hint);
    }

    /**
     * Counts the line breaks in a range of bytes: {@code \n}, {@code \r\n} and a lone {@code \r} each end a line.
     * Eight bytes at a time go past words that hold neither {@code \n} nor {@code \r} (the text of a
     * compressed file is counted whole as it is read).
     *
     * @return the number of line breaks that end before {@code to}
     */
    static long lineBreaks(byte[] bytes, int from, int to) {
        long breaks = 0;
        int i = from;
        while (i < to) {
            if (i + Long.BYTES <= to && !holdsLineBreak((long) CsvTokenizer.LITTLE_ENDIAN_LONGS.get(bytes, i))) {
                i += Long.BYTES;
                continue;
            }
            int end = Math.min(to, i + Long.BYTES);
            for (; i < end; i++) {
                byte c = bytes[i];
                if (c == '\r' || c == '\n' && (i == from || bytes[i - 1] != '\r')) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** Whether a byte of the word is {@code \n} or {@code \r}: a zero byte of the word xor each, found by the usual borrow test. */
    private static boolean holdsLineBreak(long word) {
        long feeds = word ^ CsvTokenizer.LINE_FEEDS;
        long returns = word ^ CsvTokenizer.CARRIAGE_RETURNS;
        return (((feeds - CsvTokenizer.LOW_BITS) & ~feeds | (returns - CsvTokenizer.LOW_BITS) & ~returns)
                & CsvTokenizer.HIGH_BITS) != 0;
    }
}
