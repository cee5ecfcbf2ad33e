package dev.mlops.train.predict;

import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;

/**
 * Any model, as everything downstream of training sees it: a {@link Table} of features in, a
 * {@link Table} of predictions out, in the shape its {@link #outputs()} describe. A Tribuo model
 * is one ({@code TribuoPredictor}); a user wraps another (ONNX Runtime, a rule set, a remote
 * service) by implementing these three methods.
 *
 * <p>The contract, which {@code PredictorContract} in mlops-testkit checks: {@link #predict}
 * returns one row per input row, in order, with exactly the columns of
 * {@code outputs().schema()}; a classifier's scores lie in [0, 1] and each row's sum to 1 within
 * 1e-9; the same input gives the same output; a features table that lacks a column of
 * {@link #inputSchema()}, or holds it with another type, is refused with a
 * {@link dev.mlops.core.SchemaException} naming the column ({@link InputCheck} does this), and
 * extra columns are ignored; instances are thread-safe.
 */
public interface Predictor {

    /** @return the columns, with their types, that a features table must have */
    Schema inputSchema();

    /** @return the task and, for a classifier, its classes in the order of its score columns */
    Outputs outputs();

    /**
     * Predicts every row.
     *
     * @param features the features, with at least the columns of {@link #inputSchema()}
     * @return the predictions, one row per input row, in the shape of {@link #outputs()}
     * @throws dev.mlops.core.SchemaException if a column of the input schema is absent or of another type
     */
    Table predict(Table features);
}
