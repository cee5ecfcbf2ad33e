package dev.mlops.monitor.change;

import java.time.Instant;
import java.util.Optional;

/**
 * Follows one metric series, fed one value at a time, and reports each change of level it
 * detects. Started by {@link ChangeDetector#start()}.
 *
 * <pre>{@code
 * ChangeTracker tracker = ChangeDetectors.pageHinkley().start();
 * for (MetricObservation o : series) {
 *     tracker.add(o.time(), o.value()).ifPresent(change -> log.warn("{} changed: {}", o.id(), change));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one tracker per series, fed from one thread or under the caller's lock.
 */
public interface ChangeTracker {

    /**
     * Takes the next value of the series. A non-finite value ({@code NaN}, an infinity) is
     * skipped: it takes an index but changes nothing, and {@link #skipped()} counts it.
     *
     * @param time the value's time, such as the end of its window
     * @param value the value
     * @return the change detected at this value, if any; after a detection the tracker starts
     *     afresh from the next value (and warms up again where it estimates its parameters)
     */
    Optional<Change> add(Instant time, double value);

    /** @return how many values were added, skipped ones included: the index the next value gets */
    long count();

    /** @return how many non-finite values were skipped */
    long skipped();
}
