package dev.mlops.data.check;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Distributions.Kind;
import dev.mlops.data.profile.NumericProfile;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;
import org.jspecify.annotations.Nullable;

/**
 * The mean of a numeric column must not have shifted from the reference's: Welch's two-sample
 * t-test (unequal variances, commons-math3 {@link TTest}) of the current column's finite values
 * against the reference profile's count, mean and sample variance, so the raw reference is not
 * needed. The measured value is the two-sided p-value, which must be at least {@code alpha}; the
 * statistic is {@code t = (mean_current - mean_reference) / sqrt(var_current / n_current +
 * var_reference / n_reference)}, positive when the current mean is larger, with Welch–Satterthwaite
 * degrees of freedom. This is {@code scipy.stats.ttest_ind(current, reference, equal_var=False)}.
 *
 * <p>Missing values are left out, and so are NaN and infinities (on both sides: the profile's
 * moments count only finite values). Fewer than two finite values on either side is no data. When
 * both sides are constant (zero variance) the test is undefined (scipy returns NaN); this check
 * then reports {@code t = 0}, p-value 1 for equal means and {@code t = ±Infinity}, p-value 0 for
 * different ones, so that a constant column that changed its value fails. The test assumes
 * roughly normal means, which the central limit theorem gives for all but tiny or very skewed
 * samples; with a large reference, even a small, harmless shift is significant, so choose
 * {@code alpha} with the sample sizes in mind (or use {@link PsiCheck} for a distance).
 *
 * @param column the numeric column, in the table and in the reference profile
 * @param alpha the significance level: the check fails when the p-value is below it, in {@code (0, 1)}
 * @param severity how serious a failure is
 */
public record MeanShiftCheck(String column, double alpha, Severity severity) implements DistributionCheck {
    static final String TYPE = "mean-shift";
    /** The default significance level, 0.01. */
    public static final double DEFAULT_ALPHA = 0.01;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if the column is blank or {@code alpha} is not in {@code (0, 1)}
     */
    public MeanShiftCheck {
        Columns.name(column);
        Distributions.alpha(alpha);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param level the significance level, in {@code (0, 1)}
     * @return this check with that level
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public MeanShiftCheck withAlpha(double level) {
        return new MeanShiftCheck(column, level, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public MeanShiftCheck withSeverity(Severity newSeverity) {
        return new MeanShiftCheck(column, alpha, newSeverity);
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
        if (current.length < 2 || reference.finite() < 2) {
            return Results.noData(this, threshold, "column '" + column + "' has " + current.length
                    + " finite current and " + reference.finite() + " finite reference values; Welch's t-test"
                    + " needs at least 2 on each side");
        }
        StatisticalSummaryValues now = summary(current);
        StatisticalSummaryValues then = new StatisticalSummaryValues(reference.mean().getAsDouble(),
                reference.variance().getAsDouble(), reference.finite(), reference.max().getAsDouble(),
                reference.min().getAsDouble(), reference.sum());
        double t;
        double p;
        if (now.getVariance() == 0.0 && then.getVariance() == 0.0) {
            double difference = now.getMean() - then.getMean();
            t = difference == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
            p = difference == 0.0 ? 1.0 : 0.0;
        } else {
            TTest test = new TTest();
            t = test.t(now, then);
            p = test.tTest(now, then);
        }
        String sides = "current mean " + Distributions.number(now.getMean()) + " (sd "
                + Distributions.number(now.getStandardDeviation()) + ", n " + current.length + ") vs reference mean "
                + Distributions.number(then.getMean()) + " (sd " + Distributions.number(then.getStandardDeviation())
                + ", n " + then.getN() + ")" + Distributions.leftOut(values, current.length, reference);
        if (Double.isNaN(p)) {
            return Results.cannotRun(this, threshold, "Welch's t-test of column '" + column
                    + "' is undefined: the means or variances are not finite numbers; " + sides);
        }
        return Results.measured(this, p, threshold, t, "Welch's t-test of column '" + column + "': t = "
                + Distributions.number(t) + ", p-value " + Distributions.number(p) + "; " + sides);
    }

    /** Mean, sample variance, count, extremes and sum of finite values, in two passes (no per-value logs). */
    private static StatisticalSummaryValues summary(double[] values) {
        double sum = 0.0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / values.length;
        double squares = 0.0;
        double deviations = 0.0;
        for (double x : values) {
            double d = x - mean;
            squares += d * d;
            deviations += d;
        }
        // the corrected two-pass algorithm (Chan, Golub and LeVeque), as commons-math's Variance uses
        double variance = (squares - deviations * deviations / values.length) / (values.length - 1);
        return new StatisticalSummaryValues(mean, variance, values.length, max, min, sum);
    }

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(column, alpha, severity);
    }

    /**
     * The settings of a {@code "mean-shift"} check, as a suite's JSON object and a spec string name them;
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
                    "a numeric column's mean has not shifted from the reference's (Welch's t-test)");
        }

        @Override
        public MeanShiftCheck create(Settings settings) {
            return new MeanShiftCheck(settings.column(), settings.alpha(), settings.severity());
        }
    }
}
