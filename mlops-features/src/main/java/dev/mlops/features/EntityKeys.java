package dev.mlops.features;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import java.util.Objects;

/**
 * The one rule that turns a value into an entity key's text, used wherever the feature store and
 * its callers meet a key: ingestion, the point-in-time join and the serving endpoint.
 *
 * <p>An entity key is text. A number is a key only when it is an integer whose magnitude is at
 * most 2<sup>53</sup> ({@value #MAX_MAGNITUDE}), the range in which every integer has one exact
 * {@code double}; its key is its decimal integer text ({@code 42.0} and {@code 42L} both give
 * {@code "42"}, {@code -0.0} gives {@code "0"}). A non-integral number, NaN, an infinity and an
 * integer beyond ±2<sup>53</sup> are refused: ids that large are categorical (they read as
 * CATEGORICAL, as the project's type inference does), so such keys belong in a CATEGORICAL or
 * TEXT column.
 */
public final class EntityKeys {
    /** The largest magnitude of a numeric key, 2<sup>53</sup>. */
    public static final long MAX_MAGNITUDE = 1L << 53;

    private EntityKeys() {
        throw new AssertionError("no instances");
    }

    /**
     * @param value a numeric key
     * @return its decimal integer text
     * @throws IllegalArgumentException if it is not an integer, or beyond ±2<sup>53</sup>
     */
    public static String of(double value) {
        if (!Double.isFinite(value) || value != Math.rint(value)) {
            throw new IllegalArgumentException("entity key " + value + " is not an integer; a numeric key must be "
                    + "an integer within ±2^53");
        }
        if (Math.abs(value) > MAX_MAGNITUDE) {
            throw beyond(Double.toString(value));
        }
        return Long.toString((long) value);
    }

    /**
     * @param value a numeric key
     * @return its decimal text
     * @throws IllegalArgumentException if it is beyond ±2<sup>53</sup>
     */
    public static String of(long value) {
        if (value > MAX_MAGNITUDE || value < -MAX_MAGNITUDE) {
            throw beyond(Long.toString(value));
        }
        return Long.toString(value);
    }

    /**
     * @param column a NUMERIC, CATEGORICAL or TEXT column of keys
     * @param row the row
     * @return the cell's key: a number by {@link #of(double)}, a string as it is
     * @throws IllegalArgumentException if the cell is missing, the number is refused by
     *     {@link #of(double)}, or the column is of another type
     */
    public static String of(Column column, int row) {
        Objects.requireNonNull(column, "column");
        if (column.isMissing(row)) {
            throw new IllegalArgumentException("entity key in row " + row + " of column '" + column.name()
                    + "' is missing");
        }
        if (column instanceof NumericColumn numbers) {
            return of(numbers.get(row));
        } else if (column instanceof CategoricalColumn levels) {
            return levels.get(row);
        } else if (column instanceof TextColumn texts) {
            return texts.get(row);
        }
        throw new IllegalArgumentException("entity key column '" + column.name() + "' is " + column.type()
                + "; expected CATEGORICAL, TEXT or integral NUMERIC keys");
    }

    private static IllegalArgumentException beyond(String value) {
        return new IllegalArgumentException("entity key " + value + " is beyond ±2^53 (" + MAX_MAGNITUDE
                + "), where numbers stop being exact; an id that large must be a CATEGORICAL or TEXT key");
    }
}
