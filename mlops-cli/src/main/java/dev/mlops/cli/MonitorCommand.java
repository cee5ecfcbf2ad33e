package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.change.ChangeDetector;
import dev.mlops.monitor.change.ShapedChange;
import dev.mlops.monitor.job.MonitoringJob;
import dev.mlops.monitor.job.MonitoringResult;
import dev.mlops.monitor.job.WindowResult;
import dev.mlops.monitor.quality.GroundTruth;
import dev.mlops.monitor.quality.QualityMonitor;
import dev.mlops.monitor.quality.QualityReport;
import dev.mlops.monitor.quality.WindowQuality;
import dev.mlops.monitor.report.MonitoringReport;
import dev.mlops.monitor.violation.Violation;
import dev.mlops.monitor.window.CaptureWindows;
import dev.mlops.monitor.window.Windowing;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops monitor CAPTURE_DIR --baseline DIR}: runs a {@link MonitoringJob} over a capture
 * directory — each window's inputs against the baseline that {@code mlops baseline} wrote, changes
 * in each feature's drift over the windows, and model quality when {@code --ground-truth} gives
 * late labels — prints a line per window (or the report's JSON with {@code --json}), writes the
 * HTML report and its JSON with {@code --html DIR}, and exits {@link MlopsCommand#EXIT_CHECK_FAILED}
 * when a window has a violation of error severity.
 */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Holds captured requests, window by window, against a baseline; exits 1 when a window has a violation "
                    + "of error severity (drift, a missing or retyped column, unseen categories, a completeness "
                    + "drop, an empty window).",
            "The inputs of --stage's records in each window (daily by default) are compared with the baseline "
                    + "'mlops baseline --out' wrote; each feature's drift statistic over the windows is scanned for "
                    + "abrupt or gradual changes. With --ground-truth (CSV or JSON Lines: inferenceId, label, "
                    + "optional arrivedAt), the predictions of --prediction-stage are joined to the late labels and "
                    + "quality is measured per window.",
            "Prints one line per window and the changes found, or the report as JSON with --json; --html DIR writes "
                    + "report.html (self-contained, open it in a browser) and report.json."
        })
