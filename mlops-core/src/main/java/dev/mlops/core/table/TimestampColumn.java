package dev.mlops.core.table;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column of {@link Instant}s on the UTC time line, stored as epoch seconds and nanoseconds in
 * two primitive arrays. A local date or time has no place here until a zone turns it into an
 * instant.
 */
public final class TimestampColumn extends BaseColumn implements Column {
    private final long[] seconds;
    private final int[] nanos;

    TimestampColumn(String name, long[] seconds, int[] nanos, int @Nullable [] index, @Nullable BitSet missing, boolean sensitive) {
        super(name, seconds.length, index, missing, sensitive);
        this.seconds = seconds;
        this.nanos = nanos;
    }

    /**
     * Returns a column of the given instants; a {@code null} element is a missing value.
     *
     * @param name the column's name
     * @param values the values
     * @return the column
     */
    public static TimestampColumn of(String name, @Nullable Instant... values) {
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
        return ColumnType.TIMESTAMP;
    }

    /**
     * Returns a row's instant.
     *
     * @param row the 0-based row
     * @return the instant
     * @throws IllegalStateException if the value is missing
     */
    public Instant get(int row) {
        int position = presentPosition(row);
        return Instant.ofEpochSecond(seconds[position], nanos[position]);
    }

    /**
     * Returns a row's seconds since 1970-01-01T00:00:00Z, without allocating an {@link Instant}.
     *
     * @param row the 0-based row
     * @return the epoch second
     * @throws IllegalStateException if the value is missing
     */
    public long epochSecond(int row) {
        return seconds[presentPosition(row)];
    }

    /**
     * Returns the nanoseconds within a row's second.
     *
     * @param row the 0-based row
     * @return the nanosecond of the second, 0 to 999,999,999
     * @throws IllegalStateException if the value is missing
     */
    public int nano(int row) {
        return nanos[presentPosition(row)];
    }

    @Override
    public TimestampColumn select(int[] rows) {
        return new TimestampColumn(name(), seconds, nanos, compose(rows), missingBits(), sensitive());
    }

    @Override
    public TimestampColumn rename(String newName) {
        return new TimestampColumn(newName, seconds, nanos, index(), missingBits(), sensitive());
    }

    @Override
    public TimestampColumn withSensitive(boolean sensitive) {
        return sensitive == sensitive() ? this : new TimestampColumn(name(), seconds, nanos, index(), missingBits(), sensitive);
    }

    @Override
    String formatAt(int position) {
        return Instant.ofEpochSecond(seconds[position], nanos[position]).toString();
    }

    @Override
    boolean equalsAt(int position, BaseColumn other, int otherPosition) {
        TimestampColumn that = (TimestampColumn) other;
        return seconds[position] == that.seconds[otherPosition] && nanos[position] == that.nanos[otherPosition];
    }

    @Override
    int hashAt(int position) {
        return 31 * Long.hashCode(seconds[position]) + nanos[position];
    }

    /** Appends the values of a {@link TimestampColumn}; not thread-safe. */
    public static final class Builder implements ColumnBuilder {
        private final String name;
        private long[] seconds = new long[16];
        private int[] nanos = new int[16];
        private final BitSet missing = new BitSet();
        private int size;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Appends an instant.
         *
         * @param value the instant
         * @return this builder
         */
        public Builder add(Instant value) {
            Objects.requireNonNull(value, "value");
            return append(value.getEpochSecond(), value.getNano());
        }

        /**
         * Appends a missing value.
         *
         * @return this builder
         */
        @Override
        public Builder addMissing() {
            missing.set(size);
            return append(0L, 0);
        }

        private Builder append(long second, int nano) {
            if (size == seconds.length) {
                resize(Builders.grown(size, size + 1));
            }
            seconds[size] = second;
            nanos[size] = nano;
            size++;
            return this;
        }

        @Override
        public int size() {
            return size;
        }

        private void resize(int capacity) {
            seconds = Arrays.copyOf(seconds, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
        }

        @Override
        public Builder ensureCapacity(int rows) {
            if (Builders.checkRows(rows) > seconds.length) {
                resize(rows);
            }
            return this;
        }

        @Override
        public Builder addAll(ColumnBuilder other) {
            Builder that = Builders.sameType(other, Builder.class);
            int count = that.size;
            if (size + count > seconds.length) {
                resize(Builders.grown(seconds.length, size + count));
            }
            System.arraycopy(that.seconds, 0, seconds, size, count);
            System.arraycopy(that.nanos, 0, nanos, size, count);
            Builders.appendBits(missing, size, that.missing, count);
            size += count;
            return this;
        }

        @Override
        public TimestampColumn build() {
            // full arrays are handed over: every later append writes past their end, so grows copies first
            boolean full = size == seconds.length;
            return new TimestampColumn(name, full ? seconds : Arrays.copyOf(seconds, size),
                    full ? nanos : Arrays.copyOf(nanos, size), null, (BitSet) missing.clone(), false);
        }
    }
}
