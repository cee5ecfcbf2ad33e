package dev.mlops.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column of string levels stored as {@code int} codes over a dictionary of levels in order of
 * first appearance. A view shares its dictionary with the column it selects from, so
 * {@link #levels()} may name levels that no row of the view holds.
 */
public final class CategoricalColumn extends BaseColumn implements Column {
    /** The code of a missing value. */
    public static final int MISSING_CODE = -1;

    /** The codes; a builder's array may run past the last one, {@code length}. */
    private final int[] codes;
    private final int length;
    private final List<String> levels;

    CategoricalColumn(String name, int[] codes, int length, List<String> levels, int @Nullable [] index,
            @Nullable BitSet missing, boolean sensitive) {
        super(name, length, index, missing, sensitive);
        this.codes = codes;
        this.length = length;
        this.levels = levels;
    }

    /**
     * Returns a column of the given values; a {@code null} element is a missing value.
     *
     * @param name the column's name
     * @param values the values
     * @return the column
     */
    public static CategoricalColumn of(String name, @Nullable String... values) {
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
        return ColumnType.CATEGORICAL;
    }

    /**
     * Returns a row's level.
     *
     * @param row the 0-based row
     * @return the level
     * @throws IllegalStateException if the value is missing
     */
    public String get(int row) {
        return levels.get(codes[presentPosition(row)]);
    }

    /**
     * Returns a row's code: its level's position in {@link #levels()}.
     *
     * @param row the 0-based row
     * @return the code, or {@link #MISSING_CODE} when the value is missing
     */
    public int code(int row) {
        return codes[position(row)];
    }

    /**
     * Copies the codes of a range of rows into an array, for evaluating a condition a block of
     * rows at a time; a missing value's code is {@link #MISSING_CODE}, as from {@link #code(int)}.
     *
     * @param fromRow the first 0-based row
     * @param target the array to write to
     * @param targetOffset where in {@code target} the first code goes
     * @param length how many rows
     * @throws IllegalArgumentException if length is negative
     * @throws IndexOutOfBoundsException if the rows are not all inside {@code [0, size())} or
     *     {@code target} cannot hold them from {@code targetOffset}
     */
    public void copyCodes(int fromRow, int[] target, int targetOffset, int length) {
        Objects.requireNonNull(target, "target");
        checkCopy(fromRow, length, target.length, targetOffset);
        int[] index = index();
        if (index == null) {
            System.arraycopy(codes, fromRow, target, targetOffset, length);
        } else {
            for (int i = 0; i < length; i++) {
                target[targetOffset + i] = codes[index[fromRow + i]];
            }
        }
    }

    /** @return the dictionary of levels, in order of first appearance, unmodifiable */
    public List<String> levels() {
        return levels;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        return new CategoricalColumn(name(), codes, length, levels, compose(rows), missingBits(), sensitive());
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return new CategoricalColumn(newName, codes, length, levels, index(), missingBits(), sensitive());
    }

    @Override
    public CategoricalColumn withSensitive(boolean sensitive) {
        return sensitive == sensitive() ? this : new CategoricalColumn(name(), codes, length, levels, index(), missingBits(), sensitive);
    }

    @Override
    String formatAt(int position) {
        return levels.get(codes[position]);
    }

    @Override
    boolean equalsAt(int position, BaseColumn other, int otherPosition) {
        CategoricalColumn that = (CategoricalColumn) other;
        if (that.levels == levels) {
            return codes[position] == that.codes[otherPosition];
        }
        return levels.get(codes[position]).equals(that.levels.get(that.codes[otherPosition]));
    }

    @Override
    int hashAt(int position) {
        return levels.get(codes[position]).hashCode();
    }

    /** Appends the values of a {@link CategoricalColumn}; not thread-safe. */
    public static final class Builder implements ColumnBuilder {
        private final String name;
        private int[] codes = new int[16];
        private final BitSet missing = new BitSet();
        private final Map<String, Integer> codeByLevel = new HashMap<>();
        private final List<String> levels = new ArrayList<>();
        /** The level added last and its code: runs of one level skip the dictionary lookup. */
        private @Nullable String lastLevel;
        private int lastCode;
        private int size;
        /** True when a built column holds {@code codes}: the next append copies it first. */
        private boolean shared;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Appends a level.
         *
         * @param level the value
         * @return this builder
         */
        public Builder add(String level) {
            Objects.requireNonNull(level, "level");
            if (level.equals(lastLevel)) {
                return append(lastCode);
            }
            int code = codeOf(level);
            lastLevel = level;
            lastCode = code;
            return append(code);
        }

        /**
         * Appends a level and tells its code, for a reader that remembers the codes of the levels
         * it met and appends them again with {@link #addCode}.
         *
         * @param level the value
         * @return the level's code: its position in the built column's {@link #levels()}, which
         *     list the levels in the order they were first added
         */
        public int addLevel(String level) {
            add(level);
            return lastCode;
        }

        /**
         * Appends the level of a code that {@link #addLevel} returned, without looking it up.
         *
         * @param code the level's code
         * @return this builder
         * @throws IndexOutOfBoundsException if no level has that code
         */
        public Builder addCode(int code) {
            if (code < 0 || code >= levels.size()) {
                throw new IndexOutOfBoundsException("code " + code + " names no level of column '" + name + "', which has "
                        + levels.size() + " levels so far");
            }
            return append(code);
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        @Override
        public Builder addMissing() {
            missing.set(size);
            return append(MISSING_CODE);
        }

        private Builder append(int code) {
            if (size == codes.length || shared) {
                codes = Arrays.copyOf(codes, size == codes.length ? Builders.grown(size, size + 1) : codes.length);
                shared = false;
            }
            codes[size++] = code;
            return this;
        }

        /** @return the level's code, giving a new level the next one */
        private int codeOf(String level) {
            Integer code = codeByLevel.get(level);
            if (code == null) {
                code = levels.size();
                codeByLevel.put(level, code);
                levels.add(level);
            }
            return code;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Builder ensureCapacity(int rows) {
            if (Builders.checkRows(rows) > codes.length) {
                codes = Arrays.copyOf(codes, rows);
                shared = false;
            }
            return this;
        }

        @Override
        public Builder addAll(ColumnBuilder other) {
            Builder that = Builders.sameType(other, Builder.class);
            int count = that.size;
            int[] theirCodes = that.codes;
            int[] recoded = new int[that.levels.size()];
            for (int i = 0; i < recoded.length; i++) {
                recoded[i] = codeOf(that.levels.get(i));
            }
            if (size + count > codes.length || shared) {
                codes = Arrays.copyOf(codes, Math.max(codes.length, Builders.grown(codes.length, size + count)));
                shared = false;
            }
            for (int i = 0; i < count; i++) {
                int code = theirCodes[i];
                codes[size + i] = code == MISSING_CODE ? MISSING_CODE : recoded[code];
            }
            Builders.appendBits(missing, size, that.missing, count);
            size += count;
            return this;
        }

        @Override
        public CategoricalColumn build() {
            shared = Builders.worthSharing(size, codes.length);
            int[] built = shared ? codes : Arrays.copyOf(codes, size);
            return new CategoricalColumn(name, built, size, List.copyOf(levels), null, (BitSet) missing.clone(), false);
        }
    }
}
