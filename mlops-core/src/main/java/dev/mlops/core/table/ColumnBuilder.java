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

    /**
     * Makes room for the given number of rows in all, so that appending up to that many grows no
     * array; a reader that knows its row count calls it once and {@link #build()} then hands the
     * arrays over without copying them.
     *
     * @param rows the number of rows the builder will hold, at least 0
     * @return this builder
     * @throws IllegalArgumentException if rows is negative
     */
    ColumnBuilder ensureCapacity(int rows);

    /**
     * Appends every row of another builder of the same type, missing values as missing, as if
     * each had been added here; the other builder is unchanged.
     *
     * @param other a builder of this builder's type
     * @return this builder
     * @throws IllegalArgumentException if the other builder is of another type
     */
    ColumnBuilder addAll(ColumnBuilder other);

    /**
     * Builds the column of the rows appended so far; the builder may go on appending. When the
     * builder's arrays are full (see {@link #ensureCapacity}), or for numbers and categories
     * large and at most an eighth unused, the column takes them over without a copy, and a later
     * append copies them first.
     *
     * @return the column
     */
    Column build();
}
