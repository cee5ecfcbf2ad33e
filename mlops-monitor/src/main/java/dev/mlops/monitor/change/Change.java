package dev.mlops.monitor.change;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of level that a {@link ChangeTracker} detected. Immutable and thread-safe.
 *
 * <p>Indices count every value fed to the tracker since it started, from 0, skipped non-finite
 * values included, so they point into the caller's own series. The change point is the first
 * value of the run that made the statistic cross its threshold (for CUSUM, the value after the
 * cumulative sum last stood at zero; for Page–Hinkley, the value after the cumulative deviation
 * had its extreme): the standard estimate of when the change began.
 *
 * @param detector the detector's type name, such as {@code "page-hinkley"}
 * @param direction which way the level changed
 * @param changeIndex the estimated index of the first changed value
 * @param changeTime the time of that value
 * @param detectionIndex the index of the value at which the change was detected
 * @param detectionTime the time of that value
 * @param statistic the detector's statistic at detection, in units of {@code sigma}
 * @param threshold the threshold it crossed, in units of {@code sigma}
 * @param mean the in-control level the change departs from (the target, or the mean of the
 *     warm-up values), in the series' units
 * @param sigma the in-control standard deviation used as the unit, in the series' units
 * @param shift the estimated size of the change (mean of the changed run minus the in-control
 *     level, signed), in the series' units
 */
public record Change(String detector, Direction direction, long changeIndex, Instant changeTime, long detectionIndex,
        Instant detectionTime, double statistic, double threshold, double mean, double sigma, double shift) {

    /**
     * Checks the indices.
     *
     * @param detector the detector's type name
     * @param direction which way the level changed
     * @param changeIndex the estimated index of the first changed value
     * @param changeTime the time of that value
     * @param detectionIndex the index of the value at which the change was detected
     * @param detectionTime the time of that value
     * @param statistic the statistic at detection
     * @param threshold the threshold it crossed
     * @param mean the in-control level
     * @param sigma the in-control standard deviation
     * @param shift the estimated size of the change
     * @throws IllegalArgumentException if an index is negative or the change point follows the detection
     */
    public Change {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(changeTime, "changeTime");
        Objects.requireNonNull(detectionTime, "detectionTime");
        if (changeIndex < 0 || changeIndex > detectionIndex) {
            throw new IllegalArgumentException("changeIndex must be in [0, detectionIndex " + detectionIndex
                    + "] but was " + changeIndex);
        }
    }

    /** @return how many values after the change point the detection came: {@code detectionIndex - changeIndex} */
    public long delay() {
        return detectionIndex - changeIndex;
    }
}
