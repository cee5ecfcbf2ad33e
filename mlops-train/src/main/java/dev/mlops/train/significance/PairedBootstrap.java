package dev.mlops.train.significance;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.metrics.Metric;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Bootstrap confidence intervals for any {@link Metric}: of one model's value, and of the
 * difference between two models on the same rows. Each resample draws as many rows as there are,
 * uniformly with replacement, and the same rows for both models (a paired bootstrap, so what the
 * two models share, the hard and the easy rows, cancels in the difference); the interval is the
 * percentile interval at the stated level.
 *
 * <pre>{@code
 * PairedBootstrapResult r = PairedBootstrap.of(Seed.of(42)).withResamples(2000)
 *         .compare(Metrics.macroF1(), test.column("class"), first.predict(x), second.predict(x));
 * r.difference().lower(); r.difference().upper(); r.verdict().mark();
 * }</pre>
 *
 * <p>The rows are drawn from {@code seed.derive(}{@value #STREAM}{@code ).random()}, one
 * {@code nextInt(rows)} per row and resample in order, so the same seed, resample count and rows
 * give the same intervals on every run and JVM. The metric is computed on each resample's rows
 * through views ({@link Table#rows(int...)}), so its cost is {@code resamples} times one
 * computation. Immutable and thread-safe.
 *
 * @param seed the master seed
 * @param resamples how many resamples, at least 1; default {@value #DEFAULT_RESAMPLES}
 * @param level the confidence level of the intervals, in (0, 1); default 0.95
 */
public record PairedBootstrap(Seed seed, int resamples, double level) {
    /** The name of the stream derived from the seed for the resampled rows. */
    public static final String STREAM = "paired-bootstrap";
    /** The resample count when none is given. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** The confidence level when none is given. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * Checks the settings.
     *
     * @param seed the master seed
     * @param resamples how many resamples, at least 1
     * @param level the confidence level, in (0, 1)
     * @throws IllegalArgumentException if the resample count is below 1 or the level outside (0, 1)
     */
    public PairedBootstrap {
        Objects.requireNonNull(seed, "seed");
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1 but was " + resamples);
        }
        Significance.checkLevel(level);
    }

    /**
     * @param seed the master seed
     * @return a bootstrap of {@value #DEFAULT_RESAMPLES} resamples at level 0.95
     */
    public static PairedBootstrap of(Seed seed) {
        return new PairedBootstrap(seed, DEFAULT_RESAMPLES, DEFAULT_LEVEL);
    }

    /**
     * @param count how many resamples, at least 1
     * @return this bootstrap with another resample count
     * @throws IllegalArgumentException if the count is below 1
     */
    public PairedBootstrap withResamples(int count) {
        return new PairedBootstrap(seed, count, level);
    }

    /**
     * @param confidence the confidence level, in (0, 1)
     * @return this bootstrap with another level
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public PairedBootstrap withLevel(double confidence) {
        return new PairedBootstrap(seed, resamples, confidence);
    }

    /**
     * Computes the interval of one model's metric.
     *
     * @param metric the metric
     * @param truth the true values
     * @param predictions the model's prediction table, one row per truth row
     * @return the interval
     * @throws IllegalArgumentException if there are no rows, or the metric refuses the input
     */
    public BootstrapInterval interval(Metric metric, Column truth, Table predictions) {
        Objects.requireNonNull(metric, "metric");
        requireSome(truth);
        double estimate = metric.compute(truth, predictions);
        return BootstrapInterval.of(estimate, resample(metric, truth, predictions)[0], level);
    }

    /**
     * Compares two models on the same rows.
     *
     * @param metric the metric
     * @param truth the true values
     * @param first the first model's prediction table
     * @param second the second model's prediction table, of the same rows in the same order
     * @return both models' intervals and that of {@code first - second}
     * @throws IllegalArgumentException if there are no rows, the tables' lengths differ, or the
     *     metric refuses the input
     */
    public PairedBootstrapResult compare(Metric metric, Column truth, Table first, Table second) {
        Objects.requireNonNull(metric, "metric");
        requireSome(truth);
        requireRows("first", first, truth);
        requireRows("second", second, truth);
        double estimateFirst = metric.compute(truth, first);
        double estimateSecond = metric.compute(truth, second);
        double[][] values = resample(metric, truth, first, second);
        double[] differences = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            differences[r] = values[0][r] - values[1][r];
        }
        return new PairedBootstrapResult(metric.name(), metric.higherIsBetter(),
                BootstrapInterval.of(estimateFirst, values[0], level),
                BootstrapInterval.of(estimateSecond, values[1], level),
                BootstrapInterval.of(estimateFirst - estimateSecond, differences, level), seed);
    }

    /** Each model's metric on each resample, the same rows for every model. */
    private double[][] resample(Metric metric, Column truth, Table... models) {
        int rows = truth.size();
        double[][] values = new double[models.length][resamples];
        SplittableRandom random = seed.derive(STREAM).random();
        for (int r = 0; r < resamples; r++) {
            int[] drawn = new int[rows];
            for (int i = 0; i < rows; i++) {
                drawn[i] = random.nextInt(rows);
            }
            Column resampledTruth = truth.select(drawn);
            for (int m = 0; m < models.length; m++) {
                values[m][r] = metric.compute(resampledTruth, models[m].rows(drawn));
            }
        }
        return values;
    }

    private static void requireSome(Column truth) {
        if (truth.size() == 0) {
            throw new IllegalArgumentException("the truth column '" + truth.name() + "' has no rows to resample");
        }
    }

    private static void requireRows(String model, Table predictions, Column truth) {
        if (predictions.rowCount() != truth.size()) {
            throw new IllegalArgumentException("the " + model + " model's predictions have " + predictions.rowCount()
                    + " rows, but the truth column '" + truth.name() + "' has " + truth.size());
        }
    }
}
