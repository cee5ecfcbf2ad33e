package dev.mlops.train.significance;

import dev.mlops.core.Seed;
import dev.mlops.data.stat.Moments;
import dev.mlops.data.stat.TwoSampleResult;
import dev.mlops.data.stat.WelchTTest;
import dev.mlops.train.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two models trained and measured over several seeds each: the seeds of the runs, and Welch's
 * t-test of the two sets of metric values (equal means, unequal variances), which is scipy's
 * {@code ttest_ind(first, second, equal_var=False)} and commons-math3's {@code TTest.tTest}; the
 * t statistic and p-value come from mlops-data's {@link WelchTTest}.
 *
 * <pre>{@code
 * double[] a = new double[5];
 * double[] b = new double[5];
 * List<Seed> seeds = RepeatedRuns.seeds(Seed.of(42), 5);
 * for (int i = 0; i < 5; i++) {
 *     a[i] = Metrics.accuracy().compute(truth, trainFirst(seeds.get(i)).predict(x));
 *     b[i] = Metrics.accuracy().compute(truth, trainSecond(seeds.get(i)).predict(x));
 * }
 * WelchResult r = RepeatedRuns.compare(Metrics.accuracy(), a, b);
 * }</pre>
 *
 * <p>The t-test assumes each side's mean is roughly normal; with few runs (5 to 10, as is usual)
 * that holds when the values are not very skewed. Stateless and thread-safe.
 */
public final class RepeatedRuns {
    /** The method named in the verdict. */
    public static final String METHOD = "welch-t";
    /** What precedes a run's number in the name of the stream its seed is derived through. */
    public static final String STREAM_PREFIX = "repeat/";

    private RepeatedRuns() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns the seeds of repeated runs: {@code master.derive("repeat/" + i)} for i = 0 .. k − 1.
     *
     * @param master the master seed
     * @param k how many runs, at least 2
     * @return k seeds, unmodifiable
     * @throws IllegalArgumentException if k is below 2
     */
    public static List<Seed> seeds(Seed master, int k) {
        Objects.requireNonNull(master, "master");
        checkCount("k", k);
        List<Seed> seeds = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            seeds.add(master.derive(STREAM_PREFIX + i));
        }
        return List.copyOf(seeds);
    }

    /**
     * Compares two models' metric values over repeated runs with Welch's t-test.
     *
     * @param metric the metric the values are of, for its name and direction
     * @param first the first model's values, one per run, at least 2, all finite
     * @param second the second model's values, at least 2, all finite
     * @return the means, standard deviations, t, degrees of freedom and p-value
     * @throws IllegalArgumentException if a side has fewer than 2 values or a NaN or infinite
     *     one; the message names the side and the index
     */
    public static WelchResult compare(Metric metric, double[] first, double[] second) {
        Objects.requireNonNull(metric, "metric");
        Moments one = moments("first", first);
        Moments two = moments("second", second);
        TwoSampleResult test = WelchTTest.test(one, two);
        double a = one.variance() / one.count();
        double b = two.variance() / two.count();
        double degrees = (a + b) * (a + b) / (a * a / (one.count() - 1) + b * b / (two.count() - 1));
        return new WelchResult(metric.name(), metric.higherIsBetter(), first.length, second.length, one.mean(),
                two.mean(), one.standardDeviation(), two.standardDeviation(), test.statistic(), degrees,
                test.pValue().orElse(Double.NaN));
    }

    private static Moments moments(String side, double[] values) {
        Objects.requireNonNull(values, side);
        checkCount(side + ".length", values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(side + "[" + i + "] must be finite but was " + values[i]);
            }
        }
        return Moments.of(values);
    }

    /** Refuses fewer than two runs. */
    static void checkCount(String name, int count) {
        if (count < 2) {
            throw new IllegalArgumentException(name + " must be at least 2 (Welch's t-test needs two values per side)"
                    + " but was " + count);
        }
    }
}
