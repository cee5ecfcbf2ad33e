package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;

/**
 * The square root of the mean squared error, sklearn's {@code mean_squared_error(squared=False)}
 * (computed by the shared {@link dev.mlops.data.stat.RegressionErrors}).
 */
final class RootMeanSquaredError extends NamedMetric {
    static final String NAME = "rmse";

    RootMeanSquaredError() {
        super(NAME, false);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        return RegressionRows.read(NAME, truth, predictions).errors().rootMeanSquaredError();
    }
}
