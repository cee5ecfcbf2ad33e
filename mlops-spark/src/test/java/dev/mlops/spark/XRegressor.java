package dev.mlops.spark;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;

/** The scoring tests' models: one numeric feature {@code x} in, a number out; each says only how it predicts. */
interface XRegressor extends Predictor {
    @Override
    default Schema inputSchema() {
        return Schema.of(Field.of("x", ColumnType.NUMERIC));
    }

    @Override
    default Outputs outputs() {
        return Outputs.regression();
    }
}
