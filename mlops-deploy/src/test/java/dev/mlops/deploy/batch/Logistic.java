package dev.mlops.deploy.batch;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A trivial classifier on one numeric feature {@code x}: classes {@code low} and {@code high},
 * the score of {@code high} being the logistic function of x. It fails on x = 13, so that a
 * test sees a model error on one row, and may pause on every call, so that a job lasts long
 * enough to be killed.
 */
final class Logistic implements Predictor {
    static final double UNLUCKY = 13;
    private static final Outputs OUTPUTS = Outputs.classification(List.of("low", "high"));

    private final long pauseNanos;

    Logistic(long pauseNanos) {
        this.pauseNanos = pauseNanos;
    }

    Logistic() {
        this(0);
    }

    @Override
    public Schema inputSchema() {
        return Schema.of(Field.of("x", ColumnType.NUMERIC));
    }

    @Override
    public Outputs outputs() {
        return OUTPUTS;
    }

    @Override
    public Table predict(Table features) {
        InputCheck.require(inputSchema(), features);
        if (pauseNanos > 0) {
            LockSupport.parkNanos(pauseNanos);
        }
        NumericColumn x = features.numericColumn("x");
        double[][] scores = new double[features.rowCount()][];
        for (int row = 0; row < scores.length; row++) {
            double value = x.get(row);
            if (value == UNLUCKY) {
                throw new IllegalArgumentException("x = 13 is unlucky");
            }
            double high = 1 / (1 + Math.exp(-value));
            scores[row] = new double[] {1 - high, high};
        }
        return OUTPUTS.classifications(scores);
    }
}
