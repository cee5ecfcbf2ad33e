package dev.mlops.data.leakage;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.core.text.ReadableText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A key over chosen columns of a table: a stable 64-bit hash of a row's typed values, and the
 * equality the hash stands for. Equal rows have equal hashes; rows with equal hashes are
 * confirmed with {@link #same}, so a collision never makes two rows equal.
 *
 * <p>The hash encodes, per column in order, a marker for a missing value (distinct from NaN) or
 * the value itself: a number's {@link Double#doubleToLongBits} (every NaN the one canonical NaN),
 * a categorical level's or a text's characters (so a dictionary's order does not matter), a
 * boolean, or a timestamp's epoch second and nanosecond, as {@link dev.mlops.core.table.Fingerprint}
 * encodes a table. The normalized key first rounds numbers to significant digits and lower-cases
 * and collapses the whitespace of text.
 */
abstract class RowKey {
    private static final long MISSING = 0x6d697373696e6701L;
    private static final long PRESENT = 0x70726573656e7402L;

    /** The chosen columns, in order. */
    final List<Column> columns;

    RowKey(List<Column> columns) {
        this.columns = columns;
    }

    /**
     * Returns a row's hash: per column a marker for a missing value, or a marker and the value's hash.
     *
     * @param row the 0-based row
     * @return its 64-bit hash
     */
    long hash(int row) {
        long hash = 0;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (column.isMissing(row)) {
                hash = mix(hash, MISSING);
                continue;
            }
            hash = mix(hash, PRESENT);
            hash = mix(hash, valueHash(c, column, row));
        }
        return hash;
    }

    /** Hashes the present value of column {@code c} at a row. */
    abstract long valueHash(int c, Column column, int row);

    /** Hashes a boolean or timestamp value, which both keys take as they are. */
    static long exactValueHash(Column column, int row) {
        return column instanceof BooleanColumn bool ? (bool.get(row) ? 1 : 0)
                : mix(((TimestampColumn) column).epochSecond(row), ((TimestampColumn) column).nano(row));
    }

    /**
     * Tells whether two rows have equal keys.
     *
     * @param a a row
     * @param b another row
     * @return true if every chosen column holds equal (or equally normalized) values
     */
    abstract boolean same(int a, int b);

    /**
     * Formats a row's values of the chosen columns, for an example.
     *
     * @param row the 0-based row
     * @return {@code name=value} pairs, missing values as {@code <missing>}
     */
    String describe(int row) {
        StringBuilder text = new StringBuilder();
        for (Column column : columns) {
            text.append(text.length() == 0 ? "" : ", ").append(ReadableText.name(column.name())).append('=')
                    .append(column.isMissing(row) ? "<missing>" : ReadableText.name(column.format(row)));
        }
        return text.toString();
    }

    static RowKey exact(Table table, List<String> columns) {
        return new Exact(columnsOf(table, columns));
    }

    static RowKey normalized(Table table, List<String> columns, int digits) {
        return new Normalized(columnsOf(table, columns), new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    private static List<Column> columnsOf(Table table, List<String> names) {
        List<Column> columns = new ArrayList<>(names.size());
        for (String name : names) {
            columns.add(table.column(name));
        }
        return columns;
    }

    static long mix(long hash, long value) {
        return spread(hash ^ spread(value + 0x9e3779b97f4a7c15L)) * 0xbf58476d1ce4e5b9L;
    }

    /** The finalizer of SplitMix64: every bit of the input reaches every bit of the output. */
    private static long spread(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 code units, with the length mixed in. */
    static long hashString(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return mix(hash, text.length());
    }

    /** Typed values as they are. */
    private static final class Exact extends RowKey {
        private final long[][] levelHashes;

        Exact(List<Column> columns) {
            super(columns);
            this.levelHashes = new long[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c) instanceof CategoricalColumn categorical) {
                    List<String> levels = categorical.levels();
                    levelHashes[c] = new long[levels.size()];
                    for (int level = 0; level < levels.size(); level++) {
                        levelHashes[c][level] = hashString(levels.get(level));
                    }
                }
            }
        }

        @Override
        long valueHash(int c, Column column, int row) {
            return switch (column.type()) {
                case NUMERIC -> Double.doubleToLongBits(((NumericColumn) column).get(row));
                case CATEGORICAL -> levelHashes[c][((CategoricalColumn) column).code(row)];
                case TEXT -> hashString(((TextColumn) column).get(row));
                case BOOLEAN, TIMESTAMP -> exactValueHash(column, row);
            };
        }

        @Override
        boolean same(int a, int b) {
            for (Column column : columns) {
                if (!column.valueEquals(a, column, b)) {
                    return false;
                }
            }
            return true;
        }

    }

    /** Numbers rounded to significant digits, text lower-cased with its whitespace collapsed. */
    private static final class Normalized extends RowKey {
        private final MathContext digits;
        private final String[][] levels;

        Normalized(List<Column> columns, MathContext digits) {
            super(columns);
            this.digits = digits;
            this.levels = new String[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c) instanceof CategoricalColumn categorical) {
                    List<String> original = categorical.levels();
                    levels[c] = new String[original.size()];
                    for (int level = 0; level < original.size(); level++) {
                        levels[c][level] = normalize(original.get(level));
                    }
                }
            }
        }

        @Override
        long valueHash(int c, Column column, int row) {
            return switch (column.type()) {
                case NUMERIC -> Double.doubleToLongBits(round(((NumericColumn) column).get(row)));
                case CATEGORICAL, TEXT -> hashString(text(c, row));
                case BOOLEAN, TIMESTAMP -> exactValueHash(column, row);
            };
        }

        @Override
        boolean same(int a, int b) {
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                boolean missingA = column.isMissing(a);
                if (missingA != column.isMissing(b)) {
                    return false;
                }
                if (missingA) {
                    continue;
                }
                boolean equal = switch (column.type()) {
                    case NUMERIC -> Double.compare(round(((NumericColumn) column).get(a)),
                            round(((NumericColumn) column).get(b))) == 0;
                    case CATEGORICAL, TEXT -> text(c, a).equals(text(c, b));
                    case BOOLEAN, TIMESTAMP -> column.valueEquals(a, column, b);
                };
                if (!equal) {
                    return false;
                }
            }
            return true;
        }

        private String text(int c, int row) {
            Column column = columns.get(c);
            if (column instanceof CategoricalColumn categorical) {
                return levels[c][categorical.code(row)];
            }
            return normalize(((TextColumn) column).get(row));
        }

        /** Rounds the exact binary value half-even to the significant digits; 0.0 and -0.0 become 0.0. */
        double round(double value) {
            if (value == 0.0) {
                return 0.0;
            }
            if (!Double.isFinite(value)) {
                return value;
            }
            return new BigDecimal(value).round(digits).doubleValue();
        }

        static String normalize(String text) {
            return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }
}
