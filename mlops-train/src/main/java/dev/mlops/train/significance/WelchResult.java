package dev.mlops.train.significance;

import java.util.Objects;

/**
 * What Welch's t-test found between two models' metric values over repeated runs. Immutable.
 *
 * @param metric the metric's name
 * @param higherIsBetter whether a larger value of the metric is better
 * @param firstCount how many runs of the first model
 * @param secondCount how many runs of the second model
 * @param firstMean the mean of the first model's values
 * @param secondMean the mean of the second model's values
 * @param firstStandardDeviation the sample standard deviation (divisor count − 1) of the first's values
 * @param secondStandardDeviation the sample standard deviation of the second's values
 * @param t the statistic {@code (mean1 - mean2) / sqrt(s1²/n1 + s2²/n2)}; when both sides are
 *     constant, 0 for equal means and ±infinity for different ones
 * @param degreesOfFreedom the Welch–Satterthwaite degrees of freedom
 *     {@code (s1²/n1 + s2²/n2)² / ((s1²/n1)²/(n1 - 1) + (s2²/n2)²/(n2 - 1))}; NaN when both sides
 *     are constant
 * @param pValue the two-sided p-value from Student's t with those degrees of freedom; when both
 *     sides are constant, 1 for equal means and 0 for different ones; NaN when a variance overflowed
 */
public record WelchResult(String metric, boolean higherIsBetter, int firstCount, int secondCount, double firstMean,
        double secondMean, double firstStandardDeviation, double secondStandardDeviation, double t,
        double degreesOfFreedom, double pValue) {

    /**
     * Checks the result.
     *
     * @param metric the metric's name
     * @param higherIsBetter whether a larger value of the metric is better
     * @param firstCount how many runs of the first model, at least 2
     * @param secondCount how many runs of the second model, at least 2
     * @param firstMean the mean of the first model's values
     * @param secondMean the mean of the second model's values
     * @param firstStandardDeviation the sample standard deviation of the first's values
     * @param secondStandardDeviation the sample standard deviation of the second's values
     * @param t the statistic
     * @param degreesOfFreedom the Welch–Satterthwaite degrees of freedom
     * @param pValue the two-sided p-value, in [0, 1], or NaN where undefined
     * @throws IllegalArgumentException if a count is below 2 or the p-value outside [0, 1]
     */
    public WelchResult {
        Objects.requireNonNull(metric, "metric");
        RepeatedRuns.checkCount("firstCount", firstCount);
        RepeatedRuns.checkCount("secondCount", secondCount);
        if (pValue < 0.0 || pValue > 1.0) {
            throw new IllegalArgumentException("pValue must be in [0, 1] or NaN but was " + pValue);
        }
    }

    /**
     * @return the verdict at level 0.05
     * @see #verdict(double)
     */
    public Significance verdict() {
        return verdict(Significance.DEFAULT_LEVEL);
    }

    /**
     * Gives the verdict on the p-value; the better model is read from the difference of the means
     * and the metric's direction.
     *
     * @param level the significance level, in (0, 1)
     * @return the verdict
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public Significance verdict(double level) {
        return Significance.ofPValue(RepeatedRuns.METHOD, pValue, level,
                Significance.Better.of(firstMean - secondMean, higherIsBetter));
    }
}
