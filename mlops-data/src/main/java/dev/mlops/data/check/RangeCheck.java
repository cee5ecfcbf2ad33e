package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The present values of a numeric column must lie in {@code [min, max]}, for at least a share
 * {@code mostly} of them. Missing values are not judged (check them with a
 * {@link CompletenessCheck}); NaN lies in no range, so it fails; infinities are compared as
 * numbers.
 *
 * @param column the numeric column
 * @param min the smallest allowed value, {@code -Infinity} for none
 * @param max the largest allowed value, {@code Infinity} for none
 * @param mostly the smallest passing share of present values, in {@code [0, 1]}
 * @param severity how serious a failure is
 */
public record RangeCheck(String column, double min, double max, double mostly, Severity severity)
        implements RowCheck, SingleColumnCheck {
    static final String TYPE = "range";

    /**
     * Validates the settings.
     *
     * @param column the numeric column
     * @param min the smallest allowed value, {@code -Infinity} for none
     * @param max the largest allowed value, {@code Infinity} for none
     * @param mostly the smallest passing share of present values, in {@code [0, 1]}
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if the column is blank, a bound is NaN, {@code min > max},
     *     or {@code mostly} is not in {@code [0, 1]}
     */
    public RangeCheck {
        Columns.name(column);
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("range of column '" + ReadableText.name(column) + "' needs min <= max, neither NaN, but was ["
                    + min + ", " + max + "]");
        }
        Columns.share("mostly", mostly);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param share the smallest passing share of present values, in {@code [0, 1]}
     * @return this check with that share
     */
    public RangeCheck withMostly(double share) {
        return new RangeCheck(column, min, max, share, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public RangeCheck withSeverity(Severity newSeverity) {
        return new RangeCheck(column, min, max, mostly, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** @return true: each row is judged by its own values alone */
    @Override
    public boolean rowLocal() {
        return true;
    }

    @Override
    public RowRule bind(Table table) {
        NumericColumn values = (NumericColumn) Columns.of(table, column, this, ColumnType.NUMERIC);
        return new ColumnRule(values) {
            @Override
            public boolean passes(int row) {
                double x = values.get(row);
                return x >= min && x <= max;
            }
        };
    }

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(column, min, max, mostly, severity);
    }

    /**
     * The settings of a {@code "range"} check, as a suite's JSON object and a spec string name them;
     * an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param column the numeric column
     * @param min the smallest allowed value; default -Infinity
     * @param max the largest allowed value; default Infinity
     * @param mostly the smallest passing share of present values; default 1
     * @param severity how serious a failure is; default error
     */
    public record Settings(String column, @Nullable Double min, @Nullable Double max, @Nullable Double mostly,
            @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param column the numeric column
        * @param min the smallest allowed value; default -Infinity
        * @param max the largest allowed value; default Infinity
        * @param mostly the smallest passing share of present values; default 1
        * @param severity how serious a failure is; default error
        */
        public Settings {
            min = min == null ? Double.NEGATIVE_INFINITY : min;
            max = max == null ? Double.POSITIVE_INFINITY : max;
            mostly = mostly == null ? 1.0 : mostly;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class,
                    "a numeric column's present values lie in [min, max], for at least a share mostly");
        }

        @Override
        public RangeCheck create(Settings settings) {
            return new RangeCheck(settings.column(), settings.min(), settings.max(), settings.mostly(),
                    settings.severity());
        }
    }
}
