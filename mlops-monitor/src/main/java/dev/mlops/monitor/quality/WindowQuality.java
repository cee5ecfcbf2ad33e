package dev.mlops.monitor.quality;

import dev.mlops.monitor.window.WindowProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's quality in one window of captured predictions.
 *
 * <p>The predictions of a window add up: {@code predictions = missingPredictions + labelled +
 * pending + unlabelled + badLabels}. Metrics are measured over the labelled ones only; a window
 * without any has no metrics (and no comparisons), which says that nothing could be measured.
 *
 * @param index the window's index
 * @param start where the window starts
 * @param end where it ends
 * @param predictions the records of the stage in the window
 * @param missingPredictions records whose prediction is absent, masked or of the wrong type
 * @param labelled predictions whose label has arrived (by the monitor's "as of" time)
 * @param pending predictions whose label arrived after the "as of" time: not yet known then
 * @param unlabelled predictions without a label
 * @param badLabels predictions whose label the task cannot read (not a number for regression)
 * @param modelAge the window's start minus the model's training time, if that was given
 * @param medianLabelDelay the median time from prediction to label arrival, over labelled
 *     predictions whose label has an arrival time
 * @param maxLabelDelay the longest such delay
 * @param metrics the metrics by name, in a fixed order; empty without labelled predictions
 * @param comparisons each metric that has a training value, set against it
 * @param classification a classifier's details, for a classification monitor with labelled predictions
 * @param regression a regression model's details, for a regression monitor with labelled predictions
 * @param problems the predictions that could not be read, named with their inference id
 */
public record WindowQuality(long index, Instant start, Instant end, long predictions, long missingPredictions,
        long labelled, long pending, long unlabelled, long badLabels, Optional<Duration> modelAge,
        Optional<Duration> medianLabelDelay, Optional<Duration> maxLabelDelay, Map<String, Double> metrics,
        List<MetricComparison> comparisons, Optional<ClassificationQuality> classification,
        Optional<RegressionQuality> regression, List<WindowProblem> problems) {

    /**
     * Keeps unmodifiable copies.
     *
     * @param index the window's index
     * @param start the start
     * @param end the end
     * @param predictions the predictions
     * @param missingPredictions the unreadable predictions
     * @param labelled the labelled predictions
     * @param pending the predictions whose label came too late
     * @param unlabelled the predictions without a label
     * @param badLabels the predictions with an unreadable label
     * @param modelAge the model's age
     * @param medianLabelDelay the median label delay
     * @param maxLabelDelay the longest label delay
     * @param metrics the metrics
     * @param comparisons the comparisons
     * @param classification the classification details
     * @param regression the regression details
     * @param problems the unreadable predictions, named
     */
    public WindowQuality {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(modelAge, "modelAge");
        Objects.requireNonNull(medianLabelDelay, "medianLabelDelay");
        Objects.requireNonNull(maxLabelDelay, "maxLabelDelay");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(regression, "regression");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        comparisons = List.copyOf(comparisons);
        problems = List.copyOf(problems);
    }

    /**
     * Returns a metric's value in this window.
     *
     * @param metric the metric's name
     * @return its value, if the window measured it
     */
    public Optional<Double> metric(String metric) {
        return Optional.ofNullable(metrics.get(metric));
    }

    /** @return true if a metric is worse than its training value beyond the tolerance */
    public boolean worse() {
        return comparisons.stream().anyMatch(MetricComparison::worse);
    }
}
