package dev.mlops.data.check;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.Map;
import java.util.Objects;

/**
 * The share of rows whose value is present (not missing) must be at least {@code min}; NaN is a
 * value, not missing. Every row is judged; a failing row is a missing one.
 *
 * @param column the column
 * @param min the smallest passing share of present values, in {@code [0, 1]} (1: no missing value)
 * @param severity how serious a failure is
 */
public record CompletenessCheck(String column, double min, Severity severity) implements RowCheck, SingleColumnCheck {
    static final String TYPE = "completeness";

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if the column is blank or {@code min} is not in {@code [0, 1]}
     */
    public CompletenessCheck {
        Columns.name(column);
        Columns.share("min", min);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param share the smallest passing share of present values, in {@code [0, 1]}
     * @return this check with that threshold (a "mostly complete" column)
     */
    public CompletenessCheck atLeast(double share) {
        return new CompletenessCheck(column, share, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public CompletenessCheck withSeverity(Severity newSeverity) {
        return new CompletenessCheck(column, min, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double mostly() {
        return min;
    }

    @Override
    public RowRule bind(Table table) {
        Column values = Columns.of(table, column, this);
        return new RowRule() {
            @Override
            public boolean applies(int row) {
                return true;
            }

            @Override
            public boolean passes(int row) {
                return !values.isMissing(row);
            }

            @Override
            public String describe(int row) {
                return Columns.text(values, row);
            }
        };
    }

    static CompletenessCheck read(JsonFields fields) {
        return new CompletenessCheck(fields.text("column"), fields.number("min", 1.0), fields.severity());
    }

    @Override
    public void writeSettings(Map<String, Object> fields) {
        fields.put("column", column);
        fields.put("min", min);
    }
}
