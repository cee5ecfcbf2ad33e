package dev.mlops.data.check;

import dev.mlops.core.table.Column;
import dev.mlops.core.text.ReadableText;
import java.util.List;

/** The values of several columns in one row as text: {@code "id=7, day=2024-01-02"}. */
final class KeyText {

    private KeyText() {
        throw new AssertionError("no instances");
    }

    static String of(List<Column> columns, int row) {
        if (columns.size() == 1) {
            return Columns.text(columns.get(0), row);
        }
        StringBuilder text = new StringBuilder();
        for (Column column : columns) {
            text.append(text.length() == 0 ? "" : ", ").append(ReadableText.name(column.name())).append('=')
                    .append(Columns.text(column, row));
        }
        return text.toString();
    }
}
