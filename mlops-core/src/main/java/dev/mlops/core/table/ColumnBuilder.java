package dev.mlops.core.table;

import java.util.Objects;

/**
 * Appends the values of one column, one row at a time, and builds the immutable column.
 * Each column type has its own builder with a typed {@code add}; this interface holds what they
 * share, so that readers can treat them alike. Builders are not thread-safe.
 */
public sealed interface ColumnBuilder
        permits NumericColumn.Builder, CategoricalColumn.Builder, BooleanColumn.Builder, TimestampColumn.Builder,
        TextColumn.Builder {

    /**
     * Returns an empty builder for a column of the given type.
     *
     * @param name the column's name
     * @param type the column's type
     * @return the builder; cast it to the type's builder to add values
     */
    static ColumnBuilder of(String name, ColumnType type) {
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case NUMERIC -> NumericColumn.builder(name);
            case CATEGORICAL -> CategoricalColumn.builder(name);
            case BOOLEAN -> BooleanColumn.builder(name);
            case TIMESTAMP -> TimestampColumn.builder(name);
            case TEXT -> TextColumn.builder(name);
        };
    }

    /**
     * Appends a missing value.
     *
     * @return this builder
     */
    ColumnBuilder addMissing();

    /** @return the number of rows appended so far */
    int size();

    /** @return the column of the rows appended so far; the builder may go on appending */
    Column build();
}
