package dev.mlops.spark;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import java.util.List;

/**
 * A user's own row check, registered in this module's test {@code META-INF/services}: the present
 * values of a numeric column are even whole numbers.
 *
 * @param column the numeric column
 * @param mostly the smallest passing share
 */
public record EvenCheck(String column, double mostly) implements RowCheck {
    static final String TYPE = "even";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String name() {
        return TYPE + "(" + column + ")";
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
    public RowRule bind(Table table) {
        if (!table.schema().contains(column)) {
            throw new dev.mlops.core.SchemaException("even(" + column + "): no such column");
        }
        NumericColumn values = table.numericColumn(column);
        return new RowRule() {
            @Override
            public boolean applies(int row) {
                return !values.isMissing(row);
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

    @Override
    public Settings settings() {
        return new Settings(column, mostly);
    }

    /**
     * @param column the column
     * @param mostly the smallest passing share
     */
    public record Settings(String column, double mostly) {
    }

    /** The check's type. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class, "a numeric column's present values are even");
        }

        @Override
        public EvenCheck create(Settings settings) {
            return new EvenCheck(settings.column(), settings.mostly());
        }
    }
}
