package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;

/** The mean absolute error, sklearn's {@code mean_absolute_error}. */
final class MeanAbsoluteError extends NamedMetric {
    static final String NAME = "mae";

    MeanAbsoluteError() {
        super(NAME, false);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        RegressionRows rows = RegressionRows.read(NAME, truth, predictions);
        double sum = 0.0;
        for (int row = 0; row < rows.size(); row++) {
            sum += Math.abs(rows.truth()[row] - rows.predicted()[row]);
        }
        return sum / rows.size();
    }
}
