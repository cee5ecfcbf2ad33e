package dev.mlops.testkit;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.util.Optional;

/**
 * Finds where two tables first differ and says so in words a failing test can show: the schema,
 * the row count, or the first cell (column, row, expected and actual value, with line breaks,
 * quotes and non-ASCII characters made visible).
 *
 * <p>Cells are compared here on their own, by type, rather than through {@link Table#equals},
 * so that a contract test also notices when the two disagree.
 */
final class TableDifference {
    private static final int MAX_CELLS_LISTED = 5;

    private TableDifference() {
    }

    /**
     * Describes how the actual table differs from the expected one.
     *
     * @param expected the table that was written
     * @param actual the table that was read back
     * @return the differences (the schema, or the row count, or up to five cells and how many
     *     cells differ in all), or empty when every cell is equal
     */
    static Optional<String> between(Table expected, Table actual) {
        if (!expected.schema().equals(actual.schema())) {
            return Optional.of("the schema differs: expected " + expected.schema() + " but read " + actual.schema());
        }
        if (expected.rowCount() != actual.rowCount()) {
            return Optional.of("the row count differs: expected " + expected.rowCount() + " but read "
                    + actual.rowCount());
        }
        StringBuilder cells = new StringBuilder();
        int differing = 0;
        for (int c = 0; c < expected.columnCount(); c++) {
            Column mine = expected.column(c);
            Column theirs = actual.column(c);
            for (int row = 0; row < expected.rowCount(); row++) {
                if (!sameCell(mine, theirs, row)) {
                    differing++;
                    if (differing <= MAX_CELLS_LISTED) {
                        cells.append(System.lineSeparator()).append("  column '").append(mine.name()).append("' (")
                                .append(c + 1).append("), row ").append(row).append(": expected ")
                                .append(show(mine, row)).append(" but read ").append(show(theirs, row));
                    }
                }
            }
        }
        if (differing == 0) {
            return Optional.empty();
        }
        return Optional.of(differing + " cell(s) differ; the first:" + cells);
    }

    private static boolean sameCell(Column expected, Column actual, int row) {
        if (expected.isMissing(row) || actual.isMissing(row)) {
            return expected.isMissing(row) && actual.isMissing(row);
        }
        if (expected instanceof NumericColumn numeric) {
            return Double.doubleToLongBits(numeric.get(row)) == Double.doubleToLongBits(((NumericColumn) actual).get(row));
        }
        if (expected instanceof CategoricalColumn categorical) {
            return categorical.get(row).equals(((CategoricalColumn) actual).get(row));
        }
        if (expected instanceof BooleanColumn bool) {
            return bool.get(row) == ((BooleanColumn) actual).get(row);
        }
        if (expected instanceof TimestampColumn timestamp) {
            return timestamp.get(row).equals(((TimestampColumn) actual).get(row));
        }
        return ((TextColumn) expected).get(row).equals(((TextColumn) actual).get(row));
    }

    /** A cell as a reader of a test report needs to see it: missing, or its value, escaped and quoted. */
    static String show(Column column, int row) {
        if (column.isMissing(row)) {
            return "<missing>";
        }
        if (column instanceof NumericColumn numeric) {
            return Double.toString(numeric.get(row));
        }
        return quote(column.format(row));
    }

    /** Quotes a string, escaping quotes, backslashes, control characters and everything beyond ASCII. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (codePoint >= 0x20 && codePoint < 0x7f) {
                        quoted.append((char) codePoint);
                    } else {
                        quoted.append("\\u{").append(Integer.toHexString(codePoint)).append('}');
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
