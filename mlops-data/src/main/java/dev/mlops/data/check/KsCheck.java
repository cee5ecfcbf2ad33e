package dev.mlops.data.check;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.check.Distributions.Kind;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.stat.KolmogorovSmirnov;
import dev.mlops.data.stat.TwoSampleResult;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The distribution of a numeric column must not differ from the reference's: the two-sample
 * Kolmogorov–Smirnov test. The statistic is {@code D = sup_x |F_current(x) - F_reference(x)|},
 * the largest gap between the two empirical distribution functions; the measured value is the
 * two-sided p-value {@code P(D_{n,m} >= D)} under the hypothesis of one continuous
 * distribution, which must be at least {@code alpha}.
 *
 * <p>The statistic and p-value come from {@link KolmogorovSmirnov#test(double[], NumericProfile)}:
 * while the reference profile keeps its values, exact {@code D} and the p-value of
 * {@code scipy.stats.ks_2samp(current, reference)}: exact while neither side has more than 10,000
 * values, else asymptotic ({@code scipy.stats.kstwo.sf(D, round(n*m/(n+m)))}); when the profile
 * holds a KLL sketch instead, {@code D} within the sketch's rank error with an approximate
 * asymptotic p-value. The result's message says which.
 *
 * <p>Missing values are left out, and so are NaN and infinities on both sides. Fewer than two
 * finite values on either side is no data. A large reference makes even a harmless difference
 * significant; {@link PsiCheck} measures a distance instead.
 *
 * @param column the numeric column, in the table and in the reference profile
 * @param alpha the significance level: the check fails when the p-value is below it, in {@code (0, 1)}
 * @param severity how serious a failure is
 */
public record KsCheck(String column, double alpha, Severity severity) implements SignificanceTestCheck {
    static final String TYPE = "ks";
    /** The default significance level, 0.01. */
    public static final double DEFAULT_ALPHA = SignificanceTestSettings.DEFAULT_ALPHA;

    /**
     * Validates the settings.
     *
     * @param column the numeric column, in the table and in the reference profile
     * @param alpha the significance level: the check fails when the p-value is below it, in {@code (0, 1)}
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if the column is blank or {@code alpha} is not in {@code (0, 1)}
     */
    public KsCheck {
        Columns.name(column);
        Distributions.alpha(alpha);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param level the significance level, in {@code (0, 1)}
     * @return this check with that level
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public KsCheck withAlpha(double level) {
        return new KsCheck(column, level, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public KsCheck withSeverity(Severity newSeverity) {
        return new KsCheck(column, alpha, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        Threshold threshold = Threshold.atLeast(alpha);
        Optional<String> why = Distributions.whyNot(this, table, context, column, Kind.NUMERIC);
        if (why.isPresent()) {
            return Results.cannotRun(this, threshold, why.get());
        }
        NumericColumn values = table.numericColumn(column);
        NumericProfile reference = (NumericProfile) Distributions.reference(context, column);
        double[] current = Distributions.finiteValues(values);
        long m = reference.finite();
        if (current.length < 2 || m < 2) {
            return Results.noData(this, threshold, "column '" + ReadableText.name(column) + "' has " + current.length
                    + " finite current and " + m + " finite reference values; the Kolmogorov-Smirnov test needs"
                    + " at least 2 on each side");
        }
        TwoSampleResult ks = KolmogorovSmirnov.test(current, reference);
        double d = ks.statistic();
        double p = ks.pValue().orElseThrow();
        String method = switch (ks.method()) {
            case EXACT -> "exact p-value";
            case ASYMPTOTIC -> "asymptotic p-value (" + (Math.max(current.length, m) > KolmogorovSmirnov.EXACT_MAX_SIZE
                    ? String.format(Locale.ROOT, "a sample over %,d values", KolmogorovSmirnov.EXACT_MAX_SIZE)
                    : "the exact path count lost its precision") + ")";
            case SKETCH -> "approximate asymptotic p-value; D is approximate within ±" + ReadableText.number(ks.referenceError())
                    + " (the reference's KLL sketch's rank error)";
        };
        return Results.measured(this, p, threshold, d, "two-sample Kolmogorov-Smirnov test of column '" + ReadableText.name(column)
                + "': D = " + ReadableText.number(d) + ", p-value " + ReadableText.number(p) + " (" + method + ") for "
                + current.length + " current and " + m + " reference values"
                + Distributions.leftOut(values, current.length, reference));
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends SignificanceTestType {

        /** Describes the type. */
        public Type() {
            super(TYPE,
                    "a numeric column's distribution equals the reference's (two-sample Kolmogorov-Smirnov test)",
                    KsCheck::new);
        }
    }
}
