package dev.mlops.data.check;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
     * @throws IllegalArgumentException if the column is blank, the expression does not compile
     *     (the message says where) or {@code mostly} is not in {@code [0, 1]}
     */
    public PatternCheck {
        Columns.name(column);
        Objects.requireNonNull(regex, "regex");
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("regex for column '" + column + "' does not compile: "
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

    @Override
    public RowRule bind(Table table) {
        Pattern pattern = Pattern.compile(regex);
        return ColumnRule.byText(Columns.of(table, column, this), text -> pattern.matcher(text).matches());
    }

    static PatternCheck read(JsonFields fields) {
        return new PatternCheck(fields.text("column"), fields.text("regex"), fields.number("mostly", 1.0),
                fields.severity());
    }

    @Override
    public void writeSettings(Map<String, Object> fields) {
        fields.put("column", column);
        fields.put("regex", regex);
        fields.put("mostly", mostly);
    }
}
