package dev.mlops.monitor.job;

import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.change.ChangeDetector;
import dev.mlops.monitor.change.ChangeDetectors;
import dev.mlops.monitor.change.ShapedChange;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.metric.MetricNames;
import dev.mlops.monitor.metric.MetricObservation;
import dev.mlops.monitor.metric.MetricSink;
import dev.mlops.monitor.quality.GroundTruth;
import dev.mlops.monitor.quality.QualityMonitor;
import dev.mlops.monitor.quality.QualityReport;
import dev.mlops.monitor.quality.WindowQuality;
import dev.mlops.monitor.violation.ViolationCheck;
import dev.mlops.monitor.violation.ViolationReport;
import dev.mlops.monitor.window.CaptureWindows;
import dev.mlops.monitor.window.Window;
import dev.mlops.monitor.window.WindowRun;
import dev.mlops.monitor.window.WindowTable;
import dev.mlops.monitor.window.Windowing;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Monitors a capture directory against a stored baseline, window by window: the practice of
 * comparing training and inference distributions in an ongoing job and following them over time.
 *
 * <pre>{@code
 * Baseline baseline = Baseline.load(Path.of("baseline"));
 * AlarmEvaluator alarms = AlarmEvaluator.builder()
 *         .rule(ThresholdRule.above("age-drift", MetricFilter.of("drift.verdict", "feature", "age"), 0.5)
 *                 .withWindows(2))
 *         .build();
 * MonitoringResult result = MonitoringJob.builder(baseline)
 *         .stage(CaptureStage.BEFORE_PREPROCESSING)
 *         .windowing(Windowing.byTime(Duration.ofHours(1), Instant.EPOCH))
 *         .quality(QualityMonitor.classification(CaptureStage.AFTER_MODEL, "prediction").build(),
 *                 GroundTruth.read(Path.of("labels.csv")))
 *         .sink(alarms).sink(meterBinder)
 *         .build()
 *         .run(Path.of("capture/churn"));
 * ReportFiles.write(result.toReport("Churn model, last week"), Path.of("report"));
 * }</pre>
 *
 * <p>For each window ({@link CaptureWindows#stream}: oldest first, only the open windows in
 * memory) the inputs of the monitored stage's records become a table of the baseline's schema
 * (masked and mistyped values read as missing, counted and named), and the
 * {@link ViolationCheck} holds it against the baseline's profile: missing, extra and retyped
 * columns, unseen categories, completeness drops, and drift per feature with the p-values
 * corrected across features. As each window is checked, every compared feature's drift is fed to
 * the sinks as metric observations stamped with the window's start — {@code drift.statistic}
 * (the detector's statistic), {@code drift.p_value} (for a test, the adjusted p-value) and
 * {@code drift.verdict} (1 or 0), tagged {@code feature} and {@code detector} — so alarms fire in
 * time order and Micrometer shows the latest window. After the last window, each feature's
 * series of absolute statistics is scanned by the {@link ChangeDetector} (Page–Hinkley by
 * default, whose 50-value warm-up suits long histories; a detector with a shorter warm-up suits
 * a few dozen windows) and every change is classified abrupt or gradual. With ground truth, the
 * {@link QualityMonitor} measures quality per window and its metrics are fed to the sinks as
 * {@code quality.<metric>} tagged {@code stage}.
 *
 * <p>Defaults: the stage {@link CaptureStage#BEFORE_PREPROCESSING}, daily windows from the epoch
 * (UTC midnight), {@link ViolationCheck#defaults()}, no quality, no sinks. A window with no
 * records of the stage is a result with an empty-window violation, never a failure; unreadable
 * capture lines are counted in {@link MonitoringResult#capture()}. Immutable and thread-safe
 * when its sinks are; {@link #run} may be called again on new captures.
 */
public final class MonitoringJob {

    private final Baseline baseline;
    private final CaptureStage stage;
    private final Windowing windowing;
    private final ViolationCheck violations;
    private final @Nullable QualityMonitor quality;
    private final @Nullable GroundTruth truth;
    private final ChangeDetector changeDetector;
    private final List<MetricSink> sinks;
    private final Clock clock;

    private MonitoringJob(Builder builder) {
        this.baseline = builder.baseline;
        this.stage = builder.stage;
        Windowing chosen = builder.windowing;
        if (chosen.stage().isPresent() && !chosen.stage().get().equals(stage)) {
            throw new IllegalArgumentException("the windowing is limited to stage '" + chosen.stage().get()
                    + "' but the job monitors stage '" + stage + "'");
        }
        this.windowing = chosen.onlyStage(stage);
        this.violations = builder.violations;
        this.quality = builder.quality;
        this.truth = builder.truth;
        this.changeDetector = builder.changeDetector;
        this.sinks = List.copyOf(builder.sinks);
        this.clock = builder.clock;
    }

    /**
     * Starts a job against a baseline.
     *
     * @param baseline the training baseline the windows are held against
     * @return a builder with the defaults the class comment states
     */
    public static Builder builder(Baseline baseline) {
        return new Builder(baseline);
    }

    /**
     * Monitors a capture directory.
     *
     * @param captureDirectory a directory of capture files, as a
     *     {@link dev.mlops.monitor.capture.CaptureWriter} writes them
     * @return each window's violations and drift, the changes found in each feature's drift, and
     *     the quality per window when ground truth was given
     * @throws java.io.UncheckedIOException if the directory or a file cannot be read
     */
    public MonitoringResult run(Path captureDirectory) {
        Objects.requireNonNull(captureDirectory, "captureDirectory");
        List<WindowResult> windows = new ArrayList<>();
        Map<String, List<MetricObservation>> statistics = new LinkedHashMap<>();
        WindowRun capture = CaptureWindows.stream(captureDirectory, windowing, window -> {
            WindowResult result = check(window);
            windows.add(result);
            publish(result, statistics);
        });
        Optional<QualityReport> measured = Optional.empty();
        if (quality != null && truth != null) {
            QualityReport report = quality.evaluate(captureDirectory, truth);
            publish(report);
            measured = Optional.of(report);
        }
        Map<String, List<ShapedChange>> changes = new LinkedHashMap<>();
        statistics.forEach((feature, series) -> changes.put(feature, changeDetector.scan(series)));
        return new MonitoringResult(clock.instant(), baseline.fingerprint(), stage, windowing.toString(), capture,
                windows, changes, measured);
    }

    private WindowResult check(Window window) {
        WindowTable inputs = window.inputs(stage, baseline.schema());
        ViolationReport report = violations.check(inputs.table(), baseline.profile(), baseline.schema());
        return new WindowResult(window.index(), window.start(), window.end(), inputs.rows(), inputs.masked(),
                inputs.wrongType(), inputs.problems(), report);
    }

    private void publish(WindowResult window, Map<String, List<MetricObservation>> statistics) {
        if (window.violations().drift().isEmpty()) {
            return;
        }
        Instant time = window.start();
        for (ColumnDrift column : window.violations().drift().get().columns()) {
            if (column.result().isEmpty()) {
                continue;
            }
            DriftResult result = column.result().get();
            String[] tags = {MetricNames.FEATURE, column.column(), MetricNames.DETECTOR, result.detector()};
            MetricObservation statistic = MetricObservation.of(MetricNames.DRIFT_STATISTIC, time,
                    Math.abs(result.value()), tags);
            statistics.computeIfAbsent(column.column(), feature -> new ArrayList<>()).add(statistic);
            emit(statistic);
            if (result.pValue().isPresent()) {
                emit(MetricObservation.of(MetricNames.DRIFT_P_VALUE, time, MonitoringReports.plotted(result), tags));
            }
            emit(MetricObservation.of(MetricNames.DRIFT_VERDICT, time, MetricNames.verdict(result.drift()), tags));
        }
    }

    private void publish(QualityReport report) {
        for (WindowQuality window : report.windows()) {
            window.metrics().forEach((metric, value) -> emit(MetricObservation.of(MetricNames.quality(metric),
                    window.start(), value, MetricNames.STAGE, report.stage().name())));
        }
    }

    private void emit(MetricObservation observation) {
        for (MetricSink sink : sinks) {
            sink.accept(observation);
        }
    }

    /** Collects a job's settings. Not thread-safe. */
    public static final class Builder {
        private final Baseline baseline;
        private CaptureStage stage = CaptureStage.BEFORE_PREPROCESSING;
        private Windowing windowing = Windowing.byTime(Duration.ofDays(1), Instant.EPOCH);
        private ViolationCheck violations = ViolationCheck.defaults();
        private @Nullable QualityMonitor quality;
        private @Nullable GroundTruth truth;
        private ChangeDetector changeDetector = ChangeDetectors.pageHinkley();
        private final List<MetricSink> sinks = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(Baseline baseline) {
            this.baseline = Objects.requireNonNull(baseline, "baseline");
        }

        /**
         * @param monitored the stage whose inputs are held against the baseline; default
         *     {@link CaptureStage#BEFORE_PREPROCESSING}
         * @return this builder
         */
        public Builder stage(CaptureStage monitored) {
            this.stage = Objects.requireNonNull(monitored, "stage");
            return this;
        }

        /**
         * @param cut how to cut the capture into windows, by time or by count; default daily from
         *     the epoch. It is limited to the monitored stage; one limited to another stage is refused
         *     when the job is built
         * @return this builder
         */
        public Builder windowing(Windowing cut) {
            this.windowing = Objects.requireNonNull(cut, "windowing");
            return this;
        }

        /**
         * @param check the violation check, with its drift settings (detectors, correction,
         *     severity); default {@link ViolationCheck#defaults()}
         * @return this builder
         */
        public Builder violations(ViolationCheck check) {
            this.violations = Objects.requireNonNull(check, "violations");
            return this;
        }

        /**
         * Measures model quality per window from late ground truth.
         *
         * @param monitor the quality monitor (its stage, prediction field and windowing)
         * @param labels the ground truth, joined by inference id
         * @return this builder
         */
        public Builder quality(QualityMonitor monitor, GroundTruth labels) {
            this.quality = Objects.requireNonNull(monitor, "monitor");
            this.truth = Objects.requireNonNull(labels, "labels");
            return this;
        }

        /**
         * @param detector the change detector each feature's drift series is scanned with;
         *     default {@link ChangeDetectors#pageHinkley()}
         * @return this builder
         */
        public Builder changeDetector(ChangeDetector detector) {
            this.changeDetector = Objects.requireNonNull(detector, "changeDetector");
            return this;
        }

        /**
         * Adds a sink that receives every metric observation, such as an
         * {@link dev.mlops.monitor.alarm.AlarmEvaluator} or a
         * {@link dev.mlops.monitor.micrometer.MonitorMeterBinder}.
         *
         * @param sink the sink; sinks receive each observation in the order they were added
         * @return this builder
         */
        public Builder sink(MetricSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * @param time the clock that stamps the result; default the system's UTC clock
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "clock");
            return this;
        }

        /**
         * @return the job
         * @throws IllegalArgumentException if the windowing is limited to another stage
         */
        public MonitoringJob build() {
            return new MonitoringJob(this);
        }
    }
}
