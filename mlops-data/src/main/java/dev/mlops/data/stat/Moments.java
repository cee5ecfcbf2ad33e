package dev.mlops.data.stat;

import dev.mlops.data.profile.NumericProfile;

/**
 * The count, mean and sample variance of a numeric sample: all that {@link WelchTTest} needs, so
 * a stored profile can stand in for the raw values. Immutable and thread-safe.
 *
 * @param count the number of values, at least 2
 * @param mean the mean; infinite when the sum overflowed
 * @param variance the sample variance (divisor {@code count - 1}), not negative; infinite or NaN
 *     when the squares overflowed
 */
public record Moments(long count, double mean, double variance) {

    /**
     * Validates the moments.
     *
     * @param count the number of values, at least 2
     * @param mean the mean; infinite when the sum overflowed
     * @param variance the sample variance (divisor {@code count - 1}), not negative; infinite or NaN
     *     when the squares overflowed
     * @throws IllegalArgumentException if {@code count} is below 2 or {@code variance} is negative
     */
    public Moments {
        if (count < 2) {
            throw new IllegalArgumentException("count must be at least 2 but was " + count);
        }
        if (variance < 0.0) {
            throw new IllegalArgumentException("variance must not be negative but was " + variance);
        }
    }

    /**
     * Computes the moments of raw values in two passes: the mean, then the variance by the
     * corrected two-pass algorithm (Chan, Golub and LeVeque), as commons-math's {@code Variance}
     * and numpy's {@code var(ddof=1)} do.
     *
     * @param values the values, at least 2, all finite; not changed
     * @return their moments
     * @throws IllegalArgumentException if there are fewer than 2 values or one is NaN or infinite;
     *     the message names {@code values} and the offending index and value
     */
    public static Moments of(double[] values) {
        return of("values", values);
    }

    /** {@link #of(double[])} with errors that name {@code argument}. */
    static Moments of(String argument, double[] values) {
        Samples.check(argument, values, 2);
        double sum = 0.0;
        for (double x : values) {
            sum += x;
        }
        double mean = sum / values.length;
        double squares = 0.0;
        double deviations = 0.0;
        for (double x : values) {
            double d = x - mean;
            squares += d * d;
            deviations += d;
        }
        double variance = (squares - deviations * deviations / values.length) / (values.length - 1);
        return new Moments(values.length, mean, variance);
    }

    /**
     * Reads the moments of a profile's finite values ({@link NumericProfile#finite()},
     * {@link NumericProfile#mean()}, {@link NumericProfile#variance()}); NaN, infinities and
     * missing values are not in them.
     *
     * @param profile a numeric profile with at least 2 finite values
     * @return its moments
     * @throws IllegalArgumentException if the profile has fewer than 2 finite values; the message
     *     names the profile's column and its count
     */
    public static Moments of(NumericProfile profile) {
        return of("profile", profile);
    }

    /** {@link #of(NumericProfile)} with errors that name {@code argument}. */
    static Moments of(String argument, NumericProfile profile) {
        Samples.check(argument, profile, 2);
        return new Moments(profile.finite(), profile.mean().getAsDouble(), profile.variance().getAsDouble());
    }

    /** @return the sample standard deviation, the square root of {@link #variance()} */
    public double standardDeviation() {
        return Math.sqrt(variance);
    }
}
