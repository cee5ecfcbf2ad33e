package dev.mlops.deploy.ab;

import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.stat.Moments;
import dev.mlops.deploy.ab.OutcomeLog.MetricKind;
import dev.mlops.deploy.strategy.AbStrategy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The analysis of an A/B test's metric: each treatment arm against the control (the strategy's
 * first arm), higher being better.
 *
 * <pre>{@code
 * AbTest test = AbTest.of(0.02 * 0.02, 10_000);   // tau = 2 points of conversion; 10,000 units per arm planned
 * // decisions from 100 units per arm (DEFAULT_MIN_UNITS_PER_ARM); test.withMinUnitsPerArm(500) waits longer
 * AbReport report = test.analyse(strategy, log, "purchase", clock);
 * System.out.println(report.toText());
 * }</pre>
 *
 * <p><b>Sample-ratio mismatch.</b> The units assigned per arm are tested against the strategy's
 * shares by Pearson's chi-square goodness of fit ({@code scipy.stats.chisquare}); a p-value below
 * {@code srmThreshold} (0.001 by default) flags a mismatch: the assignment or the logging is
 * broken (bots, a redirect that loses units, an arm that crashes), and no effect is trusted.
 *
 * <p><b>Fixed-horizon tests</b>, valid when looked at once, at the planned horizon: for a
 * conversion metric the two-proportion z-test with the pooled standard error and the Wald interval
 * of the difference with the unpooled one; for a value metric Welch's t-test
 * ({@link dev.mlops.data.stat.WelchTTest}) and its Welch–Satterthwaite interval.
 *
 * <p><b>The always-valid test</b> is the mixture sequential probability ratio test (mSPRT) of
 * R. Johari, P. Koomen, L. Pekelis and D. Walsh, "Always Valid Inference: Continuous Monitoring of
 * A/B Tests", Operations Research 70(3), 2022 (arXiv:1512.04922), with the normal mixing
 * distribution {@code N(0, tau2)} over the difference {@code theta = mean_t - mean_c}. With
 * {@code d} the observed difference and {@code v} its variance (for conversions the pooled rate's
 * Bernoulli variance {@code p (1 - p) (1/n_t + 1/n_c)}, the paper's binary case, which is not 0
 * when the arms differ; for values the plug-in {@code s_t^2/n_t + s_c^2/n_c}), the mixture
 * likelihood ratio is
 * <pre>
 *   Lambda_n = sqrt(v / (v + tau2)) * exp(tau2 * d^2 / (2 v (v + tau2)))
 * </pre>
 * (the paper's normal-mixture statistic with {@code v = 2 sigma^2 / n} for {@code n} units per arm),
 * the always-valid p-value is {@code p_n = min(p_(n-1), 1 / Lambda_n)} and the confidence
 * sequence is {@code d +- sqrt(v (v + tau2) / tau2 * (log((v + tau2) / v) - 2 log alpha))}. By
 * Ville's inequality the chance that {@code p_n} ever falls to {@code alpha} under no difference is
 * at most {@code alpha}, however often one looks (asymptotically, with the estimated variance). A
 * variance of 0 (constant arms) is taken as no information: p-value 1, unbounded interval. The
 * always-valid test starts only once both arms have {@code minUnitsPerArm} units (100 by
 * default): before that the variance estimate is too rough for the asymptotics, and the look
 * counts for nothing (p-value and interval stay as carried). Pass the previous look's report to
 * {@link #analyse(AbStrategy, OutcomeLog, String, Clock, AbReport)} to carry the running minimum
 * of the p-value and, as the paper does, the running intersection of the confidence sequence
 * (valid under the same guarantee); a report made without it uses this look alone, which is
 * larger, so still valid. A look whose interval is disjoint from the carried one (under no
 * difference this happens with probability at most {@code alpha}) changes neither, so the p-value
 * is at most alpha exactly when the carried interval excludes 0. {@code tau2} is the squared size
 * of the effects one expects (in the metric's units): near it, the test is most powerful.
 *
 * <p><b>Decision</b>, per treatment, with {@code alpha} split evenly among the treatments
 * (Bonferroni) when there are several:
 * <ol>
 *   <li>{@link AbReport.Decision#SAMPLE_RATIO_MISMATCH} if the mismatch check fails;</li>
 *   <li>else {@link AbReport.Decision#KEEP_RUNNING} while an arm has fewer than
 *       {@code minUnitsPerArm} units (with fewer than 2 the statistics are NaN);</li>
 *   <li>else {@link AbReport.Decision#TREATMENT_BETTER} when the carried always-valid interval
 *       lies above 0, {@link AbReport.Decision#CONTROL_BETTER} when it lies below 0 (then the
 *       always-valid p-value is at most alpha), so a report never names a winner its own interval
 *       does not support;</li>
 *   <li>else {@link AbReport.Decision#NO_DIFFERENCE} when both arms reached
 *       {@code plannedUnitsPerArm} units: the planned horizon passed without a difference (the
 *       interval says how large an effect is still possible);</li>
 *   <li>else {@link AbReport.Decision#KEEP_RUNNING}.</li>
 * </ol>
 * The sample-ratio check does not wait for the minimum: an arm that loses units may never reach it.
 * The decision never reads the fixed-horizon p-value, so it may be looked at daily.
 *
 * @param alpha the level of the tests and the intervals' miss rate, in (0, 1)
 * @param srmThreshold the p-value below which a sample-ratio mismatch is flagged, in (0, 1)
 * @param mixingVariance the mSPRT's {@code tau2}, positive, in the metric's units squared
 * @param plannedUnitsPerArm the planned horizon, units per arm, at least 2
 * @param minUnitsPerArm the units each arm needs before the always-valid test starts and any
 *     decision but keep-running or a sample-ratio mismatch is made, at least 2
 */
public record AbTest(double alpha, double srmThreshold, double mixingVariance, long plannedUnitsPerArm,
        long minUnitsPerArm) {
    /** The default level. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** The default sample-ratio-mismatch threshold. */
    public static final double DEFAULT_SRM_THRESHOLD = 0.001;
    /** The default minimum of units per arm before a decision. */
    public static final long DEFAULT_MIN_UNITS_PER_ARM = 100;

    /**
     * Checks the settings.
     *
     * @param alpha in (0, 1)
     * @param srmThreshold in (0, 1)
     * @param mixingVariance positive and finite
     * @param plannedUnitsPerArm at least 2
     * @param minUnitsPerArm at least 2
     * @throws IllegalArgumentException naming the setting and its value
     */
    public AbTest {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) but was " + alpha);
        }
        if (!(srmThreshold > 0 && srmThreshold < 1)) {
            throw new IllegalArgumentException("srmThreshold must be in (0, 1) but was " + srmThreshold);
        }
        if (!(mixingVariance > 0 && mixingVariance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("mixingVariance (tau^2) must be positive and finite but was "
                    + mixingVariance);
        }
        if (plannedUnitsPerArm < 2) {
            throw new IllegalArgumentException("plannedUnitsPerArm must be at least 2 but was " + plannedUnitsPerArm);
        }
        if (minUnitsPerArm < 2) {
            throw new IllegalArgumentException("minUnitsPerArm must be at least 2 but was " + minUnitsPerArm);
        }
    }

    /**
     * A test at level 0.05 with the mismatch threshold 0.001, deciding from 100 units per arm.
     *
     * @param mixingVariance the mSPRT's {@code tau2}
     * @param plannedUnitsPerArm the planned horizon, units per arm
     * @return the test
     */
    public static AbTest of(double mixingVariance, long plannedUnitsPerArm) {
        return new AbTest(DEFAULT_ALPHA, DEFAULT_SRM_THRESHOLD, mixingVariance, plannedUnitsPerArm,
                DEFAULT_MIN_UNITS_PER_ARM);
    }

    /**
     * The same test at another level.
     *
     * @param level the new alpha
     * @return the test
     */
    public AbTest withAlpha(double level) {
        return new AbTest(level, srmThreshold, mixingVariance, plannedUnitsPerArm, minUnitsPerArm);
    }

    /**
     * The same test with another mismatch threshold.
     *
     * @param threshold the new threshold
     * @return the test
     */
    public AbTest withSrmThreshold(double threshold) {
        return new AbTest(alpha, threshold, mixingVariance, plannedUnitsPerArm, minUnitsPerArm);
    }

    /**
     * The same test with another minimum of units per arm before a decision.
     *
     * @param units the new minimum, at least 2
     * @return the test
     */
    public AbTest withMinUnitsPerArm(long units) {
        return new AbTest(alpha, srmThreshold, mixingVariance, plannedUnitsPerArm, units);
    }

    /**
     * Analyses a metric at this look.
     *
     * @param strategy the experiment's plan: its arms, the control first, and their shares
     * @param log the experiment's log
     * @param metric the metric, with at least one outcome logged
     * @param clock stamps the report
     * @return the report
     * @throws IllegalArgumentException if the metric has no outcome, or the log has a unit in an
     *     arm the strategy lacks; the message names it
     */
    public AbReport analyse(AbStrategy strategy, OutcomeLog log, String metric, Clock clock) {
        return analyse(strategy, log, metric, clock, null);
    }

    /**
     * Analyses a metric at this look, carrying the running minimum of the always-valid p-value
     * and the running intersection of its confidence sequence from the previous look's report.
     *
     * @param strategy the experiment's plan
     * @param log the experiment's log
     * @param metric the metric, with at least one outcome logged
     * @param clock stamps the report
     * @param previous the previous look's report on the same experiment and metric, or null
     * @return the report
     * @throws IllegalArgumentException as {@link #analyse(AbStrategy, OutcomeLog, String, Clock)},
     *     or if the previous report is of another experiment or metric
     */
    public AbReport analyse(AbStrategy strategy, OutcomeLog log, String metric, Clock clock,
            @Nullable AbReport previous) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(clock, "clock");
        String experiment = strategy.settings().salt();
        if (previous != null && !(previous.experiment().equals(experiment) && previous.metric().equals(metric))) {
            throw new IllegalArgumentException("the previous report is of experiment '" + previous.experiment()
                    + "', metric '" + previous.metric() + "', not experiment '" + experiment + "', metric '" + metric
                    + "'");
        }
        MetricKind kind = log.kind(metric).orElseThrow(() -> new IllegalArgumentException("metric '" + metric
                + "' has no outcome in the log; the metrics with outcomes are " + log.metrics()));
        List<String> arms = strategy.variants();
        for (String arm : log.assignments().keySet()) {
            if (!arms.contains(arm)) {
                throw new IllegalArgumentException("the log has units in arm '" + arm + "', which experiment '"
                        + experiment + "' does not have (its arms: " + String.join(", ", arms) + ")");
            }
        }
        double[][] outcomes = log.outcomes(metric, arms);
        Map<String, Double> shares = strategy.shares();
        long[] units = new long[arms.size()];
        double[] share = new double[arms.size()];
        List<AbReport.Arm> rows = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Arrays.sort(outcomes[i]);
            units[i] = outcomes[i].length;
            share[i] = shares.get(arms.get(i));
            double sum = 0;
            for (double x : outcomes[i]) {
                sum += x;
            }
            rows.add(new AbReport.Arm(arms.get(i), share[i], units[i], sum, units[i] == 0 ? Double.NaN : sum / units[i]));
        }
        double[] fit = AbStatistics.goodnessOfFit(units, share);
        AbReport.Srm srm = new AbReport.Srm(fit[0], fit[1], srmThreshold, fit[1] < srmThreshold);
        double level = alpha / (arms.size() - 1);
        List<AbReport.Comparison> comparisons = new ArrayList<>();
        for (int i = 1; i < arms.size(); i++) {
            AbReport.Comparison before = previous == null ? null : previous.comparison(arms.get(i));
            comparisons.add(compare(kind, rows.get(i), rows.get(0), outcomes[i], outcomes[0], level, srm.mismatch(),
                    before));
        }
        ReportHeader header = new ReportHeader(AbReport.KIND, AbReport.FORMAT_VERSION, clock.instant(),
                fingerprint(arms, outcomes));
        return new AbReport(header, experiment, metric, kind, alpha, mixingVariance, plannedUnitsPerArm,
                minUnitsPerArm, rows, srm, comparisons);
    }

    private AbReport.Comparison compare(MetricKind kind, AbReport.Arm treatment, AbReport.Arm control,
            double[] treated, double[] controls, double level, boolean mismatch,
            AbReport.@Nullable Comparison before) {
        double p = before == null ? 1.0 : before.alwaysValidP();
        double lower = before == null ? Double.NEGATIVE_INFINITY : before.alwaysValidLower();
        double upper = before == null ? Double.POSITIVE_INFINITY : before.alwaysValidUpper();
        if (treatment.units() < 2 || control.units() < 2) {
            return new AbReport.Comparison(treatment.name(), control.name(), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, p, lower, upper,
                    mismatch ? AbReport.Decision.SAMPLE_RATIO_MISMATCH : AbReport.Decision.KEEP_RUNNING);
        }
        double difference = treatment.mean() - control.mean();
        AbStatistics.Fixed fixed;
        double variance;
        if (kind == MetricKind.CONVERSION) {
            long convertedT = Math.round(treatment.outcomes());
            long convertedC = Math.round(control.outcomes());
            fixed = AbStatistics.twoProportions(convertedT, treatment.units(), convertedC, control.units(), level);
            variance = AbStatistics.pooledProportionVariance(convertedT, treatment.units(), convertedC,
                    control.units());
        } else {
            Moments t = Moments.of(treated);
            Moments c = Moments.of(controls);
            fixed = AbStatistics.welch(t, c, level);
            variance = t.variance() / t.count() + c.variance() / c.count();
        }
        boolean started = Math.min(treatment.units(), control.units()) >= minUnitsPerArm;
        if (started) {
            AbStatistics.Sequential sequential = AbStatistics.msprt(difference, variance, mixingVariance, level);
            double newLower = Math.max(lower, sequential.lower());
            double newUpper = Math.min(upper, sequential.upper());
            if (newLower <= newUpper) {
                p = Math.min(p, sequential.pValue());
                lower = newLower;
                upper = newUpper;
            }
        }
        AbReport.Decision decision;
        if (mismatch) {
            decision = AbReport.Decision.SAMPLE_RATIO_MISMATCH;
        } else if (!started) {
            decision = AbReport.Decision.KEEP_RUNNING;
        } else if (lower > 0) {
            decision = AbReport.Decision.TREATMENT_BETTER;
        } else if (upper < 0) {
            decision = AbReport.Decision.CONTROL_BETTER;
        } else if (Math.min(treatment.units(), control.units()) >= plannedUnitsPerArm) {
            decision = AbReport.Decision.NO_DIFFERENCE;
        } else {
            decision = AbReport.Decision.KEEP_RUNNING;
        }
        return new AbReport.Comparison(treatment.name(), control.name(), difference,
                control.mean() == 0 ? Double.NaN : difference / control.mean(), fixed.lower(), fixed.upper(),
                fixed.statistic(), fixed.pValue(), p, lower, upper, decision);
    }

    /** The fingerprint of the table of (arm, outcome) rows analysed, arms in order, outcomes sorted. */
    private static Fingerprint fingerprint(List<String> arms, double[][] outcomes) {
        int rows = 0;
        for (double[] arm : outcomes) {
            rows += arm.length;
        }
        String[] names = new String[rows];
        double[] values = new double[rows];
        int row = 0;
        for (int i = 0; i < outcomes.length; i++) {
            for (double value : outcomes[i]) {
                names[row] = arms.get(i);
                values[row++] = value;
            }
        }
        return Fingerprint.of(Table.of(CategoricalColumn.of("arm", names), NumericColumn.of("outcome", values)));
    }
}
