package dev.mlops.train.features;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnBuilder;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.util.ArrayList;
import java.util.List;

/** Puts the rows of one table under another's, column by column, missing values kept missing. */
final class Stack {

    private Stack() {
        throw new AssertionError("no instances");
    }

    /**
     * @param top a table
     * @param bottom a table with the same columns and types, in the same order
     * @return the rows of {@code top}, then those of {@code bottom}
     */
    static Table of(Table top, Table bottom) {
        List<Column> columns = new ArrayList<>(top.columnCount());
        for (int c = 0; c < top.columnCount(); c++) {
            Column first = top.column(c);
            ColumnBuilder builder = ColumnBuilder.of(first.name(), first.type());
            append(builder, first);
            append(builder, bottom.column(c));
            columns.add(builder.build());
        }
        return Table.of(columns);
    }

    private static void append(ColumnBuilder builder, Column column) {
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                builder.addMissing();
            } else if (column instanceof NumericColumn numbers) {
                ((NumericColumn.Builder) builder).add(numbers.get(row));
            } else if (column instanceof CategoricalColumn levels) {
                ((CategoricalColumn.Builder) builder).add(levels.get(row));
            } else if (column instanceof BooleanColumn flags) {
                ((BooleanColumn.Builder) builder).add(flags.get(row));
            } else if (column instanceof TimestampColumn times) {
                ((TimestampColumn.Builder) builder).add(times.get(row));
            } else {
                ((TextColumn.Builder) builder).add(((TextColumn) column).get(row));
            }
        }
    }
}
