package dev.mlops.monitor.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The argument checks the records of this package share. */
final class Checks {

    private Checks() {
        throw new AssertionError("no instances");
    }

    /** @throws IllegalArgumentException if {@code value} is blank; the message names the argument */
    static void notBlank(String argument, String value) {
        Objects.requireNonNull(value, argument);
        if (value.isBlank()) {
            throw new IllegalArgumentException(argument + " must not be blank but was '" + value + "'");
        }
    }

    /** @throws IllegalArgumentException if {@code value} is negative */
    static long count(String argument, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(argument + " must not be negative but was " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException if {@code value} is not finite */
    static void finite(String argument, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(argument + " must be a finite number but was " + value);
        }
    }

    /**
     * Copies points and checks that their times increase.
     *
     * @throws IllegalArgumentException naming the owner, the point and both times
     */
    static <T> List<T> increasing(String owner, List<T> points, Function<T, Instant> time) {
        List<T> copy = List.copyOf(points);
        for (int i = 1; i < copy.size(); i++) {
            Instant before = time.apply(copy.get(i - 1));
            Instant at = time.apply(copy.get(i));
            if (!at.isAfter(before)) {
                throw new IllegalArgumentException(owner + ": the points' times must increase but point " + i + " ("
                        + at + ") is not after point " + (i - 1) + " (" + before + ")");
            }
        }
        return copy;
    }
}
