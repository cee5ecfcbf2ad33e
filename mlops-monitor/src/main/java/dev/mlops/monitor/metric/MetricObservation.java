package dev.mlops.monitor.metric;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One value of a metric series at a time: for example the KS statistic of feature {@code age}
 * in the window that ended at 10:00, or the accuracy of variant {@code blue} over yesterday's
 * labelled predictions. Immutable and thread-safe.
 *
 * <pre>{@code
 * MetricObservation o = MetricObservation.of(MetricNames.DRIFT_STATISTIC, windowEnd, 0.31,
 *         MetricNames.FEATURE, "age", MetricNames.DETECTOR, "ks");
 * evaluator.accept(o);
 * }</pre>
 *
 * <p>The name and tags follow the naming rules of {@link MetricId}. The time is the end of the
 * window the value describes (an {@link Instant}, UTC). The value may be any {@code double}:
 * an infinite value (a shift from a constant reference) or {@code NaN} (a statistic that could
 * not be computed) is kept; an alarm rule's comparison is false for {@code NaN}, and a change
 * detector skips non-finite values.
 *
 * @param id the series: name and tags
 * @param time the end of the window the value describes
 * @param value the value, in the units its name documents
 */
public record MetricObservation(MetricId id, Instant time, double value) {

    /**
     * Checks that the id and time are present.
     *
     * @param id the series: name and tags
     * @param time the end of the window the value describes
     * @param value the value
     */
    public MetricObservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }

    /**
     * @param name the metric name, such as {@link MetricNames#DRIFT_STATISTIC}
     * @param time the end of the window the value describes
     * @param value the value
     * @param keysAndValues tag keys and values, alternating
     * @return the observation
     * @throws IllegalArgumentException if the name or tags break the naming rules of {@link MetricId}
     */
    public static MetricObservation of(String name, Instant time, double value, String... keysAndValues) {
        return new MetricObservation(MetricId.of(name, keysAndValues), time, value);
    }

    /** @return the metric name */
    public String name() {
        return id.name();
    }

    /** @return the tags, sorted by key, unmodifiable */
    public Map<String, String> tags() {
        return id.tags();
    }
}
