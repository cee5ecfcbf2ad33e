package dev.mlops.data.check;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnBuilder;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Some columns of consecutive pieces of a table stacked into one table, for the checks that need
 * whole columns. Holds every row of those columns in memory (8 bytes a number, 4 a category code,
 * plus the text of each category, text value and instant). Not thread-safe.
 */
final class StackedColumns {
    /** The code of a piece's level not yet met in the stacked column. */
    private static final int UNSEEN = -1;

    private final Schema schema;
    private final List<ColumnBuilder> builders = new ArrayList<>();

    /** @param schema the columns to keep, as the pieces have them */
    StackedColumns(Schema schema) {
        this.schema = schema;
        for (Field field : schema.fields()) {
            builders.add(ColumnBuilder.of(field.name(), field.type()));
        }
    }

    /**
     * Appends the next piece's rows of the kept columns.
     *
     * @param piece the next rows, with the kept columns among its columns
     */
    void add(Table piece) {
        for (int i = 0; i < builders.size(); i++) {
            Column column = piece.column(schema.field(i).name());
            ColumnBuilder builder = builders.get(i);
            switch (column.type()) {
                case NUMERIC -> each(column, builder, row -> ((NumericColumn.Builder) builder)
                        .add(((NumericColumn) column).get(row)));
                case CATEGORICAL -> categories((CategoricalColumn) column, (CategoricalColumn.Builder) builder);
                case BOOLEAN -> each(column, builder, row -> ((BooleanColumn.Builder) builder)
                        .add(((BooleanColumn) column).get(row)));
                case TIMESTAMP -> each(column, builder, row -> ((TimestampColumn.Builder) builder)
                        .add(((TimestampColumn) column).get(row)));
                case TEXT -> each(column, builder, row -> ((TextColumn.Builder) builder)
                        .add(((TextColumn) column).get(row)));
            }
        }
    }

    /** @return the table of the rows stacked, each column marked sensitive as its field is */
    Table table() {
        List<Column> columns = new ArrayList<>(builders.size());
        for (int i = 0; i < builders.size(); i++) {
            columns.add(builders.get(i).build().withSensitive(schema.field(i).sensitive()));
        }
        return columns.isEmpty() ? Table.empty(schema) : Table.of(columns);
    }

    /** Appends each row of a column: a missing value as missing, a present one by {@code present}. */
    private static void each(Column column, ColumnBuilder builder, IntConsumer present) {
        int rows = column.size();
        for (int row = 0; row < rows; row++) {
            if (column.isMissing(row)) {
                builder.addMissing();
            } else {
                present.accept(row);
            }
        }
    }

    /** Each of the piece's levels is looked up once; then its rows append the level's code. */
    private static void categories(CategoricalColumn column, CategoricalColumn.Builder builder) {
        int rows = column.size();
        List<String> levels = column.levels();
        int[] codes = new int[levels.size()];
        Arrays.fill(codes, UNSEEN);
        for (int row = 0; row < rows; row++) {
            int code = column.code(row);
            if (code == CategoricalColumn.MISSING_CODE) {
                builder.addMissing();
            } else if (codes[code] == UNSEEN) {
                codes[code] = builder.addLevel(levels.get(code));
            } else {
                builder.addCode(codes[code]);
            }
        }
    }
}
