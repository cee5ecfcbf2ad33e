package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;

/** The square root of the mean squared error, sklearn's {@code mean_squared_error(squared=False)}. */
final class RootMeanSquaredError extends NamedMetric {
    static final String NAME = "rmse";

    RootMeanSquaredError() {
        super(NAME, false);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        RegressionRows rows = RegressionRows.read(NAME, truth, predictions);
        double squares = 0.0;
        for (int row = 0; row < rows.size(); row++) {
            double error = rows.truth()[row] - rows.predicted()[row];
            squares += error * error;
        }
        return Math.sqrt(squares / rows.size());
    }
}
