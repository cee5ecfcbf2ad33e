package dev.mlops.data.check;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
     * @param column the column
     * @param min the smallest passing share of present values, in {@code [0, 1]} (1: no missing value)
     * @param severity how serious a failure is
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

    /** @return true: each row is judged by its own values alone */
    @Override
    public boolean rowLocal() {
        return true;
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

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(column, min, severity);
    }

    /**
     * The settings of a {@code "completeness"} check, as a suite's JSON object and a spec string name them;
     * an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param column the column
     * @param min the smallest passing share of present values, in [0, 1]; default 1
     * @param severity how serious a failure is; default error
     */
    public record Settings(String column, @Nullable Double min, @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param column the column
        * @param min the smallest passing share of present values, in [0, 1]; default 1
        * @param severity how serious a failure is; default error
        */
        public Settings {
            min = min == null ? 1.0 : min;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class, "the share of a column's values that are present is at least min");
        }

        @Override
        public CompletenessCheck create(Settings settings) {
            return new CompletenessCheck(settings.column(), settings.min(), settings.severity());
        }
    }
}
