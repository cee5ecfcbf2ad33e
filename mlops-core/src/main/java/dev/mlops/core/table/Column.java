package dev.mlops.core.table;

/**
 * One named, typed, immutable column of a {@link Table}: values by 0-based row, with missing
 * values tracked apart from the values themselves.
 *
 * <p>The five implementations are the five {@link ColumnType}s; each offers typed, unboxed
 * access to its values. A column may be a view that selects rows of another column through an
 * index array: views share the underlying arrays and cost one {@code int} per row.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, BooleanColumn, TimestampColumn, TextColumn {

    /** @return the column's name */
    String name();

    /** @return the column's type */
    ColumnType type();

    /**
     * Tells whether the column's values are sensitive: its {@link Field} is then marked
     * {@link Field#sensitive() sensitive}, views, selections and renames keep the mark, and a
     * profile written out keeps the column sketch-only.
     *
     * @return true if the column is sensitive
     */
    boolean sensitive();

    /** @return the number of rows */
    int size();

    /**
     * Tells whether a row's value is missing.
     *
     * @param row the 0-based row
     * @return true if the value is missing
     * @throws IndexOutOfBoundsException if the row is outside {@code [0, size())}
     */
    boolean isMissing(int row);

    /**
     * Writes which of a range of rows are missing into a bitmap, for evaluating a condition a
     * block of rows at a time: bit {@code i % 64} of {@code words[i / 64]} is set when row
     * {@code fromRow + i} is missing and clear otherwise, for {@code i < length}; the bits of the
     * last written word past {@code length} are clear and later words are left alone.
     *
     * @param fromRow the first 0-based row
     * @param words the bitmap, at least {@code ceil(length / 64)} words
     * @param length how many rows
     * @throws IllegalArgumentException if length is negative
     * @throws IndexOutOfBoundsException if the rows are not all inside {@code [0, size())} or
     *     the words cannot hold them
     */
    void copyMissing(int fromRow, long[] words, int length);

    /** @return how many rows are missing */
    int missingCount();

    /**
     * Returns a row's value as text: numbers in the shortest form that reads back to the same
     * double ({@code 42} for an integral value, {@code NaN}, {@code Infinity}), instants in
     * ISO-8601, booleans as {@code true}/{@code false}, and the empty string for a missing value.
     * The text does not depend on the default locale.
     *
     * @param row the 0-based row
     * @return the value's text
     */
    String format(int row);

    /**
     * Returns a view of the given rows, in the given order; rows may repeat.
     *
     * @param rows 0-based rows of this column
     * @return a column of {@code rows.length} rows sharing this column's values
     * @throws IndexOutOfBoundsException if a row is outside {@code [0, size())}
     */
    Column select(int[] rows);

    /**
     * Returns the same values under another name.
     *
     * @param newName the new name
     * @return a column sharing this column's values
     */
    Column rename(String newName);

    /**
     * Returns the same values, marked sensitive or not.
     *
     * @param sensitive whether the column is sensitive
     * @return a column sharing this column's values, or this column when the mark is unchanged
     */
    Column withSensitive(boolean sensitive);

    /**
     * Tells whether two rows, of this column and another column of the same type, hold equal
     * values: both missing, or both present and equal (numbers compare as {@link Double#compare},
     * so NaN equals NaN).
     *
     * @param row a row of this column
     * @param other a column of the same type
     * @param otherRow a row of the other column
     * @return true if the values are equal
     * @throws IllegalArgumentException if the other column has another type
     */
    boolean valueEquals(int row, Column other, int otherRow);

    /**
     * Returns a hash of a row's value, consistent with {@link #valueEquals}.
     *
     * @param row the 0-based row
     * @return the hash
     */
    int valueHash(int row);
}
