package dev.mlops.monitor.alarm;

import dev.mlops.core.report.Severity;
import dev.mlops.monitor.metric.MetricFilter;
import java.util.Objects;

/**
 * Fires when a series is above (or below) a threshold for a number of consecutive windows
 * (observations), and clears at the first window where it no longer is. An observation whose
 * value is {@code NaN} (a statistic that could not be computed) is ignored: it neither continues
 * nor breaks a run. Immutable; the {@code with...} methods return changed copies.
 *
 * <pre>{@code
 * ThresholdRule rule = ThresholdRule.above("age-drift", MetricFilter.of("drift.statistic", "feature", "age"), 0.2)
 *         .withWindows(3)
 *         .withSeverity(Severity.ERROR);
 * }</pre>
 *
 * @param name the rule's name
 * @param filter which observations the rule watches
 * @param comparison above or below
 * @param threshold the threshold, in the metric's units; finite
 * @param windows how many consecutive windows the condition must hold before the alarm fires, at least 1
 * @param severity how serious the alarm is
 */
public record ThresholdRule(String name, MetricFilter filter, Comparison comparison, double threshold, int windows,
        Severity severity) implements AlarmRule {

    /** Which side of the threshold raises the alarm. */
    public enum Comparison {
        /** The value is strictly greater than the threshold. */
        ABOVE,
        /** The value is strictly less than the threshold. */
        BELOW;

        /**
         * @param value a value
         * @param threshold the threshold
         * @return true if the value is on this side of the threshold; false for {@code NaN}
         */
        public boolean test(double value, double threshold) {
            return this == ABOVE ? value > threshold : value < threshold;
        }
    }

    /**
     * Checks the rule.
     *
     * @param name the rule's name, not blank
     * @param filter which observations the rule watches
     * @param comparison above or below
     * @param threshold the threshold, finite
     * @param windows consecutive windows before firing, at least 1
     * @param severity how serious the alarm is
     * @throws IllegalArgumentException if the name is blank, the threshold is not finite or
     *     windows is below 1; the message names the rule and the value
     */
    public ThresholdRule {
        Names.rule(name);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(severity, "severity");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold of alarm rule '" + name + "' must be finite but was "
                    + threshold);
        }
        Names.positive("windows", name, windows);
    }

    /**
     * @param name the rule's name
     * @param filter which observations the rule watches
     * @param threshold the threshold the value must exceed
     * @return a rule that fires at the first window above the threshold, severity warning
     */
    public static ThresholdRule above(String name, MetricFilter filter, double threshold) {
        return new ThresholdRule(name, filter, Comparison.ABOVE, threshold, 1, Severity.WARNING);
    }

    /**
     * @param name the rule's name
     * @param filter which observations the rule watches
     * @param threshold the threshold the value must fall under
     * @return a rule that fires at the first window below the threshold, severity warning
     */
    public static ThresholdRule below(String name, MetricFilter filter, double threshold) {
        return new ThresholdRule(name, filter, Comparison.BELOW, threshold, 1, Severity.WARNING);
    }

    /**
     * @param count how many consecutive windows the condition must hold, at least 1
     * @return this rule with that count
     */
    public ThresholdRule withWindows(int count) {
        return new ThresholdRule(name, filter, comparison, threshold, count, severity);
    }

    /**
     * @param level how serious the alarm is
     * @return this rule with that severity
     */
    public ThresholdRule withSeverity(Severity level) {
        return new ThresholdRule(name, filter, comparison, threshold, windows, level);
    }
}
