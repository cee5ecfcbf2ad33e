package dev.mlops.data.check;

import dev.mlops.core.table.Column;

/** A rule over one column's present values, which describes a row by its value. */
abstract class ColumnRule implements RowRule {
    private final Column column;

    ColumnRule(Column column) {
        this.column = column;
    }

    @Override
    public boolean applies(int row) {
        return !column.isMissing(row);
    }

    @Override
    public String describe(int row) {
        return Columns.text(column, row);
    }
}