final class MonitorCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Parameters(index = "0", paramLabel = "CAPTURE_DIR", description = "A directory of capture files (JSON Lines).")
    private @Nullable Path captureDirectory;

    @Option(names = "--baseline", required = true, paramLabel = "DIR",
            description = "The baseline directory that 'mlops baseline --out' wrote.")
    private @Nullable Path baselineDirectory;

    @Option(names = "--stage", paramLabel = "NAME", defaultValue = "before-preprocessing",
            description = "The stage whose inputs are held against the baseline (default: ${DEFAULT-VALUE}).")
    private String stage = "before-preprocessing";

    @Option(names = "--window", paramLabel = "DURATION", converter = RunsOptions.AgeConverter.class,
            description = "Windows by time, such as 1h, 1d or PT6H (default: 1d), from --origin.")
    private @Nullable Duration window;

    @Option(names = "--window-rows", paramLabel = "N",
            description = "Windows of N records of the stage instead of windows by time.")
    private @Nullable Integer windowRows;

    @Option(names = "--origin", paramLabel = "INSTANT", defaultValue = "1970-01-01T00:00:00Z",
            description = "Where windows by time start, an ISO-8601 instant (default: ${DEFAULT-VALUE}).")
    private Instant origin = Instant.EPOCH;

    @Option(names = "--change-detector", paramLabel = "SPEC",
            description = "The change detector each feature's drift series is scanned with, such as "
                    + "'page-hinkley(warmup=10)' (default: page-hinkley); 'mlops components' lists the types.")
    private @Nullable String changeDetector;

    @Option(names = "--ground-truth", paramLabel = "FILE",
            description = "Late labels, CSV or JSON Lines (compressed or not: labels.csv.gz) with columns inferenceId, "
                    + "label and optional arrivedAt.")
    private @Nullable Path groundTruth;

    @Option(names = "--prediction-stage", paramLabel = "NAME", defaultValue = "after-model",
            description = "The stage whose output holds the prediction (default: ${DEFAULT-VALUE}).")
    private String predictionStage = "after-model";

    @Option(names = "--prediction-field", paramLabel = "NAME", defaultValue = "prediction",
            description = "The output field holding the prediction (default: ${DEFAULT-VALUE}).")
    private String predictionField = "prediction";

    @Option(names = "--regression", description = "The model predicts numbers (RMSE, MAE, R²), not classes.")
    private boolean regression;

    @Option(names = "--training-metric", paramLabel = "NAME=VALUE",
            description = "A metric measured in training, such as accuracy=0.91, to compare each window with.")
    private Map<String, Double> trainingMetrics = new LinkedHashMap<>();

    @Option(names = "--trained-at", paramLabel = "INSTANT",
            description = "When the model was trained, for the model-age series.")
    private @Nullable Instant trainedAt;

    @Option(names = "--html", paramLabel = "DIR", description = "Write report.html and report.json to DIR.")
    private @Nullable Path html;

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    private boolean json;

    MonitorCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path capture = Objects.requireNonNull(captureDirectory, "captureDirectory");
        if (!Files.isDirectory(capture)) {
            throw new MlopsException(capture + ": not a directory of capture files");
        }
        if (window != null && windowRows != null) {
            throw CommandSupport.usage(commandSpec, "--window and --window-rows exclude each other");
        }
        if (windowRows != null && windowRows < 1) {
            throw CommandSupport.usage(commandSpec, "--window-rows must be at least 1 but was " + windowRows);
        }
        Windowing windowing = windowRows != null ? Windowing.byCount(windowRows)
                : Windowing.byTime(window != null ? window : Duration.ofDays(1), origin);
        Baseline baseline = Baseline.load(Objects.requireNonNull(baselineDirectory, "baselineDirectory"));
        MonitoringJob.Builder job = MonitoringJob.builder(baseline).stage(CaptureStage.of(stage)).windowing(windowing);
        if (changeDetector != null) {
            job.changeDetector(Objects.requireNonNull(parent, "parent").registry()
                    .create(ChangeDetector.class, changeDetector));
        }
        if (groundTruth != null) {
            job.quality(quality(windowing), GroundTruth.read(groundTruth));
        } else if (!trainingMetrics.isEmpty() || trainedAt != null || regression) {
            throw CommandSupport.usage(commandSpec, "--training-metric, --trained-at and --regression need "
                    + "--ground-truth");
        }
        MonitoringResult result = job.build().run(capture);
        MonitoringReport report = result.toReport("Monitoring of " + capture);
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? report.toJson() + "\n" : text(result));
        out.flush();
        if (html != null) {
            CommandSupport.writeReport(commandSpec, report, html);
        }
        return result.passed() ? MlopsCommand.EXIT_OK : MlopsCommand.EXIT_CHECK_FAILED;
    }

    private QualityMonitor quality(Windowing windowing) {
        CaptureStage predictions = CaptureStage.of(predictionStage);
        QualityMonitor.Builder builder = regression ? QualityMonitor.regression(predictions, predictionField)
                : QualityMonitor.classification(predictions, predictionField);
        builder.windowing(windowing).training(trainingMetrics);
        if (trainedAt != null) {
            builder.trainedAt(trainedAt);
        }
        return builder.build();
    }

    private static String text(MonitoringResult result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d windows (%s) of stage '%s'; %d capture records read, %d bad "
                        + "lines, %d torn lines%n", result.windows().size(), result.windowing(), result.stage(),
                result.capture().capture().records(), result.capture().capture().badLines(),
                result.capture().capture().tornLines()));
        if (result.capture().late() > 0) {
            text.append(String.format(Locale.ROOT, "%d records came after their window had closed and were left out "
                    + "(first: %s)%n", result.capture().late(), result.capture().lateIds().get(0)));
        }
        if (result.capture().gapWindows() > 0) {
            text.append(String.format(Locale.ROOT, "%d empty windows in gaps of more than %d were skipped%n",
                    result.capture().gapWindows(), CaptureWindows.MAX_EMPTY_RUN));
        }
        for (WindowResult window : result.windows()) {
            text.append(String.format(Locale.ROOT, "%s  %6d rows  %s%n", window.start(), window.rows(),
                    window.passed() ? "ok" : "FAILED"));
            for (Violation violation : window.violations().violations()) {
                text.append("    ").append(violation.severity().label()).append(": ").append(violation.message())
                        .append('\n');
            }
            if (window.wrongType() > 0) {
                text.append(String.format(Locale.ROOT, "    %d values of the wrong type, read as missing%n",
                        window.wrongType()));
            }
        }
        result.changes().forEach((feature, changes) -> {
            for (ShapedChange change : changes) {
                text.append(String.format(Locale.ROOT, "change: %s drift, %s %s from %s (detected %s)%n", feature,
                        change.shape().shape().name().toLowerCase(Locale.ROOT),
                        change.change().direction().name().toLowerCase(Locale.ROOT), change.change().changeTime(),
                        change.change().detectionTime()));
            }
        });
        result.quality().ifPresent(quality -> text.append(quality(quality)));
        text.append(result.passed() ? "passed\n" : "FAILED: " + result.failed().size() + " of "
                + result.windows().size() + " windows\n");
        return text.toString();
    }

    private static String quality(QualityReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "quality: %d labels joined, %d for unknown inference ids, %d bad "
                        + "lines%n", report.labels().joined(), report.labels().unknownIds(),
                report.labels().badLines()));
        for (WindowQuality window : report.windows()) {
            List<String> metrics = window.metrics().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue())).toList();
            text.append(String.format(Locale.ROOT, "%s  %6d labelled  %s%s%n", window.start(), window.labelled(),
                    metrics.isEmpty() ? "no labels yet" : String.join(", ", metrics),
                    window.worse() ? "  WORSE than training" : ""));
        }
        return text.toString();
    }
}
