package dev.mlops.data.check;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Distributions.Kind;
import dev.mlops.data.profile.NumericProfile;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.jspecify.annotations.Nullable;

/**
 * The distribution of a numeric column must not differ from the reference's: the two-sample
 * Kolmogorov–Smirnov test. The statistic is {@code D = sup_x |F_current(x) - F_reference(x)|},
 * the largest gap between the two empirical distribution functions; the measured value is the
 * two-sided p-value {@code P(D_{n,m} >= D)} under the hypothesis of one continuous
 * distribution, which must be at least {@code alpha}.
 *
 * <p>How the p-value is computed, with commons-math3's {@link KolmogorovSmirnovTest}:
 * <ul>
 *   <li>When the reference profile keeps its values ({@link NumericProfile#exactValues()}, up to
 *       {@link dev.mlops.data.profile.ProfileOptions#exactQuantileLimit()} of them), {@code D} is
 *       exact, and like {@code KolmogorovSmirnovTest.kolmogorovSmirnovTest(x, y)} the p-value is
 *       exact while {@code n·m < 10,000} ({@link KolmogorovSmirnovTest#exactP}) and from the
 *       asymptotic Kolmogorov distribution above ({@code 1 - K(D·sqrt(n·m/(n+m)))},
 *       {@link KolmogorovSmirnovTest#approximateP}). Unlike {@code kolmogorovSmirnovTest(x, y)}
 *       this check computes {@code D} on the values as they are and asks for
 *       {@code P(D_{n,m} >= D)}: commons-math3 3.6.1 breaks ties by adding random noise to the
 *       values and reports the strict {@code P(D_{n,m} > D)}, both of which differ from scipy.
 *       The exact p-values equal {@code scipy.stats.ks_2samp(current, reference, method="exact")};
 *       with ties they are, as there, conservative (too large). The asymptotic ones equal
 *       {@code scipy.special.kolmogorov(D * sqrt(n*m/(n+m)))}, which is not what
 *       {@code ks_2samp(method="asymp")} computes: that is the finite-sample one-sample
 *       distribution at {@code round(n·m/(n+m))} ({@code scipy.stats.kstwo}), a little smaller at
 *       moderate sizes.
 *   <li>When the reference holds a KLL sketch instead, {@code D} is measured against the sketch's
 *       cumulative fraction ({@link NumericProfile#cumulativeFraction(double)}) on both sides of
 *       each step of the current distribution, so it is approximate: within
 *       {@link NumericProfile#rankError()} of the exact statistic (the sketch's rank error, at its
 *       stated confidence). The p-value then always comes from the asymptotic distribution with
 *       the effective sample size {@code n·m/(n+m)}. The result's message says so.
 * </ul>
 *
 * <p>Missing values are left out, and so are NaN and infinities on both sides. Fewer than two
 * finite values on either side is no data. A large reference makes even a harmless difference
 * significant; {@link PsiCheck} measures a distance instead.
 *
 * @param column the numeric column, in the table and in the reference profile
 * @param alpha the significance level: the check fails when the p-value is below it, in {@code (0, 1)}
 * @param severity how serious a failure is
 */
public record KsCheck(String column, double alpha, Severity severity) implements DistributionCheck {
    static final String TYPE = "ks";
    /** The default significance level, 0.01. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** From this product of the sample sizes on, the p-value is asymptotic (commons-math3's switch). */
    static final long LARGE_SAMPLE_PRODUCT = 10_000;

    /**
     * Validates the settings.
     *
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
        double[] current = Distributions.sortedFiniteValues(values);
        long m = reference.finite();
        if (current.length < 2 || m < 2) {
            return Results.noData(this, threshold, "column '" + column + "' has " + current.length
                    + " finite current and " + m + " finite reference values; the Kolmogorov-Smirnov test needs"
                    + " at least 2 on each side");
        }
        int n = current.length;
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        Optional<double[]> kept = reference.exactValues();
        double d;
        double p;
        String method;
        if (kept.isPresent()) {
            d = test.kolmogorovSmirnovStatistic(current, kept.get());
            if ((long) n * m < LARGE_SAMPLE_PRODUCT) {
                p = test.exactP(d, n, (int) m, false);
                method = "exact p-value";
            } else {
                p = asymptoticP(test, d, n, m);
                method = "asymptotic p-value (n·m >= " + LARGE_SAMPLE_PRODUCT + ")";
            }
        } else {
            d = Distributions.ksStatistic(current, reference::cumulativeFraction);
            p = asymptoticP(test, d, n, m);
            method = "asymptotic p-value; D is approximate within ±" + Distributions.number(reference.rankError())
                    + " (the reference's KLL sketch's rank error)";
        }
        p = Math.min(1.0, Math.max(0.0, p));
        return Results.measured(this, p, threshold, d, "two-sample Kolmogorov-Smirnov test of column '" + column
                + "': D = " + Distributions.number(d) + ", p-value " + Distributions.number(p) + " (" + method + ") for "
                + n + " current and " + m + " reference values" + Distributions.leftOut(values, n, reference));
    }

    /**
     * The asymptotic p-value {@code 1 - K(D·sqrt(n·m/(n+m)))} of the Kolmogorov distribution
     * {@code K}, as {@link KolmogorovSmirnovTest#approximateP} computes it, for a reference count
     * that may exceed an {@code int}.
     */
    static double asymptoticP(KolmogorovSmirnovTest test, double d, long n, long m) {
        double effective = (double) n * (double) m / ((double) n + (double) m);
        return 1.0 - test.ksSum(d * Math.sqrt(effective), 1e-20, 100_000);
    }

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(column, alpha, severity);
    }

    /**
     * The settings of a {@code "ks"} check, as a suite's JSON object and a spec string name them;
     * an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param column the numeric column
     * @param alpha the significance level, in (0, 1); default 0.01
     * @param severity how serious a failure is; default error
     */
    public record Settings(String column, @Nullable Double alpha, @Nullable Severity severity) {

        /** Fills in the defaults. */
        public Settings {
            alpha = alpha == null ? DEFAULT_ALPHA : alpha;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class,
                    "a numeric column's distribution equals the reference's (two-sample Kolmogorov-Smirnov test)");
        }

        @Override
        public KsCheck create(Settings settings) {
            return new KsCheck(settings.column(), settings.alpha(), settings.severity());
        }
    }
}
