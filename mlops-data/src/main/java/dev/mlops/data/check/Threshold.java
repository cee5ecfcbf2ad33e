package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;

/**
 * The closed interval a check's measured value must fall in to pass; either end may be
 * infinite.
 *
 * @param lower the smallest passing value, {@code -Infinity} for none
 * @param upper the largest passing value, {@code Infinity} for none
 */
public record Threshold(double lower, double upper) {

    /**
     * Validates the interval.
     *
     * @param lower the smallest passing value, {@code -Infinity} for none
     * @param upper the largest passing value, {@code Infinity} for none
     * @throws IllegalArgumentException if an end is NaN or {@code lower > upper}
     */
    public Threshold {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("a threshold needs lower <= upper, neither NaN, but was [" + lower
                    + ", " + upper + "]");
        }
    }

    /**
     * @param lower the smallest passing value
     * @return the interval {@code [lower, Infinity]}
     */
    public static Threshold atLeast(double lower) {
        return new Threshold(lower, Double.POSITIVE_INFINITY);
    }

    /**
     * @param upper the largest passing value
     * @return the interval {@code [-Infinity, upper]}
     */
    public static Threshold atMost(double upper) {
        return new Threshold(Double.NEGATIVE_INFINITY, upper);
    }

    /**
     * @param lower the smallest passing value
     * @param upper the largest passing value
     * @return the interval {@code [lower, upper]}
     */
    public static Threshold between(double lower, double upper) {
        return new Threshold(lower, upper);
    }

    /**
     * @param value a measured value
     * @return true if the value lies in the interval; NaN never does
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** @return the interval for people: {@code ">= 0.95"}, {@code "<= 0.25"} or {@code "in [2, 20]"} */
    @Override
    public String toString() {
        if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
            return "any value";
        }
        if (upper == Double.POSITIVE_INFINITY) {
            return ">= " + ReadableText.number(lower);
        }
        if (lower == Double.NEGATIVE_INFINITY) {
            return "<= " + ReadableText.number(upper);
        }
        return "in [" + ReadableText.number(lower) + ", " + ReadableText.number(upper) + "]";
    }
}
