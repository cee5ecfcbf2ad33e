package dev.mlops.testkit;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.List;

/**
 * A model from outside Tribuo, as a user might have one: a class by whether one number is below a
 * threshold, with certainty 0.9.
 *
 * @param feature the numeric column read
 * @param threshold the value from which the second class is predicted
 * @param below the class below the threshold
 * @param above the class at or above it
 */
record ThresholdRule(String feature, double threshold, String below, String above) implements Predictor {
    @Override
    public Schema inputSchema() {
        return Schema.of(Field.of(feature, ColumnType.NUMERIC));
    }

    @Override
    public Outputs outputs() {
        return Outputs.classification(List.of(below, above));
    }

    @Override
    public Table predict(Table features) {
        InputCheck.require(inputSchema(), features);
        NumericColumn values = features.numericColumn(feature);
        double[][] scores = new double[features.rowCount()][];
        for (int row = 0; row < scores.length; row++) {
            scores[row] = values.get(row) < threshold ? new double[] {0.9, 0.1} : new double[] {0.1, 0.9};
        }
        return outputs().classifications(scores);
    }
}
