package dev.mlops.monitor.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One model-quality metric over time, such as accuracy or RMSE per window, with the value the
 * model had on its training or test data to compare with.
 *
 * @param metric the metric's name, such as {@code "accuracy"} or {@code "rmse"}
 * @param baseline the metric at training time, drawn as a dashed line; empty if unknown
 * @param points the windows in time order, unmodifiable; may be empty
 */
public record QualitySeries(String metric, OptionalDouble baseline, List<Point> points) {

    /**
     * Validates the series and copies its points.
     *
     * @param metric the metric's name
     * @param baseline the metric at training time, a finite number; empty if unknown
     * @param points the windows in time order
     * @throws IllegalArgumentException if the name is blank, the baseline not finite or the times
     *     do not increase; the message names the metric and the point
     */
    public QualitySeries {
        Checks.notBlank("metric", metric);
        Objects.requireNonNull(baseline, "baseline");
        if (baseline.isPresent()) {
            Checks.finite("baseline of metric '" + metric + "'", baseline.getAsDouble());
        }
        points = Checks.increasing("metric '" + metric + "'", points, Point::time);
    }

    /**
     * One window of a quality series.
     *
     * @param time when the window ends (or another instant that stands for it)
     * @param value the metric in the window; NaN when the window had no labelled rows
     */
    public record Point(Instant time, double value) {

        /**
         * Checks that the time is there.
         *
         * @param time when the window ends
         * @param value the metric in the window
         */
        public Point {
            Objects.requireNonNull(time, "time");
        }
    }
}
