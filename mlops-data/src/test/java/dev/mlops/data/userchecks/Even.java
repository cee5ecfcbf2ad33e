package dev.mlops.data.userchecks;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.RowRule;

/** Row-local: an even number passes. */
public record Even(String column) implements OneColumn {
    @Override
    public String type() {
        return "even";
    }

    @Override
    public boolean rowLocal() {
        return true;
    }

    @Override
    public RowRule bind(Table table) {
        if (!table.schema().contains(column) || table.schema().field(column).type() != ColumnType.NUMERIC) {
            throw new SchemaException(name() + ": no numeric column '" + column + "'");
        }
        NumericColumn values = table.numericColumn(column);
        return new RowRule() {
            @Override
            public boolean applies(int row) {
                return !values.isMissing(row) && !Double.isNaN(values.get(row));
            }

            @Override
            public boolean passes(int row) {
                return values.get(row) % 2 == 0;
            }

            @Override
            public String describe(int row) {
                return values.format(row);
            }
        };
    }
}
