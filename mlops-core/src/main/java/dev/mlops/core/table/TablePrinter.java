package dev.mlops.core.table;

import dev.mlops.core.text.ReadableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the head of a table as aligned text, for {@link Table#toString()}; names and values are
 * escaped and cut as {@link ReadableText#name(String)} does, so one long or multi-line cell
 * neither floods the text nor breaks the alignment.
 */
final class TablePrinter {
    private static final String MISSING = "<missing>";

    private TablePrinter() {
    }

    static String print(Table table, int maxRows) {
        int shown = Math.min(maxRows, table.rowCount());
        int columns = table.columnCount();
        List<String[]> lines = new ArrayList<>(shown + 1);
        String[] header = new String[columns];
        for (int c = 0; c < columns; c++) {
            header[c] = ReadableText.name(table.column(c).name());
        }
        lines.add(header);
        for (int row = 0; row < shown; row++) {
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) {
                Column column = table.column(c);
                line[c] = column.isMissing(row) ? MISSING : ReadableText.name(column.format(row));
            }
            lines.add(line);
        }
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Table[%d rows x %d columns]%n",
                table.rowCount(), columns));
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    text.append("  ");
                }
                text.append(line[c]);
                if (c < columns - 1) {
                    text.append(" ".repeat(widths[c] - line[c].length()));
                }
            }
            text.append(System.lineSeparator());
        }
        if (table.rowCount() > shown) {
            text.append(String.format(Locale.ROOT, "... %d more rows%n", table.rowCount() - shown));
        }
        return text.toString();
    }
}
