package dev.mlops.data.check;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.util.Arrays;
import java.util.List;

/**
 * The 64-bit key of each row whose key columns are all present, computed a block of rows and a
 * column at a time. Each column gives one word per row: a number's
 * {@link Double#doubleToLongBits} (every NaN one value, {@code -0.0} apart from {@code 0.0}, as
 * {@link Column#valueEquals} compares), a category's dictionary code, a boolean's bit, an
 * instant's epoch nanoseconds (wrapping) and a text's {@link String#hashCode}.
 *
 * <p>When the words fit in 64 bits together (one number, or categories and booleans whose codes
 * need at most 64 bits side by side) they are packed, and the key, their bijective mix, is
 * <em>exact</em>: equal keys mean equal values. Otherwise the words are hashed together and equal
 * keys must be confirmed with {@link #sameKey}. Immutable and thread-safe.
 */
final class KeyHashes {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NO_PACKING = Integer.MAX_VALUE;

    private final Column[] columns;
    private final boolean exact;
    /** Per column, how far the key shifts before its word is added; unused when not exact. */
    private final int[] widths;

    private KeyHashes(Column[] columns, boolean exact, int[] widths) {
        this.columns = columns;
        this.exact = exact;
        this.widths = widths;
    }

    static KeyHashes of(List<Column> key) {
        Column[] columns = key.toArray(new Column[0]);
        long total = 0;
        int[] widths = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            widths[i] = width(columns[i]);
            total += widths[i];
        }
        return new KeyHashes(columns, total <= Long.SIZE, widths);
    }

    /** The bits a column's word needs when packed, or {@link #NO_PACKING}. */
    private static int width(Column column) {
        return switch (column.type()) {
            case NUMERIC -> Long.SIZE;
            case CATEGORICAL -> Long.SIZE - Long.numberOfLeadingZeros(
                    Math.max(((CategoricalColumn) column).levels().size() - 1, 0));
            case BOOLEAN -> 1;
            case TIMESTAMP, TEXT -> NO_PACKING;
        };
    }

    /** @return true if equal keys mean equal values, so {@link #sameKey} need not be asked */
    boolean exact() {
        return exact;
    }

    /** @return true if every key column of the row is present */
    boolean complete(int row) {
        for (Column column : columns) {
            if (column.isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the complete rows of {@code [from, to)} and their keys.
     *
     * @param rows receives the complete rows, ascending; at least {@code to - from} long
     * @param keys receives their keys, as long as {@code rows}
     * @return how many rows were complete
     */
    int hash(int from, int to, int[] rows, long[] keys) {
        int n = 0;
        for (int row = from; row < to; row++) {
            rows[n] = row;
            n += complete(row) ? 1 : 0;
        }
        Arrays.fill(keys, 0, n, 0L);
        for (int i = 0; i < columns.length; i++) {
            Column column = columns[i];
            int shift = exact ? widths[i] : 0;
            switch (column.type()) {
                case NUMERIC -> numeric((NumericColumn) column, shift, rows, keys, n);
                case CATEGORICAL -> categorical((CategoricalColumn) column, shift, rows, keys, n);
                case BOOLEAN -> bool((BooleanColumn) column, shift, rows, keys, n);
                case TIMESTAMP -> timestamp((TimestampColumn) column, rows, keys, n);
                case TEXT -> text((TextColumn) column, rows, keys, n);
            }
        }
        for (int j = 0; j < n; j++) {
            keys[j] = mix(keys[j]);
        }
        return n;
    }

    private void numeric(NumericColumn column, int shift, int[] rows, long[] keys, int n) {
        for (int j = 0; j < n; j++) {
            keys[j] = add(keys[j], shift, Double.doubleToLongBits(column.get(rows[j])));
        }
    }

    private void categorical(CategoricalColumn column, int shift, int[] rows, long[] keys, int n) {
        for (int j = 0; j < n; j++) {
            keys[j] = add(keys[j], shift, column.code(rows[j]));
        }
    }

    private void bool(BooleanColumn column, int shift, int[] rows, long[] keys, int n) {
        for (int j = 0; j < n; j++) {
            keys[j] = add(keys[j], shift, column.get(rows[j]) ? 1 : 0);
        }
    }

    private void timestamp(TimestampColumn column, int[] rows, long[] keys, int n) {
        for (int j = 0; j < n; j++) {
            int row = rows[j];
            keys[j] = add(keys[j], 0, column.epochSecond(row) * NANOS_PER_SECOND + column.nano(row));
        }
    }

    private void text(TextColumn column, int[] rows, long[] keys, int n) {
        for (int j = 0; j < n; j++) {
            keys[j] = add(keys[j], 0, column.get(rows[j]).hashCode());
        }
    }

    /** Packs a word beside the key when exact (a shift of 64 leaves just the word), else hashes it in. */
    private long add(long key, int shift, long word) {
        if (exact) {
            return shift == Long.SIZE ? word : key << shift | word;
        }
        return mix(key ^ word) * GOLDEN;
    }

    /** MurmurHash3's 64-bit finaliser, a bijection: equal outputs mean equal inputs. */
    static long mix(long key) {
        long x = key;
        x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
        x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return x ^ (x >>> 33);
    }

    /** @return true if two complete rows hold equal values in every key column */
    boolean sameKey(int a, int b) {
        for (Column column : columns) {
            if (!column.valueEquals(a, column, b)) {
                return false;
            }
        }
        return true;
    }
}
