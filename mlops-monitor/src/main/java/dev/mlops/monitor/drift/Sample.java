package dev.mlops.monitor.drift;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One column's values as a {@link DriftDetector} reads them: numbers, or counts of categories,
 * each with the number of missing values beside them. Immutable and thread-safe.
 *
 * <pre>{@code
 * Sample ages = Sample.numeric(31, 45, Double.NaN, 27);          // NaN is missing
 * Sample cities = Sample.categories(List.of("München", "São Paulo", "München"));
 * }</pre>
 */
public sealed interface Sample permits Sample.Numeric, Sample.Categorical {

    /** What a sample holds; a detector says which kinds it compares ({@link DriftDetector#kinds()}). */
    enum Kind {
        /** Numbers. */
        NUMERIC,
        /** Categories (text labels). */
        CATEGORICAL
    }

    /** @return what the sample holds */
    Kind kind();

    /** @return how many values are present (not missing) */
    long present();

    /** @return how many values are missing */
    long missing();

    /** @return how many values there are, present or missing */
    default long size() {
        return present() + missing();
    }

    /**
     * A sample of numbers; NaN stands for a missing value.
     *
     * @param values the values; not changed
     * @return the sample
     * @throws IllegalArgumentException if a value is infinite; the message names its index
     */
    static Numeric numeric(double... values) {
        return owned(Objects.requireNonNull(values, "values").clone());
    }

    /**
     * The sample of an array this package owns, in one pass: the present values are moved to its
     * front in place, and the array is kept as it is when no value is missing.
     */
    private static Numeric owned(double[] values) {
        int present = 0;
        for (int i = 0; i < values.length; i++) {
            double value = values[i];
            if (value - value == 0.0) {
                values[present++] = value;
            } else if (value == value) {
                throw new IllegalArgumentException("values must be finite or NaN (missing) but values[" + i + "] was "
                        + value);
            }
        }
        return new Numeric(present == values.length ? values : Arrays.copyOf(values, present),
                values.length - present);
    }

    /**
     * The sample of a table's column: a numeric column's values (missing and NaN as missing); the
     * counts of a categorical or text column's values, or of a boolean column's {@code "true"} and
     * {@code "false"} (as a profile counts them), missing as missing.
     *
     * @param column a numeric, categorical, text or boolean column
     * @return the sample
     * @throws IllegalArgumentException if the column holds timestamps or a numeric column holds
     *     an infinity; the message names the column
     */
    static Sample of(Column column) {
        Objects.requireNonNull(column, "column");
        if (column instanceof NumericColumn numbers) {
            try {
                return owned(numbers.toArray());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column '" + column.name() + "': " + e.getMessage(), e);
            }
        }
        if (column instanceof CategoricalColumn categories) {
            return ColumnCounts.of(categories);
        }
        if (column instanceof TextColumn || column instanceof BooleanColumn) {
            return ColumnCounts.ofValues(column);
        }
        throw new IllegalArgumentException("drift compares numeric, categorical, text and boolean columns but column '"
                + column.name() + "' is of type " + column.type());
    }

    /**
     * A sample of categories given one value a row; null stands for a missing value.
     *
     * @param values the values
     * @return the sample, with the count of each category
     */
    static Categorical categories(Collection<? extends @Nullable String> values) {
        Objects.requireNonNull(values, "values");
        SortedMap<String, Long> counts = new TreeMap<>();
        long missing = 0;
        for (String value : values) {
            if (value == null) {
                missing++;
            } else {
                counts.merge(value, 1L, Long::sum);
            }
        }
        return new Categorical(counts, missing);
    }

    /**
     * A sample of categories given their counts.
     *
     * @param counts the count of each category, none negative
     * @param missing how many values are missing, 0 or more
     * @return the sample
     * @throws IllegalArgumentException if a count is negative; the message names the category
     */
    static Categorical categorical(Map<String, Long> counts, long missing) {
        return new Categorical(new TreeMap<>(Objects.requireNonNull(counts, "counts")), missing);
    }

    /** A sample of numbers: the present values, all finite, and the count of missing ones. */
    final class Numeric implements Sample {
        private final double[] values;
        private final long missing;

        private Numeric(double[] values, long missing) {
            this.values = values;
            this.missing = missing;
        }

        /** @return the present values, in their order, in a fresh array */
        public double[] values() {
            return values.clone();
        }

        /** The present values without a copy, for the detectors of this package, which never change them. */
        double[] shared() {
            return values;
        }

        @Override
        public Kind kind() {
            return Kind.NUMERIC;
        }

        @Override
        public long present() {
            return values.length;
        }

        @Override
        public long missing() {
            return missing;
        }

        @Override
        public String toString() {
            return "numeric sample of " + values.length + " present and " + missing + " missing values";
        }
    }

    /**
     * A sample of categories: the count of each category and the count of missing values.
     *
     * @param counts the count of each category, ascending by category, unmodifiable
     * @param missing how many values are missing
     */
    record Categorical(SortedMap<String, Long> counts, long missing) implements Sample {

        /**
         * Validates the counts and keeps an unmodifiable copy.
         *
         * @param counts the count of each category, none negative
         * @param missing how many values are missing, 0 or more
         * @throws IllegalArgumentException if a count is negative; the message names the category or {@code missing}
         */
        public Categorical {
            Objects.requireNonNull(counts, "counts");
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                if (entry.getValue() < 0) {
                    throw new IllegalArgumentException("count of category '" + entry.getKey()
                            + "' must not be negative but was " + entry.getValue());
                }
            }
            if (missing < 0) {
                throw new IllegalArgumentException("missing must not be negative but was " + missing);
            }
            counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }

        @Override
        public Kind kind() {
            return Kind.CATEGORICAL;
        }

        @Override
        public long present() {
            long present = 0;
            for (long count : counts.values()) {
                present += count;
            }
            return present;
        }
    }
}
