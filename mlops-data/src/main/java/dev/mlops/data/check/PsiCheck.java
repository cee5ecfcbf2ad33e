package dev.mlops.data.check;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.check.Distributions.Kind;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.stat.PopulationStability;
import dev.mlops.data.stat.TestMethod;
import dev.mlops.data.stat.TwoSampleResult;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * The population stability index ({@link PopulationStability}) of a column against the reference
 * must be at most {@code max}: {@code PSI = Σ (a_i - e_i) · ln(a_i / e_i)} over bins, with
 * {@code e_i} the reference's share of values in bin {@code i} and {@code a_i} the current share. It is a distance (the symmetric
 * Kullback–Leibler divergence of the binned distributions), not a test, so it does not grow with
 * the sample size. The measured value and the statistic are both the PSI.
 *
 * <p>The usual reading, a rule of thumb from credit scoring (N. Siddiqi, <i>Credit Risk
 * Scorecards</i>, Wiley 2006; its statistical basis is discussed by B. Yurdakul, <i>Statistical
 * Properties of Population Stability Index</i>, 2018): below 0.1 no significant shift, 0.1 to
 * 0.25 a moderate shift worth a look, above 0.25 a significant shift; hence the default
 * {@code max} of {@value #DEFAULT_MAX}. The message says which band the value falls in.
 *
 * <p>Bins:
 * <ul>
 *   <li>A numeric column is cut at the reference's quantiles {@code 1/bins, 2/bins, …,
 *       (bins-1)/bins} ({@link NumericProfile#quantile(double)}; deciles by default), equal edges
 *       merged (a column with many equal values has fewer bins), into the bins
 *       {@code (-Infinity, q_1], (q_1, q_2], …, (q_last, Infinity)}. The reference's shares come from
 *       its {@link NumericProfile#cumulativeFraction(double) cumulative fraction} at the edges
 *       (exact while the profile keeps its values, else within the KLL sketch's rank error), the
 *       current shares from counting its values. Missing values, NaN and infinities are left out
 *       on both sides.
 *   <li>A categorical, text or boolean column has one bin per value seen on either side, the
 *       reference's shares from its exact counts ({@link CategoricalProfile#exactCounts()}). If the
 *       reference keeps sketches instead (more distinct values than
 *       {@link dev.mlops.data.profile.ProfileOptions#exactDistinctLimit()}), the bins are its
 *       {@link CategoricalProfile#topK()} values (only those guaranteed frequent, possibly none),
 *       with estimated shares, and one "other" bin for the rest; the message then says the PSI is approximate. Missing values are left out.
 * </ul>
 * A share of 0 makes the logarithm infinite, so, as is common practice, a zero share on either
 * side is replaced by {@value #EPSILON} (the shares are not renormalised). Fewer than two finite
 * values on either side (numeric) or no present value on either side (categories) is no data.
 *
 * @param column the column, in the table and in the reference profile
 * @param bins how many quantile bins a numeric column is cut into, at least 2 (ignored for categories)
 * @param max the largest passing PSI, 0 or more
 * @param severity how serious a failure is
 */
public record PsiCheck(String column, int bins, double max, Severity severity) implements DistributionCheck {
    static final String TYPE = "psi";
    /** The default number of quantile bins of a numeric column: 10 (deciles). */
    public static final int DEFAULT_BINS = 10;
    /** The default largest passing PSI, 0.25: above it the shift is significant by the usual rule. */
    public static final double DEFAULT_MAX = 0.25;
    /** The share that replaces a share of 0 in either distribution. */
    public static final double EPSILON = PopulationStability.EPSILON;

    /**
     * Validates the settings.
     *
     * @param column the column, in the table and in the reference profile
     * @param bins how many quantile bins a numeric column is cut into, at least 2 (ignored for categories)
     * @param max the largest passing PSI, 0 or more
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if the column is blank, {@code bins} is below 2, or
     *     {@code max} is negative or NaN
     */
    public PsiCheck {
        Columns.name(column);
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be at least 2 but was " + bins);
        }
        if (!(max >= 0.0)) {
            throw new IllegalArgumentException("max must be at least 0 but was " + max);
        }
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param largest the largest passing PSI, 0 or more
     * @return this check with that threshold
     * @throws IllegalArgumentException if {@code largest} is negative or NaN
     */
    public PsiCheck withMax(double largest) {
        return new PsiCheck(column, bins, largest, severity);
    }

    /**
     * @param count how many quantile bins a numeric column is cut into, at least 2
     * @return this check with that many bins
     * @throws IllegalArgumentException if {@code count} is below 2
     */
    public PsiCheck withBins(int count) {
        return new PsiCheck(column, count, max, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public PsiCheck withSeverity(Severity newSeverity) {
        return new PsiCheck(column, bins, max, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        Threshold threshold = Threshold.atMost(max);
        Optional<String> why = Distributions.whyNot(this, table, context, column, Kind.NUMERIC, Kind.CATEGORIES);
        if (why.isPresent()) {
            return Results.cannotRun(this, threshold, why.get());
        }
        Column values = table.column(column);
        if (values.type() == ColumnType.NUMERIC) {
            return numeric((NumericColumn) values, (NumericProfile) Distributions.reference(context, column), threshold);
        }
        return categories(values, (CategoricalProfile) Distributions.reference(context, column), threshold);
    }

    private CheckResult numeric(NumericColumn values, NumericProfile reference, Threshold threshold) {
        double[] current = Distributions.finiteValues(values);
        long m = reference.finite();
        if (current.length < 2 || m < 2) {
            return Results.noData(this, threshold, "column '" + ReadableText.name(column) + "' has " + current.length
                    + " finite current and " + m + " finite reference values; the PSI needs at least 2 on each side");
        }
        TwoSampleResult result = PopulationStability.numeric(current, reference, bins);
        double psi = result.statistic();
        int k = result.bins();
        String approximate = result.method() == TestMethod.SKETCH ? "; approximate: the reference's shares come from"
                + " its KLL sketch, within ±" + ReadableText.number(result.referenceError()) + " each" : "";
        return Results.measured(this, psi, threshold, psi, "population stability index of column '" + ReadableText.name(column) + "' over "
                + k + " reference quantile bins" + (k < bins ? " (" + bins + " asked, equal edges merged)" : "")
                + ": PSI = " + ReadableText.number(psi) + ", " + band(psi) + "; " + current.length + " current and "
                + m + " reference values" + approximate + Distributions.leftOut(values, current.length, reference));
    }

    private CheckResult categories(Column values, CategoricalProfile reference, Threshold threshold) {
        SortedMap<String, Long> current = Distributions.counts(values);
        long currentTotal = Distributions.total(current);
        long referenceTotal = reference.count() - reference.missing();
        if (currentTotal == 0 || referenceTotal == 0) {
            return Results.noData(this, threshold, "column '" + ReadableText.name(column) + "' has " + currentTotal + " present current and "
                    + referenceTotal + " present reference values; the PSI needs at least 1 on each side");
        }
        if (reference.noFrequentValue()) {
            return Results.cannotRun(this, threshold, "the reference profile of column '" + ReadableText.name(column) + "' keeps"
                    + " sketches and none of its values is guaranteed frequent, so a PSI over one 'other' bin would be"
                    + " 0 whatever the data; profile the reference with a higher exact distinct limit"
                    + " (--exact-distinct-limit)");
        }
        TwoSampleResult result = PopulationStability.categorical(current, reference);
        double psi = result.statistic();
        int k = result.bins();
        String described = result.method() == TestMethod.SKETCH ? "the reference's " + (k - 1) + " most frequent"
                + " values and one 'other' bin (approximate: the reference keeps sketches, with counts within "
                + reference.frequencyError() + ")" : k + " categor" + (k == 1 ? "y" : "ies");
        long missing = values.missingCount() + reference.missing();
        return Results.measured(this, psi, threshold, psi, "population stability index of column '" + ReadableText.name(column) + "' over "
                + described + ": PSI = " + ReadableText.number(psi) + ", " + band(psi) + "; " + currentTotal
                + " current and " + referenceTotal + " reference values" + (missing > 0 ? "; left out: "
                        + values.missingCount() + " missing current and " + reference.missing()
                        + " missing reference values" : ""));
    }

    private static String band(double psi) {
        if (psi < 0.1) {
            return "no significant shift (below 0.1)";
        }
        if (psi <= 0.25) {
            return "a moderate shift (0.1 to 0.25)";
        }
        return "a significant shift (above 0.25)";
    }

    /** @return the settings that rebuild this check */
    @Override
    public Settings settings() {
        return new Settings(column, bins, max, severity);
    }

    /**
     * The settings of a {@code "psi"} check, as a suite's JSON object and a spec string name them;
     * an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param column the column
     * @param bins the number of quantile bins of a numeric column, at least 2; default 10
     * @param max the largest passing PSI; default 0.25
     * @param severity how serious a failure is; default error
     */
    public record Settings(String column, @Nullable Integer bins, @Nullable Double max, @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param column the column
        * @param bins the number of quantile bins of a numeric column, at least 2; default 10
        * @param max the largest passing PSI; default 0.25
        * @param severity how serious a failure is; default error
        */
        public Settings {
            bins = bins == null ? DEFAULT_BINS : bins;
            max = max == null ? DEFAULT_MAX : max;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class,
                    "a column's population stability index against the reference is at most max");
        }

        @Override
        public PsiCheck create(Settings settings) {
            return new PsiCheck(settings.column(), settings.bins(), settings.max(), settings.severity());
        }
    }
}
