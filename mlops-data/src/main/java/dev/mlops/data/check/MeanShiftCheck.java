package dev.mlops.data.check;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.check.Distributions.Kind;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.stat.Moments;
import dev.mlops.data.stat.TwoSampleResult;
import dev.mlops.data.stat.WelchTTest;
import java.util.Objects;
import java.util.Optional;

/**
 * The mean of a numeric column must not have shifted from the reference's: Welch's two-sample
 * t-test ({@link WelchTTest}, unequal variances) of the current column's finite values against
 * the reference profile's count, mean and sample variance, so the raw reference is not needed. The
 * measured value is the two-sided p-value, which must be at least {@code alpha}; the statistic is
 * {@code t = (mean_current - mean_reference) / sqrt(var_current / n_current +
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
public record MeanShiftCheck(String column, double alpha, Severity severity) implements SignificanceTestCheck {
    static final String TYPE = "mean-shift";
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
            return Results.noData(this, threshold, "column '" + ReadableText.name(column) + "' has " + current.length
                    + " finite current and " + reference.finite() + " finite reference values; Welch's t-test"
                    + " needs at least 2 on each side");
        }
        Moments now = Moments.of(current);
        Moments then = Moments.of(reference);
        TwoSampleResult welch = WelchTTest.test(now, then);
        double t = welch.statistic();
        String sides = "current mean " + ReadableText.number(now.mean()) + " (sd "
                + ReadableText.number(now.standardDeviation()) + ", n " + current.length + ") vs reference mean "
                + ReadableText.number(then.mean()) + " (sd " + ReadableText.number(then.standardDeviation())
                + ", n " + then.count() + ")" + Distributions.leftOut(values, current.length, reference);
        if (welch.pValue().isEmpty()) {
            return Results.cannotRun(this, threshold, "Welch's t-test of column '" + ReadableText.name(column)
                    + "' is undefined: the means or variances are not finite numbers; " + sides);
        }
        double p = welch.pValue().getAsDouble();
        return Results.measured(this, p, threshold, t, "Welch's t-test of column '" + ReadableText.name(column) + "': t = "
                + ReadableText.number(t) + ", p-value " + ReadableText.number(p) + "; " + sides);
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends SignificanceTestType {

        /** Describes the type. */
        public Type() {
            super(TYPE,
                    "a numeric column's mean has not shifted from the reference's (Welch's t-test)",
                    MeanShiftCheck::new);
        }
    }
}
