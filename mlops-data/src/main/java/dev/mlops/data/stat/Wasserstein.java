package dev.mlops.data.stat;

import java.util.OptionalDouble;

/**
 * The first Wasserstein (earth mover's) distance between two samples of numbers: the area between
 * their empirical distribution functions, {@code W = ∫ |F_current(x) - F_reference(x)| dx}, in the
 * values' units, 0 or more. This is {@code scipy.stats.wasserstein_distance(current, reference)}.
 * The <em>normalized</em> distance divides it by the reference's standard deviation (population,
 * {@code numpy.std}), or by {@value #MIN_SCALE} when that is smaller, as Evidently's
 * {@code wasserstein} drift method does, so that one threshold (Evidently's 0.1: a shift of a
 * tenth of a standard deviation) suits columns of any scale. A distance, not a test: the p-value
 * is always empty; the method {@link TestMethod#EXACT}.
 *
 * <pre>{@code
 * TwoSampleResult r = Wasserstein.normalized(current, reference);
 * boolean drifted = r.statistic() >= 0.1;
 * }</pre>
 *
 * <p>It needs raw values on both sides. Stateless and thread-safe; arrays are copied before sorting.
 */
public final class Wasserstein {
    /** The name in {@link TwoSampleResult#test()} of {@link #distance}. */
    public static final String NAME = "wasserstein";
    /** The name in {@link TwoSampleResult#test()} of {@link #normalized}. */
    public static final String NORMALIZED_NAME = "normalized-wasserstein";
    /** The least scale {@link #normalized} divides by, so that a constant reference gives a finite distance. */
    public static final double MIN_SCALE = 0.001;

    private Wasserstein() {
        throw new AssertionError("no instances");
    }

    /**
     * The distance between two raw samples, in the values' units.
     *
     * @param current the current values, at least 1, all finite; not changed
     * @param reference the reference values, at least 1, all finite; not changed
     * @return the distance, the sizes and {@link TestMethod#EXACT}
     * @throws IllegalArgumentException if a sample is empty or holds a NaN or infinite value; the
     *     message names {@code current} or {@code reference}
     */
    public static TwoSampleResult distance(double[] current, double[] reference) {
        double[] u = Samples.sorted("current", current, 1);
        double[] v = Samples.sorted("reference", reference, 1);
        return result(NAME, area(u, v), u.length, v.length);
    }

    /**
     * The distance between two raw samples divided by the reference's population standard
     * deviation (at least {@value #MIN_SCALE}).
     *
     * @param current the current values, at least 1, all finite; not changed
     * @param reference the reference values, at least 1, all finite; not changed
     * @return the normalized distance, the sizes and {@link TestMethod#EXACT}
     * @throws IllegalArgumentException if a sample is empty or holds a NaN or infinite value; the
     *     message names {@code current} or {@code reference}
     */
    public static TwoSampleResult normalized(double[] current, double[] reference) {
        double[] u = Samples.sorted("current", current, 1);
        double[] v = Samples.sorted("reference", reference, 1);
        double scale = MIN_SCALE;
        if (v.length > 1) {
            Moments moments = Moments.of("reference", v);
            scale = Math.max(Math.sqrt(moments.variance() * (v.length - 1) / v.length), MIN_SCALE);
        }
        return result(NORMALIZED_NAME, area(u, v) / scale, u.length, v.length);
    }

    /** The area between the step functions of two sorted samples, merged in one pass. */
    private static double area(double[] u, double[] v) {
        int i = 0;
        int j = 0;
        double x = Math.min(u[0], v[0]);
        double area = 0.0;
        while (i < u.length || j < v.length) {
            double next = j == v.length || (i < u.length && u[i] <= v[j]) ? u[i] : v[j];
            area += Math.abs((double) i / u.length - (double) j / v.length) * (next - x);
            x = next;
            while (i < u.length && u[i] == next) {
                i++;
            }
            while (j < v.length && v[j] == next) {
                j++;
            }
        }
        return area;
    }

    private static TwoSampleResult result(String name, double statistic, long n, long m) {
        return new TwoSampleResult(name, statistic, OptionalDouble.empty(), n, m, TestMethod.EXACT, 0.0, 0);
    }
}
