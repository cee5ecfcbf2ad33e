package dev.mlops.monitor.alarm;

import dev.mlops.core.report.Severity;
import dev.mlops.monitor.change.Change;
import dev.mlops.monitor.metric.MetricId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An alarm raised or cleared by an {@link AlarmEvaluator}. Immutable and thread-safe.
 *
 * @param kind raised or cleared
 * @param rule the rule's name
 * @param severity the rule's severity
 * @param metric the series: metric name and tags
 * @param value the value of the observation that raised or cleared the alarm
 * @param threshold a threshold rule's threshold, in the metric's units; for a change rule the
 *     detector's threshold, in units of the series' standard deviation
 * @param time the time of that observation
 * @param windows how many consecutive windows the condition had held (a threshold rule's run,
 *     0 when it cleared); for a change rule, how many windows passed since the last detection
 * @param change for a change rule's raised event, the change detected; empty otherwise
 */
public record AlarmEvent(Kind kind, String rule, Severity severity, MetricId metric, double value, double threshold,
        Instant time, int windows, Optional<Change> change) {

    /** What happened to the alarm. */
    public enum Kind {
        /** The alarm fired. */
        RAISED,
        /** The alarm's condition stopped. */
        CLEARED
    }

    /**
     * Checks that every part is present.
     *
     * @param kind raised or cleared
     * @param rule the rule's name
     * @param severity the rule's severity
     * @param metric the series
     * @param value the observation's value
     * @param threshold the rule's threshold
     * @param time the observation's time
     * @param windows the run length or windows since detection
     * @param change the change detected, if a change rule raised this
     */
    public AlarmEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(change, "change");
    }

    /** @return true if the alarm was raised */
    public boolean raised() {
        return kind == Kind.RAISED;
    }

    /**
     * @return one line for a log or a chat message, such as
     *     {@code alarm 'age-drift' raised (error): drift.statistic{feature=age}=0.31 vs threshold 0.2 at 2026-12-07T10:00:00Z}
     */
    public String message() {
        String what = change.map(c -> ", change " + c.direction().name().toLowerCase(Locale.ROOT) + " from index "
                + c.changeIndex() + " (" + c.changeTime() + ")").orElse("");
        return "alarm '" + rule + "' " + kind.name().toLowerCase(Locale.ROOT) + " (" + severity.label() + "): "
                + metric + "=" + value + " vs threshold " + threshold + what + " at " + time;
    }
}
