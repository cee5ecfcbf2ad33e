/**
 * Alarms on metric series: rules, an evaluator and the sinks that hear about alarms.
 *
 * <p>An {@link dev.mlops.monitor.alarm.AlarmRule} watches the observations that a
 * {@link dev.mlops.monitor.metric.MetricFilter} selects: a
 * {@link dev.mlops.monitor.alarm.ThresholdRule} fires after N consecutive windows above (or
 * below) a threshold and clears when the condition stops; a {@link dev.mlops.monitor.alarm.ChangeRule}
 * fires when a {@link dev.mlops.monitor.change.ChangeDetector} detects a change of level. The
 * {@link dev.mlops.monitor.alarm.AlarmEvaluator}, fed observations from any thread, keeps each
 * rule's {@link dev.mlops.monitor.alarm.AlarmState} per series and sends each
 * {@link dev.mlops.monitor.alarm.AlarmEvent} (raised or cleared) to its
 * {@link dev.mlops.monitor.alarm.AlarmSink}s: slf4j by default ({@link dev.mlops.monitor.alarm.AlarmSinks#logging()}),
 * a callback for code that must react, such as a canary deployment that rolls back when an
 * error-severity alarm is raised ({@link dev.mlops.monitor.alarm.AlarmSinks#onRaised(dev.mlops.core.report.Severity, java.util.function.Consumer)}).
 */
@NullMarked
package dev.mlops.monitor.alarm;

import org.jspecify.annotations.NullMarked;
