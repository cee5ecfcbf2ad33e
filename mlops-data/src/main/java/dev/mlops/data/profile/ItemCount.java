package dev.mlops.data.profile;

import java.util.Objects;

/**
 * How often a value occurs in a column. When counted exactly, the three counts are equal;
 * from a frequent-items sketch, the true count lies in {@code [lowerBound, upperBound]}.
 *
 * @param value the value as text (booleans as {@code true}/{@code false})
 * @param count the count, or the sketch's estimate
 * @param lowerBound a lower bound on the true count
 * @param upperBound an upper bound on the true count
 */
public record ItemCount(String value, long count, long lowerBound, long upperBound) {

    /**
    * Validates the record: a non-null value and {@code lowerBound <= count <= upperBound}.
    *
    * @param value the value as text (booleans as {@code true}/{@code false})
    * @param count the count, or the sketch's estimate
    * @param lowerBound a lower bound on the true count
    * @param upperBound an upper bound on the true count
    */
    public ItemCount {
        Objects.requireNonNull(value, "value");
        if (lowerBound > count || count > upperBound) {
            throw new IllegalArgumentException("bounds must enclose the count but were " + lowerBound + " <= "
                    + count + " <= " + upperBound);
        }
    }
}
