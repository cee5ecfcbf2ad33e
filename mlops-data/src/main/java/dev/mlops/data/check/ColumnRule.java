package dev.mlops.data.check;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import java.util.List;
import java.util.function.Predicate;

/** A rule over one column's present values, which describes a row by its value. */
abstract class ColumnRule implements RowRule {
    private final Column column;

    ColumnRule(Column column) {
        this.column = column;
    }

    /**
     * A rule that judges each present value by its text ({@link Column#format}); a categorical
     * column's levels are judged once each, not once per row.
     */
    static RowRule byText(Column column, Predicate<String> passes) {
        if (column instanceof CategoricalColumn categorical) {
            List<String> levels = categorical.levels();
            boolean[] passingLevel = new boolean[levels.size()];
            for (int code = 0; code < levels.size(); code++) {
                passingLevel[code] = passes.test(levels.get(code));
            }
            return new ColumnRule(column) {
                @Override
                public boolean passes(int row) {
                    return passingLevel[categorical.code(row)];
                }
            };
        }
        return new ColumnRule(column) {
            @Override
            public boolean passes(int row) {
                return passes.test(column.format(row));
            }
        };
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
