package dev.mlops.examples.extension;

import dev.mlops.core.SchemaException;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A credit team's data check: each loan's monthly instalment, the amount over the number of
 * months ({@code credit_amount / duration} in credit-g), lies in {@code [min, max]}. Neither
 * column alone shows a loan of 18,000 over 4 months or of 250 over 72: a range check on each
 * column passes both, while the instalment is far outside what the bank lends. A row with a
 * missing amount or duration is not judged (a completeness check covers that); a duration of
 * zero or below, or a value that is not finite, fails, as no instalment can be computed from it.
 *
 * <pre>{@code
 * CheckSuite suite = CheckSuite.builder("credit-g")
 *         .add(new InstalmentCheck("credit_amount", "duration", 20, 2_500, 1.0, Severity.ERROR))
 *         .build();
 * }</pre>
 *
 * <p>A {@link RowCheck}, so the library counts and samples the failing rows and can quarantine
 * them; a row is judged by its own values alone ({@link #rowLocal()}). Immutable and thread-safe.
 *
 * @param amount the numeric column of the loan's amount
 * @param months the numeric column of its duration in months
 * @param min the least monthly instalment, 0 or more
 * @param max the largest monthly instalment, at least {@code min}; may be infinite
 * @param mostly the least share of judged rows that must pass, in {@code [0, 1]}
 * @param severity how serious a failure is
 */
public record InstalmentCheck(String amount, String months, double min, double max, double mostly,
        Severity severity) implements RowCheck {
    /** The type name the check is registered under. */
    public static final String TYPE = "instalment";

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if a column is blank or the two are the same, {@code min} is
     *     negative or NaN, {@code max} is below {@code min} or NaN, or {@code mostly} is outside [0, 1];
     *     the message names the setting and its value
     */
    public InstalmentCheck {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(months, "months");
        Objects.requireNonNull(severity, "severity");
        if (amount.isBlank() || months.isBlank()) {
            throw new IllegalArgumentException("amount and months must name columns but were '" + amount + "' and '"
                    + months + "'");
        }
        if (amount.equals(months)) {
            throw new IllegalArgumentException("amount and months must be two columns but both were '" + amount + "'");
        }
        if (!(min >= 0) || Double.isInfinite(min)) {
            throw new IllegalArgumentException("min must be a finite instalment of 0 or more but was " + min);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("max must be at least min (" + min + ") but was " + max);
        }
        if (!(mostly >= 0 && mostly <= 1)) {
            throw new IllegalArgumentException("mostly must be a share in [0, 1] but was " + mostly);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** @return {@code instalment(credit_amount/duration)} */
    @Override
    public String name() {
        return TYPE + "(" + amount + "/" + months + ")";
    }

    @Override
    public List<String> columns() {
        return List.of(amount, months);
    }

    /** @return true: a row's instalment depends on that row alone */
    @Override
    public boolean rowLocal() {
        return true;
    }

    @Override
    public Settings settings() {
        return new Settings(amount, months, min, max, mostly, severity);
    }

    /**
     * @throws SchemaException if a column is missing or not numeric; the message names the column and this check
     */
    @Override
    public RowRule bind(Table table) {
        NumericColumn amounts = numeric(table, amount);
        NumericColumn durations = numeric(table, months);
        return new RowRule() {
            @Override
            public boolean applies(int row) {
                return !amounts.isMissing(row) && !durations.isMissing(row);
            }

            @Override
            public boolean passes(int row) {
                double instalment = instalment(amounts.get(row), durations.get(row));
                return instalment >= min && instalment <= max;
            }

            @Override
            public String describe(int row) {
                return String.format(Locale.ROOT, "%s=%s, %s=%s: %s a month", amount, amounts.format(row), months,
                        durations.format(row), format(instalment(amounts.get(row), durations.get(row))));
            }
        };
    }

    /**
     * The monthly instalment of a loan.
     *
     * @param amount the loan's amount
     * @param months its duration in months
     * @return {@code amount / months}, or NaN when the duration is not positive or a value not finite
     */
    public static double instalment(double amount, double months) {
        if (!(months > 0) || !Double.isFinite(months) || !Double.isFinite(amount)) {
            return Double.NaN;
        }
        return amount / months;
    }

    private static String format(double instalment) {
        return Double.isNaN(instalment) ? "no instalment" : String.format(Locale.ROOT, "%.2f", instalment);
    }

    private NumericColumn numeric(Table table, String column) {
        if (!table.schema().contains(column)) {
            throw new SchemaException(name() + ": column '" + column + "' is missing; the table has "
                    + table.schema().names());
        }
        Column found = table.column(column);
        if (found.type() != ColumnType.NUMERIC) {
            throw new SchemaException(name() + ": column '" + column + "' is " + found.type() + ", not NUMERIC");
        }
        return (NumericColumn) found;
    }

    /**
     * The settings, as a suite's JSON object and a spec string name them:
     * {@code instalment(amount=credit_amount, months=duration, max=2500)}.
     *
     * @param amount the column of the amount
     * @param months the column of the duration in months
     * @param min the least instalment; default 0
     * @param max the largest instalment; default Infinity
     * @param mostly the least passing share; default 1
     * @param severity how serious a failure is; default error
     */
    public record Settings(String amount, String months, @Nullable Double min, @Nullable Double max,
            @Nullable Double mostly, @Nullable Severity severity) {
        /** Fills in the defaults. */
        public Settings {
            min = min == null ? 0.0 : min;
            max = max == null ? Double.POSITIVE_INFINITY : max;
            mostly = mostly == null ? 1.0 : mostly;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The check's type, listed in {@code META-INF/services/dev.mlops.core.component.ComponentType}. */
    public static final class Type extends ComponentType<Check, Settings> {
        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class,
                    "each row's amount over its months (a monthly instalment) lies in [min, max]");
        }

        @Override
        public Check create(Settings settings) {
            return new InstalmentCheck(settings.amount(), settings.months(), Objects.requireNonNull(settings.min()),
                    Objects.requireNonNull(settings.max()), Objects.requireNonNull(settings.mostly()),
                    Objects.requireNonNull(settings.severity()));
        }
    }
}
