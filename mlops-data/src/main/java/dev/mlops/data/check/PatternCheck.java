package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The whole text of each present value ({@link Column#format}) must match a regular expression
 * ({@link java.util.regex.Pattern} syntax, {@link java.util.regex.Matcher#matches()}: the whole
 * value, not a part), for at least a share {@code mostly} of them. Missing values are not judged.
 *
 * @param column the column, of any type
 * @param regex the regular expression
 * @param mostly the smallest passing share of present values, in {@code [0, 1]}
 * @param severity how serious a failure is
 */
public record PatternCheck(String column, String regex, double mostly, Severity severity)
        implements RowCheck, SingleColumnCheck {
    static final String TYPE = "pattern";

    /**
     * Validates the settings.
     *
     * @param column the column, of any type
     * @param regex the regular expression
     * @param mostly the smallest passing share of present values, in {@code [0, 1]}
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if the column is blank, the expression does not compile
     *     (the message says where) or {@code mostly} is not in {@code [0, 1]}
     */
    public PatternCheck {
        Columns.name(column);
        Columns.required("regex", regex);
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("regex for column '" + ReadableText.name(column) + "' does not compile: "
                    + e.getMessage(), e);
        }
        Columns.share("mostly", mostly);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param share the smallest passing share of present values, in {@code [0, 1]}
     * @return this check with that share
     */
    public PatternCheck withMostly(double share) {
        return new PatternCheck(column, regex, share, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public PatternCheck withSeverity(Severity newSeverity) {
        return new PatternCheck(column, regex, mostly, newSeverity);
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
        Pattern pattern = Pattern.compile(regex);
        return ColumnRule.byText(Columns.of(table, column, this), text -> pattern.matcher(text).matches());
    }

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(column, regex, mostly, severity);
    }

    /**
     * The settings of a {@code "pattern"} check, as a suite's JSON object and a spec string name them;
     * an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param column the column
     * @param regex the regular expression each whole value must match
     * @param mostly the smallest passing share of present values; default 1
     * @param severity how serious a failure is; default error
     */
    public record Settings(String column, String regex, @Nullable Double mostly, @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param column the column
        * @param regex the regular expression each whole value must match
        * @param mostly the smallest passing share of present values; default 1
        * @param severity how serious a failure is; default error
        */
        public Settings {
            mostly = mostly == null ? 1.0 : mostly;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class,
                    "a column's present values match a regular expression, for at least a share mostly");
        }

        @Override
        public PatternCheck create(Settings settings) {
            return new PatternCheck(settings.column(), settings.regex(), settings.mostly(), settings.severity());
        }
    }
}
