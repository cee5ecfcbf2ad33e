package dev.mlops.monitor.alarm;

import dev.mlops.core.report.Severity;
import dev.mlops.monitor.metric.MetricFilter;

/**
 * A rule that raises and clears alarms on the series a {@link MetricFilter} selects, each series
 * on its own: a rule on {@code drift.statistic{feature=age}} keeps one state for
 * {@code detector=ks} and another for {@code detector=psi}. Two kinds: {@link ThresholdRule}
 * and {@link ChangeRule}. Rules are immutable records.
 */
public sealed interface AlarmRule permits ThresholdRule, ChangeRule {

    /** @return the rule's name, unique within an evaluator, such as {@code age-drift} */
    String name();

    /** @return which observations the rule watches */
    MetricFilter filter();

    /** @return how serious the alarm is */
    Severity severity();
}
