package dev.mlops.core.table;

import java.util.BitSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A column of {@code true}/{@code false} values, stored as bits. */
public final class BooleanColumn extends BaseColumn implements Column {
    private final BitSet values;

    BooleanColumn(String name, BitSet values, int baseSize, int @Nullable [] index, @Nullable BitSet missing, boolean sensitive) {
        super(name, baseSize, index, missing, sensitive);
        this.values = values;
    }

    /**
     * Returns a column of the given values; a {@code null} element is a missing value.
     *
     * @param name the column's name
     * @param values the values
     * @return the column
     */
    public static BooleanColumn of(String name, @Nullable Boolean... values) {
        return appendAll(builder(name), values, Builder::add).build();
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
        return ColumnType.BOOLEAN;
    }

    /**
     * Returns a row's value.
     *
     * @param row the 0-based row
     * @return the value
     * @throws IllegalStateException if the value is missing
     */
    public boolean get(int row) {
        return values.get(presentPosition(row));
    }

    @Override
    public BooleanColumn select(int[] rows) {
        return new BooleanColumn(name(), values, 0, compose(rows), missingBits(), sensitive());
    }

    @Override
    public BooleanColumn rename(String newName) {
        return new BooleanColumn(newName, values, size(), index(), missingBits(), sensitive());
    }

    @Override
    public BooleanColumn withSensitive(boolean sensitive) {
        return sensitive == sensitive() ? this : new BooleanColumn(name(), values, size(), index(), missingBits(), sensitive);
    }

    @Override
    String formatAt(int position) {
        return Boolean.toString(values.get(position));
    }

    @Override
    boolean equalsAt(int position, BaseColumn other, int otherPosition) {
        return values.get(position) == ((BooleanColumn) other).values.get(otherPosition);
    }

    @Override
    int hashAt(int position) {
        return Boolean.hashCode(values.get(position));
    }

    /** Appends the values of a {@link BooleanColumn}; not thread-safe. */
    public static final class Builder implements ColumnBuilder {
        private final String name;
        private final BitSet values = new BitSet();
        private final BitSet missing = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Appends a value.
         *
         * @param value the value
         * @return this builder
         */
        public Builder add(boolean value) {
            values.set(size++, value);
            return this;
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        @Override
        public Builder addMissing() {
            missing.set(size++);
            return this;
        }

        @Override
        public int size() {
            return size;
        }

        /**
         * {@inheritDoc} The values are bits that grow as needed, so this only checks the argument.
         */
        @Override
        public Builder ensureCapacity(int rows) {
            Builders.checkRows(rows);
            return this;
        }

        @Override
        public Builder addAll(ColumnBuilder other) {
            Builder that = Builders.sameType(other, Builder.class);
            Builders.appendBits(values, size, that.values, that.size);
            Builders.appendBits(missing, size, that.missing, that.size);
            size += that.size;
            return this;
        }

        @Override
        public BooleanColumn build() {
            return new BooleanColumn(name, (BitSet) values.clone(), size, null, (BitSet) missing.clone(), false);
        }
    }
}
