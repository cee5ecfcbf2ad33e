package dev.mlops.data.userchecks;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.RowRule;

/** Row-local, but cannot be bound to a piece of an odd number of rows. */
public record OddPieces(String column) implements OneColumn {
    @Override
    public String type() {
        return "odd-pieces";
    }

    @Override
    public boolean rowLocal() {
        return true;
    }

    @Override
    public RowRule bind(Table table) {
        if (table.rowCount() % 2 == 1) {
            throw new SchemaException("a piece of " + table.rowCount() + " rows");
        }
        return new Even(column).bind(table);
    }
}
