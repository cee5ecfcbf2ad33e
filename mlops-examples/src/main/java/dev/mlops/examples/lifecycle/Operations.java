package dev.mlops.examples.lifecycle;

import dev.mlops.core.report.Severity;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.serving.Endpoint;
import dev.mlops.deploy.serving.PredictRequest;
import dev.mlops.deploy.serving.PredictResponse;
import dev.mlops.deploy.strategy.CanarySettings;
import dev.mlops.deploy.strategy.CanaryStrategy;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutStatus;
import dev.mlops.deploy.strategy.RolloutTransition;
import dev.mlops.monitor.alarm.AlarmEvaluator;
import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.alarm.AlarmSinks;
import dev.mlops.monitor.alarm.ThresholdRule;
import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.capture.CaptureBatch;
import dev.mlops.monitor.capture.CaptureReader;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureWriter;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.monitor.job.MonitoringJob;
import dev.mlops.monitor.job.MonitoringResult;
import dev.mlops.monitor.job.WindowResult;
import dev.mlops.monitor.metric.MetricFilter;
import dev.mlops.monitor.metric.MetricNames;
import dev.mlops.monitor.quality.GroundTruth;
import dev.mlops.monitor.quality.Label;
import dev.mlops.monitor.quality.QualityMonitor;
import dev.mlops.monitor.quality.QualityReport;
import dev.mlops.monitor.quality.WindowQuality;
import dev.mlops.monitor.report.ReportFiles;
import dev.mlops.monitor.window.Windowing;
import dev.mlops.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The operations half of the lifecycle walk (steps 7 to 10): the candidate goes out as a canary
 * beside production over a simulated stream of applications, every request and answer captured;
 * the stream then drifts towards older applicants, the monitoring job finds it, an alarm fires
 * and the canary is rolled back while production keeps serving; the labels arrive late and the
 * served predictions' accuracy is measured per variant; an HTML report shows it all.
 *
 * <p>Everything runs on a simulated clock ({@link #START}, advanced
 * {@link #REQUEST_SPACING} per request, so a window of {@link #REQUESTS_PER_WINDOW} requests is
 * one hour) and draws with fixed seeds, so a run takes a few seconds and gives the same outcome
 * every time. The canary goes {@link #CANARY_STEPS} percent with a bake time of {@link #BAKE}; a
 * health check after each window moves it on. After each window the {@link MonitoringJob} runs
 * over the capture directory, as an hourly job would, and hands the drift of the newest window
 * to the {@link AlarmEvaluator}, whose rule raises an alarm when any feature drifted; the alarm
 * rolls the canary back through the endpoint.
 */
public final class Operations {
    /** When the simulated stream starts (UTC). */
    public static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    /** Requests per window of the stream (one simulated hour). */
    public static final int REQUESTS_PER_WINDOW = 240;
    /** The simulated time between two requests. */
    public static final Duration REQUEST_SPACING = Duration.ofSeconds(15);
    /** The canary's share at each step, in percent. */
    public static final String CANARY_STEPS = "10,25,50,100";
    /** How long each canary step runs without a breach before the next. */
    public static final Duration BAKE = Duration.ofMinutes(45);
    /** The fewest canary requests a step's health check judges. */
    public static final long MIN_CANARY_REQUESTS = 15;
    /** The windows of the stream, in order: two of normal traffic, then two drifted. */
    public static final List<StreamWindow.Traffic> PLAN = List.of(StreamWindow.Traffic.NORMAL,
            StreamWindow.Traffic.NORMAL, StreamWindow.Traffic.DRIFTED, StreamWindow.Traffic.DRIFTED);
    /** The shortest and longest delay of a label after its prediction. */
    public static final Duration LABEL_DELAY_MIN = Duration.ofHours(1);
    /** The longest delay of a label after its prediction. */
    public static final Duration LABEL_DELAY_MAX = Duration.ofHours(8);
    /** How long after the stream ends quality is measured: labels due later are still pending. */
    public static final Duration QUALITY_AFTER = Duration.ofHours(3);
    /** The name of the alarm rule on input drift. */
    public static final String DRIFT_ALARM = "input-drift";
    /** The seed of the request stream and the label delays. */
    public static final long SEED = 20261207L;

    private static final Duration WINDOW = REQUEST_SPACING.multipliedBy(REQUESTS_PER_WINDOW);
    private static final CaptureStage SERVED = CaptureStage.AFTER_MODEL;
    private static final String PREDICTION = "prediction";

    private Operations() {
    }

    /**
     * Runs steps 7 to 10 of the walk, announcing each on the console.
     *
     * @param development what the development half handed over: the registry with the production
     *     model and the approved candidate, the training rows and the held-out rows
     * @param console where the steps are reported
     * @return the rollout's course, the drift, alarms and quality found, and the artifacts' paths
     * @throws IllegalArgumentException if the held-out rows hold no older applicant to drift towards
     * @throws java.io.UncheckedIOException if the output directory cannot be written
     */
    public static OperationsOutcome run(Development development, Console console) {
        ManualClock clock = new ManualClock(START);
        Path out = development.directory();
        List<String> features = development.reference().schema().fields().stream()
                .map(field -> field.name())
                .filter(name -> !name.equals(development.label()) && !name.equals(development.date()))
                .toList();
        Baseline baseline = Baseline.builder().suiteName("credit-approval").clock(clock)
                .build(development.reference().select(features.toArray(String[]::new)));
        Path baselineDirectory = out.resolve("baseline");
        baseline.write(baselineDirectory);
        Path captureDirectory = out.resolve("capture");
        String production = variant(development.production());
        String candidate = variant(development.candidate());
        RequestStream stream = new RequestStream(development.heldOut(), features, development.label(), SEED);
        List<AlarmEvent> alarms = new ArrayList<>();
        AlarmEvaluator alarmEvaluator = AlarmEvaluator.builder()
                .rule(ThresholdRule.above(DRIFT_ALARM, MetricFilter.of(MetricNames.DRIFT_VERDICT), 0.5)
                        .withSeverity(Severity.ERROR))
                .sink(AlarmSinks.logging())
                .sink(AlarmSinks.callback(alarms::add))
                .build();
        Windowing hourly = Windowing.byTime(WINDOW, START);
        List<Served> served = new ArrayList<>();
        List<StreamWindow> windows = new ArrayList<>();
        RolloutStatus finalStatus;
        List<RolloutTransition> history;
        CanarySettings canary = CanarySettings.builder(production, candidate).steps(CANARY_STEPS).bake(BAKE)
                .minRequests(MIN_CANARY_REQUESTS).build();
        try (CaptureWriter capture = CaptureWriter.builder(captureDirectory).clock(clock)
                .overflow(CaptureWriter.Overflow.BLOCK).build();
                Endpoint endpoint = Endpoint.builder(CanaryStrategy.of(canary)).name("credit-approval")
                        .variant(production, development.registry(), development.operator(),
                                spec(development.production()))
                        .variant(candidate, development.registry(), development.operator(),
                                spec(development.candidate()))
                        .clock(clock).capture(capture).noTimeout().build()) {
            alarmEvaluator.addSink(AlarmSinks.onRaised(Severity.ERROR,
                    event -> endpoint.apply(new RolloutEvent.Alarm(event))));
            console.step("Canary rollout of " + candidate + " beside " + production + " over a simulated request stream");
            for (int index = 0; index < PLAN.size(); index++) {
                StreamWindow.Traffic traffic = PLAN.get(index);
                if (index > 0 && traffic != PLAN.get(index - 1)) {
                    console.step("A drifted stream: " + Math.round(RequestStream.OLDER_SHARE * 100)
                            + " % of applications from applicants aged " + Math.round(RequestStream.OLDER_AGE)
                            + "+ (seeded resampling of held-out rows)");
                }
                Instant start = clock.instant();
                String stage = endpoint.rollout().status().stage();
                String shares = shares(endpoint.rollout().status());
                SortedMap<String, Long> answered = new TreeMap<>();
                for (int i = 0; i < REQUESTS_PER_WINDOW; i++) {
                    RequestStream.Application application = stream.next(traffic);
                    PredictResponse response = endpoint.predict(PredictRequest.table(application.features())
                            .withInferenceId(application.inferenceId()).withUnitId(application.applicant()));
                    answered.merge(response.variant(), 1L, Long::sum);
                    served.add(new Served(application.inferenceId(), clock.instant(), application.label()));
                    clock.advance(REQUEST_SPACING);
                }
                capture.flush();
                Instant windowStart = start;
                MonitoringResult live = MonitoringJob.builder(baseline).stage(SERVED).windowing(hourly).clock(clock)
                        .sink(observation -> {
                            if (observation.time().equals(windowStart)) {
                                alarmEvaluator.accept(observation);
                            }
                        })
                        .build().run(captureDirectory);
                WindowResult checked = live.windows().get(live.windows().size() - 1);
                List<ColumnDrift> drifted = checked.violations().drift().map(TableDriftReport::drifted)
                        .orElse(List.of());
                RolloutStatus after = endpoint.checkHealth();
                StreamWindow window = new StreamWindow(index, start, clock.instant(), traffic, stage, answered,
                        checked.rows(), drifted);
                windows.add(window);
                console.detail("hour %d, %s traffic, %s (%s): %s; captured %d; drift: %s; then %s", index + 1,
                        traffic.name().toLowerCase(Locale.ROOT), stage, shares, answered, checked.rows(),
                        drifted.isEmpty() ? "none" : describe(drifted), after.stage());
            }
            finalStatus = endpoint.rollout().status();
            history = endpoint.rollout().transitions();
        }
        for (RolloutTransition transition : history) {
            console.detail("%s: %s -> %s", transition.at(), transition.from().stage(), transition.to().stage());
        }
        console.step("Model quality from labels that arrive 1-8 hours late");
        Instant asOf = clock.advance(QUALITY_AFTER);
        GroundTruth truth = lateLabels(served);
        Windowing wholeStream = Windowing.byTime(WINDOW.multipliedBy(PLAN.size()), START);
        CaptureBatch records = CaptureReader.readAll(captureDirectory);
        List<VariantQuality> perVariant = new ArrayList<>();
        for (String variant : List.of(production, candidate)) {
            List<CaptureRecord> ofVariant = records.records().stream()
                    .filter(record -> record.modelVariant().equals(variant)).toList();
            perVariant.add(figures(variant, quality(wholeStream, asOf, clock).evaluate(ofVariant, truth)));
        }
        for (VariantQuality figures : perVariant) {
            console.detail("%s: %d predictions, %d labelled, %d pending, accuracy %s", figures.variant(),
                    figures.predictions(), figures.labelled(), figures.pending(),
                    figures.accuracy().isPresent()
                            ? String.format(Locale.ROOT, "%.3f", figures.accuracy().getAsDouble()) : "n/a");
        }
        console.step("HTML monitoring report");
        MonitoringResult result = MonitoringJob.builder(baseline).stage(SERVED).windowing(hourly).clock(clock)
                .quality(quality(hourly, asOf, clock), truth).build().run(captureDirectory);
        ReportFiles files = ReportFiles.write(result.toReport("Credit approval: canary of " + candidate),
                out.resolve("report"));
        console.detail("%d windows, %d with violations; %s", result.windows().size(), result.failed().size(),
                files.html());
        return new OperationsOutcome(finalStatus, history, windows, alarms, perVariant, truth.labels().size(),
                captureDirectory, baselineDirectory, files.html());
    }

    private static GroundTruth lateLabels(List<Served> served) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        long spread = LABEL_DELAY_MAX.minus(LABEL_DELAY_MIN).toSeconds();
        List<Label> labels = new ArrayList<>(served.size());
        for (int i = 0; i < served.size(); i++) {
            Served one = served.get(i);
            Instant arrives = one.at().plus(LABEL_DELAY_MIN).plusSeconds(random.nextLong(spread + 1));
            labels.add(Label.of(one.inferenceId(), one.label(), arrives, i + 1L));
        }
        return GroundTruth.of(labels);
    }

    private static QualityMonitor quality(Windowing windowing, Instant asOf, Clock clock) {
        return QualityMonitor.classification(SERVED, PREDICTION).windowing(windowing).asOf(asOf).clock(clock).build();
    }

    private static VariantQuality figures(String variant, QualityReport report) {
        WindowQuality all = report.windows().get(0);
        Optional<Double> accuracy = all.metric(QualityMonitor.ACCURACY);
        return new VariantQuality(variant, all.predictions(), all.labelled(), all.pending(),
                accuracy.isPresent() ? OptionalDouble.of(accuracy.get()) : OptionalDouble.empty());
    }

    private static String describe(List<ColumnDrift> drifted) {
        return drifted.stream().map(column -> {
            DriftResult result = column.result().orElseThrow();
            return String.format(Locale.ROOT, "%s (%s %.3f%s)", column.column(), result.statistic(), result.value(),
                    result.pValue().isPresent() ? String.format(Locale.ROOT, ", p %.2g", result.pValue().getAsDouble())
                            : "");
        }).collect(Collectors.joining(", "));
    }

    private static String shares(RolloutStatus status) {
        return status.traffic().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), e.getValue() * 100))
                .collect(Collectors.joining(", "));
    }

    private static String variant(ModelVersion version) {
        return version.model() + "-v" + version.version();
    }

    private static String spec(ModelVersion version) {
        return version.model() + ":" + version.version();
    }

    /** A request served: its id, when, and the label that will arrive for it. */
    private record Served(String inferenceId, Instant at, String label) {
    }
}
