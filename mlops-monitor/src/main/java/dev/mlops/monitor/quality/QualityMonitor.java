package dev.mlops.monitor.quality;

import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.window.CaptureWindows;
import dev.mlops.monitor.window.WindowRun;
import dev.mlops.monitor.window.Windowing;
import dev.mlops.monitor.window.Windows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Measures a model's quality per window of captured predictions, once the ground truth arrives.
 *
 * <pre>{@code
 * QualityMonitor monitor = QualityMonitor.classification(CaptureStage.AFTER_MODEL, "prediction")
 *         .windowing(Windowing.byTime(Duration.ofDays(1), Instant.parse("2026-12-01T00:00:00Z")))
 *         .training(Map.of("accuracy", 0.91, "macro_f1", 0.88))
 *         .tolerance(0.02)
 *         .trainedAt(Instant.parse("2026-11-30T12:00:00Z"))
 *         .build();
 * QualityReport report = monitor.evaluate(captureDir, GroundTruth.read(Path.of("labels.csv")));
 * report.ageSeries("accuracy");   // how accuracy falls as the model ages
 * }</pre>
 *
 * <p>Each record of the stage is one prediction, read from the named field of its output (a class
 * as a string, boolean or whole number for classification; a number for regression) and joined
 * to its label by inference id. Classes are compared as text, a whole number written without a
 * fraction on both sides ({@code 1}, {@code 1.0} and {@code "1"} are the class {@code "1"}).
 * Labels that arrived after the {@linkplain Builder#asOf(Instant) "as of" time}, when one is set,
 * count as pending: the report then shows what was known at that time. The metrics are the ones
 * mlops-train's metrics name: classification {@value #ACCURACY}, {@value #MACRO_PRECISION},
 * {@value #MACRO_RECALL}, {@value #MACRO_F1} (over the classes found in the window, as sklearn's
 * {@code average="macro"}); regression {@value #RMSE}, {@value #MAE}, {@value #R2}. Each metric
 * with a training value is compared with it; a training metric this monitor does not compute
 * (such as {@code auc}) is kept in the report but not compared.
 *
 * <p>A capture directory is streamed window by window ({@link CaptureWindows#stream}); the labels
 * are held in memory. Immutable and thread-safe.
 */
public final class QualityMonitor {
    /** The share of predictions that are right. */
    public static final String ACCURACY = "accuracy";
    /** The mean precision over the classes. */
    public static final String MACRO_PRECISION = "macro_precision";
    /** The mean recall over the classes. */
    public static final String MACRO_RECALL = "macro_recall";
    /** The mean F1 over the classes. */
    public static final String MACRO_F1 = "macro_f1";
    /** The root mean squared error. */
    public static final String RMSE = "rmse";
    /** The mean absolute error. */
    public static final String MAE = "mae";
    /** The coefficient of determination. */
    public static final String R2 = "r2";

    /** What the model predicts. */
    public enum Task {
        /** A class per prediction. */
        CLASSIFICATION,
        /** A number per prediction. */
        REGRESSION;

        /** @return the lower-case name used in JSON */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the metrics of the task, in report order */
        List<String> metrics() {
            return this == CLASSIFICATION ? List.of(ACCURACY, MACRO_PRECISION, MACRO_RECALL, MACRO_F1)
                    : List.of(RMSE, MAE, R2);
        }
    }

    private final Task task;
    private final CaptureStage stage;
    private final String predictionField;
    private final Windowing windowing;
    private final Map<String, Double> training;
    private final double tolerance;
    private final Map<String, Double> tolerances;
    private final @Nullable Instant trainedAt;
    private final @Nullable Instant asOf;
    private final int bins;
    private final Clock clock;

    private QualityMonitor(Builder builder) {
        this.task = builder.task;
        this.stage = builder.stage;
        this.predictionField = builder.predictionField;
        if (builder.windowing == null) {
            throw new IllegalStateException("the windowing must be set: call windowing(Windowing.byTime(...))"
                    + " or windowing(Windowing.byCount(...)) before build()");
        }
        this.windowing = builder.windowing.onlyStage(builder.stage);
        this.training = Collections.unmodifiableMap(new LinkedHashMap<>(builder.training));
        this.tolerance = builder.tolerance;
        this.tolerances = Map.copyOf(builder.tolerances);
        this.trainedAt = builder.trainedAt;
        this.asOf = builder.asOf;
        this.bins = builder.bins;
        this.clock = builder.clock;
    }

    /**
     * Starts a monitor of a classifier whose predicted class is the output field
     * {@code predictionField} of the records captured at {@code stage}.
     *
     * @param stage the stage whose records hold the predictions
     * @param predictionField the output field holding the predicted class
     * @return a builder
     */
    public static Builder classification(CaptureStage stage, String predictionField) {
        return new Builder(Task.CLASSIFICATION, stage, predictionField);
    }

    /**
     * Starts a monitor of a regression model whose prediction is the output field
     * {@code predictionField} of the records captured at {@code stage}.
     *
     * @param stage the stage whose records hold the predictions
     * @param predictionField the output field holding the predicted number
     * @return a builder
     */
    public static Builder regression(CaptureStage stage, String predictionField) {
        return new Builder(Task.REGRESSION, stage, predictionField);
    }

    /**
     * Measures the predictions of a capture directory against the ground truth, window by window.
     *
     * @param captureDirectory a capture directory
     * @param truth the labels
     * @return the report
     * @throws java.io.UncheckedIOException if the directory or a file cannot be read
     */
    public QualityReport evaluate(Path captureDirectory, GroundTruth truth) {
        Join join = new Join(this, truth);
        WindowRun run = CaptureWindows.stream(captureDirectory, windowing, join);
        return report(join, run, truth);
    }

    /**
     * Measures predictions held in memory against the ground truth, window by window.
     *
     * @param records the captured records, in time order
     * @param truth the labels
     * @return the report
     */
    public QualityReport evaluate(List<CaptureRecord> records, GroundTruth truth) {
        Join join = new Join(this, truth);
        Windows windows = CaptureWindows.split(records, windowing);
        windows.windows().forEach(join);
        return report(join, windows.run(), truth);
    }

    private QualityReport report(Join join, WindowRun run, GroundTruth truth) {
        ReportHeader header = new ReportHeader(QualityReport.KIND, QualityReport.FORMAT_VERSION, clock.instant(),
                Fingerprint.of(truth.table()));
        return new QualityReport(header, task, stage, predictionField, windowing.toString(),
                Optional.ofNullable(trainedAt), Optional.ofNullable(asOf), training,
                join.windows(), join.labels(), run);
    }

    Task task() {
        return task;
    }

    CaptureStage stage() {
        return stage;
    }

    String predictionField() {
        return predictionField;
    }

    Map<String, Double> training() {
        return training;
    }

    double tolerance(String metric) {
        return tolerances.getOrDefault(metric, tolerance);
    }

    @Nullable Instant trainedAt() {
        return trainedAt;
    }

    @Nullable Instant asOf() {
        return asOf;
    }

    int bins() {
        return bins;
    }

    /** Builds a {@link QualityMonitor}; the windowing must be set, the rest has defaults. Not thread-safe. */
    public static final class Builder {
        private final Task task;
        private final CaptureStage stage;
        private final String predictionField;
        private @Nullable Windowing windowing;
        private final Map<String, Double> training = new LinkedHashMap<>();
        private double tolerance;
        private final Map<String, Double> tolerances = new HashMap<>();
        private @Nullable Instant trainedAt;
        private @Nullable Instant asOf;
        private int bins = 10;
        private Clock clock = Clock.systemUTC();

        private Builder(Task task, CaptureStage stage, String predictionField) {
            this.task = task;
            this.stage = Objects.requireNonNull(stage, "stage");
            this.predictionField = Objects.requireNonNull(predictionField, "predictionField");
            if (predictionField.isBlank()) {
                throw new IllegalArgumentException("predictionField must be non-blank but was \"" + predictionField
                        + "\"");
            }
        }

        /**
         * Sets how predictions are cut into windows (required); only the monitor's stage is
         * windowed, so windows by count count predictions.
         *
         * @param windowing the windowing
         * @return this builder
         */
        public Builder windowing(Windowing windowing) {
            this.windowing = Objects.requireNonNull(windowing, "windowing");
            return this;
        }

        /**
         * Sets the metrics measured on the training (or validation) data, by name, to compare each
         * window with; none by default.
         *
         * @param metrics the metrics, such as mlops-train's {@code accuracy} and {@code macro_f1}
         * @return this builder
         * @throws IllegalArgumentException if a value is NaN or infinite
         */
        public Builder training(Map<String, Double> metrics) {
            Objects.requireNonNull(metrics, "metrics");
            for (Map.Entry<String, Double> entry : metrics.entrySet()) {
                if (!Double.isFinite(entry.getValue())) {
                    throw new IllegalArgumentException("training metric " + entry.getKey()
                            + " must be finite but was " + entry.getValue());
                }
            }
            training.clear();
            new TreeMap<>(metrics).forEach(training::put);
            return this;
        }

        /**
         * Sets how far every metric may fall behind its training value before a window counts as
         * worse, in the metric's units; 0 by default.
         *
         * @param tolerance the tolerance, finite and not negative
         * @return this builder
         * @throws IllegalArgumentException if the tolerance is negative or not finite
         */
        public Builder tolerance(double tolerance) {
            this.tolerance = checkTolerance("tolerance", tolerance);
            return this;
        }

        /**
         * Sets the tolerance of one metric, overriding {@link #tolerance(double)}.
         *
         * @param metric the metric's name
         * @param tolerance the tolerance, finite and not negative
         * @return this builder
         * @throws IllegalArgumentException if the metric is not one this monitor computes, or the
         *     tolerance is negative or not finite
         */
        public Builder tolerance(String metric, double tolerance) {
            Objects.requireNonNull(metric, "metric");
            if (!task.metrics().contains(metric)) {
                throw new IllegalArgumentException("metric must be one of " + task.metrics() + " for "
                        + task.label() + " but was '" + metric + "'");
            }
            tolerances.put(metric, checkTolerance("tolerance of " + metric, tolerance));
            return this;
        }

        private static double checkTolerance(String name, double tolerance) {
            if (!(tolerance >= 0.0) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException(name + " must be finite and not negative but was " + tolerance);
            }
            return tolerance;
        }

        /**
         * Sets when the model was trained, so that each window tells the model's age.
         *
         * @param trainedAt the training time
         * @return this builder
         */
        public Builder trainedAt(Instant trainedAt) {
            this.trainedAt = Objects.requireNonNull(trainedAt, "trainedAt");
            return this;
        }

        /**
         * Measures as of a time: labels that arrived after it count as pending (labels without an
         * arrival time count as arrived). By default every label counts.
         *
         * @param asOf the time
         * @return this builder
         */
        public Builder asOf(Instant asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            return this;
        }

        /**
         * Sets the number of bins of a regression window's residual histogram; 10 by default.
         *
         * @param bins the number of bins, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code bins} is below 1
         */
        public Builder bins(int bins) {
            if (bins < 1) {
                throw new IllegalArgumentException("bins must be at least 1 but was " + bins);
            }
            this.bins = bins;
            return this;
        }

        /**
         * Sets the clock that stamps the report; the UTC system clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the monitor.
         *
         * @return the monitor
         * @throws IllegalStateException if the windowing was not set
         */
        public QualityMonitor build() {
            return new QualityMonitor(this);
        }
    }
}
