package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The number of distinct present values of a column must lie in {@code [min, max]}, counted
 * exactly ({@link Column#valueEquals}: NaN is one value). A column with no present value is no data.
 *
 * @param column the column, of any type
 * @param min the fewest distinct values allowed, 0 or more
 * @param max the most distinct values allowed, at least {@code min}
 * @param severity how serious a failure is
 */
public record CardinalityCheck(String column, long min, long max, Severity severity) implements SingleColumnCheck {
    static final String TYPE = "cardinality";

    /**
     * Validates the bounds.
     *
     * @param column the column, of any type
     * @param min the fewest distinct values allowed, 0 or more
     * @param max the most distinct values allowed, at least {@code min}
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if the column is blank, {@code min} is negative or
     *     {@code max < min}
     */
    public CardinalityCheck {
        Columns.name(column);
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("cardinality of column '" + ReadableText.name(column)
                    + "' needs 0 <= min <= max but was [" + min + ", " + max + "]");
        }
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public CardinalityCheck withSeverity(Severity newSeverity) {
        return new CardinalityCheck(column, min, max, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        Threshold threshold = Threshold.between(min, max);
        if (!table.schema().contains(column)) {
            return Results.cannotRun(this, threshold, "no column '" + ReadableText.name(column) + "'; the columns are "
                    + Columns.listed(table.schema().names()));
        }
        Column values = table.column(column);
        if (values.missingCount() == values.size()) {
            return Results.noData(this, threshold, values.size() == 0 ? "the table has no rows"
                    : "column '" + ReadableText.name(column) + "' has no present value");
        }
        long distinct = KeyCounts.of(List.of(values), values.size()).distinct();
        return Results.measured(this, distinct, threshold, Double.NaN,
                "column '" + ReadableText.name(column) + "' has " + distinct + " distinct value" + (distinct == 1 ? "" : "s"));
    }

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(column, min, max, severity);
    }

    /**
     * The settings of a {@code "cardinality"} check, as a suite's JSON object and a spec string name them;
     * an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param column the column
     * @param min the fewest distinct values allowed
     * @param max the most distinct values allowed
     * @param severity how serious a failure is; default error
     */
    public record Settings(String column, long min, long max, @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param column the column
        * @param min the fewest distinct values allowed
        * @param max the most distinct values allowed
        * @param severity how serious a failure is; default error
        */
        public Settings {
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class, "a column's number of distinct present values lies in [min, max]");
        }

        @Override
        public CardinalityCheck create(Settings settings) {
            return new CardinalityCheck(settings.column(), settings.min(), settings.max(), settings.severity());
        }
    }
}
