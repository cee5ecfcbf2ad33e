package dev.mlops.train.predict;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Schema;
import java.util.Objects;

/** What a model predicts: one class of several, or a number. */
public enum Task {
    /** One class of a fixed list, with a score (probability) per class. */
    CLASSIFICATION,
    /** A number. */
    REGRESSION;

    /**
     * Returns the task a label column makes: classification for a categorical or boolean label,
     * regression for a numeric one.
     *
     * @param schema the schema holding the label
     * @param label the label column's name
     * @return the task
     * @throws IllegalArgumentException if the schema has no such column, or the column is of
     *     another type (text, timestamp), naming the column and its type
     */
    public static Task of(Schema schema, String label) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(label, "label");
        if (!schema.contains(label)) {
            throw new IllegalArgumentException("label column '" + label + "' is not in the table; its columns are "
                    + schema.names());
        }
        ColumnType type = schema.field(label).type();
        return switch (type) {
            case CATEGORICAL, BOOLEAN -> CLASSIFICATION;
            case NUMERIC -> REGRESSION;
            default -> throw new IllegalArgumentException("label column '" + label + "' is " + type
                    + "; a label is categorical or boolean (classification) or numeric (regression)");
        };
    }
}
