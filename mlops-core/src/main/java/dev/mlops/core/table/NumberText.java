package dev.mlops.core.table;

/** Locale-independent text for doubles that reads back to the same value. */
final class NumberText {
    /** Beyond this magnitude not every integral double is printed exactly by {@code long}. */
    private static final double LARGEST_PLAIN_INTEGER = 1e15;

    private NumberText() {
    }

    /**
     * Formats a double: integral values without a fraction ({@code 42}), others as
     * {@link Double#toString(double)} does, non-finite values as {@code NaN}, {@code Infinity}
     * and {@code -Infinity}, and negative zero as {@code -0.0}.
     */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_PLAIN_INTEGER
                && !(value == 0.0 && Double.doubleToRawLongBits(value) != 0L)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
