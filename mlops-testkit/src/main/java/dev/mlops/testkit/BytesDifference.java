package dev.mlops.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Names the first differing byte of two outputs, with the text around it, for contract failure messages. */
final class BytesDifference {
    private static final int CONTEXT = 20;

    private BytesDifference() {
        throw new AssertionError("no instances");
    }

    /**
     * @param expected some bytes
     * @param actual bytes that are not equal to them
     * @return the offset of the first differing byte, with up to 20 bytes from there of each
     *     shown as escaped UTF-8 text, or the lengths if one is a prefix of the other
     */
    static String first(byte[] expected, byte[] actual) {
        int offset = Arrays.mismatch(expected, actual);
        if (offset < 0) {
            return "the bytes are equal";
        }
        if (offset == Math.min(expected.length, actual.length)) {
            return "the output holds " + expected.length + " vs " + actual.length + " bytes (equal up to byte "
                    + offset + ")";
        }
        return "the output differs first at byte " + offset + ": " + from(expected, offset) + " vs "
                + from(actual, offset);
    }

    private static String from(byte[] bytes, int offset) {
        int end = Math.min(bytes.length, offset + CONTEXT);
        return TableDifference.quote(new String(bytes, offset, end - offset, StandardCharsets.UTF_8))
                + (end < bytes.length ? "…" : "");
    }
}
