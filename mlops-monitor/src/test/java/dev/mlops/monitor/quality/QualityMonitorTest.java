package dev.mlops.monitor.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureWriter;
import dev.mlops.monitor.window.Windowing;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityMonitorTest {
    static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-09T00:00:00Z"), ZoneOffset.UTC);
    static final Windowing HOURLY = Windowing.byTime(Duration.ofHours(1), T0);
    static final CaptureStage STAGE = CaptureStage.AFTER_MODEL;

    // The recorded example; /usr/bin/python3 (sklearn 1.2.1) on each window's labelled rows.
    static final String[] TRUTH_0 = {"cat", "dog", "cat", "bird", "dog", "cat", "dog", "bird"};
    static final String[] PREDICTED_0 = {"cat", "cat", "cat", "bird", "dog", "dog", "dog", "cat"};
    static final String[] TRUTH_1 = {"cat", "dog", "dog", "bird", "cat"};
    static final String[] PREDICTED_1 = {"dog", "dog", "cat", "bird", "dog"};

    static CaptureRecord prediction(String id, long seconds, @Nullable Object predicted) {
        Map<String, @Nullable Object> output = new HashMap<>();
        if (predicted != null) {
            output.put("prediction", predicted);
        }
        return new CaptureRecord(id, T0.plusSeconds(seconds), "v1", STAGE, Map.of("x", 1.0), output);
    }

    /** Two hourly windows of predictions with their labels, and the odd cases around them. */
    static final class Classified {
        final List<CaptureRecord> records = new ArrayList<>();
        final List<Label> labels = new ArrayList<>();

        Classified() {
            for (int i = 0; i < TRUTH_0.length; i++) {
                records.add(prediction("c" + i, 60L * i, PREDICTED_0[i]));
                labels.add(Label.of("c" + i, TRUTH_0[i], T0.plusSeconds(60L * i).plus(Duration.ofHours(i + 1)),
                        labels.size() + 1));
            }
            records.add(new CaptureRecord("c0", T0, "v1", CaptureStage.BEFORE_PREPROCESSING, Map.of(), Map.of()));
            records.add(prediction("unlabelled", 1000, "cat"));
            records.add(prediction("missing", 1001, null));
            records.add(prediction("wrong", 1002, 2.5));
            records.add(prediction("late", 1003, "dog"));
            labels.add(Label.of("late", "dog", T0.plus(Duration.ofDays(3)), labels.size() + 1));
            labels.add(Label.of("wrong", "cat", T0.plusSeconds(2000), labels.size() + 1));
            for (int i = 0; i < TRUTH_1.length; i++) {
                records.add(prediction("d" + i, 3600L + 60L * i, PREDICTED_1[i]));
                labels.add(new Label("d" + i, TRUTH_1[i], java.util.Optional.empty(), "memory", labels.size() + 1));
            }
            labels.add(Label.of("ghost", "cat", T0, labels.size() + 1));
        }
    }

    static QualityMonitor.Builder classifier() {
        return QualityMonitor.classification(STAGE, "prediction").windowing(HOURLY).clock(CLOCK)
                .training(Map.of("accuracy", 0.6, "macro_f1", 0.7, "auc", 0.9)).tolerance(0.05)
                .trainedAt(T0.minus(Duration.ofDays(1))).asOf(T0.plus(Duration.ofDays(2)));
    }

    @Nested
    class Classification {
        private final Classified data = new Classified();
        private final QualityReport report = classifier().build().evaluate(data.records, GroundTruth.of(data.labels));

        @Test
        void eachWindowMatchesSklearn() {
            assertThat(report.windows()).hasSize(2);
            WindowQuality first = report.windows().get(0);
            // labels = ['bird', 'cat', 'dog']; confusion_matrix(t, p, labels=labels).tolist()
            // -> [[1, 1, 0], [0, 2, 1], [0, 1, 2]]; accuracy_score(t, p) -> 0.625
            // precision_recall_fscore_support(t, p, average='macro', zero_division=0)
            // -> (0.7222222222222222, 0.611111111111111, 0.6349206349206349, None)
            ClassificationQuality quality = first.classification().orElseThrow();
            assertThat(quality.classes()).containsExactly("bird", "cat", "dog");
            assertThat(quality.matrix().counts()).isEqualTo(new long[][] {{1, 1, 0}, {0, 2, 1}, {0, 1, 2}});
            assertThat(first.metric("accuracy")).hasValueSatisfying(v -> assertThat(v).isCloseTo(0.625, within(1e-15)));
            assertThat(first.metrics()).containsOnlyKeys("accuracy", "macro_precision", "macro_recall", "macro_f1");
            assertThat(first.metrics().get("macro_precision")).isCloseTo(0.7222222222222222, within(1e-15));
            assertThat(first.metrics().get("macro_recall")).isCloseTo(0.611111111111111, within(1e-15));
            assertThat(first.metrics().get("macro_f1")).isCloseTo(0.6349206349206349, within(1e-15));
            // precision_recall_fscore_support(t, p, labels=labels, zero_division=0) ->
            // precision [1.0, 0.5, 0.6666666666666666], recall [0.5, 0.6666666666666666, 0.6666666666666666],
            // f1 [0.6666666666666666, 0.5714285714285715, 0.6666666666666666], support [2, 3, 3]
            assertThat(quality.perClass()).hasSize(3);
            ClassQuality cat = quality.perClass().get(1);
            assertThat(cat.name()).isEqualTo("cat");
            assertThat(cat.precision()).isCloseTo(0.5, within(1e-15));
            assertThat(cat.recall()).isCloseTo(0.6666666666666666, within(1e-15));
            assertThat(cat.f1()).isCloseTo(0.5714285714285715, within(1e-15));
            assertThat(cat.support()).isEqualTo(3);
            assertThat(quality.perClass().get(0).recall()).isCloseTo(0.5, within(1e-15));
            assertThat(quality.accuracy()).isEqualTo(first.metrics().get("accuracy"));
            assertThat(quality.macroPrecision()).isEqualTo(first.metrics().get("macro_precision"));
            assertThat(quality.macroRecall()).isEqualTo(first.metrics().get("macro_recall"));
            assertThat(quality.macroF1()).isEqualTo(first.metrics().get("macro_f1"));

            WindowQuality second = report.windows().get(1);
            // confusion_matrix -> [[1, 0, 0], [0, 0, 2], [0, 1, 1]]; accuracy_score -> 0.4
            // average='macro' -> (0.4444444444444444, 0.5, 0.4666666666666666, None)
            assertThat(second.classification().orElseThrow().matrix().counts())
                    .isEqualTo(new long[][] {{1, 0, 0}, {0, 0, 2}, {0, 1, 1}});
            assertThat(second.metrics().get("accuracy")).isCloseTo(0.4, within(1e-15));
            assertThat(second.metrics().get("macro_precision")).isCloseTo(0.4444444444444444, within(1e-15));
            assertThat(second.metrics().get("macro_recall")).isCloseTo(0.5, within(1e-15));
            assertThat(second.metrics().get("macro_f1")).isCloseTo(0.4666666666666666, within(1e-15));
            assertThat(second.regression()).isEmpty();
        }

        @Test
        void predictionsAddUpAndTheOddOnesAreNamed() {
            WindowQuality first = report.windows().get(0);
            assertThat(first.index()).isZero();
            assertThat(first.start()).isEqualTo(T0);
            assertThat(first.end()).isEqualTo(T0.plusSeconds(3600));
            assertThat(first.predictions()).isEqualTo(12);
            assertThat(first.labelled()).isEqualTo(8);
            assertThat(first.unlabelled()).isEqualTo(1);
            assertThat(first.missingPredictions()).isEqualTo(2);
            assertThat(first.pending()).isEqualTo(1);
            assertThat(first.badLabels()).isZero();
            assertThat(first.problems()).extracting(Object::toString).containsExactly(
                    "window 0, inference wrong, column 'prediction': double 2.5 is not a categorical value; expected"
                            + " a string, a boolean or a whole number (read as missing)");
            assertThat(report.capture().skipped()).isEqualTo(1);
        }

        @Test
        void comparedWithTheTrainingMetricsBeyondTheTolerance() {
            WindowQuality first = report.windows().get(0);
            assertThat(first.comparisons()).extracting(MetricComparison::metric).containsExactly("accuracy", "macro_f1");
            MetricComparison accuracy = first.comparisons().get(0);
            assertThat(accuracy.training()).isEqualTo(0.6);
            assertThat(accuracy.higherIsBetter()).isTrue();
            assertThat(accuracy.tolerance()).isEqualTo(0.05);
            assertThat(accuracy.worse()).isFalse();
            MetricComparison f1 = first.comparisons().get(1);
            assertThat(f1.delta()).isCloseTo(0.6349206349206349 - 0.7, within(1e-15));
            assertThat(f1.worse()).isTrue();
            assertThat(first.worse()).isTrue();
            assertThat(report.windows().get(1).comparisons().get(0).worse()).isTrue();
            assertThat(report.worseWindows()).hasSize(2);
            assertThat(report.training()).containsOnlyKeys("accuracy", "auc", "macro_f1");
        }

        @Test
        void modelAgeAgainstPerformance() {
            assertThat(report.windows().get(0).modelAge()).contains(Duration.ofHours(24));
            assertThat(report.ageSeries("accuracy")).containsExactly(
                    new AgePoint(0, Duration.ofHours(24), report.windows().get(0).metrics().get("accuracy")),
                    new AgePoint(1, Duration.ofHours(25), report.windows().get(1).metrics().get("accuracy")));
            assertThat(report.ageSeries("rmse")).isEmpty();
        }

        @Test
        void labelDelays() {
            // c0..c7 arrive 1..8 hours after their prediction; "late" is pending, "wrong" has no prediction
            WindowQuality first = report.windows().get(0);
            assertThat(first.medianLabelDelay()).contains(Duration.ofMinutes(270));
            assertThat(first.maxLabelDelay()).contains(Duration.ofHours(8));
            assertThat(report.windows().get(1).medianLabelDelay()).isEmpty();
        }

        @Test
        void labelsOfUnknownInferencesAreNamedAndCounted() {
            LabelSummary labels = report.labels();
            assertThat(labels.labels()).isEqualTo(16);
            assertThat(labels.lines()).isEqualTo(16);
            assertThat(labels.joined()).isEqualTo(15);
            assertThat(labels.unknownIds()).isEqualTo(1);
            assertThat(labels.badLines()).isZero();
            assertThat(labels.duplicates()).isZero();
            assertThat(labels.badValues()).isZero();
            assertThat(labels.problems()).extracting(Object::toString)
                    .containsExactly("memory:16: a label for inference ghost, which no captured prediction at stage"
                            + " after-model has");
        }
    }

    @Test
    void asOfATimeLaterLabelsArePending() {
        Classified data = new Classified();
        QualityReport report = classifier().asOf(T0.plus(Duration.ofHours(4))).build()
                .evaluate(data.records, GroundTruth.of(data.labels));
        WindowQuality first = report.windows().get(0);
        // c0..c2 arrived within 4 hours (1, 2 and 3 hours after 0, 1 and 2 minutes); c3 arrives at 4h03m
        assertThat(first.labelled()).isEqualTo(3);
        assertThat(first.pending()).isEqualTo(6);
        assertThat(report.windows().get(1).labelled()).isEqualTo(5);
        assertThat(report.asOf()).contains(T0.plus(Duration.ofHours(4)));
    }

    @Test
    void classesAreComparedAsTextWithWholeNumbersWithoutAFraction() {
        List<CaptureRecord> records = List.of(prediction("a", 0, 1), prediction("b", 1, "1.0"),
                prediction("c", 2, true), prediction("d", 3, 0L));
        GroundTruth truth = GroundTruth.of(List.of(Label.of("a", "1.00", T0, 1), Label.of("b", "1", T0, 2),
                Label.of("c", "true", T0, 3), Label.of("d", "1e0", T0, 4)));
        QualityReport report = QualityMonitor.classification(STAGE, "prediction").windowing(Windowing.byCount(10))
                .build().evaluate(records, truth);
        WindowQuality window = report.windows().get(0);
        assertThat(window.classification().orElseThrow().classes()).containsExactly("0", "1", "true");
        assertThat(window.metrics().get("accuracy")).isEqualTo(0.75);
        assertThat(window.comparisons()).isEmpty();
        assertThat(window.modelAge()).isEmpty();
        assertThat(report.trainedAt()).isEmpty();
        assertThat(Join.classKey("x1")).isEqualTo("x1");
        assertThat(Join.classKey("2.5")).isEqualTo("2.5");
    }

    @Nested
    class Regression {
        // /usr/bin/python3 (sklearn 1.2.1, numpy 1.24.2): y = [10.0, 12.5, 9.0, 14.0, 11.0, 13.5],
        // yh = [10.5, 12.0, 9.5, 12.0, 11.5, 13.0]
        // mean_squared_error(y, yh, squared=False) -> 0.9354143466934853; mean_absolute_error -> 0.75;
        // r2_score -> 0.7352941176470589; r = y - yh: np.mean(r) -> 0.25,
        // np.quantile(r, [0, .05, .25, .5, .75, .95, 1]) -> [-0.5, -0.5, -0.5, 0.0, 0.5, 1.625, 2.0]
        // np.histogram(r, bins=4) -> [3, 2, 0, 1], [-0.5, 0.125, 0.75, 1.375, 2.0]
        final double[] y = {10.0, 12.5, 9.0, 14.0, 11.0, 13.5};
        final double[] yh = {10.5, 12.0, 9.5, 12.0, 11.5, 13.0};

        QualityReport report() {
            List<CaptureRecord> records = new ArrayList<>();
            List<Label> labels = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                records.add(prediction("r" + i, i, yh[i]));
                labels.add(Label.of("r" + i, Double.toString(y[i]), T0.plusSeconds(60), i + 1));
            }
            records.add(prediction("text", 10, "abc"));
            records.add(prediction("nan", 11, "NaN"));
            records.add(prediction("badlabel", 12, 3));
            labels.add(Label.of("badlabel", "abc", T0, 7));
            labels.add(Label.of("inf", "Infinity", T0, 8));
            records.add(prediction("inf", 13, 3));
            records.add(prediction("one", 3600, 1.5));
            labels.add(Label.of("one", "2", T0.plusSeconds(3700), 9));
            return QualityMonitor.regression(STAGE, "prediction").windowing(HOURLY).bins(4).clock(CLOCK)
                    .training(Map.of("rmse", 0.8, "mae", 0.7, "r2", 0.75)).tolerance(0.1).tolerance("r2", 0.01)
                    .trainedAt(T0).build().evaluate(records, GroundTruth.of(labels));
        }

        @Test
        void eachWindowMatchesSklearnAndNumpy() {
            QualityReport report = report();
            WindowQuality first = report.windows().get(0);
            assertThat(first.metrics()).containsOnlyKeys("rmse", "mae", "r2");
            assertThat(first.metrics().get("rmse")).isCloseTo(0.9354143466934853, within(1e-15));
            assertThat(first.metrics().get("mae")).isCloseTo(0.75, within(1e-15));
            assertThat(first.metrics().get("r2")).isCloseTo(0.7352941176470589, within(1e-15));
            RegressionQuality quality = first.regression().orElseThrow();
            assertThat(quality.errors().meanResidual()).isCloseTo(0.25, within(1e-15));
            assertThat(quality.probabilities()).isEqualTo(RegressionQuality.PROBABILITIES);
            double[] expected = {-0.5, -0.5, -0.5, 0.0, 0.5, 1.625, 2.0};
            for (int i = 0; i < expected.length; i++) {
                assertThat(quality.quantiles().get(i)).isCloseTo(expected[i], within(1e-15));
            }
            assertThat(quality.histogram().counts()).containsExactly(3L, 2L, 0L, 1L);
            assertThat(quality.histogram().edges()).containsExactly(-0.5, 0.125, 0.75, 1.375, 2.0);
            assertThat(first.classification()).isEmpty();
        }

        @Test
        void comparisonsKnowThatLowerErrorsAreBetter() {
            WindowQuality first = report().windows().get(0);
            assertThat(first.comparisons()).extracting(MetricComparison::metric).containsExactly("rmse", "mae", "r2");
            assertThat(first.comparisons()).extracting(MetricComparison::higherIsBetter).containsExactly(false, false, true);
            assertThat(first.comparisons()).extracting(MetricComparison::worse).containsExactly(true, false, true);
            assertThat(first.comparisons()).extracting(MetricComparison::tolerance).containsExactly(0.1, 0.1, 0.01);
        }

        @Test
        void badPredictionsAndLabelsAreCountedAndNamed() {
            QualityReport report = report();
            WindowQuality first = report.windows().get(0);
            assertThat(first.predictions()).isEqualTo(10);
            assertThat(first.labelled()).isEqualTo(6);
            assertThat(first.missingPredictions()).isEqualTo(2);
            assertThat(first.badLabels()).isEqualTo(2);
            assertThat(first.problems()).extracting(Object::toString).containsExactly(
                    "window 0, inference text, column 'prediction': string \"abc\" is not a numeric value; expected a"
                            + " number (an integer within ±2^53) or \"NaN\", \"Infinity\", \"-Infinity\" (read as missing)",
                    "window 0, inference nan, column 'prediction': the prediction is NaN; expected a finite number");
            assertThat(report.labels().badValues()).isEqualTo(2);
            assertThat(report.labels().problems()).extracting(Object::toString).containsExactly(
                    "memory:7: label \"abc\" of inference badlabel is not a finite number; expected a number for"
                            + " regression",
                    "memory:8: label \"Infinity\" of inference inf is not a finite number; expected a number for"
                            + " regression");
        }

        @Test
        void aWindowOfOneLabelHasNoRSquared() {
            WindowQuality second = report().windows().get(1);
            assertThat(second.labelled()).isEqualTo(1);
            assertThat(second.metrics().get("rmse")).isEqualTo(0.5);
            assertThat(second.metrics().get("r2")).isNaN();
            assertThat(second.comparisons().get(2).worse()).isFalse();
            assertThat(second.medianLabelDelay()).contains(Duration.ofSeconds(100));
        }

        @Test
        void theJsonWritesNonFiniteNumbersAsStrings() throws Exception {
            JsonNode json = Json.reader().readTree(report().toJson());
            assertThat(json.path("task").asText()).isEqualTo("regression");
            assertThat(json.path("windows").path(1).path("metrics").path("r2").asText()).isEqualTo("NaN");
            JsonNode regression = json.path("windows").path(0).path("regression");
            assertThat(regression.path("meanResidual").asDouble()).isCloseTo(0.25, within(1e-15));
            assertThat(regression.path("residualQuantiles").path(5).path("p").asDouble()).isEqualTo(0.95);
            assertThat(regression.path("residualQuantiles").path(5).path("value").asDouble()).isCloseTo(1.625, within(1e-15));
            assertThat(regression.path("residualHistogram").path("counts").toString()).isEqualTo("[3,2,0,1]");
            assertThat(regression.path("residualHistogram").path("edges").size()).isEqualTo(5);
            assertThat(json.path("findings").size()).isEqualTo(2);
            JsonNode rmse = json.path("findings").path(0);
            assertThat(rmse.path("metric").asText()).isEqualTo("rmse");
            assertThat(rmse.path("threshold").asDouble()).isCloseTo(0.9, within(1e-15));
            JsonNode r2 = json.path("findings").path(1);
            assertThat(r2.path("threshold").asDouble()).isCloseTo(0.74, within(1e-15));
            assertThat(json.path("labels").path("badValues").asLong()).isEqualTo(2);
        }
    }

    @Nested
    class Json_ {
        @Test
        void theReportIsInTheSharedEnvelope() throws Exception {
            Classified data = new Classified();
            GroundTruth truth = GroundTruth.of(data.labels);
            QualityReport report = classifier().build().evaluate(data.records, truth);
            assertThat(report.header().kind()).isEqualTo(QualityReport.KIND);
            JsonNode json = Json.reader().readTree(report.toJson());
            assertThat(json.path("kind").asText()).isEqualTo("quality-report");
            assertThat(json.path("formatVersion").asInt()).isEqualTo(1);
            assertThat(json.path("createdAt").asText()).isEqualTo("2026-12-09T00:00:00Z");
            assertThat(json.path("fingerprint").asText()).isEqualTo(Fingerprint.of(truth.table()).sha256());
            assertThat(json.path("stage").asText()).isEqualTo("after-model");
            assertThat(json.path("predictionField").asText()).isEqualTo("prediction");
            assertThat(json.path("windowing").asText())
                    .isEqualTo("time(PT1H, origin=2026-12-07T00:00:00Z, lateness=PT0S, stage=after-model)");
            assertThat(json.path("trainedAt").asText()).isEqualTo("2026-12-06T00:00:00Z");
            assertThat(json.path("asOf").asText()).isEqualTo("2026-12-09T00:00:00Z");
            assertThat(json.path("training").path("auc").asDouble()).isEqualTo(0.9);
            assertThat(json.path("labels").path("unknownIds").asLong()).isEqualTo(1);
            assertThat(json.path("labels").path("problems").size()).isEqualTo(1);
            assertThat(json.path("capture").path("records").asLong()).isEqualTo(18);
            assertThat(json.path("capture").path("otherStages").asLong()).isEqualTo(1);
            JsonNode first = json.path("windows").path(0);
            assertThat(first.path("start").asText()).isEqualTo("2026-12-07T00:00:00Z");
            assertThat(first.path("end").asText()).isEqualTo("2026-12-07T01:00:00Z");
            assertThat(first.path("predictions").asLong()).isEqualTo(12);
            assertThat(first.path("labelled").asLong()).isEqualTo(8);
            assertThat(first.path("unlabelled").asLong()).isEqualTo(1);
            assertThat(first.path("missingPredictions").asLong()).isEqualTo(2);
            assertThat(first.path("pending").asLong()).isEqualTo(1);
            assertThat(first.path("badLabels").asLong()).isZero();
            assertThat(first.path("modelAge").asText()).isEqualTo("PT24H");
            assertThat(first.path("modelAgeSeconds").asDouble()).isEqualTo(86400.0);
            assertThat(first.path("medianLabelDelay").asText()).isEqualTo("PT4H30M");
            assertThat(first.path("maxLabelDelaySeconds").asDouble()).isEqualTo(28800.0);
            assertThat(first.path("metrics").path("accuracy").asDouble()).isCloseTo(0.625, within(1e-15));
            assertThat(first.path("comparisons").path(1).path("worse").asBoolean()).isTrue();
            assertThat(first.path("comparisons").path(1).path("delta").asDouble())
                    .isCloseTo(0.6349206349206349 - 0.7, within(1e-15));
            assertThat(first.path("comparisons").path(0).path("higherIsBetter").asBoolean()).isTrue();
            assertThat(first.path("comparisons").path(0).path("training").asDouble()).isEqualTo(0.6);
            assertThat(first.path("comparisons").path(0).path("tolerance").asDouble()).isEqualTo(0.05);
            assertThat(first.path("comparisons").path(0).path("value").asDouble()).isEqualTo(0.625);
            JsonNode classification = first.path("classification");
            assertThat(classification.path("classes").toString()).isEqualTo("[\"bird\",\"cat\",\"dog\"]");
            assertThat(classification.path("confusionMatrix").toString()).isEqualTo("[[1,1,0],[0,2,1],[0,1,2]]");
            JsonNode cat = classification.path("perClass").path(1);
            assertThat(cat.path("class").asText()).isEqualTo("cat");
            assertThat(cat.path("precision").asDouble()).isEqualTo(0.5);
            assertThat(cat.path("recall").asDouble()).isCloseTo(0.6666666666666666, within(1e-15));
            assertThat(cat.path("f1").asDouble()).isCloseTo(0.5714285714285715, within(1e-15));
            assertThat(cat.path("support").asLong()).isEqualTo(3);
            assertThat(first.path("problems").size()).isEqualTo(1);
            assertThat(first.has("regression")).isFalse();
            JsonNode finding = json.path("findings").path(0);
            assertThat(finding.path("window").asLong()).isZero();
            assertThat(finding.path("metric").asText()).isEqualTo("macro_f1");
            assertThat(finding.path("severity").asText()).isEqualTo("warning");
            assertThat(finding.path("measured").asDouble()).isCloseTo(0.6349206349206349, within(1e-15));
            assertThat(finding.path("threshold").asDouble()).isCloseTo(0.65, within(1e-15));
            assertThat(finding.path("message").asText()).isEqualTo("macro_f1 in window 0 (from 2026-12-07T00:00:00Z) is"
                    + " 0.6349206349206349, worse than the training value 0.7 by more than 0.05");
            assertThat(json.path("findings").size()).isEqualTo(3);
        }

        @Test
        void withoutSettingsTheOptionalKeysAreLeftOut() throws Exception {
            JsonNode json = Json.reader().readTree(QualityMonitor.classification(STAGE, "prediction")
                    .windowing(HOURLY).build().evaluate(List.of(), GroundTruth.of(List.of())).toJson());
            assertThat(json.has("asOf")).isFalse();
            assertThat(json.has("trainedAt")).isFalse();
            assertThat(json.path("windows").size()).isZero();
        }
    }

    @Nested
    class FromACaptureDirectory {
        @TempDir
        Path dir;

        @Test
        void streamsTheSameWindowsAsInMemory() throws Exception {
            Classified data = new Classified();
            try (CaptureWriter writer = CaptureWriter.builder(dir).rotateAfterBytes(500).build()) {
                data.records.forEach(writer::write);
            }
            GroundTruth truth = GroundTruth.of(data.labels);
            QualityMonitor monitor = classifier().build();
            QualityReport streamed = monitor.evaluate(dir, truth);
            QualityReport inMemory = monitor.evaluate(data.records, truth);
            assertThat(streamed.capture().capture().files()).isGreaterThan(1);
            assertThat(streamed.windows()).isEqualTo(inMemory.windows());
            assertThat(streamed.labels()).isEqualTo(inMemory.labels());
        }
    }

    @Nested
    class BadSettings {
        @Test
        void aWindowingIsRequired() {
            assertThatThrownBy(() -> QualityMonitor.classification(STAGE, "p").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the windowing must be set: call windowing(Windowing.byTime(...)) or"
                            + " windowing(Windowing.byCount(...)) before build()");
        }

        @Test
        void argumentsAreChecked() {
            assertThatThrownBy(() -> QualityMonitor.regression(STAGE, " "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("predictionField must be non-blank but was \" \"");
            QualityMonitor.Builder builder = QualityMonitor.regression(STAGE, "p");
            assertThatThrownBy(() -> builder.tolerance(-0.1)).hasMessage("tolerance must be finite and not negative but was -0.1");
            assertThatThrownBy(() -> builder.tolerance(Double.NaN)).hasMessage("tolerance must be finite and not negative but was NaN");
            assertThatThrownBy(() -> builder.tolerance(Double.POSITIVE_INFINITY))
                    .hasMessage("tolerance must be finite and not negative but was Infinity");
            assertThatThrownBy(() -> builder.tolerance("accuracy", 0.1))
                    .hasMessage("metric must be one of [rmse, mae, r2] for regression but was 'accuracy'");
            assertThatThrownBy(() -> builder.tolerance("rmse", -1))
                    .hasMessage("tolerance of rmse must be finite and not negative but was -1.0");
            assertThatThrownBy(() -> builder.bins(0)).hasMessage("bins must be at least 1 but was 0");
            assertThatThrownBy(() -> builder.training(Map.of("rmse", Double.NaN)))
                    .hasMessage("training metric rmse must be finite but was NaN");
            assertThat(builder.tolerance(0).bins(1)).isSameAs(builder);
        }

        @Test
        void taskLabels() {
            assertThat(QualityMonitor.Task.CLASSIFICATION.label()).isEqualTo("classification");
            assertThat(QualityMonitor.Task.REGRESSION.label()).isEqualTo("regression");
        }
    }

    @Nested
    class ManyProblems {
        @Test
        void atMostSoManyUnknownIdsAreNamed() {
            List<Label> labels = new ArrayList<>();
            for (int i = 0; i <= GroundTruth.MAX_PROBLEMS; i++) {
                labels.add(Label.of("ghost" + i, "cat", T0, i + 1));
            }
            QualityReport report = classifier().build().evaluate(List.of(prediction("a", 0, "cat")),
                    GroundTruth.of(labels));
            assertThat(report.labels().unknownIds()).isEqualTo(GroundTruth.MAX_PROBLEMS + 1);
            assertThat(report.labels().problems()).hasSize(GroundTruth.MAX_PROBLEMS);
        }

        @Test
        void atMostSoManyBadValuesAreNamed() {
            List<Label> labels = new ArrayList<>();
            List<CaptureRecord> records = new ArrayList<>();
            for (int i = 0; i <= GroundTruth.MAX_PROBLEMS; i++) {
                labels.add(Label.of("r" + i, "x", T0, i + 1));
                records.add(prediction("r" + i, 0, 1.0));
            }
            QualityReport report = QualityMonitor.regression(STAGE, "prediction").windowing(HOURLY).build()
                    .evaluate(records, GroundTruth.of(labels));
            assertThat(report.labels().badValues()).isEqualTo(GroundTruth.MAX_PROBLEMS + 1);
            assertThat(report.labels().problems()).hasSize(GroundTruth.MAX_PROBLEMS);
            assertThat(report.windows().get(0).worse()).isFalse();
        }
    }

    @Test
    void trainingMetricsGivenAgainReplaceTheFirst() {
        QualityReport report = classifier().training(Map.of("accuracy", 0.5)).build()
                .evaluate(List.of(), GroundTruth.of(List.of()));
        assertThat(report.training()).containsOnlyKeys("accuracy");
    }

    @Test
    void theWindowsOwnStageIsWindowedWhateverTheWindowingSaid() {
        List<CaptureRecord> records = List.of(prediction("a", 0, "cat"), prediction("b", 1, "dog"),
                new CaptureRecord("c", T0, "v1", CaptureStage.BEFORE_PREPROCESSING, Map.of(), Map.of()));
        QualityReport report = QualityMonitor.classification(STAGE, "prediction")
                .windowing(Windowing.byCount(1).onlyStage(CaptureStage.BEFORE_PREPROCESSING)).build()
                .evaluate(records, GroundTruth.of(List.of()));
        assertThat(report.windows()).hasSize(2);
        assertThat(report.windows()).allSatisfy(w -> assertThat(w.unlabelled()).isEqualTo(1));
        assertThat(report.windows().get(0).metrics()).isEmpty();
    }
}
