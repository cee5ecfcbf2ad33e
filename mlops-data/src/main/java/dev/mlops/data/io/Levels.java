package dev.mlops.data.io;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The levels of a categorical column read from bytes, by their bytes: a repeated level is found
 * without decoding it again, and comes back as the same {@code String}, whose hash is known, so
 * that {@link dev.mlops.core.table.CategoricalColumn.Builder} finds its code at once. It holds at
 * most {@value #CAPACITY} levels of at most {@value #LONGEST} bytes; other cells are decoded as
 * usual. Not thread-safe: one per column.
 */
final class Levels {
    private static final int CAPACITY = 1 << 10;
    private static final int SLOTS = CAPACITY * 2;
    private static final int LONGEST = 64;

    private final byte[] @Nullable [] keys = new byte[SLOTS][];
    private final @Nullable String[] values = new String[SLOTS];
    private int size;

    /**
     * @param bytes the buffer
     * @param from the level's first byte
     * @param to just past its last byte
     * @return the level's text if known, else null
     */
    @Nullable String find(byte[] bytes, int from, int to) {
        if (to - from > LONGEST) {
            return null;
        }
        for (int slot = hash(bytes, from, to) & (SLOTS - 1); keys[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
            byte[] key = keys[slot];
            if (Arrays.equals(key, 0, key.length, bytes, from, to)) {
                return values[slot];
            }
        }
        return null;
    }

    /**
     * Remembers a level, unless the table is full or the level too long.
     *
     * @param text the level's text, decoded from the bytes
     */
    void remember(byte[] bytes, int from, int to, String text) {
        if (to - from > LONGEST || size == CAPACITY) {
            return;
        }
        int slot = hash(bytes, from, to) & (SLOTS - 1);
        while (keys[slot] != null) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        values[slot] = text;
        size++;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }
}
