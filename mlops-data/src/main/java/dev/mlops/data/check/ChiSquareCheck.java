package dev.mlops.data.check;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.check.Distributions.Kind;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.stat.ChiSquareTest;
import dev.mlops.data.stat.TwoSampleResult;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The category shares of a categorical, text or boolean column must not differ from the
 * reference's: Pearson's chi-square test of homogeneity of the 2 × k table of counts (current
 * and reference rows, one column per category seen on either side), {@link ChiSquareTest}, with
 * {@code k - 1} degrees of freedom. The
 * measured value is the p-value, which must be at least {@code alpha}; the statistic is the
 * chi-square value. This is {@code scipy.stats.chi2_contingency([current, reference],
 * correction=False)}.
 *
 * <p>The reference's counts come from {@link CategoricalProfile#exactCounts()}. A reference
 * with more distinct values than {@link dev.mlops.data.profile.ProfileOptions#exactDistinctLimit()}
 * keeps only sketches, whose top values have estimated counts: a chi-square test on estimates
 * (or on a few top values and an "other" bucket) would report p-values it cannot back, so the
 * check refuses with a failed result that says so; profile the reference with a higher limit, or
 * use {@link PsiCheck}, which works from the sketch. A reference read back from JSON keeps a
 * sensitive column sketch-only, however few its values; the check refuses it too, naming why.
 *
 * <p>Values compare as text, so a categorical, a text and a boolean column can be compared with
 * one another. Missing values are left out. No present value on either side is no data. A
 * category seen on only one side counts as 0 on the other; a single category on both sides is
 * no difference at all (chi-square 0, p-value 1). The chi-square approximation wants an expected
 * count of about 5 or more per cell; with rarer categories the p-value is only approximate.
 *
 * @param column the column, in the table and in the reference profile
 * @param alpha the significance level: the check fails when the p-value is below it, in {@code (0, 1)}
 * @param severity how serious a failure is
 */
public record ChiSquareCheck(String column, double alpha, Severity severity) implements SignificanceTestCheck {
    static final String TYPE = "chi-square";
    /** The default significance level, 0.01. */
    public static final double DEFAULT_ALPHA = SignificanceTestSettings.DEFAULT_ALPHA;

    /**
     * Validates the settings.
     *
     * @param column the column, in the table and in the reference profile
     * @param alpha the significance level: the check fails when the p-value is below it, in {@code (0, 1)}
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if the column is blank or {@code alpha} is not in {@code (0, 1)}
     */
    public ChiSquareCheck {
        Columns.name(column);
        Distributions.alpha(alpha);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param level the significance level, in {@code (0, 1)}
     * @return this check with that level
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public ChiSquareCheck withAlpha(double level) {
        return new ChiSquareCheck(column, level, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public ChiSquareCheck withSeverity(Severity newSeverity) {
        return new ChiSquareCheck(column, alpha, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        Threshold threshold = Threshold.atLeast(alpha);
        Optional<String> why = Distributions.whyNot(this, table, context, column, Kind.CATEGORIES);
        if (why.isPresent()) {
            return Results.cannotRun(this, threshold, why.get());
        }
        Column values = table.column(column);
        CategoricalProfile profile = (CategoricalProfile) Distributions.reference(context, column);
        Optional<SortedMap<String, Long>> exact = profile.exactCounts();
        if (exact.isEmpty() && context.reference().orElseThrow().sensitiveColumns().contains(column)) {
            return Results.cannotRun(this, threshold, "column '" + ReadableText.name(column) + "' is sensitive, so the reference profile"
                    + " keeps it sketch-only, not as exact counts, and a chi-square test needs exact counts; use a psi"
                    + " check");
        }
        if (exact.isEmpty()) {
            return Results.cannotRun(this, threshold, "the reference profile of column '" + ReadableText.name(column) + "' has more than "
                    + context.reference().orElseThrow().options().exactDistinctLimit()
                    + " distinct values (ProfileOptions.exactDistinctLimit), so it keeps sketches, not exact counts,"
                    + " and a chi-square test needs exact counts; profile the reference with a higher limit, or use"
                    + " a psi check");
        }
        SortedMap<String, Long> reference = exact.get();
        SortedMap<String, Long> current = Distributions.counts(values);
        long currentTotal = Distributions.total(current);
        long referenceTotal = Distributions.total(reference);
        if (currentTotal == 0 || referenceTotal == 0) {
            return Results.noData(this, threshold, "column '" + ReadableText.name(column) + "' has " + currentTotal + " present current and "
                    + referenceTotal + " present reference values; the chi-square test needs at least 1 on each side");
        }
        TwoSampleResult chi = ChiSquareTest.test(current, reference);
        double statistic = chi.statistic();
        double p = chi.pValue().orElseThrow();
        int k = chi.bins();
        String sides = " over " + k + " categor" + (k == 1 ? "y" : "ies") + " (" + currentTotal + " current and "
                + referenceTotal + " reference values" + (values.missingCount() + profile.missing() > 0
                        ? "; left out: " + values.missingCount() + " missing current and " + profile.missing()
                                + " missing reference values" : "") + ")";
        if (k < 2) {
            return Results.measured(this, p, threshold, statistic, "chi-square test of column '" + ReadableText.name(column)
                    + "': one value, " + ReadableText.value(current.firstKey()) + ", on both sides: chi-square = 0, p-value 1" + sides);
        }
        return Results.measured(this, p, threshold, statistic, "chi-square test of homogeneity of column '" + ReadableText.name(column)
                + "': chi-square = " + ReadableText.number(statistic) + " with " + (k - 1) + " degree"
                + (k == 2 ? "" : "s") + " of freedom, p-value " + ReadableText.number(p) + sides);
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends SignificanceTestType {

        /** Describes the type. */
        public Type() {
            super(TYPE,
                    "a column's category shares do not differ from the reference's (chi-square test of homogeneity)",
                    ChiSquareCheck::new);
        }
    }
}
