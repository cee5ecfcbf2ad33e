package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;

/**
 * The coefficient of determination, sklearn's {@code r2_score}: {@code 1 - SS_res / SS_tot}.
 * Its conventions: NaN for fewer than two rows; when the truth is constant (every value equal, so
 * {@code SS_tot} is 0), 1 if every prediction is exact and 0 otherwise (sklearn's
 * {@code force_finite=True}). sklearn tests {@code SS_tot == 0} on a mean that may round (three
 * values of 0.1 have a tiny non-zero {@code SS_tot} there); here a constant truth is recognised
 * exactly.
 */
final class RSquared extends NamedMetric {
    static final String NAME = "r2";

    RSquared() {
        super(NAME, true);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        RegressionRows rows = RegressionRows.read(NAME, truth, predictions);
        int n = rows.size();
        if (n < 2) {
            return Double.NaN;
        }
        double[] y = rows.truth();
        double[] predicted = rows.predicted();
        double sum = 0.0;
        boolean constant = true;
        for (int row = 0; row < n; row++) {
            sum += y[row];
            constant &= y[row] == y[0];
        }
        double mean = sum / n;
        double residual = 0.0;
        double total = 0.0;
        for (int row = 0; row < n; row++) {
            double error = y[row] - predicted[row];
            double deviation = y[row] - mean;
            residual += error * error;
            total += deviation * deviation;
        }
        if (residual == 0.0) {
            return 1.0;
        }
        return constant ? 0.0 : 1.0 - residual / total;
    }
}
