package dev.mlops.data.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The levels of a categorical column read from bytes, by their bytes: a repeated level is found
 * without decoding it again and comes back as the same {@code String}, and, once the column's
 * {@link dev.mlops.core.table.CategoricalColumn.Builder} has given it a code, as that code, which
 * the builder appends without a lookup of its own. It holds at most {@value #CAPACITY} levels of
 * at most {@value #LONGEST} bytes; other cells are decoded and looked up as usual. Not
 * thread-safe: one per column.
 */
final class Levels {
    /** The code of a level whose builder code is not known yet. */
    static final int NO_CODE = -1;
    private static final int CAPACITY = 1 << 10;
    private static final int SLOTS = CAPACITY * 2;
    private static final int LONGEST = 64;
    /** What {@link #slot} answers for a level too long to keep. */
    private static final int TOO_LONG = Integer.MIN_VALUE;
    private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final byte[] @Nullable [] keys = new byte[SLOTS][];
    private final @Nullable String[] values = new String[SLOTS];
    private final int[] codes = new int[SLOTS];
    private int size;

    /**
     * @param bytes the buffer
     * @param from the level's first byte
     * @param to just past its last byte
     * @return the level's text if known, else null
     */
    @Nullable String find(byte[] bytes, int from, int to) {
        int slot = slot(bytes, from, to);
        return slot < 0 ? null : values[slot];
    }

    /**
     * @param bytes the buffer
     * @param from the level's first byte
     * @param to just past its last byte
     * @return the builder's code of the level, or {@link #NO_CODE} if it is not known
     */
    int code(byte[] bytes, int from, int to) {
        int slot = slot(bytes, from, to);
        return slot < 0 ? NO_CODE : codes[slot];
    }

    /**
     * Remembers a level, with no code yet, unless it is known, the table is full or the level
     * too long.
     *
     * @param text the level's text, decoded from the bytes
     */
    void remember(byte[] bytes, int from, int to, String text) {
        remember(bytes, from, to, text, NO_CODE);
    }

    /**
     * Remembers a level and its builder's code, unless the table is full or the level too long;
     * a level known already takes the code.
     *
     * @param text the level's text, decoded from the bytes
     * @param code the builder's code of the level, or {@link #NO_CODE}
     */
    void remember(byte[] bytes, int from, int to, String text, int code) {
        int slot = slot(bytes, from, to);
        if (slot >= 0) {
            codes[slot] = code;
        } else if (slot != TOO_LONG && size < CAPACITY) {
            slot = -slot - 1;
            keys[slot] = Arrays.copyOfRange(bytes, from, to);
            values[slot] = text;
            codes[slot] = code;
            size++;
        }
    }

    /**
     * @return the slot of the level of these bytes; if it is not known, {@code -slot - 1} of the
     *     free slot where it would go, or {@link #TOO_LONG}
     */
    private int slot(byte[] bytes, int from, int to) {
        if (to - from > LONGEST) {
            return TOO_LONG;
        }
        int slot = hash(bytes, from, to) & (SLOTS - 1);
        for (byte[] key = keys[slot]; key != null; key = keys[slot]) {
            if (Arrays.equals(key, 0, key.length, bytes, from, to)) {
                return slot;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return -slot - 1;
    }

    /**
     * Hashes the first eight bytes at once (one little-endian load when eight bytes are there to
     * read, the bytes past the level masked off) and any further bytes one by one; the same
     * bytes hash alike wherever they lie in whatever buffer.
     */
    static int hash(byte[] bytes, int from, int to) {
        int length = to - from;
        long first;
        if (bytes.length - from >= Long.BYTES) {
            first = (long) LITTLE_ENDIAN_LONGS.get(bytes, from);
        } else {
            first = 0;
            for (int i = Math.min(length, Long.BYTES) - 1; i >= 0; i--) {
                first = first << Byte.SIZE | (bytes[from + i] & 0xFF);
            }
        }
        long h = (length >= Long.BYTES ? first : first & ~(-1L << (length << 3))) ^ length;
        for (int i = from + Long.BYTES; i < to; i++) {
            h = h * 31 + bytes[i];
        }
        return (int) (h * 0x9E3779B97F4A7C15L >>> 32);
    }
}
