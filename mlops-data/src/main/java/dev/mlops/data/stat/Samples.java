package dev.mlops.data.stat;

import dev.mlops.data.profile.NumericProfile;
import java.util.Arrays;
import java.util.Objects;

/** Argument checks that the statistics share; each message names the argument and the value. */
final class Samples {

    private Samples() {
        throw new AssertionError("no instances");
    }

    /**
     * @throws IllegalArgumentException if the sample has fewer than {@code minimum} values or one
     *     that is NaN or infinite
     */
    static void check(String argument, double[] values, int minimum) {
        Objects.requireNonNull(values, argument);
        if (values.length < minimum) {
            throw new IllegalArgumentException(argument + " must hold at least " + minimum + " values but held "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(argument + " must hold only finite values but " + argument + "["
                        + i + "] was " + values[i]);
            }
        }
    }

    /** A checked sample's values, ascending, in a fresh array. */
    static double[] sorted(String argument, double[] values, int minimum) {
        check(argument, values, minimum);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** @throws IllegalArgumentException if the profile has fewer than {@code minimum} finite values */
    static void check(String argument, NumericProfile profile, int minimum) {
        Objects.requireNonNull(profile, argument);
        if (profile.finite() < minimum) {
            throw new IllegalArgumentException(argument + " must hold at least " + minimum + " finite values but its"
                    + " profile of column '" + profile.name() + "' held " + profile.finite());
        }
    }

    /**
     * @return the sum of the counts
     * @throws IllegalArgumentException if a count is negative or the sum is 0
     */
    static long total(String argument, long[] counts) {
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(argument + "[" + i + "] must not be negative but was " + counts[i]);
            }
            total += counts[i];
        }
        return present(argument, total);
    }

    /** @throws IllegalArgumentException if {@code total} is 0 */
    static long present(String argument, long total) {
        if (total == 0) {
            throw new IllegalArgumentException(argument + " must hold at least 1 value but its counts sum to 0");
        }
        return total;
    }
}
