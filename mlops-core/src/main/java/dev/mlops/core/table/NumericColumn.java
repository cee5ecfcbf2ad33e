package dev.mlops.core.table;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column of {@code double} values. NaN and infinities are ordinary values; a missing value is
 * marked in a separate bitmap and reads as NaN from {@link #get(int)}, so use
 * {@link #isMissing(int)} to tell a missing value from a NaN one.
 */
public final class NumericColumn extends BaseColumn implements Column {
    /** The values; a builder's array may run past the last one, {@code length}. */
    private final double[] values;
    private final int length;

    NumericColumn(String name, double[] values, int length, int @Nullable [] index, @Nullable BitSet missing,
            boolean sensitive) {
        super(name, length, index, missing, sensitive);
        this.values = values;
        this.length = length;
    }

    /**
     * Returns a column of the given values, none missing.
     *
     * @param name the column's name
     * @param values the values, copied
     * @return the column
     */
    public static NumericColumn of(String name, double... values) {
        Objects.requireNonNull(values, "values");
        return new NumericColumn(name, values.clone(), values.length, null, null, false);
    }

    /**
     * Returns a builder that appends values one row at a time.
     *
     * @param name the column's name
     * @return an empty builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    /**
     * Returns a row's value.
     *
     * @param row the 0-based row
     * @return the value; NaN when the value is missing
     * @throws IndexOutOfBoundsException if the row is outside {@code [0, size())}
     */
    public double get(int row) {
        return values[position(row)];
    }

    /** @return a new array of the values in row order; missing values read as NaN */
    public double[] toArray() {
        int[] index = index();
        if (index == null) {
            return Arrays.copyOf(values, length);
        }
        double[] copy = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            copy[i] = values[index[i]];
        }
        return copy;
    }

    /**
     * Copies the values of a range of rows into an array, for evaluating a condition a block of
     * rows at a time; missing values read as NaN, as from {@link #get(int)}.
     *
     * @param fromRow the first 0-based row
     * @param target the array to write to
     * @param targetOffset where in {@code target} the first value goes
     * @param length how many rows
     * @throws IllegalArgumentException if length is negative
     * @throws IndexOutOfBoundsException if the rows are not all inside {@code [0, size())} or
     *     {@code target} cannot hold them from {@code targetOffset}
     */
    public void copyValues(int fromRow, double[] target, int targetOffset, int length) {
        Objects.requireNonNull(target, "target");
        checkCopy(fromRow, length, target.length, targetOffset);
        int[] index = index();
        if (index == null) {
            System.arraycopy(values, fromRow, target, targetOffset, length);
        } else {
            for (int i = 0; i < length; i++) {
                target[targetOffset + i] = values[index[fromRow + i]];
            }
        }
    }

    @Override
    public NumericColumn select(int[] rows) {
        return new NumericColumn(name(), values, length, compose(rows), missingBits(), sensitive());
    }

    @Override
    public NumericColumn rename(String newName) {
        return new NumericColumn(newName, values, length, index(), missingBits(), sensitive());
    }

    @Override
    public NumericColumn withSensitive(boolean sensitive) {
        return sensitive == sensitive() ? this : new NumericColumn(name(), values, length, index(), missingBits(), sensitive);
    }

    @Override
    String formatAt(int position) {
        return NumberText.format(values[position]);
    }

    @Override
    boolean equalsAt(int position, BaseColumn other, int otherPosition) {
        return Double.compare(values[position], ((NumericColumn) other).values[otherPosition]) == 0;
    }

    @Override
    int hashAt(int position) {
        return Double.hashCode(values[position]);
    }

    /** Appends the values of a {@link NumericColumn}; not thread-safe. */
    public static final class Builder implements ColumnBuilder {
        private final String name;
        private double[] values = new double[16];
        private final BitSet missing = new BitSet();
        private int size;
        /** True when a built column holds {@code values}: the next append copies it first. */
        private boolean shared;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Appends a value; NaN and infinities are values, not missing.
         *
         * @param value the value
         * @return this builder
         */
        public Builder add(double value) {
            if (size == values.length || shared) {
                values = Arrays.copyOf(values, size == values.length ? Builders.grown(size, size + 1) : values.length);
                shared = false;
            }
            values[size++] = value;
            return this;
        }

        /**
         * Appends the buffer's remaining values at once, as {@link #add(double)} would one by
         * one, and moves its position to its limit: the fast way to append values a file holds
         * as consecutive doubles (a little-endian {@link java.nio.ByteBuffer}'s
         * {@code asDoubleBuffer()}, for one).
         *
         * @param buffer the values, from its position to its limit
         * @return this builder
         */
        public Builder add(DoubleBuffer buffer) {
            int count = buffer.remaining();
            if (count > values.length - size || shared) {
                values = Arrays.copyOf(values, Math.max(values.length, Builders.grown(values.length, size + count)));
                shared = false;
            }
            buffer.get(values, size, count);
            size += count;
            return this;
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        @Override
        public Builder addMissing() {
            missing.set(size);
            return add(Double.NaN);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Builder ensureCapacity(int rows) {
            if (Builders.checkRows(rows) > values.length) {
                values = Arrays.copyOf(values, rows);
                shared = false;
            }
            return this;
        }

        @Override
        public Builder addAll(ColumnBuilder other) {
            Builder that = Builders.sameType(other, Builder.class);
            int count = that.size;
            if (size + count > values.length || shared) {
                values = Arrays.copyOf(values, Math.max(values.length, Builders.grown(values.length, size + count)));
                shared = false;
            }
            System.arraycopy(that.values, 0, values, size, count);
            Builders.appendBits(missing, size, that.missing, count);
            size += count;
            return this;
        }

        @Override
        public NumericColumn build() {
            shared = Builders.worthSharing(size, values.length);
            double[] built = shared ? values : Arrays.copyOf(values, size);
            return new NumericColumn(name, built, size, null, (BitSet) missing.clone(), false);
        }
    }
}
