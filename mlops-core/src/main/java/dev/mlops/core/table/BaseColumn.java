package dev.mlops.core.table;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What every column implementation shares: its name, the optional row index of a view, and the
 * missing-value bitmap. Positions in the bitmap and in the value arrays are base positions; a
 * view maps its rows to base positions through {@code index}.
 */
abstract class BaseColumn {
    private final String name;
    private final int @Nullable [] index;
    private final int size;
    private final @Nullable BitSet missing;
    private final int missingCount;
    private final boolean sensitive;

    BaseColumn(String name, int baseSize, int @Nullable [] index, @Nullable BitSet missing, boolean sensitive) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank but was '" + name + "'");
        }
        this.name = name;
        this.index = index;
        this.size = index == null ? baseSize : index.length;
        this.missing = missing == null || missing.isEmpty() ? null : missing;
        this.missingCount = countMissing();
        this.sensitive = sensitive;
    }

    private int countMissing() {
        if (missing == null) {
            return 0;
        }
        if (index == null) {
            return missing.cardinality();
        }
        int count = 0;
        for (int position : index) {
            if (missing.get(position)) {
                count++;
            }
        }
        return count;
    }

    /** @return the column's type */
    public abstract ColumnType type();

    /** Formats the present value at a base position. */
    abstract String formatAt(int position);

    /** Compares the present values at two base positions of this column and another of the same type. */
    abstract boolean equalsAt(int position, BaseColumn other, int otherPosition);

    /** Hashes the present value at a base position, consistently with {@link #equalsAt}. */
    abstract int hashAt(int position);

    /**
     * @param row a 0-based row
     * @return the row's value as text, as the column's type writes it; empty when missing
     * @throws IndexOutOfBoundsException if there is no such row
     * @see Column#format(int)
     */
    public final String format(int row) {
        int position = position(row);
        return isMissingAt(position) ? "" : formatAt(position);
    }

    /**
     * @param row a 0-based row of this column
     * @param other a column of the same type
     * @param otherRow a 0-based row of that column
     * @return true if both values are missing, or both present and equal
     * @throws IllegalArgumentException if the columns' types differ
     * @see Column#valueEquals(int, Column, int)
     */
    public final boolean valueEquals(int row, Column other, int otherRow) {
        if (type() != other.type()) {
            throw new IllegalArgumentException("cannot compare column '" + name + "' (" + type()
                    + ") with column '" + other.name() + "' (" + other.type() + ")");
        }
        BaseColumn that = (BaseColumn) other;
        int position = position(row);
        int otherPosition = that.position(otherRow);
        boolean missingHere = isMissingAt(position);
        boolean missingThere = that.isMissingAt(otherPosition);
        if (missingHere || missingThere) {
            return missingHere && missingThere;
        }
        return equalsAt(position, that, otherPosition);
    }

    /**
     * @param row a 0-based row
     * @return a hash of the row's value, consistent with {@code valueEquals}; 0 when missing
     * @see Column#valueHash(int)
     */
    public final int valueHash(int row) {
        int position = position(row);
        return isMissingAt(position) ? 0 : hashAt(position);
    }

    /**
     * Appends boxed values to a builder, a {@code null} as a missing value; the column types'
     * {@code of(name, values...)} factories share it.
     */
    static <T, B extends ColumnBuilder> B appendAll(B builder, @Nullable T[] values, BiConsumer<B, T> add) {
        Objects.requireNonNull(values, "values");
        for (T value : values) {
            if (value == null) {
                builder.addMissing();
            } else {
                add.accept(builder, value);
            }
        }
        return builder;
    }

    /**
     * @return the column's name
     * @see Column#name()
     */
    public final String name() {
        return name;
    }

    /**
     * @return whether the column's raw values must not leave the process
     * @see Column#sensitive()
     */
    public final boolean sensitive() {
        return sensitive;
    }

    /**
     * @return the number of rows
     * @see Column#size()
     */
    public final int size() {
        return size;
    }

    /**
     * @return the number of missing values
     * @see Column#missingCount()
     */
    public final int missingCount() {
        return missingCount;
    }

    /**
     * @param row a 0-based row
     * @return true if the row's value is missing
     * @see Column#isMissing(int)
     */
    public final boolean isMissing(int row) {
        return isMissingAt(position(row));
    }

    private boolean isMissingAt(int position) {
        return missing != null && missing.get(position);
    }

    /**
     * @param fromRow the first 0-based row
     * @param words the bitmap, at least {@code ceil(length / 64)} words
     * @param length how many rows
     * @see Column#copyMissing(int, long[], int)
     */
    public final void copyMissing(int fromRow, long[] words, int length) {
        Objects.requireNonNull(words, "words");
        checkRows(fromRow, length);
        int wordCount = (length + 63) >>> 6;
        if (wordCount > words.length) {
            throw new IndexOutOfBoundsException("words of length " + words.length + " cannot hold the " + length
                    + " bits of rows [" + fromRow + ", " + (fromRow + length) + "); that needs " + wordCount);
        }
        Arrays.fill(words, 0, wordCount, 0L);
        if (missing == null) {
            return;
        }
        if (index == null) {
            int end = fromRow + length;
            for (int position = missing.nextSetBit(fromRow); position >= 0 && position < end;
                    position = missing.nextSetBit(position + 1)) {
                int bit = position - fromRow;
                words[bit >>> 6] |= 1L << bit;
            }
        } else {
            for (int bit = 0; bit < length; bit++) {
                if (missing.get(index[fromRow + bit])) {
                    words[bit >>> 6] |= 1L << bit;
                }
            }
        }
    }

    /**
     * Checks that {@code [fromRow, fromRow + length)} lies inside the column and that a target
     * array holds {@code length} elements from {@code targetOffset}, for the bulk copies.
     */
    final void checkCopy(int fromRow, int length, int targetLength, int targetOffset) {
        checkRows(fromRow, length);
        if (targetOffset < 0 || targetOffset > targetLength - length) {
            throw new IndexOutOfBoundsException("a target of length " + targetLength + " cannot hold " + length
                    + " values from offset " + targetOffset);
        }
    }

    private void checkRows(int fromRow, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative but was " + length);
        }
        if (fromRow < 0 || fromRow > size - length) {
            throw new IndexOutOfBoundsException("rows [" + fromRow + ", " + ((long) fromRow + length)
                    + ") are outside column '" + name + "' of " + size + " rows");
        }
    }

    /** Maps a row of this column to its position in the underlying arrays. */
    final int position(int row) {
        Objects.checkIndex(row, size);
        return index == null ? row : index[row];
    }

    /** Maps a row to its position, failing clearly when the value is missing. */
    final int presentPosition(int row) {
        int position = position(row);
        if (missing != null && missing.get(position)) {
            throw new IllegalStateException("row " + row + " of column '" + name
                    + "' is missing; check isMissing(row) first");
        }
        return position;
    }

    final @Nullable BitSet missingBits() {
        return missing;
    }

    /** Composes a selection of this column's rows with this column's own index. */
    final int[] compose(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        int[] composed = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            if (row < 0 || row >= size) {
                throw new IndexOutOfBoundsException("rows[" + i + "] = " + row + " is outside column '" + name
                        + "' of " + size + " rows");
            }
            composed[i] = index == null ? row : index[row];
        }
        return composed;
    }

    final int @Nullable [] index() {
        return index;
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + size + " rows, " + missingCount + " missing"
                + (sensitive ? ", sensitive" : "") + "]";
    }
}
