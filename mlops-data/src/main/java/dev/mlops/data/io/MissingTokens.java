package dev.mlops.data.io;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The CSV reader's missing tokens as bytes of its charset, with the set of their lengths, so that
 * most cells are known not to be one from their length alone. Tokens the charset cannot encode
 * can match no cell and are left out. Immutable and thread-safe.
 */
final class MissingTokens {
    private final byte[][] tokens;
    private final int longest;
    /** Bit n set if a token is n bytes long (bit 63: 63 bytes or more). */
    private final long lengths;

    /**
     * @param tokens the tokens' texts
     * @param charset the charset of the cells' bytes
     */
    MissingTokens(Set<String> tokens, Charset charset) {
        List<byte[]> encoded = new ArrayList<>();
        for (String token : tokens) {
            if (charset.newEncoder().canEncode(token)) {
                encoded.add(token.getBytes(charset));
            }
        }
        this.tokens = encoded.toArray(new byte[0][]);
        this.longest = encoded.stream().mapToInt(token -> token.length).max().orElse(-1);
        this.lengths = encoded.stream().mapToLong(token -> lengthBit(token.length)).reduce(0, (a, b) -> a | b);
    }

    /**
     * @param length a cell's length in bytes, as written (without quotes, escapes undone or not)
     * @return false if no token has that length, so the cell, if it holds no doubled quote, is no token
     */
    boolean mayHaveLength(int length) {
        return (lengths & lengthBit(length)) != 0;
    }

    /**
     * Tells whether plain bytes (no quotes, no doubled quote) are a token.
     *
     * @param bytes the buffer
     * @param from the cell's first byte
     * @param to just past its last byte
     * @return true if the bytes are exactly one of the tokens
     */
    boolean matches(byte[] bytes, int from, int to) {
        if (!mayHaveLength(to - from)) {
            return false;
        }
        for (byte[] token : tokens) {
            if (Arrays.equals(token, 0, token.length, bytes, from, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a cell of the tokenizer's current record is a token, its escapes undone.
     *
     * @param cell the cell
     * @return true if the cell's text is one of the tokens
     */
    boolean matches(Cell.Raw cell) {
        if (cell.length() > 2 * longest) {
            // doubled quotes make the bytes longer than the text, but at most twice as long
            return false;
        }
        for (byte[] token : tokens) {
            if (cell.is(token)) {
                return true;
            }
        }
        return false;
    }

    /** @return the bit of {@link #lengths} for a length in bytes */
    private static long lengthBit(int length) {
        return 1L << Math.min(length, Long.SIZE - 1);
    }
}
