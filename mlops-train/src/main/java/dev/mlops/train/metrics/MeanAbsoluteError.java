package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;

/**
 * The mean absolute error, sklearn's {@code mean_absolute_error} (computed by the shared
 * {@link dev.mlops.data.stat.RegressionErrors}).
 */
final class MeanAbsoluteError extends NamedMetric {
    static final String NAME = "mae";

    MeanAbsoluteError() {
        super(NAME, false);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        return RegressionRows.read(NAME, truth, predictions).errors().meanAbsoluteError();
    }
}
