package dev.mlops.train.significance;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.internal.ClassifiedRows;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * McNemar's test of two classifiers on the same rows: of the rows where exactly one of them is
 * right, {@code b} where only the first is and {@code c} where only the second is, are the two
 * equally likely? Under that hypothesis {@code b ~ Binomial(b + c, 1/2)}; the exact two-sided
 * p-value is {@code min(1, 2 P(X <= min(b, c)))}, statsmodels'
 * {@code mcnemar([[a, b], [c, d]], exact=True)}, and the mid-p value subtracts the point
 * probability {@code P(X = min(b, c))} once, as Fagerland, Lydersen and Laake (2013) recommend.
 *
 * <pre>{@code
 * McNemarResult r = McNemar.test(test.column("class"), first.predict(x), second.predict(x));
 * String mark = r.verdict().mark();
 * }</pre>
 *
 * <p>The tail {@code P(X < k)} comes from the regularized incomplete beta function
 * {@code I_{1/2}(n - k + 1, k)} (commons-math3), never from {@code 1 - cdf}, so a p-value of
 * 1e-300 is as accurate as one of 0.3. Stateless and thread-safe.
 */
public final class McNemar {
    /** The method named in every result: McNemar's exact binomial test, with its mid-p value. */
    public static final String METHOD = "mcnemar-exact";

    private McNemar() {
        throw new AssertionError("no instances");
    }

    /**
     * Tests the discordant counts.
     *
     * @param b the rows the first model got right and the second wrong, not negative
     * @param c the rows the first model got wrong and the second right, not negative
     * @return the counts, the statistic {@code min(b, c)} and the exact and mid-p values
     * @throws IllegalArgumentException if a count is negative or {@code b + c} exceeds
     *     {@link Integer#MAX_VALUE}
     */
    public static McNemarResult test(int b, int c) {
        checkCounts(b, c);
        int n = b + c;
        int k = Math.min(b, c);
        double point = new BinomialDistribution(null, n, 0.5).probability(k);
        double below = k == 0 ? 0.0 : Beta.regularizedBeta(0.5, (double) n - k + 1, k);
        return new McNemarResult(b, c, k, Math.min(1.0, 2.0 * (below + point)), Math.min(1.0, 2.0 * below + point),
                METHOD);
    }

    /**
     * Tests two classifiers' predictions of the same rows: counts {@code b} and {@code c}, then
     * tests them as {@link #test(int, int)} does.
     *
     * @param truth the true class of each row, categorical
     * @param first the first model's prediction table, in the shape of a classifier's outputs
     * @param second the second model's prediction table, of the same rows in the same order
     * @return the counts, the statistic and the p-values
     * @throws IllegalArgumentException if a table does not fit the truth (lengths, column types,
     *     a missing value, a class not among the outputs' classes); the message says which model
     *     and names the column and the row
     */
    public static McNemarResult test(Column truth, Table first, Table second) {
        ClassifiedRows one = ClassifiedRows.read(METHOD + " (first model)", truth, first);
        ClassifiedRows two = ClassifiedRows.read(METHOD + " (second model)", truth, second);
        int b = 0;
        int c = 0;
        for (int row = 0; row < one.size(); row++) {
            boolean firstRight = one.predicted(row) == one.truth(row);
            boolean secondRight = two.predicted(row) == two.truth(row);
            b += firstRight && !secondRight ? 1 : 0;
            c += secondRight && !firstRight ? 1 : 0;
        }
        return test(b, c);
    }

    /** Refuses negative counts and a total past {@code int}. */
    static void checkCounts(int b, int c) {
        if (b < 0) {
            throw new IllegalArgumentException("b must not be negative but was " + b);
        }
        if (c < 0) {
            throw new IllegalArgumentException("c must not be negative but was " + c);
        }
        if ((long) b + c > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("b + c must be at most " + Integer.MAX_VALUE + " but was " + ((long) b + c));
        }
    }
}
