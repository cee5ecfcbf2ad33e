package dev.mlops.examples.lifecycle;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.data.io.CsvFormat;
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
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureReader;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureStats;
import dev.mlops.monitor.capture.CaptureWriter;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.DriftDetectors;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.monitor.job.MonitoringJob;
import dev.mlops.monitor.job.MonitoringResult;
import dev.mlops.monitor.job.WindowResult;
import dev.mlops.monitor.metric.MetricFilter;
import dev.mlops.monitor.metric.MetricNames;
import dev.mlops.monitor.metric.MetricObservation;
import dev.mlops.monitor.quality.GroundTruth;
import dev.mlops.monitor.quality.Label;
import dev.mlops.monitor.quality.MetricComparison;
import dev.mlops.monitor.quality.QualityMonitor;
import dev.mlops.monitor.quality.QualityReport;
import dev.mlops.monitor.quality.WindowQuality;
import dev.mlops.monitor.report.Finding;
import dev.mlops.monitor.report.MonitoringReport;
import dev.mlops.monitor.report.ReportFiles;
import dev.mlops.monitor.violation.ViolationCheck;
import dev.mlops.monitor.window.Windowing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Everything runs on a simulated clock from {@link #START}, advanced {@link #REQUEST_SPACING}
 * per request, so a window of {@link #REQUESTS_PER_WINDOW} requests is one hour and the canary's
 * bake times pass without sleeping; the requests and the label delays are drawn with fixed seeds,
 * so a run gives the same outcome every time. The canary goes {@link #CANARY_STEPS} percent with a
 * bake time of {@link #BAKE}, and a health check after each window moves it on. After each window
 * the {@link MonitoringJob} runs over the capture directory, as an hourly job would: each
 * column of the window's requests against the training baseline, by a KS test (numbers) or a
 * chi-square test (categories) at {@link #DRIFT_ALPHA}, corrected across columns. It hands the
 * newest window's drift to the {@link AlarmEvaluator}, strongest drift first (smallest adjusted
 * p-value), whose rule {@value #DRIFT_ALARM} raises an alarm for each feature found drifted; the
 * first alarm rolls the canary back through the endpoint, so the rollback names the feature that
 * drifted most, and production answers everything from then on.
 *
 * <p>Each application is captured at two stages of the pipeline under its inference id: as it
 * arrived, at {@code before-preprocessing} (the applicant, the synthetic application date and the
 * features; never the label, which arrives later), and as the endpoint answered it, at
 * {@code after-model} (the features it was asked about, its answer and the variant that served
 * it). The first record is written once the endpoint has routed the request, at the same simulated
 * instant, so that it names the serving variant too. The monitoring job and the quality monitor
 * read the {@code after-model} records: a request carries the application's columns without the
 * label and the date, and the baseline holds the same columns of the training rows.
 *
 * <p>The served predictions' quality, once the labels are in, is measured per variant and per
 * kind of traffic (normal, drifted: the variants served different mixes) and set against the
 * metrics each model version was registered with (in the walk, its macro-F1 and accuracy on the
 * validation rows); an accuracy counts as worse only when it falls more than
 * {@value VariantQuality#STANDARD_ERRORS} standard errors behind (see {@link VariantQuality}).
 * The report's hourly quality, where production answered most requests, is set against
 * production's, a metric falling more than {@link #QUALITY_TOLERANCE} behind marked there.
 *
 * <p>Written into the development's directory: {@code baseline/} (the training baseline),
 * {@code capture/} (both stages of every request, JSON Lines, one file per simulated day),
 * {@code labels.csv} (the late labels, with their arrival times) and
 * {@code report/report.html} (with {@code report.json}). A second run in the same directory
 * replaces them: the previous run's capture files are deleted first, since the stream replays the
 * same simulated hours.
 */
public final class Operations {
    /** When the simulated stream starts (UTC). */
    public static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    /** Requests per window of the stream (one simulated hour). */
    public static final int REQUESTS_PER_WINDOW = 240;
    /** The simulated time between two requests. */
    public static final Duration REQUEST_SPACING = Duration.ofSeconds(15);
    /** The length of a window: {@link #REQUESTS_PER_WINDOW} requests {@link #REQUEST_SPACING} apart. */
    public static final Duration WINDOW = REQUEST_SPACING.multipliedBy(REQUESTS_PER_WINDOW);
    /** The canary's share at each step, in percent. */
    public static final String CANARY_STEPS = "10,25,50,100";
    /** How long each canary step runs without a breach before the next. */
    public static final Duration BAKE = Duration.ofMinutes(45);
    /** The fewest canary requests a step's health check judges. */
    public static final long MIN_CANARY_REQUESTS = 10;
    /** The windows of the stream, in order: two of normal traffic, then two drifted. */
    public static final List<StreamWindow.Traffic> PLAN = List.of(StreamWindow.Traffic.NORMAL,
            StreamWindow.Traffic.NORMAL, StreamWindow.Traffic.DRIFTED, StreamWindow.Traffic.DRIFTED);
    /** The shortest delay of a label after its prediction. */
    public static final Duration LABEL_DELAY_MIN = Duration.ofHours(1);
    /** The longest delay of a label after its prediction. */
    public static final Duration LABEL_DELAY_MAX = Duration.ofHours(8);
    /** How long after the stream ends quality is measured: labels due later are still pending then. */
    public static final Duration QUALITY_AFTER = Duration.ofHours(3);
    /**
     * The significance level of the per-column drift tests (KS for numbers, chi-square for
     * categories, p-values corrected across columns by Benjamini-Hochberg); see
     * {@link RequestStream} for how the stream's normal and drifted windows fare against them.
     */
    public static final double DRIFT_ALPHA = 0.01;
    /** The name of the alarm rule on input drift. */
    public static final String DRIFT_ALARM = "input-drift";
    /**
     * How far a metric of the report's hourly quality may fall behind the value production was
     * registered with before the report marks it worse. An hour's hundred-odd labels give an
     * accuracy a standard error of about 0.04, so a single hour marked is weak evidence.
     */
    public static final double QUALITY_TOLERANCE = 0.05;
    /** The seed of the request stream; the label delays use the next one. */
    public static final long SEED = 20261207L;

    /** The stage the endpoint captures each answered request at: its features, answer and variant. */
    private static final CaptureStage SERVED = CaptureStage.AFTER_MODEL;
    /** The stage the walk captures each application at as it arrived, before it is cut down to the features. */
    private static final CaptureStage ARRIVED = CaptureStage.BEFORE_PREPROCESSING;
    private static final String PREDICTION = "prediction";
    private static final int DRIFTS_SHOWN = 3;
    /** Drifted columns by the strength of their evidence: adjusted p-value, then the raw one. */
    private static final Comparator<ColumnDrift> STRONGEST_FIRST = Comparator
            .comparingDouble(Operations::adjustedPValue)
            .thenComparingDouble(column -> column.result().orElseThrow().pValue().orElse(Double.NaN));
    /** The names {@link CaptureWriter} gives its files. */
    private static final String CAPTURE_FILES = "capture-*.jsonl";

    private Operations() {
    }

    /**
     * Runs steps 7 to 10 of the walk, announcing each on the console.
     *
     * @param development what the development half handed over: the registry with the production
     *     model and the approved candidate, the training rows and the held-out rows
     * @param console where the steps are reported; four steps are announced
     * @return the rollout's course, the drift, alarms and quality found, and the artifacts' paths
     * @throws IllegalArgumentException if the held-out rows are empty or hold no applicant aged 50
     *     or more to drift towards
     * @throws java.io.UncheckedIOException if the output directory cannot be written
     */
    public static OperationsOutcome run(Development development, Console console) {
        SimulatedClock clock = new SimulatedClock(START);
        Path out = development.directory();
        List<String> features = development.reference().schema().names().stream()
                .filter(name -> !name.equals(development.label()) && !name.equals(development.date()))
                .toList();
        Baseline baseline = Baseline.builder().suiteName("credit-approval").clock(clock)
                .build(development.reference().select(features.toArray(String[]::new)));
        Path baselineDirectory = out.resolve("baseline");
        baseline.write(baselineDirectory);
        Windowing hourly = Windowing.byTime(WINDOW, START);
        Path captureDirectory = out.resolve("capture");
        Stream stream = serve(development, features, baseline, hourly, captureDirectory, clock, console);

        console.step(String.format(Locale.ROOT, "Model quality from late labels (%d-%d hours after each prediction)",
                LABEL_DELAY_MIN.toHours(), LABEL_DELAY_MAX.toHours()));
        Instant asOf = clock.advance(QUALITY_AFTER);
        Path labelsFile = out.resolve("labels.csv");
        AtomicFiles.write(labelsFile, file -> CsvFormat.defaults().write(lateLabels(stream.served()).table(), file));
        GroundTruth truth = GroundTruth.read(labelsFile);
        List<CaptureRecord> records = CaptureReader.readAll(captureDirectory).records();
        Windowing wholeStream = Windowing.byTime(WINDOW.multipliedBy(PLAN.size()), START);
        List<VariantQuality> quality = new ArrayList<>();
        for (ModelVersion version : List.of(development.production(), development.candidate())) {
            String variant = variant(version);
            for (StreamWindow.Traffic traffic : StreamWindow.Traffic.values()) {
                List<CaptureRecord> served = records.stream().filter(r -> r.modelVariant().equals(variant)
                        && traffic(stream.windows(), r.time()) == traffic).toList();
                quality.add(figures(variant, traffic,
                        quality(wholeStream, asOf, clock, version).evaluate(served, truth)));
            }
        }
        long labelled = quality.stream().mapToLong(VariantQuality::labelled).sum();
        console.detail("%d labels delivered to %s; by %s %d had arrived and joined their prediction, %d pending",
                truth.labels().size(), out.relativize(labelsFile), asOf, labelled,
                quality.stream().mapToLong(VariantQuality::pending).sum());
        console.detail("per variant and traffic, accuracy +- its standard error, flagged worse only when more than"
                + " %.0f SE behind the registered (validation) value:", VariantQuality.STANDARD_ERRORS);
        quality.forEach(variant -> console.detail("  %s", accuracy(variant)));

        console.step("HTML monitoring report");
        MonitoringResult monitored = job(baseline, hourly, clock)
                .quality(quality(hourly, asOf, clock, development.production()), truth).build()
                .run(captureDirectory);
        ReportFiles files = ReportFiles.write(withOperations(monitored.toReport("Credit approval: canary of "
                + variant(development.candidate()) + " beside " + variant(development.production())), stream.history(),
                quality), out.resolve("report"));
        console.detail("%s: %d hourly windows (%d failed their checks), drift charts per feature, accuracy per window",
                out.relativize(files.html()), monitored.windows().size(), monitored.failed().size());
        return new OperationsOutcome(stream.status(), stream.history(), stream.windows(), stream.alarms(), quality,
                truth.labels().size(), captureDirectory, baselineDirectory, labelsFile, files.html());
    }

    /** Steps 7 and 8: the canary over the stream, normal then drifted, watched window by window. */
    private static Stream serve(Development development, List<String> features, Baseline baseline,
            Windowing hourly, Path captureDirectory, SimulatedClock clock, Console console) {
        String production = variant(development.production());
        String candidate = variant(development.candidate());
        RequestStream requests = new RequestStream(development.heldOut(), features, development.label(), SEED);
        List<AlarmEvent> alarms = new ArrayList<>();
        AlarmEvaluator alarmEvaluator = AlarmEvaluator.builder()
                .rule(ThresholdRule.above(DRIFT_ALARM, MetricFilter.of(MetricNames.DRIFT_VERDICT), 0.5)
                        .withSeverity(Severity.ERROR))
                .sink(AlarmSinks.logging())
                .sink(AlarmSinks.callback(alarms::add))
                .build();
        CanarySettings canary = CanarySettings.builder(production, candidate).steps(CANARY_STEPS).bake(BAKE)
                .minRequests(MIN_CANARY_REQUESTS).build();
        List<Served> served = new ArrayList<>();
        List<StreamWindow> windows = new ArrayList<>();
        removePreviousReplay(captureDirectory);
        try (CaptureWriter capture = CaptureWriter.builder(captureDirectory).clock(clock)
                .overflow(CaptureWriter.Overflow.BLOCK).rotateAfter(Duration.ofDays(1)).build();
                Endpoint endpoint = Endpoint.builder(CanaryStrategy.of(canary)).name("credit-approval")
                        .variant(production, development.registry(), development.operator(),
                                spec(development.production()))
                        .variant(candidate, development.registry(), development.operator(),
                                spec(development.candidate()))
                        .clock(clock).capture(capture).noTimeout().build()) {
            alarmEvaluator.addSink(AlarmSinks.onRaised(Severity.ERROR, event -> {
                if (!endpoint.rollout().status().finished()) {
                    endpoint.apply(new RolloutEvent.Alarm(event));
                }
            }));
            console.step(String.format(Locale.ROOT, "Canary of %s beside %s (production): %s %%, bake %d min,"
                    + " error rate at most %.2f, over a simulated request stream", candidate, production, CANARY_STEPS,
                    BAKE.toMinutes(), canary.maxErrorRate()));
            for (int index = 0; index < PLAN.size(); index++) {
                StreamWindow.Traffic traffic = PLAN.get(index);
                if (index > 0 && traffic != PLAN.get(index - 1)) {
                    console.step(String.format(Locale.ROOT, "A drifted stream: %.0f %% of applications from the %d"
                            + " held-out applicants aged %.0f or more (seeded resampling)",
                            RequestStream.OLDER_SHARE * 100, requests.olderApplicants(), RequestStream.OLDER_AGE));
                }
                Instant start = clock.instant();
                RolloutStatus before = endpoint.rollout().status();
                int alarmsBefore = alarms.size();
                SortedMap<String, Long> answered = new TreeMap<>();
                for (int i = 0; i < REQUESTS_PER_WINDOW; i++) {
                    RequestStream.Application application = requests.next(traffic);
                    PredictResponse response = endpoint.predict(PredictRequest.table(application.features())
                            .withInferenceId(application.inferenceId()).withUnitId(application.applicant()));
                    capture.capture(application.inferenceId(), response.variant(), ARRIVED, application.arrived(),
                            Map.of());
                    answered.merge(response.variant(), 1L, Long::sum);
                    served.add(new Served(application.inferenceId(), clock.instant(), application.label()));
                    clock.advance(REQUEST_SPACING);
                }
                capture.flush();
                WindowResult checked = monitorNewest(baseline, hourly, captureDirectory, start, alarmEvaluator, clock);
                List<ColumnDrift> drifted = checked.violations().drift().map(TableDriftReport::drifted)
                        .orElse(List.of());
                RolloutStatus after = endpoint.checkHealth();
                StreamWindow window = new StreamWindow(index, start, clock.instant(), traffic, before.stage(), answered,
                        checked.rows(), drifted);
                windows.add(window);
                console.detail("hour %d from %s, %s traffic, stage %s (%s %.0f %%): answered %s -> %s", index + 1,
                        start, traffic.name().toLowerCase(Locale.ROOT), before.stage(), candidate,
                        before.traffic().get(candidate) * 100, shares(answered), after.stage());
                console.detail("  %s", drift(drifted, features.size()));
                long raised = alarms.subList(alarmsBefore, alarms.size()).stream().filter(AlarmEvent::raised).count();
                List<RolloutTransition> moves = endpoint.rollout().transitions();
                if (raised > 0 && !before.finished() && after.finished()) {
                    RolloutTransition rollback = moves.get(moves.size() - 1);
                    console.detail("  alarm '%s' raised for %d drifted features of the window from %s; canary %s at"
                            + " %s, the window's end, because:", DRIFT_ALARM, raised, start, rollback.to().stage(),
                            rollback.at());
                    console.detail("    %s", rollback.cause());
                }
            }
            capture.flush();
            CaptureStats captured = capture.stats();
            console.detail("routing is sticky per applicant (a hash of its id picks the variant) and the drifted"
                    + " stream repeats the few older applicants, so a window's shares stray from its stage's %%");
            console.detail("captured %d requests at two stages: %d records in %s/, %d file(s), one per simulated day",
                    served.size(), captured.written(), captureDirectory.getFileName(), captured.filesOpened());
            console.detail("  %s (as it arrived: applicant, date, features), %s (features, answer, variant)", ARRIVED,
                    SERVED);
            return new Stream(endpoint.rollout().status(), endpoint.rollout().transitions(), windows, alarms, served);
        }
    }

    /**
     * The monitoring job's report with the rollout's moves and each variant's accuracy put first
     * among its findings, so the page tells what operations did, not only what the job measured.
     */
    private static MonitoringReport withOperations(MonitoringReport measured, List<RolloutTransition> history,
            List<VariantQuality> quality) {
        List<Finding> findings = new ArrayList<>();
        for (RolloutTransition move : history) {
            findings.add(Finding.of(move.to().stage().equals(OperationsOutcome.ROLLED_BACK) ? Severity.WARNING
                    : Severity.INFO, "rollout", move.at() + ": " + move.from().stage() + " -> " + move.to().stage()
                    + ": " + move.cause()));
        }
        for (VariantQuality variant : quality) {
            findings.add(Finding.of(Severity.INFO, "quality " + variant.variant(), accuracy(variant) + ", "
                    + variant.pending() + " labels pending"));
        }
        findings.addAll(measured.findings());
        return new MonitoringReport(measured.title(), measured.createdAt(), measured.subject(), findings,
                measured.features(), measured.timelines(), measured.quality());
    }

    /**
     * Deletes the capture files a previous run of the walk left: the stream replays the same
     * simulated hours, so its records would be read twice. Other files are left alone.
     */
    private static void removePreviousReplay(Path captureDirectory) {
        if (!Files.isDirectory(captureDirectory)) {
            return;
        }
        try (DirectoryStream<Path> previous = Files.newDirectoryStream(captureDirectory, CAPTURE_FILES)) {
            for (Path file : previous) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the previous run's capture files in " + captureDirectory, e);
        }
    }

    /**
     * Runs the monitoring job over everything captured so far, as a scheduled job would after
     * each hour, and hands the newest window's observations to the alarms, the strongest drift
     * first (by adjusted p-value): the first alarm rolls the canary back, so its cause names the
     * feature that drifted most, not the first drifted one in the baseline's column order.
     */
    private static WindowResult monitorNewest(Baseline baseline, Windowing hourly, Path captureDirectory,
            Instant windowStart, AlarmEvaluator alarms, Clock clock) {
        List<MetricObservation> newest = new ArrayList<>();
        MonitoringResult result = job(baseline, hourly, clock)
                .sink(observation -> {
                    if (observation.time().equals(windowStart)) {
                        newest.add(observation);
                    }
                })
                .build().run(captureDirectory);
        WindowResult window = result.windows().get(result.windows().size() - 1);
        Map<String, ColumnDrift> drift = window.violations().drift().map(TableDriftReport::columns).orElse(List.of())
                .stream().filter(column -> column.result().isPresent())
                .collect(Collectors.toMap(ColumnDrift::column, column -> column));
        Comparator<MetricObservation> strongestFirst = Comparator.comparing(
                (MetricObservation observation) -> drift.get(observation.id().tags().get(MetricNames.FEATURE)),
                Comparator.nullsLast(STRONGEST_FIRST));
        newest.stream().sorted(strongestFirst).forEach(alarms::accept);
        return window;
    }

    /**
     * The monitoring job over the capture: the served requests' inputs, hourly, against the
     * baseline, each column with a test at {@link #DRIFT_ALPHA}.
     */
    private static MonitoringJob.Builder job(Baseline baseline, Windowing hourly, Clock clock) {
        return MonitoringJob.builder(baseline).stage(SERVED).windowing(hourly).clock(clock)
                .violations(ViolationCheck.builder().drift(drift(baseline.schema(), clock)).clock(clock).build());
    }

    /**
     * The drift tests the monitoring job runs on each window.
     *
     * @param schema the baseline's columns
     * @param clock the clock that stamps the reports
     * @return per column a KS test (numbers) or a chi-square test (categories) at {@link #DRIFT_ALPHA},
     *     p-values corrected across the columns
     */
    static TableDrift drift(Schema schema, Clock clock) {
        TableDrift.Builder drift = TableDrift.builder().clock(clock);
        for (Field field : schema.fields()) {
            drift.detector(field.name(), field.type() == ColumnType.NUMERIC ? DriftDetectors.ks(DRIFT_ALPHA)
                    : DriftDetectors.chiSquare(DRIFT_ALPHA));
        }
        return drift.build();
    }

    /** The label of each served request, arriving a seeded delay after its prediction. */
    private static GroundTruth lateLabels(List<Served> served) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        long spread = LABEL_DELAY_MAX.minus(LABEL_DELAY_MIN).toSeconds();
        List<Label> labels = new ArrayList<>(served.size());
        for (int i = 0; i < served.size(); i++) {
            Served one = served.get(i);
            Instant arrives = one.at().plus(LABEL_DELAY_MIN).plusSeconds(random.nextLong(spread + 1));
            labels.add(Label.of(one.inferenceId(), one.label(), arrives, i + 2L));
        }
        return GroundTruth.of(labels);
    }

    /**
     * The quality of the served predictions, each window's metrics set against the metrics the
     * model version was registered with (what it showed before release), a metric counting as
     * worse when it falls more than {@link #QUALITY_TOLERANCE} behind.
     */
    private static QualityMonitor quality(Windowing windowing, Instant asOf, Clock clock, ModelVersion released) {
        return QualityMonitor.classification(SERVED, PREDICTION).windowing(windowing).asOf(asOf)
                .training(released.metrics()).tolerance(QUALITY_TOLERANCE).clock(clock).build();
    }

    /**
     * A variant's figures from its quality report over the whole stream, which is one window.
     *
     * @throws IllegalStateException if the report has more than one window
     */
    private static VariantQuality figures(String variant, StreamWindow.Traffic traffic, QualityReport report) {
        if (report.windows().size() > 1) {
            throw new IllegalStateException("the quality of " + variant + " must be measured over the whole stream"
                    + " as one window, but the report has " + report.windows().size() + ": " + report.windowing());
        }
        if (report.windows().isEmpty()) {
            return new VariantQuality(variant, traffic, 0, 0, 0, OptionalDouble.empty(), List.of());
        }
        WindowQuality whole = report.windows().get(0);
        Optional<Double> accuracy = whole.metric(QualityMonitor.ACCURACY);
        return new VariantQuality(variant, traffic, whole.predictions(), whole.labelled(), whole.pending(),
                accuracy.isPresent() ? OptionalDouble.of(accuracy.get()) : OptionalDouble.empty(),
                whole.comparisons());
    }

    /** The kind of traffic of the window a time falls in. */
    private static StreamWindow.Traffic traffic(List<StreamWindow> windows, Instant time) {
        return windows.stream().filter(window -> !time.isBefore(window.start()) && time.isBefore(window.end()))
                .map(StreamWindow::traffic).findFirst()
                .orElseThrow(() -> new IllegalStateException("no window of the stream holds " + time));
    }

    /**
     * A variant's accuracy on one kind of traffic with its standard error, beside its registered
     * value, and its macro-F1 beside the registered one.
     */
    private static String accuracy(VariantQuality quality) {
        String served = quality.variant() + ", " + quality.traffic().name().toLowerCase(Locale.ROOT) + " traffic";
        if (quality.predictions() == 0) {
            return served + ": none served";
        }
        if (quality.accuracy().isEmpty()) {
            return served + ": not measured (no label yet)";
        }
        double accuracy = quality.accuracy().getAsDouble();
        double error = quality.standardError().orElseThrow();
        String registered = quality.comparison(QualityMonitor.ACCURACY)
                .map(comparison -> String.format(Locale.ROOT, " vs %.3f registered (%+.3f, %s)", comparison.training(),
                        comparison.delta(), quality.worseThanRegistered() ? "WORSE by more than "
                                + (int) VariantQuality.STANDARD_ERRORS + " SE" : "within "
                                + (int) VariantQuality.STANDARD_ERRORS + " SE"))
                .orElse(" (none registered)");
        String macroF1 = quality.comparison(QualityMonitor.MACRO_F1)
                .map(comparison -> String.format(Locale.ROOT, "; macro_f1 %.3f vs %.3f", comparison.value(),
                        comparison.training()))
                .orElse("");
        return String.format(Locale.ROOT, "%s, %d labels: accuracy %.3f +- %.3f%s%s", served, quality.labelled(),
                accuracy, error, registered, macroF1);
    }

    private static String drift(List<ColumnDrift> drifted, int columns) {
        if (drifted.isEmpty()) {
            return String.format(Locale.ROOT, "no drift in %d columns", columns);
        }
        return String.format(Locale.ROOT, "%d of %d columns drifted; most: %s", drifted.size(), columns,
                drifted.stream().sorted(STRONGEST_FIRST).limit(DRIFTS_SHOWN)
                        .map(Operations::describe).collect(Collectors.joining(", ")));
    }

    private static double adjustedPValue(ColumnDrift column) {
        return column.result().orElseThrow().adjustedPValue().orElse(Double.NaN);
    }

    private static String describe(ColumnDrift column) {
        DriftResult result = column.result().orElseThrow();
        return String.format(Locale.ROOT, "%s (%s %.3f, adj. p %.1e)", column.column(), result.detector(),
                result.value(), adjustedPValue(column));
    }

    private static String shares(SortedMap<String, Long> answered) {
        return answered.entrySet().stream().map(count -> count.getKey() + " " + count.getValue())
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

    /** What the stream left: the rollout's end and course, its windows, the alarms and the requests served. */
    private record Stream(RolloutStatus status, List<RolloutTransition> history, List<StreamWindow> windows,
            List<AlarmEvent> alarms, List<Served> served) {
    }
}
