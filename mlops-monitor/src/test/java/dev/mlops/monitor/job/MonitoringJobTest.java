package dev.mlops.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.monitor.alarm.AlarmEvaluator;
import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.alarm.AlarmSinks;
import dev.mlops.monitor.alarm.ThresholdRule;
import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureWriter;
import dev.mlops.monitor.change.Direction;
import dev.mlops.monitor.change.Shape;
import dev.mlops.monitor.change.ShapedChange;
import dev.mlops.monitor.metric.MetricFilter;
import dev.mlops.monitor.metric.MetricNames;
import dev.mlops.monitor.metric.MetricObservation;
import dev.mlops.monitor.micrometer.MonitorMeterBinder;
import dev.mlops.monitor.quality.GroundTruth;
import dev.mlops.monitor.quality.Label;
import dev.mlops.monitor.quality.QualityMonitor;
import dev.mlops.monitor.quality.QualityReport;
import dev.mlops.monitor.report.MonitoringReport;
import dev.mlops.monitor.report.ReportFiles;
import dev.mlops.monitor.report.Timeline;
import dev.mlops.monitor.report.Verdict;
import dev.mlops.monitor.violation.ViolationType;
import dev.mlops.monitor.drift.DriftDetectors;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.violation.ViolationCheck;
import dev.mlops.monitor.window.CaptureWindows;
import dev.mlops.monitor.window.WindowRun;
import dev.mlops.monitor.window.Windowing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringJobTest {

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    private static final String[] CITIES = {"Berlin", "Hamburg", "München"};
    private static Baseline baseline;

    @BeforeAll
    static void trainingBaseline() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 2_000;
        double[] age = new double[n];
        String[] city = new String[n];
        for (int i = 0; i < n; i++) {
            age[i] = 40 + 10 * random.nextGaussian();
            city[i] = CITIES[random.nextInt(CITIES.length)];
        }
        baseline = Baseline.builder().clock(CLOCK)
                .build(Table.of(NumericColumn.of("age", age), CategoricalColumn.of("city", city)));
    }

    private static Map<String, Object> inputs(SplittableRandom random, double ageShift) {
        Map<String, Object> row = new HashMap<>();
        row.put("age", 40 + ageShift + 10 * random.nextGaussian());
        row.put("city", CITIES[random.nextInt(CITIES.length)]);
        return row;
    }

    /**
     * 70 windows of 1,000 requests, one a minute; from window 55 on, applicants are 20 years older.
     * (Windows of 1,000: the default detector against a profile, Jensen–Shannon over 10 bins at 0.1,
     * is about 0.09 apart on two samples of 200 from one distribution.)
     */
    private static void olderApplicantsFromWindow55(Path capture) {
        SplittableRandom random = new SplittableRandom(5);
        try (CaptureWriter writer = CaptureWriter.builder(capture).build()) {
            for (int i = 0; i < 70 * 1_000; i++) {
                double shift = i >= 55 * 1_000 ? 20 : 0;
                writer.write(new CaptureRecord("r" + i, T0.plus(Duration.ofMinutes(i)), "credit-v1",
                        CaptureStage.BEFORE_PREPROCESSING, inputs(random, shift), Map.of()));
            }
        }
    }

    @Nested
    class DriftOverWindows {

        @Test
        void aShiftFromWindow55IsFoundInEachLaterWindowOnlyForItsFeatureAndRaisesOneAlarm(@TempDir Path capture) {
            olderApplicantsFromWindow55(capture);
            List<AlarmEvent> alarms = new CopyOnWriteArrayList<>();
            AlarmEvaluator evaluator = AlarmEvaluator.builder()
                    .rule(ThresholdRule.above("age-drift", MetricFilter.of(MetricNames.DRIFT_VERDICT, "feature", "age"),
                            0.5).withWindows(3))
                    .sink(AlarmSinks.callback(alarms::add)).build();
            List<MetricObservation> observed = new ArrayList<>();

            MonitoringResult result = MonitoringJob.builder(baseline).windowing(Windowing.byCount(1_000))
                    .sink(evaluator).sink(observed::add).clock(CLOCK).build().run(capture);

            assertThat(result.windows()).hasSize(70).allSatisfy(window -> assertThat(window.rows()).isEqualTo(1_000));
            assertThat(result.capture().capture().records()).isEqualTo(70_000);
            for (WindowResult window : result.windows()) {
                List<String> drifted = window.violations().ofType(ViolationType.BASELINE_DRIFT).stream()
                        .map(v -> v.column().orElseThrow()).toList();
                assertThat(drifted).as("window %s", window.index())
                        .isEqualTo(window.index() >= 55 ? List.of("age") : List.of());
                assertThat(window.passed()).isEqualTo(window.index() < 55);
            }
            assertThat(result.passed()).isFalse();
            assertThat(result.failed()).hasSize(15).first().extracting(WindowResult::index).isEqualTo(55L);
            assertThat(result.createdAt()).isEqualTo(CLOCK.instant());
            assertThat(result.baseline()).isEqualTo(baseline.fingerprint());

            assertThat(alarms).singleElement().satisfies(alarm -> {
                assertThat(alarm.raised()).isTrue();
                assertThat(alarm.time()).as("the third drifted window's start")
                        .isEqualTo(T0.plus(Duration.ofMinutes(57 * 1_000)));
            });
            assertThat(observed.stream().filter(o -> o.name().equals(MetricNames.DRIFT_STATISTIC)))
                    .hasSize(140)
                    .allSatisfy(o -> assertThat(o.tags()).containsOnlyKeys(MetricNames.FEATURE, MetricNames.DETECTOR));
            assertThat(observed).as("a distance has no p-value")
                    .noneMatch(o -> o.name().equals(MetricNames.DRIFT_P_VALUE));
            assertThat(observed.stream().filter(o -> o.name().equals(MetricNames.DRIFT_VERDICT)
                    && o.tags().get(MetricNames.FEATURE).equals("age")).mapToDouble(MetricObservation::value).sum())
                    .isEqualTo(15.0);
        }

        @Test
        void theStepInTheDriftStatisticIsOneAbruptUpwardChangeNearWindow55(@TempDir Path capture) {
            olderApplicantsFromWindow55(capture);

            MonitoringResult result = MonitoringJob.builder(baseline).windowing(Windowing.byCount(1_000)).clock(CLOCK)
                    .build().run(capture);

            assertThat(result.changes()).containsOnlyKeys("age", "city");
            assertThat(result.changes().get("city")).isEmpty();
            assertThat(result.changes().get("age")).singleElement().satisfies(change -> {
                assertThat(change.change().changeIndex()).isBetween(53L, 56L);
                assertThat(change.change().direction()).isEqualTo(Direction.UP);
                assertThat(change.shape().shape()).isEqualTo(Shape.ABRUPT);
            });
        }

        @Test
        void timelinesDrawEveryWindowWithItsVerdictAgainstTheDetectorsThreshold(@TempDir Path capture) {
            olderApplicantsFromWindow55(capture);

            MonitoringResult result = MonitoringJob.builder(baseline).windowing(Windowing.byCount(1_000)).clock(CLOCK)
                    .build().run(capture);

            List<Timeline> timelines = result.timelines();
            assertThat(timelines).extracting(Timeline::feature).containsExactly("age", "city");
            Timeline age = timelines.get(0);
            assertThat(age.points()).hasSize(70);
            assertThat(age.points().subList(0, 55)).extracting(Timeline.Point::verdict).containsOnly(Verdict.OK);
            assertThat(age.points().subList(55, 70)).extracting(Timeline.Point::verdict).containsOnly(Verdict.DRIFT);
            assertThat(age.points().get(55).value()).isGreaterThanOrEqualTo(age.threshold());
            assertThat(age.points().get(0).value()).isLessThan(age.threshold());
            assertThat(age.points().get(3).time()).isEqualTo(T0.plus(Duration.ofMinutes(3_000)));
            assertThat(timelines.get(1).points()).extracting(Timeline.Point::verdict).containsOnly(Verdict.OK);
            assertThat(timelines.get(1).statistic()).isEqualTo("jensen-shannon");

            MonitoringReport report = result.toReport("Credit model");
            assertThat(report.timelines()).isEqualTo(timelines);
            assertThat(report.findings()).filteredOn(f -> f.scope().equals("age") && f.message().startsWith("abrupt"))
                    .singleElement().satisfies(f -> assertThat(f.message()).startsWith("abrupt upward change in the "
                            + "drift statistic of 'age' from " + T0.plus(Duration.ofMinutes(1_000L
                            * result.changes().get("age").get(0).change().changeIndex())))
                            .containsPattern("by page-hinkley\\): level [0-9.e+-]+ before, shift \\+[0-9.e+-]+$")
                            .as("four significant digits").doesNotContainPattern("[0-9]{6}"));
            assertThat(report.findings()).filteredOn(f -> f.message().startsWith("window from "))
                    .hasSize(15).allSatisfy(f -> assertThat(f.scope()).isEqualTo("age"));
        }
    }

    @Nested
    class WindowsByTimeWithGroundTruth {

        /** Day 0: 500 requests all predicted right; day 1: none; day 2: 500 requests, half predicted right. */
        private GroundTruth twoDaysWithAQuietDayBetween(Path capture) throws IOException {
            SplittableRandom random = new SplittableRandom(3);
            List<Label> labels = new ArrayList<>();
            try (CaptureWriter writer = CaptureWriter.builder(capture).build()) {
                for (int day : new int[] {0, 2}) {
                    for (int i = 0; i < 500; i++) {
                        String id = "d" + day + "-" + i;
                        Instant time = T0.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(2L * i));
                        writer.write(new CaptureRecord(id, time, "credit-v1", CaptureStage.BEFORE_PREPROCESSING,
                                inputs(random, 0), Map.of()));
                        writer.write(new CaptureRecord(id, time, "credit-v1", CaptureStage.AFTER_MODEL, Map.of(),
                                Map.of("prediction", "good")));
                        String truth = day == 2 && i % 2 == 1 ? "bad" : "good";
                        labels.add(Label.of(id, truth, time.plus(Duration.ofHours(30)), labels.size() + 1));
                    }
                }
            }
            Files.writeString(capture.resolve("capture-20261110T000000.000Z-0.jsonl"), "this is not JSON\n",
                    StandardCharsets.UTF_8);
            return GroundTruth.of(labels);
        }

        @Test
        void aQuietDayIsAnEmptyWindowAndQualityFollowsTheLateLabels(@TempDir Path capture, @TempDir Path out)
                throws IOException {
            GroundTruth truth = twoDaysWithAQuietDayBetween(capture);
            Windowing daily = Windowing.byTime(Duration.ofDays(1), T0);
            QualityMonitor quality = QualityMonitor.classification(CaptureStage.AFTER_MODEL, "prediction")
                    .windowing(daily).training(Map.of(QualityMonitor.ACCURACY, 0.9)).tolerance(0.05).clock(CLOCK)
                    .build();
            List<MetricObservation> observed = new ArrayList<>();

            MonitoringResult result = MonitoringJob.builder(baseline).windowing(daily).quality(quality, truth)
                    .sink(observed::add).clock(CLOCK).build().run(capture);

            assertThat(result.windows()).extracting(WindowResult::index).containsExactly(0L, 1L, 2L);
            assertThat(result.windows()).extracting(WindowResult::rows).containsExactly(500L, 0L, 500L);
            assertThat(result.windows().get(1).violations().ofType(ViolationType.EMPTY_WINDOW)).hasSize(1);
            assertThat(result.capture().capture().badLines()).as("the line that is not JSON").isEqualTo(1);
            assertThat(result.timelines().get(0).points()).extracting(Timeline.Point::verdict)
                    .containsExactly(Verdict.OK, Verdict.NO_DATA, Verdict.OK);
            assertThat(result.timelines().get(0).points().get(1).value()).isNaN();

            QualityReport measured = result.quality().orElseThrow();
            assertThat(measured.windows().stream().filter(w -> w.labelled() > 0)
                    .map(w -> w.metric(QualityMonitor.ACCURACY).orElseThrow())).containsExactly(1.0, 0.5);
            assertThat(observed.stream().filter(o -> o.name().equals("quality.accuracy"))
                    .map(o -> o.time() + "=" + o.value())).containsExactly(T0 + "=1.0",
                    T0.plus(Duration.ofDays(2)) + "=0.5");

            MonitoringReport report = result.toReport("Credit model");
            assertThat(report.title()).isEqualTo("Credit model");
            assertThat(report.subject()).startsWith("stage 'before-preprocessing' against baseline "
                    + baseline.fingerprint().sha256().substring(0, 12));
            assertThat(report.findings()).anySatisfy(f -> assertThat(f.message())
                    .startsWith("window from " + T0.plus(Duration.ofDays(1)) + ": "));
            assertThat(report.findings()).anySatisfy(f -> {
                assertThat(f.scope()).isEqualTo(QualityMonitor.ACCURACY);
                assertThat(f.measured()).hasValue(0.5);
                assertThat(f.threshold()).hasValue(0.9);
            });
            assertThat(report.features()).extracting(f -> f.feature()).containsExactly("age", "city");
            assertThat(report.features().get(0).bins()).isNotEmpty();
            assertThat(report.quality()).anySatisfy(series -> {
                assertThat(series.metric()).isEqualTo(QualityMonitor.ACCURACY);
                assertThat(series.baseline()).hasValue(0.9);
                assertThat(series.points()).extracting(p -> p.value()).containsExactly(1.0, 0.5);
            });
            ReportFiles files = ReportFiles.write(report, out);
            assertThat(MonitoringReport.read(files.json()).timelines()).hasSize(2);
            assertThat(Files.readString(files.html(), StandardCharsets.UTF_8)).contains("Credit model");
        }
    }

    @Test
    void aTestSendsItsAdjustedPValueAndRecordsOfOtherStagesMakeNoWindow(@TempDir Path capture) {
        SplittableRandom random = new SplittableRandom(8);
        try (CaptureWriter writer = CaptureWriter.builder(capture).build()) {
            for (int i = 0; i < 300; i++) {
                writer.write(new CaptureRecord("r" + i, T0.plus(Duration.ofMinutes(i)), "credit-v1",
                        CaptureStage.BEFORE_PREPROCESSING, inputs(random, 0), Map.of()));
            }
            writer.write(new CaptureRecord("late", T0.plus(Duration.ofDays(1)), "credit-v1",
                    CaptureStage.AFTER_MODEL, Map.of(), Map.of("prediction", "good")));
        }
        ViolationCheck tests = ViolationCheck.builder().clock(CLOCK).drift(TableDrift.builder().clock(CLOCK)
                .detector("age", DriftDetectors.ks(0.01)).detector("city", DriftDetectors.chiSquare(0.01)).build())
                .build();
        List<MetricObservation> observed = new ArrayList<>();
        MonitorMeterBinder binder = MonitorMeterBinder.create();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binder.bindTo(registry);

        MonitoringResult result = MonitoringJob.builder(baseline).violations(tests)
                .windowing(Windowing.byTime(Duration.ofDays(1), T0)).sink(observed::add).sink(binder).clock(CLOCK)
                .build().run(capture);

        assertThat(result.windows()).extracting(WindowResult::rows).containsExactly(300L);
        double adjusted = result.windows().get(0).violations().drift().orElseThrow().column("age").result()
                .orElseThrow().adjustedPValue().getAsDouble();
        assertThat(observed).filteredOn(o -> o.name().equals(MetricNames.DRIFT_P_VALUE)
                        && o.tags().get(MetricNames.FEATURE).equals("age"))
                .singleElement().satisfies(o -> {
                    assertThat(o.value()).isEqualTo(adjusted);
                    assertThat(o.tags()).containsEntry(MetricNames.DETECTOR, "ks");
                });
        assertThat(registry.get("mlops.drift.p_value").tag("feature", "age").tag("detector", "ks").gauge().value())
                .as("Micrometer shows what the job sent").isEqualTo(adjusted);
        assertThat(registry.get("mlops.drift.verdict").tag("feature", "city").gauge().value()).isZero();
        MonitoringReport report = result.toReport("t");
        assertThat(report.features()).as("the only window's")
                .extracting(f -> f.feature()).containsExactly("age", "city");
        assertThat(report.timelines().get(0).statistic()).isEqualTo("ks p-value");
        assertThat(report.timelines().get(0).threshold()).isEqualTo(0.01);
    }

    @Test
    void aWindowingLimitedToAnotherStageIsRefused() {
        MonitoringJob.Builder builder = MonitoringJob.builder(baseline)
                .windowing(Windowing.byCount(10).onlyStage(CaptureStage.AFTER_MODEL));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the windowing is limited to stage 'after-model' but the job monitors stage "
                        + "'before-preprocessing'");
    }

    @Test
    void aShapedChangeListIsCopied() {
        List<ShapedChange> none = new ArrayList<>();
        MonitoringResult result = new MonitoringResult(CLOCK.instant(), baseline.fingerprint(),
                CaptureStage.BEFORE_PREPROCESSING, "w", emptyRun(), List.of(), Map.of("age", none),
                Optional.empty());
        assertThat(result.passed()).isTrue();
        assertThatThrownBy(() -> result.changes().get("age").add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static WindowRun emptyRun() {
        return CaptureWindows.split(List.of(), Windowing.byCount(1)).run();
    }
}
