package dev.mlops.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import dev.mlops.data.stat.TestMethod;
import dev.mlops.monitor.drift.DriftResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The records of the report model: what they accept, refuse (with which message) and copy. */
class ModelTest {
    private static final Instant T0 = Instant.parse("2026-03-16T00:00:00Z");

    @Nested
    class Verdicts {
        @ParameterizedTest
        @EnumSource(Verdict.class)
        void labelsRoundTrip(Verdict verdict) {
            assertThat(Verdict.fromLabel(verdict.label())).isEqualTo(verdict);
        }

        @Test
        void labelsAreLowerCaseWithHyphens() {
            assertThat(Verdict.NO_DATA.label()).isEqualTo("no-data");
            assertThat(Verdict.DRIFT.label()).isEqualTo("drift");
        }

        @Test
        void anUnknownLabelIsRefusedWithTheChoices() {
            assertThatThrownBy(() -> Verdict.fromLabel("OK")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("verdict must be one of ok, drift, no-data but was 'OK'");
        }
    }

    @Nested
    class Bins {
        @Test
        void sharesComeFromCountsPerSide() {
            List<Bin> bins = Bin.fromCounts(List.of("a", "b"), new long[] {1, 3}, new long[] {5, 0});
            assertThat(bins).containsExactly(new Bin("a", 0.25, 1.0), new Bin("b", 0.75, 0.0));
            assertThatThrownBy(() -> bins.add(new Bin("c", 0, 0))).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aSideWithoutRowsHasNaNShares() {
            List<Bin> bins = Bin.fromCounts(List.of("a", "b"), new long[] {0, 0}, new long[] {2, 2});
            assertThat(bins).extracting(Bin::referenceShare).containsExactly(Double.NaN, Double.NaN);
            assertThat(bins).extracting(Bin::currentShare).containsExactly(0.5, 0.5);
        }

        @Test
        void countsMustMatchTheLabelsAndNotBeNegative() {
            assertThatThrownBy(() -> Bin.fromCounts(List.of("a"), new long[] {1, 2}, new long[] {1}))
                    .hasMessage("labels, referenceCounts and currentCounts must have the same length but had 1, 2 and 1");
            assertThatThrownBy(() -> Bin.fromCounts(List.of("a"), new long[] {1}, new long[] {1, 2}))
                    .hasMessage("labels, referenceCounts and currentCounts must have the same length but had 1, 1 and 2");
            assertThatThrownBy(() -> Bin.fromCounts(List.of("a", "b"), new long[] {1, -1}, new long[] {1, 1}))
                    .hasMessage("referenceCounts[1] must not be negative but was -1");
            assertThatThrownBy(() -> Bin.fromCounts(List.of("a"), new long[] {1}, new long[] {-3}))
                    .hasMessage("currentCounts[0] must not be negative but was -3");
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.001, 1.001, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void sharesOutsideZeroToOneAreRefused(double share) {
            assertThatThrownBy(() -> new Bin("x", share, 0.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("referenceShare of bin 'x' must be in [0, 1] or NaN but was " + share);
            assertThatThrownBy(() -> new Bin("x", 0.5, share))
                    .hasMessage("currentShare of bin 'x' must be in [0, 1] or NaN but was " + share);
        }

        @Test
        void theBoundsAndNaNAreShares() {
            assertThat(new Bin("x", 0.0, 1.0).currentShare()).isEqualTo(1.0);
            assertThat(new Bin("x", 1.0, Double.NaN).referenceShare()).isEqualTo(1.0);
        }
    }

    @Nested
    class Features {
        @Test
        void aTestsResultMapsWithItsAdjustedPValue() {
            DriftResult result = new DriftResult("ks", "ks", 0.31, OptionalDouble.of(0.001), TestMethod.EXACT, 0.0,
                    DriftResult.Rule.P_VALUE_BELOW, 0.05, OptionalDouble.of(0.09), 1500, 12000);
            FeatureDrift feature = FeatureDrift.of("age", Reports.numericBins(), result);
            assertThat(feature).isEqualTo(new FeatureDrift("age", "ks", 0.31, OptionalDouble.of(0.09), 0.05,
                    Verdict.OK, 12000, 1500, Reports.numericBins()));
            FeatureDrift unadjusted = FeatureDrift.of("age", List.of(), new DriftResult("ks", "ks", 0.31,
                    OptionalDouble.of(0.001), TestMethod.EXACT, 0.0, DriftResult.Rule.P_VALUE_BELOW, 0.05,
                    OptionalDouble.empty(), 1500, 12000));
            assertThat(unadjusted.pValue()).hasValue(0.001);
            assertThat(unadjusted.verdict()).isEqualTo(Verdict.DRIFT);
        }

        @Test
        void aDistanceWithoutCurrentRowsHasNoData() {
            DriftResult result = new DriftResult("psi", "psi", Double.NaN, OptionalDouble.empty(), TestMethod.EXACT,
                    0.0, DriftResult.Rule.STATISTIC_AT_LEAST, 0.2, OptionalDouble.empty(), 0, 100);
            FeatureDrift feature = FeatureDrift.of("income", List.of(), result);
            assertThat(feature.verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(feature.pValue()).isEmpty();
            assertThat(feature.value()).isNaN();
        }

        @Test
        void binsAreCopiedAndTheirLabelsDistinct() {
            List<Bin> bins = new ArrayList<>(List.of(new Bin("a", 1, 1)));
            FeatureDrift feature = new FeatureDrift("f", "psi", 0, OptionalDouble.empty(), 0.2, Verdict.OK, 1, 1, bins);
            bins.add(new Bin("b", 0, 0));
            assertThat(feature.bins()).hasSize(1);
            assertThatThrownBy(() -> new FeatureDrift("f", "psi", 0, OptionalDouble.empty(), 0.2, Verdict.OK, 1, 1,
                    List.of(new Bin("a", 1, 1), new Bin("a", 0, 0))))
                    .hasMessage("the bins of feature 'f' must have distinct labels but were [a, a]");
        }

        @Test
        void namesAndSizesAreChecked() {
            assertThatThrownBy(() -> new FeatureDrift(" ", "psi", 0, OptionalDouble.empty(), 0.2, Verdict.OK, 1, 1,
                    List.of())).hasMessage("feature must not be blank but was ' '");
            assertThatThrownBy(() -> new FeatureDrift("f", "", 0, OptionalDouble.empty(), 0.2, Verdict.OK, 1, 1,
                    List.of())).hasMessage("statistic must not be blank but was ''");
            assertThatThrownBy(() -> new FeatureDrift("f", "psi", 0, OptionalDouble.empty(), 0.2, Verdict.OK, -1, 1,
                    List.of())).hasMessage("referenceSize of feature 'f' must not be negative but was -1");
            assertThatThrownBy(() -> new FeatureDrift("f", "psi", 0, OptionalDouble.empty(), 0.2, Verdict.OK, 0, -2,
                    List.of())).hasMessage("currentSize of feature 'f' must not be negative but was -2");
            assertThat(new FeatureDrift("f", "psi", 0, OptionalDouble.empty(), 0.2, Verdict.OK, 0, 0, List.of())
                    .currentSize()).isZero();
        }
    }

    @Nested
    class Series {
        @Test
        void timesMustIncrease() {
            List<Timeline.Point> points = List.of(new Timeline.Point(T0, 1, Verdict.OK),
                    new Timeline.Point(T0.plusSeconds(1), 1, Verdict.OK), new Timeline.Point(T0.plusSeconds(1), 2,
                            Verdict.OK));
            assertThatThrownBy(() -> new Timeline("age", "psi", 0.2, points))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeline 'age': the points' times must increase but point 2 (2026-03-16T00:00:01Z)"
                            + " is not after point 1 (2026-03-16T00:00:01Z)");
            assertThatThrownBy(() -> new QualitySeries("rmse", OptionalDouble.empty(), List.of(
                    new QualitySeries.Point(T0, 1), new QualitySeries.Point(T0.minusSeconds(1), 1))))
                    .hasMessage("metric 'rmse': the points' times must increase but point 1 (2026-03-15T23:59:59Z)"
                            + " is not after point 0 (2026-03-16T00:00:00Z)");
        }

        @Test
        void pointsAreCopied() {
            List<QualitySeries.Point> points = new ArrayList<>(List.of(new QualitySeries.Point(T0, 0.9)));
            QualitySeries series = new QualitySeries("accuracy", OptionalDouble.of(0.91), points);
            points.add(new QualitySeries.Point(T0.plusSeconds(1), 0.8));
            assertThat(series.points()).hasSize(1);
            assertThat(new Timeline("age", "psi", 0.2, List.of()).points()).isEmpty();
        }

        @Test
        void thresholdsAndBaselinesMustBeFinite() {
            assertThatThrownBy(() -> new Timeline("age", "psi", Double.NaN, List.of()))
                    .hasMessage("threshold of timeline 'age' must be a finite number but was NaN");
            assertThatThrownBy(() -> new QualitySeries("acc", OptionalDouble.of(Double.POSITIVE_INFINITY), List.of()))
                    .hasMessage("baseline of metric 'acc' must be a finite number but was Infinity");
            assertThatThrownBy(() -> new Timeline("age", "psi", Double.NEGATIVE_INFINITY, List.of()))
                    .hasMessage("threshold of timeline 'age' must be a finite number but was -Infinity");
        }

        @Test
        void namesMustNotBeBlank() {
            assertThatThrownBy(() -> new Timeline("", "psi", 0.2, List.of()))
                    .hasMessage("feature must not be blank but was ''");
            assertThatThrownBy(() -> new Timeline("a", "\t", 0.2, List.of()))
                    .hasMessage("statistic must not be blank but was '\t'");
            assertThatThrownBy(() -> new QualitySeries(" ", OptionalDouble.empty(), List.of()))
                    .hasMessage("metric must not be blank but was ' '");
        }
    }

    @Nested
    class WholeReports {
        @Test
        void findingsHaveNumbersOrNot() {
            assertThat(Finding.of(Severity.ERROR, "age", "drifted", 0.01, 0.05)).isEqualTo(new Finding(Severity.ERROR,
                    "age", "drifted", OptionalDouble.of(0.01), OptionalDouble.of(0.05)));
            assertThat(Finding.of(Severity.INFO, "report", "fine").measured()).isEmpty();
            assertThat(Finding.of(Severity.INFO, "report", "fine").threshold()).isEmpty();
            assertThatThrownBy(() -> Finding.of(Severity.INFO, "", "fine"))
                    .hasMessage("scope must not be blank but was ''");
            assertThatThrownBy(() -> Finding.of(Severity.INFO, "x", " "))
                    .hasMessage("message must not be blank but was ' '");
        }

        @Test
        void theBuilderKeepsTheOrderAndTheListsAreUnmodifiable() {
            MonitoringReport report = Reports.full();
            assertThat(report.findings()).extracting(Finding::severity)
                    .containsExactly(Severity.ERROR, Severity.WARNING, Severity.INFO);
            assertThat(report.features()).extracting(FeatureDrift::feature)
                    .containsExactly("age", "city", Reports.SCRIPT, "income", "score");
            assertThat(report.timelines()).extracting(Timeline::feature).containsExactly("age", "city", "income");
            assertThat(report.quality()).extracting(QualitySeries::metric).containsExactly("accuracy", "rmse");
            assertThatThrownBy(() -> report.features().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> report.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> report.timelines().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> report.quality().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aReportNeedsATitleAndASubject() {
            assertThatThrownBy(() -> MonitoringReport.builder(" ", "s", T0).build())
                    .hasMessage("title must not be blank but was ' '");
            assertThatThrownBy(() -> MonitoringReport.builder("t", "", T0).build())
                    .hasMessage("subject must not be blank but was ''");
            MonitoringReport empty = MonitoringReport.builder("t", "s", T0).build();
            assertThat(empty.createdAt()).isEqualTo(T0);
            assertThat(empty.findings()).isEmpty();
        }
    }
}
