package dev.mlops.core.table;

import java.util.BitSet;
import java.util.Objects;

/** What the column builders share: argument checks, growth and appending missing-value bits. */
final class Builders {
    /** The length from which a builder's array with some slack is handed over rather than trimmed. */
    private static final int SHARED_MINIMUM = 1 << 16;

    private Builders() {
    }

    /** @return rows, checked to be at least 0 */
    static int checkRows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0 but was " + rows);
        }
        return rows;
    }

    /**
     * @return the other builder as the given type
     * @throws IllegalArgumentException if it is another type of builder
     */
    static <B extends ColumnBuilder> B sameType(ColumnBuilder other, Class<B> type) {
        Objects.requireNonNull(other, "other");
        if (!type.isInstance(other)) {
            throw new IllegalArgumentException("other must be a " + type.getEnclosingClass().getSimpleName()
                    + ".Builder but was a " + other.getClass().getEnclosingClass().getSimpleName() + ".Builder");
        }
        return type.cast(other);
    }

    /**
     * @param length the current capacity
     * @param needed the capacity needed, more than length
     * @return the capacity to grow to: double the current one, or what is needed if more
     */
    static int grown(int length, int needed) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * Math.max(length, 8)));
    }

    /**
     * Whether a built column should hold the builder's array rather than a trimmed copy: when at
     * most an eighth of it is unused (a copy would cost more than the slack), and the array is
     * large enough for a copy to matter.
     *
     * @param size the rows built
     * @param capacity the array's length
     */
    static boolean worthSharing(int size, int capacity) {
        return size == capacity || capacity >= SHARED_MINIMUM && capacity - size <= capacity / 8;
    }

    /** Sets in target the bits {@code [0, count)} of source set, shifted to start at {@code at}. */
    static void appendBits(BitSet target, int at, BitSet source, int count) {
        for (int i = source.nextSetBit(0); i >= 0 && i < count; i = source.nextSetBit(i + 1)) {
            target.set(at + i);
        }
    }
}
