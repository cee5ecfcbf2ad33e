package dev.mlops.train.experiment;

import dev.mlops.core.table.Table;
import dev.mlops.data.stat.Quantiles;
import dev.mlops.train.predict.Predictor;
import java.util.Arrays;

/**
 * The time a model takes to predict one example, as a caller of a real-time endpoint sees it:
 * rows predicted one at a time after a few warm-up predictions, the median and 99th percentile
 * of the wall-clock times (nearest rank).
 *
 * @param p50Micros the median time per example, in microseconds
 * @param p99Micros the 99th percentile, in microseconds
 * @param rows the rows timed
 */
record InferenceTiming(double p50Micros, double p99Micros, int rows) {

    /**
     * Times single-row predictions of a table's first rows.
     *
     * @param model the model
     * @param table rows with the model's input columns, at least one
     * @param timedRows the most rows to time
     * @param warmup the single-row predictions made before timing
     * @return the timing
     */
    static InferenceTiming measure(Predictor model, Table table, int timedRows, int warmup) {
        int rows = Math.min(timedRows, table.rowCount());
        for (int i = 0; i < warmup; i++) {
            model.predict(table.rows(i % table.rowCount()));
        }
        long[] nanos = new long[rows];
        for (int row = 0; row < rows; row++) {
            Table one = table.rows(row);
            long start = System.nanoTime();
            model.predict(one);
            nanos[row] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new InferenceTiming(Quantiles.nearestRank(nanos, 0.50) / 1e3, Quantiles.nearestRank(nanos, 0.99) / 1e3, rows);
    }

}
