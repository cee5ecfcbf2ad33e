package dev.mlops.train.internal;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import java.util.Locale;
import java.util.Objects;

/**
 * The checks every reader of a prediction table against the truth makes first: equal lengths and
 * the types of the truth and the {@value Outputs#PREDICTION} column. Each message starts with the
 * context (the metric's or test's name) and names the column and, where one is at fault, the
 * 0-based row.
 */
public final class PredictionColumns {

    private PredictionColumns() {
        throw new AssertionError("no instances");
    }

    /**
     * Checks the lengths and the truth's type and returns the prediction column.
     *
     * @param context who reads, such as {@code accuracy}, named first in every message
     * @param truth the true values
     * @param expected the type both the truth and the prediction column must have
     * @param predictions the prediction table
     * @return the prediction table's {@value Outputs#PREDICTION} column
     * @throws IllegalArgumentException if the lengths differ, the truth has another type, or the
     *     prediction column is absent or of another type
     */
    public static Column prediction(String context, Column truth, ColumnType expected, Table predictions) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predictions, "predictions");
        if (truth.size() != predictions.rowCount()) {
            throw new IllegalArgumentException(context + ": the truth column '" + truth.name() + "' has " + truth.size()
                    + " rows, but the predictions have " + predictions.rowCount());
        }
        if (truth.type() != expected) {
            throw new IllegalArgumentException(context + ": the truth column '" + truth.name() + "' is "
                    + name(truth.type()) + ", but a " + name(expected) + " column was expected");
        }
        return column(context, predictions, Outputs.PREDICTION, expected);
    }

    /**
     * Returns a column of the prediction table, checking its type.
     *
     * @param context who reads, named first in the message
     * @param predictions the prediction table
     * @param name the column's name
     * @param expected the column's type
     * @return the column
     * @throws IllegalArgumentException if the column is absent or of another type
     */
    public static Column column(String context, Table predictions, String name, ColumnType expected) {
        if (!predictions.schema().contains(name)) {
            throw new IllegalArgumentException(context + ": the predictions have no column '" + name + "', only "
                    + predictions.schema().names());
        }
        Column column = predictions.column(name);
        if (column.type() != expected) {
            throw new IllegalArgumentException(context + ": the predictions' column '" + name + "' is "
                    + name(column.type()) + ", but a " + name(expected) + " column was expected");
        }
        return column;
    }

    /**
     * Refuses a missing value.
     *
     * @param context who reads, named first in the message
     * @param column the column
     * @param row the 0-based row
     * @throws IllegalArgumentException if the row's value is missing, naming the column and the row
     */
    public static void requirePresent(String context, Column column, int row) {
        if (column.isMissing(row)) {
            throw new IllegalArgumentException(context + ": column '" + column.name() + "' is missing a value at row "
                    + row + "; every row needs one");
        }
    }

    private static String name(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
