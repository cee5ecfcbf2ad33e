package dev.mlops.data.userchecks;

import dev.mlops.core.SchemaException;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * A user's row check of one numeric column, outside mlops' packages (so not a built-in one), named
 * {@code rule(column)}, of error severity and mostly 0.5, a record that is its own settings. Its
 * rule, by name:
 * <ul>
 *   <li>{@code even}: row-local, an even number passes;</li>
 *   <li>{@code below-mean}: not row-local, a value above the table's mean fails, so it must see
 *       every row at once;</li>
 *   <li>{@code even-pairs}: row-local, but cannot be bound to a table of an odd number of rows.</li>
 * </ul>
 * Any rule refuses a table without the column as a number.
 *
 * @param rule the rule's name
 * @param column the column
 */
public record NumberCheck(String rule, String column) implements RowCheck {

    @Override
    public String type() {
        return rule;
    }

    @Override
    public String name() {
        return rule + "(" + column + ")";
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public double mostly() {
        return 0.5;
    }

    @Override
    public Record settings() {
        return this;
    }

    @Override
    public boolean rowLocal() {
        return !rule.equals("below-mean");
    }

    @Override
    public RowRule bind(Table table) {
        if (!table.schema().contains(column) || table.schema().field(column).type() != ColumnType.NUMERIC) {
            throw new SchemaException(name() + ": no numeric column '" + column + "'");
        }
        if (rule.equals("even-pairs") && table.rowCount() % 2 == 1) {
            throw new SchemaException("a piece of " + table.rowCount() + " rows");
        }
        NumericColumn values = table.numericColumn(column);
        double mean = values.size() == 0 ? 0 : java.util.stream.IntStream.range(0, values.size())
                .filter(row -> !values.isMissing(row)).mapToDouble(values::get).filter(Double::isFinite).average()
                .orElse(0);
        DoublePredicate passes = rule.equals("below-mean") ? value -> value <= mean : value -> value % 2 == 0;
        return new RowRule() {
            @Override
            public boolean applies(int row) {
                return !values.isMissing(row) && Double.isFinite(values.get(row));
            }

            @Override
            public boolean passes(int row) {
                return passes.test(values.get(row));
            }

            @Override
            public String describe(int row) {
                return values.format(row);
            }
        };
    }
}
