package dev.mlops.train.significance;

import java.util.Objects;

/**
 * What McNemar's test found. Immutable.
 *
 * @param b the rows the first model got right and the second wrong
 * @param c the rows the first model got wrong and the second right
 * @param statistic {@code min(b, c)}, as statsmodels' {@code mcnemar(table, exact=True)} reports it
 * @param pValue the exact two-sided p-value, {@code min(1, 2 P(X <= min(b, c)))} for
 *     {@code X ~ Binomial(b + c, 1/2)}; 1 when {@code b = c}
 * @param midPValue the mid-p value, {@code min(1, 2 P(X < min(b, c)) + P(X = min(b, c)))}: the exact
 *     p-value less the point probability, so closer to the nominal level and never above the exact
 *     p-value; 1 when {@code b = c}
 * @param method how the p-values were computed, {@value McNemar#METHOD}
 */
public record McNemarResult(int b, int c, double statistic, double pValue, double midPValue, String method) {

    /**
     * Checks the result.
     *
     * @param b the rows the first model got right and the second wrong, not negative
     * @param c the rows the first model got wrong and the second right, not negative
     * @param statistic {@code min(b, c)}
     * @param pValue the exact two-sided p-value, in [0, 1]
     * @param midPValue the mid-p value, in [0, 1]
     * @param method how the p-values were computed
     * @throws IllegalArgumentException if a count is negative or a p-value outside [0, 1]
     */
    public McNemarResult {
        Objects.requireNonNull(method, "method");
        McNemar.checkCounts(b, c);
        if (!(pValue >= 0.0 && pValue <= 1.0)) {
            throw new IllegalArgumentException("pValue must be in [0, 1] but was " + pValue);
        }
        if (!(midPValue >= 0.0 && midPValue <= 1.0)) {
            throw new IllegalArgumentException("midPValue must be in [0, 1] but was " + midPValue);
        }
    }

    /**
     * @return the verdict at level 0.05 on the exact p-value
     * @see #verdict(double)
     */
    public Significance verdict() {
        return verdict(Significance.DEFAULT_LEVEL);
    }

    /**
     * Gives the verdict on the exact (conservative) p-value; the first model is better when
     * {@code b > c}.
     *
     * @param level the significance level, in (0, 1)
     * @return the verdict
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public Significance verdict(double level) {
        return Significance.ofPValue(method, pValue, level, Significance.Better.of((double) b - c, true));
    }
}
