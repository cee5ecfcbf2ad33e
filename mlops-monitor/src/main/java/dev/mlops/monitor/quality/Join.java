package dev.mlops.monitor.quality;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.data.stat.Quantiles;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.window.Window;
import dev.mlops.monitor.window.WindowProblem;
import dev.mlops.monitor.window.WindowTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Joins each window's predictions to their labels and measures them. Not thread-safe. */
final class Join implements Consumer<Window> {
    private final QualityMonitor monitor;
    private final GroundTruth truth;
    private final List<WindowQuality> windows = new ArrayList<>();
    private final Set<String> joined = new HashSet<>();
    private final List<LabelProblem> badValues = new ArrayList<>();
    private long badValueCount;

    Join(QualityMonitor monitor, GroundTruth truth) {
        this.monitor = monitor;
        this.truth = truth;
    }

    @Override
    public void accept(Window window) {
        boolean classification = monitor.task() == QualityMonitor.Task.CLASSIFICATION;
        String field = monitor.predictionField();
        List<CaptureRecord> records = window.records(monitor.stage());
        WindowTable read = window.outputs(monitor.stage(), Schema.of(Field.of(field,
                classification ? ColumnType.CATEGORICAL : ColumnType.NUMERIC)));
        List<WindowProblem> problems = new ArrayList<>(read.problems());
        long missing = 0;
        long pending = 0;
        long unlabelled = 0;
        long bad = 0;
        List<String> truthClasses = new ArrayList<>();
        List<String> predictedClasses = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>();
        List<Double> delays = new ArrayList<>();
        for (int row = 0; row < records.size(); row++) {
            CaptureRecord record = records.get(row);
            Optional<Label> found = truth.label(record.inferenceId());
            found.ifPresent(label -> joined.add(label.inferenceId()));
            if (read.table().column(0).isMissing(row)) {
                missing++;
                continue;
            }
            if (!classification && !Double.isFinite(((NumericColumn) read.table().column(0)).get(row))) {
                missing++;
                problems.add(new WindowProblem(window.index(), record.inferenceId(), field, "the prediction is "
                        + ((NumericColumn) read.table().column(0)).get(row) + "; expected a finite number"));
                continue;
            }
            if (found.isEmpty()) {
                unlabelled++;
                continue;
            }
            Label label = found.get();
            Instant asOf = monitor.asOf();
            if (asOf != null && label.arrivedAt().isPresent() && label.arrivedAt().get().isAfter(asOf)) {
                pending++;
                continue;
            }
            if (classification) {
                truthClasses.add(classKey(label.value()));
                predictedClasses.add(classKey(((CategoricalColumn) read.table().column(0)).get(row)));
            } else {
                double value = number(label.value());
                if (!Double.isFinite(value)) {
                    bad++;
                    badValue(label);
                    continue;
                }
                pairs.add(new double[] {value, ((NumericColumn) read.table().column(0)).get(row)});
            }
            label.arrivedAt().ifPresent(at -> delays.add((double) Duration.between(record.time(), at).toMillis()));
        }
        long labelled = classification ? truthClasses.size() : pairs.size();
        Map<String, Double> metrics = new LinkedHashMap<>();
        Optional<ClassificationQuality> classes = Optional.empty();
        Optional<RegressionQuality> regression = Optional.empty();
        if (labelled > 0 && classification) {
            ClassificationQuality quality = classify(truthClasses, predictedClasses);
            metrics.put(QualityMonitor.ACCURACY, quality.accuracy());
            metrics.put(QualityMonitor.MACRO_PRECISION, quality.macroPrecision());
            metrics.put(QualityMonitor.MACRO_RECALL, quality.macroRecall());
            metrics.put(QualityMonitor.MACRO_F1, quality.macroF1());
            classes = Optional.of(quality);
        } else if (labelled > 0) {
            RegressionQuality quality = regress(pairs);
            metrics.put(QualityMonitor.RMSE, quality.errors().rootMeanSquaredError());
            metrics.put(QualityMonitor.MAE, quality.errors().meanAbsoluteError());
            metrics.put(QualityMonitor.R2, quality.errors().rSquared());
            regression = Optional.of(quality);
        }
        List<MetricComparison> comparisons = new ArrayList<>();
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            Double training = monitor.training().get(metric.getKey());
            if (training != null) {
                comparisons.add(MetricComparison.of(metric.getKey(), metric.getValue(), training,
                        !metric.getKey().equals(QualityMonitor.RMSE) && !metric.getKey().equals(QualityMonitor.MAE),
                        monitor.tolerance(metric.getKey())));
            }
        }
        Instant trainedAt = monitor.trainedAt();
        Optional<Duration> age = trainedAt == null ? Optional.empty()
                : Optional.of(Duration.between(trainedAt, window.start()));
        Optional<Duration> median = Optional.empty();
        Optional<Duration> longest = Optional.empty();
        if (!delays.isEmpty()) {
            double[] q = Quantiles.of(delays.stream().mapToDouble(Double::doubleValue).toArray(), 0.5, 1.0);
            median = Optional.of(Duration.ofMillis(Math.round(q[0])));
            longest = Optional.of(Duration.ofMillis(Math.round(q[1])));
        }
        windows.add(new WindowQuality(window.index(), window.start(), window.end(), records.size(), missing, labelled,
                pending, unlabelled, bad, age, median, longest, metrics, comparisons, classes, regression, problems));
    }

    private static ClassificationQuality classify(List<String> truthClasses, List<String> predictedClasses) {
        TreeSet<String> all = new TreeSet<>(truthClasses);
        all.addAll(predictedClasses);
        List<String> classes = List.copyOf(all);
        int[] truth = new int[truthClasses.size()];
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = classes.indexOf(truthClasses.get(i));
            predicted[i] = classes.indexOf(predictedClasses.get(i));
        }
        return ClassificationQuality.of(classes, truth, predicted);
    }

    private RegressionQuality regress(List<double[]> pairs) {
        double[] truth = new double[pairs.size()];
        double[] predicted = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = pairs.get(i)[0];
            predicted[i] = pairs.get(i)[1];
        }
        return RegressionQuality.of(truth, predicted, monitor.bins());
    }

    /** A class's name as compared: a whole number without a fraction, anything else as it is. */
    static String classKey(String value) {
        try {
            return new BigDecimal(value).toBigIntegerExact().toString();
        } catch (ArithmeticException | NumberFormatException e) {
            return value;
        }
    }

    /** A regression label's number; NaN if it is not one. */
    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void badValue(Label label) {
        badValueCount++;
        if (badValues.size() < GroundTruth.MAX_PROBLEMS) {
            badValues.add(new LabelProblem(label.source(), label.line(), "label \"" + label.value() + "\" of inference "
                    + label.inferenceId() + " is not a finite number; expected a number for regression"));
        }
    }

    List<WindowQuality> windows() {
        return windows;
    }

    /** The summary of the labels, once every window was joined. */
    LabelSummary labels() {
        List<LabelProblem> problems = new ArrayList<>(truth.problems());
        long unknown = 0;
        for (Label label : truth.labels()) {
            if (!joined.contains(label.inferenceId())) {
                unknown++;
                if (problems.size() < GroundTruth.MAX_PROBLEMS) {
                    problems.add(new LabelProblem(label.source(), label.line(), "a label for inference "
                            + label.inferenceId() + ", which no captured prediction at stage " + monitor.stage()
                            + " has"));
                }
            }
        }
        for (LabelProblem problem : badValues) {
            if (problems.size() < GroundTruth.MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
        List<Label> labels = truth.labels();
        return new LabelSummary(truth.lines(), labels.size(), truth.badLines(), truth.duplicates(),
                labels.size() - unknown, unknown, badValueCount, problems);
    }
}
