package dev.mlops.data.check;

import dev.mlops.core.table.ColumnType;
import java.util.Objects;

/**
 * A column a {@link SchemaCheck} expects.
 *
 * @param name the column's name
 * @param type its type
 * @param nullable false if the column must have no missing value
 */
public record ExpectedColumn(String name, ColumnType type, boolean nullable) {

    /**
     * Validates the name.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public ExpectedColumn {
        Columns.name(name);
        Objects.requireNonNull(type, "type");
    }
}
