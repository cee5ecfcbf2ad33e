package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.stat.RegressionErrors;
import dev.mlops.train.internal.PredictionColumns;

/**
 * A regression model's predictions read against the true values: both numeric, of equal length,
 * every value present and finite (as sklearn refuses NaN and infinities).
 *
 * @param truth the true values
 * @param predicted the predicted values
 */
record RegressionRows(double[] truth, double[] predicted) {

    /**
     * Reads and checks the rows.
     *
     * @param metric the metric's name, named first in every message
     * @param truth the true values, numeric
     * @param predictions the prediction table, with a numeric {@code prediction} column
     * @return the values
     * @throws IllegalArgumentException if the lengths differ, a column is not numeric, or a value
     *     is missing or not finite; the message names the column and the 0-based row
     */
    static RegressionRows read(String metric, Column truth, Table predictions) {
        Column prediction = PredictionColumns.prediction(metric, truth, ColumnType.NUMERIC, predictions);
        return new RegressionRows(values(metric, (NumericColumn) truth), values(metric, (NumericColumn) prediction));
    }

    private static double[] values(String metric, NumericColumn column) {
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            PredictionColumns.requirePresent(metric, column, row);
            double value = column.get(row);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(metric + ": column '" + column.name() + "' holds " + value + " at row "
                        + row + ", but only finite values can be measured");
            }
            values[row] = value;
        }
        return values;
    }

    /** @return the errors of the predictions, by the shared {@link RegressionErrors} */
    RegressionErrors errors() {
        return RegressionErrors.of(truth, predicted);
    }
}
