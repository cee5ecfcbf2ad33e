package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The present values of a column must be among the allowed ones, except for a tolerated share of
 * unseen values: at least {@code 1 - unseenShare} of the present values must be allowed. Values
 * compare as their text ({@link Column#format}: {@code "true"}, {@code "3"}, {@code "2.5"}), exactly
 * and case-sensitively; missing values are not judged.
 *
 * @param column the column, of any type
 * @param values the allowed values, sorted and without repeats, unmodifiable
 * @param unseenShare the tolerated share of present values that are not allowed, in {@code [0, 1]}
 * @param severity how serious a failure is
 */
public record AllowedValuesCheck(String column, List<String> values, double unseenShare, Severity severity)
        implements RowCheck, SingleColumnCheck {
    static final String TYPE = "allowed-values";

    /**
     * Sorts and copies the values.
     *
     * @param column the column, of any type
     * @param values the allowed values, sorted and without repeats, unmodifiable
     * @param unseenShare the tolerated share of present values that are not allowed, in {@code [0, 1]}
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if the column is blank, there are no values, or
     *     {@code unseenShare} is not in {@code [0, 1]}
     */
    public AllowedValuesCheck {
        Columns.name(column);
        Columns.required("values", values);
        values = List.copyOf(new TreeSet<>(values));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("allowed values of column '" + ReadableText.name(column) + "' must not be empty");
        }
        Columns.share("unseenShare", unseenShare);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param share the tolerated share of present values that are not allowed, in {@code [0, 1]}
     * @return this check with that tolerance
     */
    public AllowedValuesCheck toleratingUnseen(double share) {
        return new AllowedValuesCheck(column, values, share, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public AllowedValuesCheck withSeverity(Severity newSeverity) {
        return new AllowedValuesCheck(column, values, unseenShare, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double mostly() {
        return 1.0 - unseenShare;
    }

    /** Passes when the unseen share {@code (judged - passing) / judged} is at most {@code unseenShare}. */
    @Override
    public boolean accepts(long passing, long judged) {
        return (double) (judged - passing) / judged <= unseenShare;
    }

    /** @return true: each row is judged by its own values alone */
    @Override
    public boolean rowLocal() {
        return true;
    }

    @Override
    public RowRule bind(Table table) {
        Set<String> allowed = Set.copyOf(values);
        return ColumnRule.byText(Columns.of(table, column, this), allowed::contains);
    }

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(column, values, unseenShare, severity);
    }

    /**
     * The settings of a {@code "allowed-values"} check, as a suite's JSON object and a spec string name them;
     * an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param column the column
     * @param values the allowed values, as text
     * @param unseenShare the tolerated share of values that are not allowed; default 0
     * @param severity how serious a failure is; default error
     */
    public record Settings(String column, List<String> values, @Nullable Double unseenShare,
            @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param column the column
        * @param values the allowed values, as text
        * @param unseenShare the tolerated share of values that are not allowed; default 0
        * @param severity how serious a failure is; default error
        */
        public Settings {
            unseenShare = unseenShare == null ? 0.0 : unseenShare;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class,
                    "a column's present values are among the allowed ones, but for a tolerated unseen share");
        }

        @Override
        public AllowedValuesCheck create(Settings settings) {
            return new AllowedValuesCheck(settings.column(), settings.values(), settings.unseenShare(),
                    settings.severity());
        }
    }
}
