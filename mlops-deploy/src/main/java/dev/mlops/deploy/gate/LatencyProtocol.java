package dev.mlops.deploy.gate;

import dev.mlops.core.table.Table;
import dev.mlops.data.stat.Quantiles;
import dev.mlops.train.predict.Predictor;
import java.util.Arrays;

/**
 * How a model's latency per example is measured on a validation set, as a caller of a real-time
 * endpoint sees it: {@code warmup} single-row predictions first (cycling over the rows, untimed,
 * so that the JIT compiles the model's path), then {@code repeats} passes over the first
 * {@code maxRows} rows, each row predicted alone and timed with {@link System#nanoTime()}; the
 * p50 and p95 are nearest-rank percentiles of all timed predictions. Immutable.
 *
 * @param warmup the untimed single-row predictions made first, at least 0; default {@value #DEFAULT_WARMUP}
 * @param repeats the timed passes over the rows, at least 1; default {@value #DEFAULT_REPEATS}
 * @param maxRows the most rows timed per pass, at least 1; default {@value #DEFAULT_MAX_ROWS}
 */
public record LatencyProtocol(int warmup, int repeats, int maxRows) {
    /** The warm-up predictions when none are given. */
    public static final int DEFAULT_WARMUP = 100;
    /** The timed passes when none are given. */
    public static final int DEFAULT_REPEATS = 3;
    /** The most rows per pass when none are given. */
    public static final int DEFAULT_MAX_ROWS = 500;
    /** The default protocol: 100 warm-up predictions, 3 passes over at most 500 rows. */
    public static final LatencyProtocol DEFAULT = new LatencyProtocol(DEFAULT_WARMUP, DEFAULT_REPEATS,
            DEFAULT_MAX_ROWS);

    /**
     * Checks the settings.
     *
     * @param warmup the warm-up predictions, at least 0
     * @param repeats the timed passes, at least 1
     * @param maxRows the most rows per pass, at least 1
     * @throws IllegalArgumentException if a setting is out of range, naming it and its value
     */
    public LatencyProtocol {
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be at least 0 but was " + warmup);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1 but was " + repeats);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1 but was " + maxRows);
        }
    }

    /**
     * Measures a model's latency per example.
     *
     * @param model the model
     * @param features the rows to predict, at least one
     * @return the p50 and p95 in milliseconds and how they were measured
     */
    public Latency measure(Predictor model, Table features) {
        if (features.rowCount() == 0) {
            throw new IllegalArgumentException("latency needs at least one row to time, but the table has none");
        }
        for (int i = 0; i < warmup; i++) {
            model.predict(features.rows(i % features.rowCount()));
        }
        int rows = Math.min(maxRows, features.rowCount());
        long[] nanos = new long[rows * repeats];
        for (int pass = 0; pass < repeats; pass++) {
            for (int row = 0; row < rows; row++) {
                Table one = features.rows(row);
                long start = System.nanoTime();
                model.predict(one);
                nanos[pass * rows + row] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return new Latency(Quantiles.nearestRank(nanos, 0.50) / 1e6, Quantiles.nearestRank(nanos, 0.95) / 1e6, nanos.length, this);
    }


    /** @return the protocol in words, as reports print it */
    @Override
    public String toString() {
        return warmup + " warm-up predictions, then " + repeats + " passes over at most " + maxRows
                + " rows, one row per prediction";
    }
}
