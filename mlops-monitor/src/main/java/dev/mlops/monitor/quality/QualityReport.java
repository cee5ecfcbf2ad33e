package dev.mlops.monitor.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.window.WindowProblem;
import dev.mlops.monitor.window.WindowRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's quality over windows of captured predictions, in the report envelope every mlops-java
 * report shares ({@link ReportHeader}; the fingerprint is the ground truth's,
 * {@link GroundTruth#table()}). Immutable.
 *
 * <p>{@link #toJson()} writes the envelope, the settings, what happened to the labels and the
 * capture, each window's counts, metrics, comparisons and details, and the findings: one per
 * metric of a window worse than its training value beyond the tolerance, at
 * {@linkplain Severity#WARNING warning} severity, with the measured value and the threshold.
 *
 * @param header kind {@value #KIND}, format version, creation time, the ground truth's fingerprint
 * @param task classification or regression
 * @param stage the stage whose records hold the predictions
 * @param predictionField the output field holding the prediction
 * @param windowing how the predictions were cut into windows, as {@link dev.mlops.monitor.window.Windowing#toString()}
 * @param trainedAt when the model was trained, if given
 * @param asOf the time labels had to arrive by, if given
 * @param training the training metrics given, by name
 * @param windows each window's quality, oldest first
 * @param labels what happened to the ground truth
 * @param capture what reading and windowing the capture found
 */
public record QualityReport(ReportHeader header, QualityMonitor.Task task, CaptureStage stage,
        String predictionField, String windowing, Optional<Instant> trainedAt, Optional<Instant> asOf,
        Map<String, Double> training, List<WindowQuality> windows, LabelSummary labels, WindowRun capture) {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "quality-report";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Keeps unmodifiable copies.
     *
     * @param header the envelope
     * @param task the task
     * @param stage the stage
     * @param predictionField the prediction's field
     * @param windowing the windowing
     * @param trainedAt the training time
     * @param asOf the "as of" time
     * @param training the training metrics
     * @param windows the windows' quality
     * @param labels the labels' summary
     * @param capture the capture's summary
     */
    public QualityReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(predictionField, "predictionField");
        Objects.requireNonNull(windowing, "windowing");
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(capture, "capture");
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
        windows = List.copyOf(windows);
    }

    /**
     * Returns the model-age series of a metric: for each window that measured it, the model's age
     * and the value, oldest first; what a team reads to learn how often to retrain.
     *
     * @param metric the metric's name, such as {@code accuracy}
     * @return the points; empty when the training time was not given
     */
    public List<AgePoint> ageSeries(String metric) {
        Objects.requireNonNull(metric, "metric");
        List<AgePoint> points = new ArrayList<>();
        for (WindowQuality window : windows) {
            Optional<Double> value = window.metric(metric);
            if (value.isPresent() && window.modelAge().isPresent()) {
                points.add(new AgePoint(window.index(), window.modelAge().get(), value.get()));
            }
        }
        return List.copyOf(points);
    }

    /** @return the windows with a metric worse than its training value beyond the tolerance */
    public List<WindowQuality> worseWindows() {
        return windows.stream().filter(WindowQuality::worse).toList();
    }

    /**
     * Writes the report as a JSON document: the envelope's fields first, keys in a stable order,
     * times in ISO-8601, durations as ISO-8601 and in seconds, non-finite numbers as strings.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task", task.label());
        document.put("stage", stage.name());
        document.put("predictionField", predictionField);
        document.put("windowing", windowing);
        trainedAt.ifPresent(at -> document.put("trainedAt", at.toString()));
        asOf.ifPresent(at -> document.put("asOf", at.toString()));
        document.put("training", training);
        document.put("labels", labels(labels));
        document.put("capture", capture(capture));
        List<Map<String, Object>> findings = new ArrayList<>();
        List<Map<String, Object>> written = new ArrayList<>(windows.size());
        for (WindowQuality window : windows) {
            written.add(window(window));
            for (MetricComparison comparison : window.comparisons()) {
                if (comparison.worse()) {
                    findings.add(finding(window, comparison));
                }
            }
        }
        document.put("findings", findings);
        document.put("windows", written);
        ObjectNode root = header.toDocument();
        root.setAll((ObjectNode) Json.toTree(document));
        return Documents.write(root);
    }

    private static Map<String, Object> labels(LabelSummary labels) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("lines", labels.lines());
        entry.put("labels", labels.labels());
        entry.put("badLines", labels.badLines());
        entry.put("duplicates", labels.duplicates());
        entry.put("joined", labels.joined());
        entry.put("unknownIds", labels.unknownIds());
        entry.put("badValues", labels.badValues());
        entry.put("problems", labels.problems().stream().map(LabelProblem::toString).toList());
        return entry;
    }

    private static Map<String, Object> capture(WindowRun run) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("files", run.capture().files());
        entry.put("records", run.capture().records());
        entry.put("tornLines", run.capture().tornLines());
        entry.put("badLines", run.capture().badLines());
        entry.put("windows", run.windows());
        entry.put("emptyWindows", run.emptyWindows());
        entry.put("otherStages", run.skipped());
        entry.put("late", run.late());
        entry.put("problems", run.capture().problems().stream().map(Object::toString).toList());
        return entry;
    }

    private static Map<String, Object> finding(WindowQuality window, MetricComparison comparison) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("window", window.index());
        entry.put("metric", comparison.metric());
        entry.put("severity", Severity.WARNING.label());
        entry.put("measured", comparison.value());
        entry.put("threshold", comparison.higherIsBetter() ? comparison.training() - comparison.tolerance()
                : comparison.training() + comparison.tolerance());
        entry.put("message", String.format(java.util.Locale.ROOT,
                "%s in window %d (from %s) is %s, worse than the training value %s by more than %s",
                comparison.metric(), window.index(), window.start(), comparison.value(), comparison.training(),
                comparison.tolerance()));
        return entry;
    }

    private static Map<String, Object> window(WindowQuality window) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", window.index());
        entry.put("start", window.start().toString());
        entry.put("end", window.end().toString());
        entry.put("predictions", window.predictions());
        entry.put("missingPredictions", window.missingPredictions());
        entry.put("labelled", window.labelled());
        entry.put("pending", window.pending());
        entry.put("unlabelled", window.unlabelled());
        entry.put("badLabels", window.badLabels());
        window.modelAge().ifPresent(age -> duration(entry, "modelAge", age));
        window.medianLabelDelay().ifPresent(delay -> duration(entry, "medianLabelDelay", delay));
        window.maxLabelDelay().ifPresent(delay -> duration(entry, "maxLabelDelay", delay));
        entry.put("metrics", window.metrics());
        List<Map<String, Object>> comparisons = new ArrayList<>();
        for (MetricComparison comparison : window.comparisons()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("metric", comparison.metric());
            c.put("value", comparison.value());
            c.put("training", comparison.training());
            c.put("delta", comparison.delta());
            c.put("higherIsBetter", comparison.higherIsBetter());
            c.put("tolerance", comparison.tolerance());
            c.put("worse", comparison.worse());
            comparisons.add(c);
        }
        entry.put("comparisons", comparisons);
        window.classification().ifPresent(quality -> entry.put("classification", classification(quality)));
        window.regression().ifPresent(quality -> entry.put("regression", regression(quality)));
        entry.put("problems", window.problems().stream().map(WindowProblem::toString).toList());
        return entry;
    }

    private static void duration(Map<String, Object> entry, String key, Duration duration) {
        entry.put(key, duration.toString());
        entry.put(key + "Seconds", duration.toMillis() / 1000.0);
    }

    private static Map<String, Object> classification(ClassificationQuality quality) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("classes", quality.classes());
        entry.put("confusionMatrix", Arrays.asList(quality.matrix().counts()));
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (ClassQuality c : quality.perClass()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("class", c.name());
            one.put("precision", c.precision());
            one.put("recall", c.recall());
            one.put("f1", c.f1());
            one.put("support", c.support());
            perClass.add(one);
        }
        entry.put("perClass", perClass);
        return entry;
    }

    private static Map<String, Object> regression(RegressionQuality quality) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("meanResidual", quality.errors().meanResidual());
        List<Map<String, Object>> quantiles = new ArrayList<>();
        for (int i = 0; i < quality.probabilities().size(); i++) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("p", quality.probabilities().get(i));
            q.put("value", quality.quantiles().get(i));
            quantiles.add(q);
        }
        entry.put("residualQuantiles", quantiles);
        Map<String, Object> histogram = new LinkedHashMap<>();
        histogram.put("edges", quality.histogram().edges());
        histogram.put("counts", quality.histogram().counts());
        entry.put("residualHistogram", histogram);
        return entry;
    }
}
