package dev.mlops.monitor.alarm;

import dev.mlops.core.report.Severity;
import dev.mlops.monitor.change.ChangeDetector;
import dev.mlops.monitor.change.ChangeDetectors;
import dev.mlops.monitor.metric.MetricFilter;
import java.util.Objects;

/**
 * Fires when a change detector, run on each selected series, detects a change of level; clears
 * after a number of windows without a new detection. The raised event carries the
 * {@link dev.mlops.monitor.change.Change} (change point, direction, estimated shift). Immutable;
 * the {@code with...} methods return changed copies.
 *
 * <pre>{@code
 * ChangeRule rule = ChangeRule.of("ks-level", MetricFilter.of("drift.statistic", "detector", "ks"))
 *         .withDetector(ChangeDetectors.cusum())
 *         .withSeverity(Severity.ERROR);
 * }</pre>
 *
 * @param name the rule's name
 * @param filter which observations the rule watches
 * @param detector the change detector; each series gets its own tracker
 * @param severity how serious the alarm is
 * @param clearAfter how many windows without a new detection clear the alarm, at least 1
 */
public record ChangeRule(String name, MetricFilter filter, ChangeDetector detector, Severity severity, int clearAfter)
        implements AlarmRule {

    /** The default number of quiet windows that clear a change alarm: {@value}. */
    public static final int DEFAULT_CLEAR_AFTER = 10;

    /**
     * Checks the rule.
     *
     * @param name the rule's name, not blank
     * @param filter which observations the rule watches
     * @param detector the change detector
     * @param severity how serious the alarm is
     * @param clearAfter quiet windows that clear the alarm, at least 1
     * @throws IllegalArgumentException if the name is blank or clearAfter is below 1; the message
     *     names the rule and the value
     */
    public ChangeRule {
        Names.rule(name);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(severity, "severity");
        Names.positive("clearAfter", name, clearAfter);
    }

    /**
     * @param name the rule's name
     * @param filter which observations the rule watches
     * @return a rule with the default Page–Hinkley detector, severity warning, clearing after
     *     {@value #DEFAULT_CLEAR_AFTER} quiet windows
     */
    public static ChangeRule of(String name, MetricFilter filter) {
        return new ChangeRule(name, filter, ChangeDetectors.pageHinkley(), Severity.WARNING, DEFAULT_CLEAR_AFTER);
    }

    /**
     * @param changeDetector the detector to run on each series
     * @return this rule with that detector
     */
    public ChangeRule withDetector(ChangeDetector changeDetector) {
        return new ChangeRule(name, filter, changeDetector, severity, clearAfter);
    }

    /**
     * @param level how serious the alarm is
     * @return this rule with that severity
     */
    public ChangeRule withSeverity(Severity level) {
        return new ChangeRule(name, filter, detector, level, clearAfter);
    }

    /**
     * @param windows quiet windows that clear the alarm, at least 1
     * @return this rule with that number
     */
    public ChangeRule withClearAfter(int windows) {
        return new ChangeRule(name, filter, detector, severity, windows);
    }
}
