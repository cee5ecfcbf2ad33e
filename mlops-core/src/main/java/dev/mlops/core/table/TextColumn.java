package dev.mlops.core.table;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A column of free text, one string per row, without a dictionary. */
public final class TextColumn extends BaseColumn implements Column {
    private final @Nullable String[] values;

    TextColumn(String name, @Nullable String[] values, int @Nullable [] index, @Nullable BitSet missing, boolean sensitive) {
        super(name, values.length, index, missing, sensitive);
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
    public TextColumn select(int[] rows) {
        return new TextColumn(name(), values, compose(rows), missingBits(), sensitive());
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, values, index(), missingBits(), sensitive());
    }

    @Override
    public TextColumn withSensitive(boolean sensitive) {
        return sensitive == sensitive() ? this : new TextColumn(name(), values, index(), missingBits(), sensitive);
    }

    @Override
    String formatAt(int position) {
        return Objects.requireNonNull(values[position]);
    }

    @Override
    boolean equalsAt(int position, BaseColumn other, int otherPosition) {
        return Objects.equals(values[position], ((TextColumn) other).values[otherPosition]);
    }

    @Override
    int hashAt(int position) {
        return Objects.hashCode(values[position]);
    }

    /** Appends the values of a {@link TextColumn}; not thread-safe. */
    public static final class Builder implements ColumnBuilder {
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
        @Override
        public Builder addMissing() {
            missing.set(size);
            return append(null);
        }

        private Builder append(@Nullable String value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Builders.grown(size, size + 1));
            }
            values[size++] = value;
            return this;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Builder ensureCapacity(int rows) {
            if (Builders.checkRows(rows) > values.length) {
                values = Arrays.copyOf(values, rows);
            }
            return this;
        }

        @Override
        public Builder addAll(ColumnBuilder other) {
            Builder that = Builders.sameType(other, Builder.class);
            int count = that.size;
            if (size + count > values.length) {
                values = Arrays.copyOf(values, Builders.grown(values.length, size + count));
            }
            System.arraycopy(that.values, 0, values, size, count);
            Builders.appendBits(missing, size, that.missing, count);
            size += count;
            return this;
        }

        @Override
        public TextColumn build() {
            // a full array is handed over: every later append writes past its end, so grows a copy first
            @Nullable String[] built = size == values.length ? values : Arrays.copyOf(values, size);
            return new TextColumn(name, built, null, (BitSet) missing.clone(), false);
        }
    }
}
