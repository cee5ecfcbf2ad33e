package dev.mlops.data.split;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import java.util.Locale;

/**
 * How a stratified splitter reads the classes of its label column. Type inference reads a column
 * of {@code 0} and {@code 1} as numeric; {@link #CATEGORICAL} treats each distinct value of such a
 * column as a class for the split alone, and leaves the table's types as they are. A splitter's
 * settings write it in lower case ({@code inferred}, {@code categorical}); usage:
 * {@code stratified(label=y, seed=42, labelType=categorical)}, or {@code mlops split --label y
 * --label-type categorical}.
 */
public enum LabelType {
    /** The label column must be categorical, as read (the default). */
    INFERRED,
    /**
     * Each distinct value of the label column is a class, whatever the column's type: a numeric
     * value is named as the table prints it ({@code 0}, {@code 1}, {@code 2.5}), a boolean
     * {@code true} or {@code false}. A timestamp column is refused.
     */
    CATEGORICAL;

    /** @return the lower-case name used in settings, such as {@code "categorical"} */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a label written by {@link #label()}, in any case.
     *
     * @param label {@code "inferred"} or {@code "categorical"}
     * @return the label type
     * @throws IllegalArgumentException if the label is neither; the message lists them
     */
    @JsonCreator
    public static LabelType fromLabel(String label) {
        for (LabelType type : values()) {
            if (type.label().equalsIgnoreCase(label.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("labelType must be inferred or categorical but was '" + label + "'");
    }

    /**
     * Returns the label column's classes as a categorical column of the same rows, missing where
     * the label is missing. Checks such as mlops-testkit's {@code SplitChecks} read the classes
     * the same way.
     *
     * @param table the table
     * @param label the label column's name
     * @return the column itself when it is categorical, otherwise (for {@link #CATEGORICAL}) its
     *     values as levels
     * @throws SchemaException if there is no such column; for {@link #INFERRED} if it is not
     *     categorical, for {@link #CATEGORICAL} if it holds timestamps
     */
    public CategoricalColumn classes(Table table, String label) {
        Column column = table.column(label);
        ColumnType type = column.type();
        if (type == ColumnType.CATEGORICAL) {
            return (CategoricalColumn) column;
        }
        if (this == INFERRED) {
            throw new SchemaException("label column '" + label + "' is " + type + ", not CATEGORICAL; the setting "
                    + "labelType=categorical treats each of its distinct values as a class");
        }
        if (type == ColumnType.TIMESTAMP) {
            throw new SchemaException("label column '" + label + "' is TIMESTAMP; labelType=categorical reads numbers, "
                    + "booleans and text as classes, not times");
        }
        CategoricalColumn.Builder classes = CategoricalColumn.builder(label);
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                classes.addMissing();
            } else {
                classes.add(column.format(row));
            }
        }
        return classes.build();
    }
}
