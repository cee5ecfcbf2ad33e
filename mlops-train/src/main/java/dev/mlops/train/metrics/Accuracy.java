package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.internal.ClassifiedRows;

/** The share of rows whose predicted class is the true one, sklearn's {@code accuracy_score}. */
final class Accuracy extends NamedMetric {
    static final String NAME = "accuracy";

    Accuracy() {
        super(NAME, true);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        ClassifiedRows rows = ClassifiedRows.read(NAME, truth, predictions);
        int correct = 0;
        for (int row = 0; row < rows.size(); row++) {
            correct += rows.truth(row) == rows.predicted(row) ? 1 : 0;
        }
        return rows.size() == 0 ? Double.NaN : (double) correct / rows.size();
    }
}
