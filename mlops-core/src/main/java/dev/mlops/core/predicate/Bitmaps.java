package dev.mlops.core.predicate;

/**
 * The primitive loops of the column-at-a-time evaluation: each fills a bitmap over a block of
 * rows, bit {@code i % 64} of {@code words[i / 64]} standing for the block's row {@code i}. Every
 * loop writes the words that hold {@code count} bits and leaves the bits past {@code count}
 * clear, so whole words can be combined with {@code & | ~} and counted with
 * {@link Long#bitCount}. The loops are branch-free over plain arrays so the JIT compiles each
 * comparison to a conditional set, not a jump.
 */
final class Bitmaps {
    private Bitmaps() {
    }

    /**
     * Below this share of undecided rows in a block (one in eight), {@code and} and {@code or}
     * test the undecided rows one at a time through {@link Evaluator#test(int)} rather than
     * evaluate the next operand over the whole block.
     */
    static final int ROW_SHARE = 8;

    /**
     * Below this share of undecided rows in a block (one in two), a numeric or categorical
     * comparison tests just those rows in the block's values or codes rather than all of them:
     * each costs about twice a row of the whole-block loop.
     */
    static final int VALUE_SHARE = 2;

    /**
     * @return true when {@code undecided} of {@code count} rows are fewer than one in
     *     {@code share}
     */
    static boolean sparse(int undecided, int count, int share) {
        return (long) undecided * share < count;
    }

    /** @return how many words hold {@code count} bits */
    static int wordCount(int count) {
        return (count + 63) >>> 6;
    }

    /** @return the bits of the word that starts at bit {@code base} that stand for rows below {@code count} */
    private static long valid(int base, int count) {
        int bits = count - base;
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }

    /** Sets the bits of the values in {@code [low, high]}; NaN is in no interval. */
    static void between(double[] values, int count, double low, double high, long[] words) {
        for (int base = 0; base < count; base += 64) {
            int end = Math.min(64, count - base);
            long bits = 0;
            for (int j = 0; j < end; j++) {
                double value = values[base + j];
                bits |= (low <= value & value <= high ? 1L : 0L) << j;
            }
            words[base >>> 6] = bits;
        }
    }

    /** Sets the bits of the codes equal to {@code code}. */
    static void equal(int[] codes, int count, int code, long[] words) {
        for (int base = 0; base < count; base += 64) {
            int end = Math.min(64, count - base);
            long bits = 0;
            for (int j = 0; j < end; j++) {
                // the 32 bits of code ^ codes[i] are all zero exactly when they are equal; then
                // subtracting one borrows into the sign bit of the long
                bits |= ((((long) (codes[base + j] ^ code) & 0xffff_ffffL) - 1) >>> 63) << j;
            }
            words[base >>> 6] = bits;
        }
    }

    /**
     * Sets the bits of the codes that {@code matches} marks, {@code matches[code + 1]}, so
     * that {@code matches[0]} stands for a missing value's code, -1.
     */
    static void lookUp(int[] codes, int count, boolean[] matches, long[] words) {
        for (int base = 0; base < count; base += 64) {
            int end = Math.min(64, count - base);
            long bits = 0;
            for (int j = 0; j < end; j++) {
                bits |= (matches[codes[base + j] + 1] ? 1L : 0L) << j;
            }
            words[base >>> 6] = bits;
        }
    }

    /** Keeps the set bits of the rows whose value is in {@code [low, high]}. */
    static void keepBetween(long[] words, double[] values, int count, double low, double high) {
        for (int w = wordCount(count) - 1; w >= 0; w--) {
            long kept = words[w];
            for (long left = kept; left != 0; left &= left - 1) {
                int bit = Long.numberOfTrailingZeros(left);
                double value = values[(w << 6) + bit];
                kept &= ~((low <= value & value <= high ? 0L : 1L) << bit);
            }
            words[w] = kept;
        }
    }

    /** Keeps the set bits of the rows whose code is {@code code}. */
    static void keepEqual(long[] words, int[] codes, int count, int code) {
        for (int w = wordCount(count) - 1; w >= 0; w--) {
            long kept = words[w];
            for (long left = kept; left != 0; left &= left - 1) {
                int bit = Long.numberOfTrailingZeros(left);
                kept &= ~((codes[(w << 6) + bit] == code ? 0L : 1L) << bit);
            }
            words[w] = kept;
        }
    }

    /** Sets in {@code words} the bits also set in {@code other}. */
    static void or(long[] words, long[] other, int count) {
        for (int w = wordCount(count) - 1; w >= 0; w--) {
            words[w] |= other[w];
        }
    }

    /** Keeps in {@code words} the bits also set in {@code other}. */
    static void and(long[] words, long[] other, int count) {
        for (int w = wordCount(count) - 1; w >= 0; w--) {
            words[w] &= other[w];
        }
    }

    /** Clears in {@code words} the bits set in {@code other}. */
    static void andNot(long[] words, long[] other, int count) {
        for (int w = wordCount(count) - 1; w >= 0; w--) {
            words[w] &= ~other[w];
        }
    }

    /** Flips the {@code count} bits, leaving the bits past {@code count} clear. */
    static void invert(long[] words, int count) {
        for (int base = 0; base < count; base += 64) {
            words[base >>> 6] = ~words[base >>> 6] & valid(base, count);
        }
    }

    /** @return how many of the {@code count} bits are set */
    static int cardinality(long[] words, int count) {
        int set = 0;
        for (int w = wordCount(count) - 1; w >= 0; w--) {
            set += Long.bitCount(words[w]);
        }
        return set;
    }

    /**
     * Clears the set bits of the rows that fail a test, one row at a time: for a bitmap with few
     * bits set, this is cheaper than evaluating the test over the whole block.
     *
     * @param from the block's first row, which bit 0 stands for
     */
    static void keepPassing(long[] words, int from, int count, Evaluator test) {
        for (int w = wordCount(count) - 1; w >= 0; w--) {
            long left = words[w];
            long kept = left;
            while (left != 0) {
                int bit = Long.numberOfTrailingZeros(left);
                left &= left - 1;
                if (!test.test(from + (w << 6) + bit)) {
                    kept &= ~(1L << bit);
                }
            }
            words[w] = kept;
        }
    }

    /**
     * Sets the clear bits of the rows that pass a test, one row at a time: for a bitmap with few
     * bits clear, this is cheaper than evaluating the test over the whole block.
     *
     * @param from the block's first row, which bit 0 stands for
     */
    static void addPassing(long[] words, int from, int count, Evaluator test) {
        for (int base = 0; base < count; base += 64) {
            long left = ~words[base >>> 6] & valid(base, count);
            long added = 0;
            while (left != 0) {
                int bit = Long.numberOfTrailingZeros(left);
                left &= left - 1;
                if (test.test(from + base + bit)) {
                    added |= 1L << bit;
                }
            }
            words[base >>> 6] |= added;
        }
    }
}
