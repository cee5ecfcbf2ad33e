package dev.mlops.examples.plugin;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.FailingRow;
import dev.mlops.data.check.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user's data check: every present value of a numeric column is a whole number (an age, a
 * count of months), so that a column of counts that suddenly holds {@code 33.5} fails. Missing
 * values are not judged; NaN and infinities are not whole numbers.
 *
 * @param column the numeric column
 * @param severity how serious a failure is
 */
public record WholeNumberCheck(String column, Severity severity) implements Check {
    /** The type name the check is registered under. */
    public static final String TYPE = "whole-number";
    private static final Threshold NONE = Threshold.atMost(0);

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if the column is blank
     */
    public WholeNumberCheck {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(severity, "severity");
        if (column.isBlank()) {
            throw new IllegalArgumentException("column must not be blank");
        }
    }

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
    public Settings settings() {
        return new Settings(column, severity);
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        if (!table.schema().contains(column)) {
            return CheckResult.failed(this, Double.NaN, NONE, name() + ": column '" + column + "' is missing");
        }
        if (table.column(column).type() != ColumnType.NUMERIC) {
            return CheckResult.failed(this, Double.NaN, NONE, name() + ": column '" + column + "' is "
                    + table.column(column).type() + ", not NUMERIC");
        }
        NumericColumn values = table.numericColumn(column);
        int present = 0;
        long failing = 0;
        List<FailingRow> sample = new ArrayList<>();
        for (int row = 0; row < values.size(); row++) {
            if (values.isMissing(row)) {
                continue;
            }
            present++;
            double value = values.get(row);
            if (!(Double.isFinite(value) && value == Math.rint(value))) {
                failing++;
                if (sample.size() < context.sampleSize()) {
                    sample.add(new FailingRow(row, values.format(row)));
                }
            }
        }
        if (present == 0) {
            return CheckResult.noData(this, NONE, name() + ": column '" + column + "' has no values to judge");
        }
        String message = String.format(Locale.ROOT, "%s: %d of %d values are not whole numbers", name(), failing,
                present);
        return CheckResult.measured(this, failing, NONE, message).withFailingRows(failing, sample);
    }

    /**
     * The settings, as a suite's JSON object and a spec string ({@code whole-number(column=age)}) name them.
     *
     * @param column the numeric column
     * @param severity how serious a failure is; error when absent
     */
    public record Settings(String column, @Nullable Severity severity) {
        /** Fills in the default severity. */
        public Settings {
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The check's type, listed in {@code META-INF/services/dev.mlops.core.component.ComponentType}. */
    public static final class Type extends ComponentType<Check, Settings> {
        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class, "every present value of a numeric column is a whole number");
        }

        @Override
        public Check create(Settings settings) {
            return new WholeNumberCheck(settings.column(), Objects.requireNonNull(settings.severity()));
        }
    }
}
