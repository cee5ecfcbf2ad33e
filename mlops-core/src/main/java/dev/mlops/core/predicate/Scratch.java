package dev.mlops.core.predicate;

import java.util.Arrays;

/**
 * The buffers one column-at-a-time evaluation works in, a block of rows at a time: the block's
 * values or codes of the column a comparison reads, and one bitmap per depth of the tree for
 * the intermediate results. Made for each evaluation, so a bound predicate stays safe to use
 * from several threads.
 */
final class Scratch {
    /** Rows per block: a multiple of 64 whose values stay in the first-level cache. */
    static final int BLOCK = 2048;

    private final double[] values;
    private final int[] codes;
    private long[][] words = new long[4][];

    /** Buffers for blocks of {@code min(rows, BLOCK)} rows. */
    Scratch(int rows) {
        int size = Math.min(rows, BLOCK);
        this.values = new double[size];
        this.codes = new int[size];
    }

    /** @return the buffer for a block's numeric values */
    double[] values() {
        return values;
    }

    /** @return the buffer for a block's categorical codes */
    int[] codes() {
        return codes;
    }

    /**
     * Returns the bitmap that an evaluation at a depth of the tree may use for intermediate
     * results; a node at depth {@code d} evaluates its operands at depth {@code d + 1}, so they
     * never write to its bitmap.
     */
    long[] words(int depth) {
        if (depth >= words.length) {
            words = Arrays.copyOf(words, Math.max(depth + 1, 2 * words.length));
        }
        long[] bitmap = words[depth];
        if (bitmap == null) {
            bitmap = new long[Bitmaps.wordCount(values.length)];
            words[depth] = bitmap;
        }
        return bitmap;
    }
}
