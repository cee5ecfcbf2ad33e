package dev.mlops.data.stat;

import dev.mlops.data.profile.NumericProfile;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The two-sample Kolmogorov–Smirnov test: the statistic is
 * {@code D = sup_x |F_current(x) - F_reference(x)|}, the largest gap between the two empirical
 * distribution functions, in {@code [0, 1]}; the p-value is the two-sided {@code P(D_{n,m} >= D)}
 * under the hypothesis of one continuous distribution.
 *
 * <pre>{@code
 * TwoSampleResult r = KolmogorovSmirnov.test(current, (NumericProfile) baseline.column("age"));
 * double d = r.statistic();            // within r.referenceError() of the exact D
 * double p = r.pValue().getAsDouble(); // always present
 * }</pre>
 *
 * <p>How the p-value is computed, as {@code scipy.stats.ks_2samp(current, reference)} (scipy
 * 1.10.1, {@code method="auto"}, two-sided) does, within 1e-6 relative and down to the smallest
 * double (a p-value is 0 only where scipy's is):
 * <ul>
 *   <li>From raw values, or a profile that keeps them ({@link NumericProfile#exactValues()}),
 *       {@code D} is exact, computed on the values as they are. While neither sample has more
 *       than {@value #EXACT_MAX_SIZE} values the p-value is the exact {@code P(D_{n,m} >= D)},
 *       a count of lattice paths ({@link TestMethod#EXACT}; with ties it is, as in scipy,
 *       conservative); above, or in the rare case where rounding carries the count outside
 *       {@code [0, 1]} (scipy's fallback too), it is the one-sample distribution at the
 *       effective size, {@code scipy.stats.kstwo.sf(D, round(n·m/(n+m)))}
 *       ({@link TestMethod#ASYMPTOTIC}). Neither is computed as {@code 1 - sum}, so the far tail
 *       keeps its digits (see {@code KolmogorovDistribution} for the algorithms and papers).
 *       commons-math3's {@code KolmogorovSmirnovTest} is not used for the p-value: it switches at
 *       {@code n·m = 10,000}, jitters ties and reports {@code 1 - cdf}.
 *   <li>From a profile that holds a KLL sketch instead, {@code D} is measured against the
 *       sketch's cumulative fraction ({@link NumericProfile#cumulativeFraction(double)}) on both
 *       sides of each step of the current distribution, so it is within
 *       {@link NumericProfile#rankError()} (the result's {@link TwoSampleResult#referenceError()})
 *       of the exact statistic, at the sketch's stated confidence; the p-value comes from the
 *       same {@code kstwo.sf(D, round(n·m/(n+m)))} and is approximate ({@link TestMethod#SKETCH}).
 * </ul>
 * The sizes are the finite values on each side; each side needs at least 2. Stateless and
 * thread-safe.
 */
public final class KolmogorovSmirnov {
    /** The name in {@link TwoSampleResult#test()}. */
    public static final String NAME = "ks";
    /**
     * The largest sample, on either side, whose p-value is exact (scipy's {@code MAX_AUTO_N}); a
     * larger sample on either side gets the asymptotic p-value.
     */
    public static final int EXACT_MAX_SIZE = 10_000;

    private KolmogorovSmirnov() {
        throw new AssertionError("no instances");
    }

    /**
     * Tests two raw samples: exact {@code D}, and an exact or asymptotic p-value.
     *
     * @param current the current values, at least 2, all finite; not changed
     * @param reference the reference values, at least 2, all finite; not changed
     * @return {@code D}, its p-value, the sizes and {@link TestMethod#EXACT} or {@link TestMethod#ASYMPTOTIC}
     * @throws IllegalArgumentException if a sample has fewer than 2 values or a NaN or infinite one;
     *     the message names {@code current} or {@code reference}
     */
    public static TwoSampleResult test(double[] current, double[] reference) {
        Samples.check("current", current, 2);
        Samples.check("reference", reference, 2);
        return exact(current, reference);
    }

    /**
     * Tests a raw sample against a reference profile's finite values: exactly while the profile
     * keeps them, else against its KLL sketch.
     *
     * @param current the current values, at least 2, all finite; not changed
     * @param reference the reference column's profile, with at least 2 finite values
     * @return {@code D}, its p-value, the sizes, the method and, for a sketch, its rank error
     * @throws IllegalArgumentException if a side has fewer than 2 finite values or the sample a NaN
     *     or infinite one; the message names {@code current} or {@code reference}
     */
    public static TwoSampleResult test(double[] current, NumericProfile reference) {
        Samples.check("reference", reference, 2);
        Optional<double[]> kept = reference.exactValues();
        if (kept.isPresent()) {
            Samples.check("current", current, 2);
            return exact(current, kept.get());
        }
        double[] sorted = Samples.sorted("current", current, 2);
        long m = reference.finite();
        double d = statistic(sorted, reference::cumulativeFraction);
        return result(d, asymptoticP(d, sorted.length, m), sorted.length, m, TestMethod.SKETCH,
                reference.rankError());
    }

    private static TwoSampleResult exact(double[] current, double[] reference) {
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        int n = current.length;
        int m = reference.length;
        double d = test.kolmogorovSmirnovStatistic(current, reference);
        if (Math.max(n, m) <= EXACT_MAX_SIZE) {
            long lcm = (long) n / gcd(n, m) * m;
            double p = KolmogorovDistribution.twoSampleSf(n, m, (long) Math.rint(d * lcm));
            if (!Double.isNaN(p)) {
                return result(d, p, n, m, TestMethod.EXACT, 0.0);
            }
        }
        return result(d, asymptoticP(d, n, m), n, m, TestMethod.ASYMPTOTIC, 0.0);
    }

    private static TwoSampleResult result(double d, double p, long n, long m, TestMethod method, double error) {
        return new TwoSampleResult(NAME, d, OptionalDouble.of(p), n, m, method,
                error, 0);
    }

    /**
     * The statistic {@code sup |F_n(x) - G(x)|} of a sorted sample against a reference given by
     * its cumulative distribution {@code G(x) = P(X <= x)}. Both are step functions that jump only
     * at data points, so the supremum is reached just before or at a value of either sample;
     * between two current values {@code F_n} is constant and {@code G} rises, so it suffices to
     * look at each distinct current value {@code v} at both sides of its step:
     * {@code |F_n(v) - G(v)|} and {@code |F_n(v-) - G(v-)|}, with {@code G(v-)} read as
     * {@code G(nextDown(v))}. With an exact {@code G} this is the exact statistic.
     *
     * @param sorted the current sample, ascending, finite, non-empty
     * @param cdf the reference's cumulative fraction at a point
     * @return the statistic, in {@code [0, 1]}
     */
    static double statistic(double[] sorted, DoubleUnaryOperator cdf) {
        int n = sorted.length;
        double d = 0.0;
        int i = 0;
        while (i < n) {
            double v = sorted[i];
            int j = i;
            while (j < n && sorted[j] == v) {
                j++;
            }
            double before = Math.abs((double) i / n - cdf.applyAsDouble(Math.nextDown(v)));
            double at = Math.abs((double) j / n - cdf.applyAsDouble(v));
            d = Math.max(d, Math.max(before, at));
            i = j;
        }
        return d;
    }

    /**
     * The asymptotic p-value {@code P(D_N >= D)} of the one-sample two-sided statistic at the
     * effective size {@code N = round(n·m/(n+m))} (half to even, as numpy), scipy's
     * {@code kstwo.sf(D, N)}; the sizes may exceed an {@code int}.
     */
    static double asymptoticP(double d, long n, long m) {
        double effective = (double) n * (double) m / ((double) n + (double) m);
        return KolmogorovDistribution.twoSidedSf((long) Math.rint(effective), d);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
