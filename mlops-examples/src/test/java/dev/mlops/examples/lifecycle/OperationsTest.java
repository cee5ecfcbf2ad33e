package dev.mlops.examples.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.strategy.RolloutTransition;
import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.capture.CaptureReader;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.metric.MetricNames;
import dev.mlops.monitor.quality.GroundTruth;
import dev.mlops.monitor.quality.MetricComparison;
import dev.mlops.monitor.quality.QualityMonitor;
import dev.mlops.monitor.report.Finding;
import dev.mlops.monitor.report.MonitoringReport;
import dev.mlops.monitor.report.Timeline;
import dev.mlops.monitor.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations half of the walk on a small development fixture: each step's outcome, not only that it ran. */
class OperationsTest {
    @TempDir
    static Path directory;
    static Development development;
    static OperationsOutcome outcome;
    static String printed;
    static String production;
    static String candidate;

    @BeforeAll
    static void operate() {
        development = DevelopmentFixture.development(directory);
        production = development.production().model() + "-v" + development.production().version();
        candidate = development.candidate().model() + "-v" + development.candidate().version();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        outcome = Operations.run(development, new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4));
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        development.registry().close();
    }

    static List<StreamWindow> windows(StreamWindow.Traffic traffic) {
        return outcome.windows().stream().filter(window -> window.traffic() == traffic).toList();
    }

    static CaptureRecord stage(List<CaptureRecord> records, CaptureStage stage) {
        return records.stream().filter(r -> r.stage().equals(stage)).findFirst().orElseThrow();
    }

    static Map<String, Object> without(Map<String, ?> row, String... keys) {
        Map<String, Object> rest = new java.util.TreeMap<>(row);
        List.of(keys).forEach(rest::remove);
        return rest;
    }

    static Instant driftBegan() {
        return windows(StreamWindow.Traffic.DRIFTED).get(0).start();
    }

    @Nested
    class Canary {
        @Test
        void advancedAtLeastOneStageOnNormalTrafficBeforeTheDrift() {
            List<RolloutTransition> beforeDrift = outcome.history().stream()
                    .filter(transition -> !transition.at().isAfter(driftBegan())).toList();

            assertThat(beforeDrift).isNotEmpty().allSatisfy(transition -> {
                assertThat(transition.cause()).startsWith("bake time PT45M elapsed");
                assertThat(transition.to().traffic().get(candidate))
                        .isGreaterThan(transition.from().traffic().get(candidate));
            });
            assertThat(outcome.stagesReached()).startsWith("canary 1 of 4", "canary 2 of 4");
            assertThat(windows(StreamWindow.Traffic.NORMAL)).allSatisfy(window -> {
                assertThat(window.answeredBy(candidate)).isPositive();
                assertThat(window.answeredBy(production)).isGreaterThan(window.answeredBy(candidate));
            });
        }

        @Test
        void wasRolledBackByTheDriftAlarmWithItsReason() {
            RolloutTransition rollback = outcome.rollback().orElseThrow();

            assertThat(outcome.finalStatus().stage()).isEqualTo(OperationsOutcome.ROLLED_BACK);
            assertThat(outcome.finalStatus().finished()).isTrue();
            assertThat(outcome.finalStatus().traffic()).containsEntry(production, 1.0).containsEntry(candidate, 0.0);
            assertThat(rollback.from().stage()).startsWith("canary");
            assertThat(rollback.cause()).startsWith("monitoring alarm '" + Operations.DRIFT_ALARM + "' raised (error): "
                    + MetricNames.DRIFT_VERDICT + "{detector=");
            assertThat(rollback.cause()).as("the strongest drift names the rollback").contains("feature=age");
            assertThat(rollback.at()).isEqualTo(driftBegan().plus(Operations.WINDOW));
            assertThat(outcome.history()).last().isEqualTo(rollback);
        }

        @Test
        void productionKeepsServingAndTheCandidateIsNotPromoted() {
            StreamWindow afterRollback = outcome.windows().get(outcome.windows().size() - 1);

            assertThat(afterRollback.stage()).isEqualTo(OperationsOutcome.ROLLED_BACK);
            assertThat(afterRollback.answeredBy()).containsOnlyKeys(production)
                    .containsEntry(production, (long) Operations.REQUESTS_PER_WINDOW);
            assertThat(development.registry().production(DevelopmentFixture.PIPELINE, DevelopmentFixture.MODEL))
                    .hasValueSatisfying(version -> assertThat(version.version())
                            .isEqualTo(development.production().version()));
            assertThat(development.registry().require(DevelopmentFixture.PIPELINE, DevelopmentFixture.MODEL,
                    development.candidate().version()).stage()).isEqualTo(Stage.CANDIDATE);
        }

        @Test
        void capturedEveryRequestAsItArrivedAndAsItWasAnswered() {
            List<CaptureRecord> records = CaptureReader.readAll(outcome.captureDirectory()).records();
            Map<String, List<CaptureRecord>> byRequest = records.stream()
                    .collect(Collectors.groupingBy(CaptureRecord::inferenceId));

            assertThat(records).hasSize(2 * Operations.PLAN.size() * Operations.REQUESTS_PER_WINDOW);
            assertThat(byRequest).hasSize(Operations.PLAN.size() * Operations.REQUESTS_PER_WINDOW)
                    .allSatisfy((id, stages) -> {
                        assertThat(stages).as(id).extracting(CaptureRecord::stage).containsExactlyInAnyOrder(
                                CaptureStage.BEFORE_PREPROCESSING, CaptureStage.AFTER_MODEL);
                        CaptureRecord arrived = stage(stages, CaptureStage.BEFORE_PREPROCESSING);
                        CaptureRecord answered = stage(stages, CaptureStage.AFTER_MODEL);
                        assertThat(arrived.input()).as(id).containsKeys("applicant", "applied_at", "age")
                                .doesNotContainKey("class");
                        assertThat(Instant.parse((String) arrived.input().get("applied_at")))
                                .isBefore(Operations.START);
                        assertThat(arrived.output()).as(id).isEmpty();
                        assertThat(answered.input()).as(id).containsKey("age")
                                .doesNotContainKeys("class", "applied_at", "applicant")
                                .isEqualTo(without(arrived.input(), "applicant", "applied_at"));
                        assertThat(answered.output()).as(id).containsKey("prediction");
                        assertThat(arrived.modelVariant()).as(id).isEqualTo(answered.modelVariant());
                        assertThat(arrived.time()).as(id).isEqualTo(answered.time());
                    });
            assertThat(outcome.captureDirectory()).isDirectoryContaining("glob:**/capture-20261207T*.jsonl");
            for (StreamWindow window : outcome.windows()) {
                Map<String, Long> capturedBy = records.stream()
                        .filter(r -> r.stage().equals(CaptureStage.AFTER_MODEL))
                        .filter(r -> !r.time().isBefore(window.start()) && r.time().isBefore(window.end()))
                        .collect(Collectors.groupingBy(CaptureRecord::modelVariant, Collectors.counting()));
                assertThat(capturedBy).as("window %d at %s", window.index(), window.stage())
                        .isEqualTo(window.answeredBy());
                assertThat(window.captured()).isEqualTo(Operations.REQUESTS_PER_WINDOW);
            }
            assertThat(outcome.windows()).extracting(StreamWindow::stage).containsSubsequence("canary 1 of 4",
                    "canary 2 of 4", OperationsOutcome.ROLLED_BACK);
        }
    }

    @Nested
    class Replay {
        @Test
        void aSecondRunInTheSameDirectoryReplacesTheCaptureAndFindsTheSame() {
            OperationsOutcome again = Operations.run(development, new Console(
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 4));

            assertThat(CaptureReader.readAll(again.captureDirectory()).records())
                    .hasSize(2 * Operations.PLAN.size() * Operations.REQUESTS_PER_WINDOW);
            assertThat(again.windows()).isEqualTo(outcome.windows());
            assertThat(again.history()).isEqualTo(outcome.history());
            assertThat(again.quality()).isEqualTo(outcome.quality());
        }
    }

    @Nested
    class Drift {
        @Test
        void isFoundOnTheShiftedColumnAndNotOnNormalTraffic() {
            assertThat(windows(StreamWindow.Traffic.NORMAL)).isNotEmpty()
                    .allSatisfy(window -> assertThat(window.drifted()).isEmpty());
            assertThat(windows(StreamWindow.Traffic.DRIFTED)).allSatisfy(window -> {
                assertThat(window.driftedColumns()).contains("age");
                assertThat(window.drifted()).filteredOn(column -> column.column().equals("age")).singleElement()
                        .satisfies(age -> {
                            assertThat(age.result().orElseThrow().detector()).isEqualTo("ks");
                            assertThat(age.result().orElseThrow().adjustedPValue().orElseThrow()).isLessThan(1e-6);
                        });
            });
            assertThat(outcome.driftedColumns()).contains("age");
        }

        @Test
        void raisedTheAlarmForTheDriftedWindowOnly() {
            assertThat(outcome.raisedAlarms()).isNotEmpty().allSatisfy(alarm -> {
                assertThat(alarm.rule()).isEqualTo(Operations.DRIFT_ALARM);
                assertThat(alarm.time()).isAfterOrEqualTo(driftBegan());
                assertThat(alarm.value()).isEqualTo(1.0);
            });
            assertThat(outcome.raisedAlarms()).extracting(alarm -> alarm.metric().tags().get(MetricNames.FEATURE))
                    .contains("age");
            assertThat(outcome.raisedAlarms().get(0).metric().tags()).containsEntry(MetricNames.FEATURE, "age");
            assertThat(outcome.rollback().orElseThrow().cause()).contains(outcome.raisedAlarms().get(0).message());
        }

        @Test
        void isMeasuredAgainstTheBaselineOfTheTrainingRows() {
            Baseline baseline = Baseline.load(outcome.baseline());

            assertThat(baseline.rowCount()).isEqualTo(development.reference().rowCount());
            assertThat(baseline.schema().names()).contains("age").doesNotContain("class", "applied_at");
        }
    }

    @Nested
    class Quality {
        @Test
        void joinsTheLateLabelsByRequestId() {
            long served = (long) Operations.PLAN.size() * Operations.REQUESTS_PER_WINDOW;

            assertThat(outcome.labelsDelivered()).isEqualTo(served);
            assertThat(outcome.quality()).extracting(VariantQuality::variant)
                    .containsExactly(production, production, candidate, candidate);
            assertThat(outcome.quality()).extracting(VariantQuality::traffic).containsExactly(
                    StreamWindow.Traffic.NORMAL, StreamWindow.Traffic.DRIFTED, StreamWindow.Traffic.NORMAL,
                    StreamWindow.Traffic.DRIFTED);
            assertThat(outcome.quality().stream().mapToLong(VariantQuality::predictions).sum()).isEqualTo(served);
            for (VariantQuality variant : outcome.quality()) {
                long answered = windows(variant.traffic()).stream()
                        .mapToLong(window -> window.answeredBy(variant.variant())).sum();
                assertThat(variant.predictions()).as("%s on %s traffic", variant.variant(), variant.traffic())
                        .isEqualTo(answered);
                assertThat(variant.labelled()).isPositive();
                assertThat(variant.labelled() + variant.pending()).isEqualTo(variant.predictions());
            }
        }

        @Test
        void accuracyIsTheShareOfArrivedLabelsThePredictionsMatched() {
            GroundTruth truth = GroundTruth.read(outcome.labels());
            Instant asOf = driftBegan().plus(Operations.WINDOW.multipliedBy(2)).plus(Operations.QUALITY_AFTER);
            for (VariantQuality variant : outcome.quality()) {
                List<StreamWindow> ofTraffic = windows(variant.traffic());
                List<CaptureRecord> served = CaptureReader.readAll(outcome.captureDirectory()).records().stream()
                        .filter(r -> r.stage().equals(CaptureStage.AFTER_MODEL))
                        .filter(r -> r.modelVariant().equals(variant.variant()))
                        .filter(r -> ofTraffic.stream().anyMatch(window -> !r.time().isBefore(window.start())
                                && r.time().isBefore(window.end())))
                        .toList();
                long labelled = 0;
                long right = 0;
                for (CaptureRecord record : served) {
                    var label = truth.label(record.inferenceId()).orElseThrow();
                    if (!label.arrivedAt().orElseThrow().isAfter(asOf)) {
                        labelled++;
                        right += label.value().equals(record.output().get("prediction")) ? 1 : 0;
                    }
                }
                assertThat(variant.labelled()).as(variant.variant()).isEqualTo(labelled);
                double accuracy = (double) right / labelled;
                assertThat(variant.accuracy().orElseThrow()).as(variant.variant())
                        .isCloseTo(accuracy, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(variant.standardError().orElseThrow()).as(variant.variant())
                        .isCloseTo(Math.sqrt(accuracy * (1 - accuracy) / labelled),
                                org.assertj.core.data.Offset.offset(1e-12));
            }
        }

        @Test
        void isSetAgainstTheMetricsEachVersionWasRegisteredWith() {
            Map<String, ModelVersion> versions = Map.of(production, development.production(), candidate,
                    development.candidate());
            assertThat(outcome.quality()).allSatisfy(variant -> {
                Map<String, Double> registered = versions.get(variant.variant()).metrics();
                assertThat(registered).as(variant.variant()).containsKeys(QualityMonitor.ACCURACY,
                        QualityMonitor.MACRO_F1);
                for (String metric : List.of(QualityMonitor.ACCURACY, QualityMonitor.MACRO_F1)) {
                    MetricComparison comparison = variant.comparison(metric).orElseThrow();
                    assertThat(comparison.training()).as("%s %s", variant.variant(), metric)
                            .isEqualTo(registered.get(metric));
                    assertThat(comparison.delta()).isCloseTo(comparison.value() - comparison.training(),
                            org.assertj.core.data.Offset.offset(1e-12));
                    assertThat(comparison.tolerance()).isEqualTo(Operations.QUALITY_TOLERANCE);
                    assertThat(comparison.worse()).isEqualTo(comparison.delta() < -Operations.QUALITY_TOLERANCE);
                }
                MetricComparison accuracy = variant.comparison(QualityMonitor.ACCURACY).orElseThrow();
                assertThat(accuracy.value()).isEqualTo(variant.accuracy().orElseThrow());
                assertThat(variant.worseThanRegistered()).as("worse only beyond 2 SE").isEqualTo(
                        -accuracy.delta() > VariantQuality.STANDARD_ERRORS * variant.standardError().orElseThrow());
            });
            VariantQuality first = outcome.quality().get(0);
            assertThat(printed).contains(production + ", normal traffic, " + first.labelled() + " labels: accuracy "
                    + String.format(java.util.Locale.ROOT, "%.3f +- %.3f vs %.3f registered",
                            first.accuracy().orElseThrow(), first.standardError().orElseThrow(),
                            development.production().metrics().get(QualityMonitor.ACCURACY)));
        }
    }

    @Nested
    class Report {
        @Test
        void holdsEachWindowsDriftAndTheQualityAgainstProductionsRegisteredAccuracy() throws IOException {
            MonitoringReport report = MonitoringReport.read(outcome.report().resolveSibling("report.json"));
            String html = Files.readString(outcome.report(), StandardCharsets.UTF_8);

            assertThat(outcome.report()).isRegularFile().hasFileName("report.html");
            assertThat(html).contains("<svg").contains(outcome.rollback().orElseThrow().to().stage())
                    .contains("quality " + candidate);
            assertThat(report.timelines()).filteredOn(timeline -> timeline.feature().equals("age")).singleElement()
                    .satisfies(age -> assertThat(age.points()).extracting(Timeline.Point::verdict)
                            .containsExactly(Verdict.OK, Verdict.OK, Verdict.DRIFT, Verdict.DRIFT));
            assertThat(report.timelines()).allSatisfy(timeline -> assertThat(timeline.points()).hasSize(4));
            assertThat(report.quality()).filteredOn(series -> series.metric().equals(QualityMonitor.ACCURACY))
                    .singleElement().satisfies(accuracy -> {
                        assertThat(accuracy.baseline()).hasValue(
                                development.production().metrics().get(QualityMonitor.ACCURACY));
                        assertThat(accuracy.points()).hasSize(4).allSatisfy(point ->
                                assertThat(point.value()).isBetween(0.0, 1.0));
                    });
            assertThat(report.findings()).extracting(Finding::scope).contains("quality " + production,
                    "quality " + candidate, "rollout");
        }

        @Test
        void theConsoleSaysWhatEachStepFound() {
            assertThat(printed).contains("[1/4] Canary of " + candidate + " beside " + production + " (production)")
                    .contains("[2/4] A drifted stream").contains("[3/4] Model quality from late labels")
                    .contains("[4/4] HTML monitoring report").contains("-> canary 2 of 4")
                    .contains("-> rolled back").contains("alarm '" + Operations.DRIFT_ALARM + "' raised")
                    .contains(production + ", drifted traffic, ").contains("before-preprocessing")
                    .contains("after-model").contains("sticky per applicant");
            assertThat(printed.lines()).hasSizeLessThanOrEqualTo(26).allSatisfy(line ->
                    assertThat(line).as("a console line").hasSizeLessThanOrEqualTo(180));
        }
    }
}
