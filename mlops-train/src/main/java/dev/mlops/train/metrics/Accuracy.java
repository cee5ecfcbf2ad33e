package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.internal.ClassifiedRows;

/**
 * The share of rows whose predicted class is the true one, sklearn's {@code accuracy_score}
 * (computed by the shared {@link dev.mlops.data.stat.ConfusionMatrix}).
 */
final class Accuracy extends NamedMetric {
    static final String NAME = "accuracy";

    Accuracy() {
        super(NAME, true);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        return ClassifiedRows.read(NAME, truth, predictions).confusion().accuracy();
    }
}
