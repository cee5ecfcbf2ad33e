package dev.mlops.data.stat;

import dev.mlops.data.profile.NumericProfile;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's two-sample t-test of equal means with unequal variances, from each side's count, mean
 * and sample variance ({@link Moments}), so a stored profile can be the reference:
 * {@code t = (mean_current - mean_reference) / sqrt(var_current / n_current + var_reference / n_reference)},
 * positive when the current mean is larger, and the two-sided p-value from Student's t with
 * Welch–Satterthwaite degrees of freedom (commons-math3 {@link TTest}). This is
 * {@code scipy.stats.ttest_ind(current, reference, equal_var=False)}; the method is
 * {@link TestMethod#ASYMPTOTIC}.
 *
 * <pre>{@code
 * TwoSampleResult r = WelchTTest.test(current, (NumericProfile) baseline.column("income"));
 * boolean shifted = r.pValue().getAsDouble() < 0.01;
 * }</pre>
 *
 * <p>When both sides are constant (zero variance) the test is undefined (scipy returns NaN); here
 * it gives {@code t = 0} and p-value 1 for equal means, {@code t = ±Infinity} and p-value 0 for
 * different ones, so that a constant that changed its value is a shift. When a mean or variance
 * is not a finite number (a sum or square that overflowed) the p-value is empty and the statistic
 * may be NaN or infinite. The test assumes roughly normal means, which the central limit theorem
 * gives for all but tiny or very skewed samples. Stateless and thread-safe.
 */
public final class WelchTTest {
    /** The name in {@link TwoSampleResult#test()}. */
    public static final String NAME = "welch-t";

    private WelchTTest() {
        throw new AssertionError("no instances");
    }

    /**
     * Tests two raw samples.
     *
     * @param current the current values, at least 2, all finite; not changed
     * @param reference the reference values, at least 2, all finite; not changed
     * @return the t statistic, p-value and sizes
     * @throws IllegalArgumentException if a sample has fewer than 2 values or a NaN or infinite one;
     *     the message names {@code current} or {@code reference}
     */
    public static TwoSampleResult test(double[] current, double[] reference) {
        return test(Moments.of("current", current), Moments.of("reference", reference));
    }

    /**
     * Tests a raw sample against a reference profile's moments (exact or sketched profile alike:
     * the moments are always exact).
     *
     * @param current the current values, at least 2, all finite; not changed
     * @param reference the reference column's profile, with at least 2 finite values
     * @return the t statistic, p-value and sizes
     * @throws IllegalArgumentException if a side has fewer than 2 finite values or the sample a NaN
     *     or infinite one; the message names {@code current} or {@code reference}
     */
    public static TwoSampleResult test(double[] current, NumericProfile reference) {
        return test(Moments.of("current", current), Moments.of("reference", reference));
    }

    /**
     * Tests two sets of moments.
     *
     * @param current the current sample's moments
     * @param reference the reference sample's moments
     * @return the t statistic, the p-value (empty when undefined, see above) and the counts
     */
    public static TwoSampleResult test(Moments current, Moments reference) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        double t;
        double p;
        if (current.variance() == 0.0 && reference.variance() == 0.0) {
            double difference = current.mean() - reference.mean();
            t = difference == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
            p = difference == 0.0 ? 1.0 : 0.0;
        } else {
            TTest test = new TTest();
            StatisticalSummaryValues now = summary(current);
            StatisticalSummaryValues then = summary(reference);
            t = test.t(now, then);
            p = test.tTest(now, then);
        }
        return new TwoSampleResult(NAME, t, Double.isNaN(p) ? OptionalDouble.empty() : OptionalDouble.of(p),
                current.count(), reference.count(), TestMethod.ASYMPTOTIC, 0.0, 0);
    }

    /**
     * The Welch–Satterthwaite degrees of freedom of the test,
     * {@code (a + b)^2 / (a^2 / (n_c - 1) + b^2 / (n_r - 1))} with {@code a = var_c / n_c} and
     * {@code b = var_r / n_r} (the value commons-math3's {@link TTest} uses for the p-value, and
     * statsmodels' {@code ttest_ind(..., usevar="unequal")[2]}), so an interval built on the test
     * uses the same figure.
     *
     * @param current the current sample's moments, count at least 2
     * @param reference the reference sample's moments, count at least 2
     * @return the degrees of freedom; NaN when both variances are 0 (the test needs none then)
     */
    public static double degreesOfFreedom(Moments current, Moments reference) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        double a = current.variance() / current.count();
        double b = reference.variance() / reference.count();
        if (a + b == 0.0) {
            return Double.NaN;
        }
        return (a + b) * (a + b) / (a * a / (current.count() - 1) + b * b / (reference.count() - 1));
    }

    /** The moments as commons-math's summary; the t-test reads only mean, variance and count. */
    private static StatisticalSummaryValues summary(Moments moments) {
        return new StatisticalSummaryValues(moments.mean(), moments.variance(), moments.count(), Double.NaN,
                Double.NaN, Double.NaN);
    }
}
