package dev.mlops.monitor.job;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.change.Change;
import dev.mlops.monitor.change.Direction;
import dev.mlops.monitor.change.ShapedChange;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.monitor.quality.MetricComparison;
import dev.mlops.monitor.quality.QualityReport;
import dev.mlops.monitor.quality.WindowQuality;
import dev.mlops.monitor.report.Finding;
import dev.mlops.monitor.report.MonitoringReport;
import dev.mlops.monitor.report.QualitySeries;
import dev.mlops.monitor.report.Timeline;
import dev.mlops.monitor.report.Verdict;
import dev.mlops.monitor.violation.Violation;
import dev.mlops.monitor.window.WindowRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a {@link MonitoringJob} found: each window's violations and drift against the baseline,
 * the changes in each feature's drift over the windows, and the model's quality per window when
 * ground truth was given. Immutable.
 *
 * @param createdAt when the job ran
 * @param baseline the baseline's fingerprint
 * @param stage the monitored stage
 * @param windowing how the capture was cut, as {@link dev.mlops.monitor.window.Windowing#toString()}
 * @param capture what reading and windowing the capture found (files, records, torn and bad lines,
 *     late records)
 * @param windows each window's result, oldest first, unmodifiable
 * @param changes for each feature compared in some window, the changes found in its series of
 *     drift statistics, in order, each abrupt or gradual; unmodifiable
 * @param quality the quality per window; empty without ground truth
 */
public record MonitoringResult(Instant createdAt, Fingerprint baseline, CaptureStage stage, String windowing,
        WindowRun capture, List<WindowResult> windows, Map<String, List<ShapedChange>> changes,
        Optional<QualityReport> quality) {

    /**
     * Keeps unmodifiable copies.
     *
     * @param createdAt when the job ran
     * @param baseline the baseline's fingerprint
     * @param stage the monitored stage
     * @param windowing how the capture was cut
     * @param capture what reading the capture found
     * @param windows each window's result
     * @param changes the changes per feature
     * @param quality the quality per window
     */
    public MonitoringResult {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(windowing, "windowing");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(quality, "quality");
        windows = List.copyOf(windows);
        Map<String, List<ShapedChange>> copy = new LinkedHashMap<>();
        changes.forEach((feature, found) -> copy.put(feature, List.copyOf(found)));
        changes = Collections.unmodifiableMap(copy);
    }

    /** @return true if no window has a violation of error severity */
    public boolean passed() {
        return windows.stream().allMatch(WindowResult::passed);
    }

    /** @return the windows with a violation of error severity, oldest first */
    public List<WindowResult> failed() {
        return windows.stream().filter(window -> !window.passed()).toList();
    }

    /**
     * Returns each feature's drift over the windows, in the order features were first compared:
     * per window its start, the drawn value — the (adjusted) p-value of a test, against the
     * significance level, or the absolute statistic of a distance or shift, against its
     * threshold — and the verdict; a window in which the feature was not compared (no rows, or
     * values the detector refused) is a point of NaN with verdict {@link Verdict#NO_DATA}.
     *
     * @return the timelines
     */
    public List<Timeline> timelines() {
        Map<String, DriftResult> first = new LinkedHashMap<>();
        for (WindowResult window : windows) {
            for (ColumnDrift column : columns(window)) {
                column.result().ifPresent(result -> first.putIfAbsent(column.column(), result));
            }
        }
        List<Timeline> timelines = new ArrayList<>();
        first.forEach((feature, sample) -> {
            List<Timeline.Point> points = new ArrayList<>();
            for (WindowResult window : windows) {
                Optional<DriftResult> result = columns(window).stream()
                        .filter(column -> column.column().equals(feature))
                        .flatMap(column -> column.result().stream()).findFirst();
                points.add(result.map(r -> new Timeline.Point(window.start(), MonitoringReports.plotted(r),
                                r.drift() ? Verdict.DRIFT : Verdict.OK))
                        .orElseGet(() -> new Timeline.Point(window.start(), Double.NaN, Verdict.NO_DATA)));
            }
            timelines.add(new Timeline(feature, MonitoringReports.plottedName(sample), sample.threshold(), points));
        });
        return timelines;
    }

    /**
     * Returns the result as a report for {@link dev.mlops.monitor.report.ReportFiles}: findings
     * (each window's violations of error or warning severity, each change in a feature's drift,
     * each quality metric worse than its training value beyond the tolerance), the latest
     * compared window's histograms per feature, the drift timelines, and each quality metric
     * over the windows with its training value.
     *
     * @param title the report's title
     * @return the report, created at {@link #createdAt()}, about the monitored stage
     */
    public MonitoringReport toReport(String title) {
        MonitoringReport.Builder report = MonitoringReport.builder(title,
                "stage '" + stage + "' against baseline " + baseline.sha256().substring(0, 12) + ", " + windowing, createdAt);
        for (WindowResult window : windows) {
            for (Violation violation : window.violations().violations()) {
                if (violation.severity() != Severity.INFO) {
                    report.finding(Finding.of(violation.severity(), violation.column().orElse("window"),
                            "window from " + window.start() + ": " + violation.message(), violation.measured(),
                            violation.threshold()));
                }
            }
        }
        changes.forEach((feature, found) -> found.forEach(change -> report.finding(finding(feature, change))));
        quality.ifPresent(measured -> qualityFindings(measured).forEach(report::finding));
        latestDrift().ifPresent(drift -> MonitoringReports.features(drift).forEach(report::feature));
        timelines().forEach(report::timeline);
        quality.ifPresent(measured -> qualitySeries(measured).forEach(report::quality));
        return report.build();
    }

    private Optional<TableDriftReport> latestDrift() {
        for (int i = windows.size() - 1; i >= 0; i--) {
            Optional<TableDriftReport> drift = windows.get(i).violations().drift();
            if (drift.isPresent()) {
                return drift;
            }
        }
        return Optional.empty();
    }

    private static List<ColumnDrift> columns(WindowResult window) {
        return window.violations().drift().map(TableDriftReport::columns).orElse(List.of());
    }

    private static Finding finding(String feature, ShapedChange shaped) {
        Change change = shaped.change();
        String message = String.format(Locale.ROOT, "%s %s change in the drift statistic of '%s' from %s (detected at "
                + "%s by %s): level %.4g before, shift %+.4g", shaped.shape().shape().name().toLowerCase(Locale.ROOT),
                change.direction() == Direction.UP ? "upward" : "downward", feature,
                change.changeTime(), change.detectionTime(), change.detector(), change.mean(), change.shift());
        return Finding.of(Severity.WARNING, feature, message, change.statistic(), change.threshold());
    }

    private static List<Finding> qualityFindings(QualityReport report) {
        List<Finding> findings = new ArrayList<>();
        for (WindowQuality window : report.windows()) {
            for (MetricComparison comparison : window.comparisons()) {
                if (comparison.worse()) {
                    findings.add(Finding.of(Severity.WARNING, comparison.metric(), String.format(Locale.ROOT,
                            "window from %s: %s is %s against %s in training, worse by more than %s", window.start(),
                            comparison.metric(), comparison.value(), comparison.training(), comparison.tolerance()),
                            comparison.value(), comparison.training()));
                }
            }
        }
        return findings;
    }

    private static List<QualitySeries> qualitySeries(QualityReport report) {
        Map<String, List<QualitySeries.Point>> byMetric = new LinkedHashMap<>();
        for (WindowQuality window : report.windows()) {
            window.metrics().forEach((metric, value) -> byMetric.computeIfAbsent(metric, m -> new ArrayList<>())
                    .add(new QualitySeries.Point(window.start(), value)));
        }
        List<QualitySeries> series = new ArrayList<>();
        byMetric.forEach((metric, points) -> {
            Double training = report.training().get(metric);
            series.add(new QualitySeries(metric, training == null ? OptionalDouble.empty() : OptionalDouble.of(training),
                    points));
        });
        return series;
    }
}
