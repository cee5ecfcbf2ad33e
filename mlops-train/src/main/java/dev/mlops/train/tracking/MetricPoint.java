package dev.mlops.train.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged value of a metric: its key, value, step and the time it was logged. NaN and the
 * infinities are kept as they are (a diverged loss is a result too).
 *
 * @param key the metric's key (see {@link TrackingStore} for the key rules)
 * @param value the value
 * @param step the step it belongs to (an epoch, an iteration; 0 when there is only one), not negative
 * @param timestamp when it was logged, kept to the millisecond
 */
public record MetricPoint(String key, double value, long step, Instant timestamp) {
    /**
     * Checks the point.
     *
     * @param key the metric's key
     * @param value the value
     * @param step not negative
     * @param timestamp when it was logged
     * @throws IllegalArgumentException if the key is malformed or the step negative
     */
    public MetricPoint {
        Keys.check("metric", key);
        Objects.requireNonNull(timestamp, "timestamp");
        if (step < 0) {
            throw new IllegalArgumentException("metric '" + key + "': step must not be negative but was " + step);
        }
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
    }
}
