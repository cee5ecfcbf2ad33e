package dev.mlops.spark;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.Threshold;
import java.util.List;

/**
 * A user's own plain check, registered in this module's test {@code META-INF/services}: the
 * largest present value of a numeric column is at most a bound; it sees the whole column.
 *
 * @param column the numeric column
 * @param max the bound
 */
public record MaxCheck(String column, double max) implements Check {
    static final String TYPE = "max";

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
        return Severity.WARNING;
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        Threshold threshold = Threshold.atMost(max);
        NumericColumn values = table.numericColumn(column);
        double largest = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < values.size(); row++) {
            if (!values.isMissing(row)) {
                largest = Math.max(largest, values.get(row));
            }
        }
        return CheckResult.measured(this, largest, threshold, name() + ": the largest value of " + table.rowCount()
                + " rows is " + largest);
    }

    @Override
    public Settings settings() {
        return new Settings(column, max);
    }

    /**
     * @param column the column
     * @param max the bound
     */
    public record Settings(String column, double max) {
    }

    /** The check's type. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class, "a numeric column's largest value is at most a bound");
        }

        @Override
        public MaxCheck create(Settings settings) {
            return new MaxCheck(settings.column(), settings.max());
        }
    }
}
