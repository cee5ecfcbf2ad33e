package dev.mlops.monitor.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A feature's drift statistic over time: one point per window of current data, with the
 * threshold and each window's verdict.
 *
 * @param feature the feature's name
 * @param statistic the statistic's name, such as {@code "psi"} or {@code "p-value"}
 * @param threshold the threshold, drawn as a dashed line
 * @param points the windows in time order, unmodifiable; may be empty
 */
public record Timeline(String feature, String statistic, double threshold, List<Point> points) {

    /**
     * Validates the timeline and copies its points.
     *
     * @param feature the feature's name
     * @param statistic the statistic's name
     * @param threshold the threshold, a finite number
     * @param points the windows in time order
     * @throws IllegalArgumentException if a name is blank, the threshold not finite or the times
     *     do not increase; the message names the feature and the point
     */
    public Timeline {
        Checks.notBlank("feature", feature);
        Checks.notBlank("statistic", statistic);
        Checks.finite("threshold of timeline '" + feature + "'", threshold);
        points = Checks.increasing("timeline '" + feature + "'", points, Point::time);
    }

    /**
     * One window of a timeline.
     *
     * @param time when the window ends (or another instant that stands for it)
     * @param value the statistic in the window; NaN when it could not be computed
     * @param verdict the window's verdict
     */
    public record Point(Instant time, double value, Verdict verdict) {

        /**
         * Checks that nothing is null.
         *
         * @param time when the window ends
         * @param value the statistic in the window
         * @param verdict the window's verdict
         */
        public Point {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(verdict, "verdict");
        }
    }
}
