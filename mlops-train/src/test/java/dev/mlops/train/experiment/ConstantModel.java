package dev.mlops.train.experiment;

import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.List;

/** A model that predicts class "no" with certainty for every row, for tests of what surrounds models. */
final class ConstantModel implements Predictor {
    static final Outputs OUTPUTS = Outputs.classification(List.of("no", "yes"));

    static Table table(int rows) {
        double[][] scores = new double[rows][];
        for (int row = 0; row < rows; row++) {
            scores[row] = new double[] {1, 0};
        }
        return OUTPUTS.classifications(scores);
    }

    @Override
    public Schema inputSchema() {
        return Schema.of();
    }

    @Override
    public Outputs outputs() {
        return OUTPUTS;
    }

    @Override
    public Table predict(Table features) {
        return table(features.rowCount());
    }
}
