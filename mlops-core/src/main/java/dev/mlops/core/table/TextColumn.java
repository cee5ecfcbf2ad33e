package dev.mlops.core.table;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A column of free text, one string per row, without a dictionary. */
public final class TextColumn extends BaseColumn implements Column {
    private final @Nullable String[] values;

    TextColumn(String name, @Nullable String[] values, int @Nullable [] index, @Nullable BitSet missing) {
        super(name, values.length, index, missing);
        this.values = values;
    }

    /**
     * Returns a column of the given values; a {@code null} element is a missing value.
     *
     * @param name the column's name
     * @param values the values
     * @return the column
     */
    public static TextColumn of(String name, @Nullable String... values) {
        Objects.requireNonNull(values, "values");
        Builder builder = builder(name);
        for (String value : values) {
            if (value == null) {
                builder.addMissing();
            } else {
                builder.add(value);
            }
        }
        return builder.build();
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
        return ColumnType.TEXT;
    }

    /**
     * Returns a row's text.
     *
     * @param row the 0-based row
     * @return the text
     * @throws IllegalStateException if the value is missing
     */
    public String get(int row) {
        return Objects.requireNonNull(values[presentPosition(row)]);
    }

    @Override
    public String format(int row) {
        return isMissing(row) ? "" : get(row);
    }

    @Override
    public TextColumn select(int[] rows) {
        return new TextColumn(name(), values, compose(rows), missingBits());
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, values, index(), missingBits());
    }

    @Override
    public boolean valueEquals(int row, Column other, int otherRow) {
        requireSameType(this, other);
        boolean missing = isMissing(row);
        if (missing || other.isMissing(otherRow)) {
            return missing && other.isMissing(otherRow);
        }
        return get(row).equals(((TextColumn) other).get(otherRow));
    }

    @Override
    public int valueHash(int row) {
        return isMissing(row) ? 0 : get(row).hashCode();
    }

    /** Appends the values of a {@link TextColumn}; not thread-safe, single use. */
    public static final class Builder {
        private final String name;
        private @Nullable String[] values = new String[16];
        private final BitSet missing = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Appends a text.
         *
         * @param value the text
         * @return this builder
         */
        public Builder add(String value) {
            Objects.requireNonNull(value, "value");
            return append(value);
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        public Builder addMissing() {
            missing.set(size);
            return append(null);
        }

        private Builder append(@Nullable String value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
            return this;
        }

        /** @return the number of rows appended so far */
        public int size() {
            return size;
        }

        /** @return the column of the rows appended */
        public TextColumn build() {
            return new TextColumn(name, Arrays.copyOf(values, size), null, (BitSet) missing.clone());
        }
    }
}
