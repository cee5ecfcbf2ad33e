package dev.mlops.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import dev.mlops.data.stat.TestMethod;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DriftDetectorsTest {
    private static final double[] X = {0.61, -1.32, 2.05, 0.17, -0.44, 1.28, 0.93, -0.08, 1.71, 0.35};
    private static final double[] Y = {-0.92, 0.12, -1.75, 0.48, -0.63, -0.21, 0.77, -1.18, 0.05, -0.37, 1.02, -0.55,
        -1.46, 0.29};
    /** Categories a, b, c: current counts [30, 12, 8], reference counts [22, 20, 18]. */
    private static final Sample.Categorical NOW = Sample.categorical(Map.of("a", 30L, "b", 12L, "c", 8L), 0);
    private static final Sample.Categorical THEN = Sample.categorical(Map.of("a", 22L, "b", 20L, "c", 18L), 0);

    private static Reference raw(double... values) {
        return Reference.of(Sample.numeric(values));
    }

    private static NumericProfile profile(ProfileOptions options, double... values) {
        return (NumericProfile) DatasetProfile.of(Table.of(NumericColumn.of("x", values)), options).column("x");
    }

    /** Every value recorded with /usr/bin/python3, scipy 1.10.1. */
    @Nested
    class AgainstScipy {
        @Test
        void kolmogorovSmirnov() {
            // from scipy.stats import ks_2samp; r = ks_2samp(X, Y) -> 0.4142857142857143 0.20557234751608155
            DriftResult r = DriftDetectors.ks(0.05).detect(Sample.numeric(X), raw(Y));
            assertThat(r.detector()).isEqualTo("ks");
            assertThat(r.value()).isCloseTo(0.4142857142857143, within(1e-6));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.20557234751608155, within(1e-6));
            assertThat(r.pValueKind()).isEqualTo(DriftResult.PValueKind.EXACT);
            assertThat(r.rule()).isEqualTo(DriftResult.Rule.P_VALUE_BELOW);
            assertThat(r.threshold()).isEqualTo(0.05);
            assertThat(r.drift()).isFalse();
            assertThat(r.currentSize()).isEqualTo(10);
            assertThat(r.referenceSize()).isEqualTo(14);
        }

        @Test
        void chiSquare() {
            // from scipy.stats import chi2_contingency
            // chi2_contingency([[30, 12, 8], [22, 20, 18]], correction=False)[:2] -> 6.21923076923077 0.04461811285317712
            DriftResult r = DriftDetectors.chiSquare(0.05).detect(NOW, Reference.of(THEN));
            assertThat(r.statistic()).isEqualTo("chi-square");
            assertThat(r.value()).isCloseTo(6.21923076923077, within(1e-6));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.04461811285317712, within(1e-6));
            assertThat(r.pValueKind()).isEqualTo(DriftResult.PValueKind.APPROXIMATE);
            assertThat(r.drift()).isTrue();
        }

        @Test
        void jensenShannon() {
            // from scipy.spatial.distance import jensenshannon; jensenshannon([30, 12, 8], [22, 20, 18])
            // -> 0.16987914099284288
            DriftResult r = DriftDetectors.jensenShannon(0.1, 10).detect(NOW, Reference.of(THEN));
            assertThat(r.value()).isCloseTo(0.16987914099284288, within(1e-6));
            assertThat(r.pValue()).isEmpty();
            assertThat(r.pValueKind()).isEqualTo(DriftResult.PValueKind.ABSENT);
            assertThat(r.drift()).isTrue();
        }

        @Test
        void normalizedWasserstein() {
            // from scipy.stats import wasserstein_distance; import numpy as np
            // wasserstein_distance(X, Y) -> 0.836; wasserstein_distance(X, Y) / np.std(Y) -> 1.046601497675999
            DriftResult r = DriftDetectors.wasserstein(0.1).detect(Sample.numeric(X), raw(Y));
            assertThat(r.statistic()).isEqualTo("normalized-wasserstein");
            assertThat(r.value()).isCloseTo(1.046601497675999, within(1e-6));
            assertThat(r.drift()).isTrue();
        }

        @Test
        void welchT() {
            // from scipy.stats import ttest_ind; ttest_ind(X, Y, equal_var=False)
            // -> 2.1391205437569067 0.0473085318977653
            DriftResult r = DriftDetectors.welchT(0.05).detect(Sample.numeric(X), raw(Y));
            assertThat(r.value()).isCloseTo(2.1391205437569067, within(1e-6));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.0473085318977653, within(1e-6));
            assertThat(r.drift()).isTrue();
            assertThat(DriftDetectors.welchT(0.01).detect(Sample.numeric(X), raw(Y)).drift()).isFalse();
        }

        @Test
        void linfIsTheKsStatisticWithoutAPValue() {
            // ks_2samp(X, Y).statistic -> 0.4142857142857143
            DriftResult r = DriftDetectors.linf(0.1).detect(Sample.numeric(X), raw(Y));
            assertThat(r.value()).isCloseTo(0.4142857142857143, within(1e-12));
            assertThat(r.pValue()).isEmpty();
            assertThat(r.drift()).isTrue();
        }
    }

    @Nested
    class Shifts {
        @Test
        void meanInReferenceStandardDeviations() {
            // numpy: (mean(X) - mean(Y)) / std(Y, ddof=1) = (0.526 + 0.31) / 0.828928873259387
            DriftResult r = DriftDetectors.shift(ShiftMeasure.MEAN, 0.1).detect(Sample.numeric(X), raw(Y));
            assertThat(r.statistic()).isEqualTo("mean-shift");
            assertThat(r.value()).isCloseTo(0.836 / 0.828928873259387, within(1e-12));
            assertThat(r.drift()).isTrue();
        }

        @Test
        void standardDeviationRelative() {
            // numpy: std(X, ddof=1) / std(Y, ddof=1) - 1 = 1.0181159069575527 / 0.828928873259387 - 1
            DriftResult r = DriftDetectors.shift(ShiftMeasure.STANDARD_DEVIATION, 0.5).detect(Sample.numeric(X), raw(Y));
            assertThat(r.value()).isCloseTo(1.0181159069575527 / 0.828928873259387 - 1, within(1e-12));
            assertThat(r.drift()).isFalse();
        }

        @Test
        void minAndMaxInReferenceRanges() {
            // Y spans [-1.75, 1.02], a range of 2.77; X spans [-1.32, 2.05]
            DriftResult min = DriftDetectors.shift(ShiftMeasure.MIN, 0.1).detect(Sample.numeric(X), raw(Y));
            DriftResult max = DriftDetectors.shift(ShiftMeasure.MAX, 0.1).detect(Sample.numeric(X), raw(Y));
            assertThat(min.value()).isCloseTo((-1.32 + 1.75) / 2.77, within(1e-12));
            assertThat(max.value()).isCloseTo((2.05 - 1.02) / 2.77, within(1e-12));
            assertThat(min.drift()).isTrue();
            assertThat(max.drift()).isTrue();
        }

        @Test
        void missingShareOfCategories() {
            Sample now = Sample.categories(Arrays.asList("München", null, null, "São Paulo"));
            Sample then = Sample.categories(Arrays.asList("München", "São Paulo", null, "München", "München"));
            DriftResult r = DriftDetectors.shift(ShiftMeasure.MISSING_SHARE, 0.05).detect(now, Reference.of(then));
            assertThat(r.value()).isCloseTo(0.5 - 0.2, within(1e-12));
            assertThat(r.currentSize()).isEqualTo(4);
            assertThat(r.referenceSize()).isEqualTo(5);
            assertThat(r.drift()).isTrue();
        }

        @Test
        void missingShareOfNumbersAgainstAProfileCountsNanAsMissing() {
            NumericProfile profile = profile(ProfileOptions.defaults(), 1, 2, Double.NaN, 4);
            DriftResult r = DriftDetectors.shift(ShiftMeasure.MISSING_SHARE, 0.05)
                    .detect(Sample.numeric(1, 2, 3, Double.NaN), Reference.of(profile));
            assertThat(r.value()).isZero();
            assertThat(r.drift()).isFalse();
        }

        @Test
        void aConstantReferenceGivesZeroOrAnInfinity() {
            assertThat(DriftDetectors.shift(ShiftMeasure.MEAN, 0.1).detect(Sample.numeric(3, 3), raw(3, 3)).value())
                    .isZero();
            assertThat(DriftDetectors.shift(ShiftMeasure.MEAN, 0.1).detect(Sample.numeric(4, 4), raw(3, 3)).value())
                    .isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(DriftDetectors.shift(ShiftMeasure.MIN, 0.1).detect(Sample.numeric(2), raw(3)).value())
                    .isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @ParameterizedTest
        @EnumSource(ShiftMeasure.class)
        void aProfileReferenceGivesTheRawValue(ShiftMeasure measure) {
            SplittableRandom random = new SplittableRandom(11);
            double[] reference = random.doubles(3_000).toArray();
            double[] current = random.doubles(500).map(x -> 1.2 * x + 0.1).toArray();
            DriftDetector detector = DriftDetectors.shift(measure, measure.defaultThreshold());
            NumericProfile sketched = profile(ProfileOptions.defaults().withExactQuantileLimit(1_000), reference);
            double fromRaw = detector.detect(Sample.numeric(current), raw(reference)).value();
            assertThat(detector.detect(Sample.numeric(current), Reference.of(sketched)).value()).as("%s", measure)
                    .isCloseTo(fromRaw, within(1e-9));
        }

        @Test
        void tooFewValuesAreNamed() {
            assertThatThrownBy(() -> DriftDetectors.shift(ShiftMeasure.MEAN, 0.1).detect(Sample.numeric(1, Double.NaN),
                    raw(1, 2))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("detector 'shift' (mean-shift) needs at least 2 present current values but had 1");
            assertThatThrownBy(() -> DriftDetectors.shift(ShiftMeasure.MAX, 0.1).detect(Sample.numeric(1),
                    raw(Double.NaN))).hasMessage("detector 'shift' (max-shift) needs at least 1 present reference"
                    + " value but had none");
        }

        @Test
        void shiftsOtherThanMissingShareCompareNumbersOnly() {
            assertThat(DriftDetectors.shift(ShiftMeasure.MEAN, 0.1).kinds()).containsExactly(Sample.Kind.NUMERIC);
            assertThat(DriftDetectors.shift(ShiftMeasure.MISSING_SHARE, 0.1).kinds())
                    .containsExactlyInAnyOrder(Sample.Kind.NUMERIC, Sample.Kind.CATEGORICAL);
            assertThatThrownBy(() -> DriftDetectors.shift(ShiftMeasure.MEAN, 0.1).detect(NOW, Reference.of(THEN)))
                    .hasMessage("detector 'shift' compares numeric columns but the sample is categorical");
        }
    }

    @Nested
    class FromProfiles {
        @Test
        void ksFromAnExactProfileIsTheRawTest() {
            DriftResult fromProfile = DriftDetectors.ks(0.05).detect(Sample.numeric(X),
                    Reference.of(profile(ProfileOptions.defaults(), Y)));
            assertThat(fromProfile).isEqualTo(DriftDetectors.ks(0.05).detect(Sample.numeric(X), raw(Y)));
        }

        @Test
        void ksFromASketchIsApproximateWithinTheRankError() {
            SplittableRandom random = new SplittableRandom(3);
            double[] reference = random.doubles(5_000).toArray();
            double[] current = random.doubles(2_000).map(x -> x + 0.05).toArray();
            NumericProfile sketched = profile(ProfileOptions.defaults().withExactQuantileLimit(1_000), reference);
            DriftResult r = DriftDetectors.ks(0.05).detect(Sample.numeric(current), Reference.of(sketched));
            assertThat(r.method()).isEqualTo(TestMethod.SKETCH);
            assertThat(r.pValueKind()).isEqualTo(DriftResult.PValueKind.APPROXIMATE);
            assertThat(r.referenceError()).isEqualTo(sketched.rankError());
            assertThat(r.value()).isCloseTo(DriftDetectors.ks(0.05).detect(Sample.numeric(current), raw(reference))
                    .value(), within(sketched.rankError()));
        }

        @Test
        void categoricalDistancesFromAProfileWithExactCounts() {
            Table table = Table.of(CategoricalColumn.of("city", "a", "a", "b", "c", "c", "c"));
            DatasetProfile profile = DatasetProfile.of(table);
            Sample then = Sample.categories(List.of("a", "a", "b", "c", "c", "c"));
            for (DriftDetector detector : List.of(DriftDetectors.chiSquare(0.05), DriftDetectors.psi(0.1, 10),
                    DriftDetectors.jensenShannon(0.1, 10), DriftDetectors.linf(0.1))) {
                assertThat(detector.detect(NOW, Reference.of(profile.column("city")))).as("%s", detector)
                        .isEqualTo(detector.detect(NOW, Reference.of(then)));
            }
        }

        @Test
        void wassersteinNeedsRawValuesAndSaysSo() {
            DriftDetector wasserstein = DriftDetectors.wasserstein(0.1);
            assertThat(wasserstein.needsRawReference()).isTrue();
            assertThatThrownBy(() -> wasserstein.detect(Sample.numeric(X),
                    Reference.of(profile(ProfileOptions.defaults(), Y)))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("detector 'wasserstein' needs the raw reference values and cannot compare with a numeric"
                            + " profile; give it Reference.of(Sample)");
        }

        @Test
        void theOthersReadProfiles() {
            for (DriftDetector detector : List.of(DriftDetectors.ks(0.05), DriftDetectors.chiSquare(0.05),
                    DriftDetectors.welchT(0.05), DriftDetectors.psi(0.1, 10), DriftDetectors.jensenShannon(0.1, 10),
                    DriftDetectors.linf(0.1), DriftDetectors.shift(ShiftMeasure.MEAN, 0.1))) {
                assertThat(detector.needsRawReference()).as("%s", detector).isFalse();
            }
        }

        @Test
        void aTimestampProfileIsRefused() {
            Table table = Table.of(dev.mlops.core.table.TimestampColumn.of("t", java.time.Instant.EPOCH));
            assertThatThrownBy(() -> Reference.of(DatasetProfile.of(table).column("t")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a drift reference must profile a"
                            + " numeric or categorical column but the profile of column 't' is of timestamps");
        }
    }

    /** The adjusted p-values of statsmodels 0.13.5, {@code multipletests(p, method=...)[1]}. */
    @Nested
    class MultipleTesting {
        private final double[] p = {0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.049};

        @Test
        void benjaminiHochberg() {
            // multipletests([0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.049], method="fdr_bh")[1]
            // -> [0.035, 0.0686, 0.0686, 0.035, 0.23333333333333336, 0.5, 0.0686]
            assertThat(Correction.BENJAMINI_HOCHBERG.adjust(p)).containsExactly(new double[] {0.035, 0.0686, 0.0686,
                0.035, 0.23333333333333336, 0.5, 0.0686}, within(1e-12));
            // multipletests([0.02, 0.02, 0.9, 0.001], method="fdr_bh")[1] -> [0.02666666666666667, 0.02666666666666667, 0.9, 0.004]
            assertThat(Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.02, 0.02, 0.9, 0.001}))
                    .containsExactly(new double[] {0.02666666666666667, 0.02666666666666667, 0.9, 0.004}, within(1e-12));
        }

        @Test
        void holm() {
            // multipletests(p, method="holm")[1] -> [0.06, 0.16, 0.15, 0.035, 0.4, 0.5, 0.16]
            assertThat(Correction.HOLM.adjust(p)).containsExactly(new double[] {0.06, 0.16, 0.15, 0.035, 0.4, 0.5,
                0.16}, within(1e-12));
            // multipletests([0.02, 0.02, 0.9, 0.001], method="holm")[1] -> [0.06, 0.06, 0.9, 0.004]
            assertThat(Correction.HOLM.adjust(new double[] {0.02, 0.02, 0.9, 0.001}))
                    .containsExactly(new double[] {0.06, 0.06, 0.9, 0.004}, within(1e-12));
        }

        @Test
        void noneAndEmptyChangeNothing() {
            assertThat(Correction.NONE.adjust(p)).containsExactly(p);
            assertThat(Correction.HOLM.adjust(new double[0])).isEmpty();
            assertThat(Correction.BENJAMINI_HOCHBERG.toString()).isEqualTo("fdr_bh");
            assertThat(Correction.HOLM.toString()).isEqualTo("holm");
            assertThat(Correction.NONE.toString()).isEqualTo("none");
        }

        @Test
        void aPValueOutsideTheUnitIntervalIsNamed() {
            assertThatThrownBy(() -> Correction.HOLM.adjust(new double[] {0.1, 1.5}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("pValues[1] must be in [0, 1] but was 1.5");
        }

        @Test
        void correctingColumnsAdjustsTheTestsAndLeavesTheDistances() {
            Map<String, DriftResult> byColumn = new LinkedHashMap<>();
            byColumn.put("x", DriftDetectors.welchT(0.05).detect(Sample.numeric(X), raw(Y)));
            byColumn.put("city", DriftDetectors.chiSquare(0.05).detect(NOW, Reference.of(THEN)));
            byColumn.put("dist", DriftDetectors.linf(0.1).detect(Sample.numeric(X), raw(Y)));
            Map<String, DriftResult> corrected = DriftDetectors.correct(byColumn, Correction.BENJAMINI_HOCHBERG);
            assertThat(corrected).containsOnlyKeys("x", "city", "dist");
            assertThat(corrected.keySet()).containsExactly("x", "city", "dist");
            // p = [0.0473085318977653, 0.04461811285317712]: both adjust to 0.0473085318977653 (fdr_bh)
            assertThat(corrected.get("x").adjustedPValue().getAsDouble()).isCloseTo(0.0473085318977653, within(1e-12));
            assertThat(corrected.get("city").adjustedPValue().getAsDouble()).isCloseTo(0.0473085318977653,
                    within(1e-12));
            assertThat(corrected.get("dist")).isSameAs(byColumn.get("dist"));
            Map<String, DriftResult> holm = DriftDetectors.correct(byColumn, Correction.HOLM);
            // holm: [min(1, 2 * 0.04461811285317712), max(that, 0.0473085318977653)] = 0.0892..., both drift no more
            assertThat(holm.get("city").adjustedPValue().getAsDouble()).isCloseTo(2 * 0.04461811285317712,
                    within(1e-12));
            assertThat(holm.get("x").drift()).isFalse();
            assertThat(holm.get("city").drift()).isFalse();
            assertThat(byColumn.get("city").drift()).isTrue();
        }

        @Test
        void aDistanceCannotBeAdjusted() {
            DriftResult distance = DriftDetectors.linf(0.1).detect(Sample.numeric(X), raw(Y));
            assertThatThrownBy(() -> distance.withAdjustedPValue(0.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("detector 'linf' measured a linf without a p-value, which cannot be adjusted");
        }
    }

    @Nested
    class DefaultChoice {
        @Test
        void smallReferencesGetATest() {
            assertThat(DriftDetectors.defaultFor(Sample.Kind.NUMERIC, raw(Y), 1_000)).isEqualTo(DriftDetectors.ks(0.05));
            assertThat(DriftDetectors.defaultFor(Sample.Kind.CATEGORICAL, Reference.of(THEN), 60))
                    .isEqualTo(DriftDetectors.chiSquare(0.05));
        }

        @Test
        void largeReferencesGetADistance() {
            assertThat(DriftDetectors.defaultFor(Sample.Kind.NUMERIC, raw(Y), 1_001))
                    .isEqualTo(DriftDetectors.wasserstein(0.1));
            assertThat(DriftDetectors.defaultFor(Sample.Kind.CATEGORICAL, Reference.of(THEN), 1_001))
                    .isEqualTo(DriftDetectors.jensenShannon(0.1, 10));
        }

        @Test
        void aLargeNumericProfileGetsJensenShannonWhichReadsProfiles() {
            Reference profiled = Reference.of(profile(ProfileOptions.defaults(), Y));
            assertThat(DriftDetectors.defaultFor(Sample.Kind.NUMERIC, profiled, 5_000))
                    .isEqualTo(DriftDetectors.jensenShannon(0.1, 10));
            assertThat(DriftDetectors.defaultFor(Sample.Kind.NUMERIC, profiled, 14)).isEqualTo(DriftDetectors.ks(0.05));
        }

        @Test
        void aSketchedCategoricalProfileGetsJensenShannonEvenWhenSmall() {
            Table table = Table.of(CategoricalColumn.of("city", "a", "b", "c", "d"));
            Reference sketched = Reference.of(DatasetProfile.of(table, ProfileOptions.defaults()
                    .withExactDistinctLimit(2)).column("city"));
            assertThat(DriftDetectors.defaultFor(Sample.Kind.CATEGORICAL, sketched, 4))
                    .isEqualTo(DriftDetectors.jensenShannon(0.1, 10));
        }

        @Test
        void badArgumentsAreNamed() {
            assertThatThrownBy(() -> DriftDetectors.defaultFor(Sample.Kind.NUMERIC, raw(Y), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("referenceRows must not be negative but was -1");
            assertThatThrownBy(() -> DriftDetectors.defaultFor(Sample.Kind.CATEGORICAL, raw(Y), 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the reference must be of the column's kind CATEGORICAL but was of NUMERIC");
        }
    }

    @Nested
    class Registry {
        @Test
        void specStringsRebuildTheDetectorsWithTheirDefaults() {
            ComponentRegistry registry = ComponentRegistry.defaults();
            assertThat(registry.create(DriftDetector.class, "ks()")).isEqualTo(DriftDetectors.ks(0.05));
            assertThat(registry.create(DriftDetector.class, "jensen-shannon(threshold=0.2, bins=20)"))
                    .isEqualTo(DriftDetectors.jensenShannon(0.2, 20));
            assertThat(registry.create(DriftDetector.class, "shift(measure=MISSING_SHARE)"))
                    .isEqualTo(DriftDetectors.shift(ShiftMeasure.MISSING_SHARE, 0.05));
            assertThat(DriftDetectors.psi(0.25, 10).spec().toString()).isEqualTo("psi(threshold=0.25, bins=10)");
        }

        @Test
        void badSettingsAreNamed() {
            assertThatThrownBy(() -> DriftDetectors.ks(1.0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alpha (the significance level) must be in (0, 1) but was 1.0");
            assertThatThrownBy(() -> DriftDetectors.linf(0.0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("threshold must be a finite number above 0 but was 0.0");
            assertThatThrownBy(() -> DriftDetectors.psi(0.1, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bins must be at least 2 but was 1");
        }
    }

    @Nested
    class BadInput {
        @Test
        void anEmptyCurrentSampleIsRefused() {
            assertThatThrownBy(() -> DriftDetectors.ks(0.05).detect(Sample.numeric(), raw(Y)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("detector 'ks' needs a current sample with values but it was empty");
        }

        @Test
        void anEmptyReferenceIsRefused() {
            assertThatThrownBy(() -> DriftDetectors.linf(0.1).detect(NOW, Reference.of(Sample.categorical(Map.of(), 0))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("detector 'linf' needs a reference with values but it was empty");
        }

        @Test
        void kindsMustAgree() {
            assertThatThrownBy(() -> DriftDetectors.psi(0.1, 10).detect(NOW, raw(Y)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("detector 'psi' compares samples of one"
                            + " kind but the current sample is categorical and the reference numeric");
            assertThatThrownBy(() -> DriftDetectors.chiSquare(0.05).detect(Sample.numeric(X), raw(Y)))
                    .hasMessage("detector 'chi-square' compares categorical columns but the sample is numeric");
        }

        @Test
        void onlyMissingValuesReachTheStatisticsMessage() {
            assertThatThrownBy(() -> DriftDetectors.ks(0.05).detect(Sample.numeric(Double.NaN), raw(Y)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current must hold at least 2 values but held 0");
        }

        @Test
        void infiniteValuesAndNegativeCountsAreNamed() {
            assertThatThrownBy(() -> Sample.numeric(1, Double.NEGATIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("values must be finite or NaN (missing) but values[1] was -Infinity");
            assertThatThrownBy(() -> Sample.categorical(Map.of("a", -1L), 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("count of category 'a' must not be negative but was -1");
            assertThatThrownBy(() -> Sample.categorical(Map.of("a", 1L), -2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("missing must not be negative but was -2");
        }
    }

    @Nested
    class Samples {
        @Test
        void numericSamplesKeepPresentValuesAndCountMissingOnes() {
            Sample.Numeric sample = Sample.numeric(3, Double.NaN, 1);
            assertThat(sample.values()).containsExactly(3, 1);
            assertThat(sample.present()).isEqualTo(2);
            assertThat(sample.missing()).isEqualTo(1);
            assertThat(sample.size()).isEqualTo(3);
            assertThat(sample.kind()).isEqualTo(Sample.Kind.NUMERIC);
            assertThat(sample).hasToString("numeric sample of 2 present and 1 missing values");
            sample.values()[0] = 99;
            assertThat(sample.values()).containsExactly(3, 1);
        }

        @Test
        void aTablesColumnsBecomeSamples() {
            Sample numbers = Sample.of(NumericColumn.builder("age").add(31).addMissing().add(Double.NaN).add(27).build());
            assertThat(((Sample.Numeric) numbers).values()).containsExactly(31, 27);
            assertThat(numbers.missing()).isEqualTo(2);
            Sample cities = Sample.of(CategoricalColumn.of("city", "München", null, "São Paulo", "München"));
            assertThat(((Sample.Categorical) cities).counts()).containsExactly(Map.entry("München", 2L),
                    Map.entry("São Paulo", 1L));
            assertThat(cities.missing()).isEqualTo(1);
        }

        @Test
        void textAndBooleanColumnsCountTheirValuesAsAProfileDoes() {
            Sample words = Sample.of(dev.mlops.core.table.TextColumn.of("note", "ok", null, "São Paulo", "ok"));
            assertThat(((Sample.Categorical) words).counts()).containsExactly(Map.entry("São Paulo", 1L),
                    Map.entry("ok", 2L));
            assertThat(words.missing()).isEqualTo(1);
            Sample flags = Sample.of(dev.mlops.core.table.BooleanColumn.of("flag", true, null, false, true));
            assertThat(((Sample.Categorical) flags).counts()).containsExactly(Map.entry("false", 1L),
                    Map.entry("true", 2L));
            assertThat(flags.missing()).isEqualTo(1);
        }

        @Test
        void aColumnWithoutMissingValuesKeepsEveryValueAndTheCallersArrayIsNotChanged() {
            double[] values = {3, Double.NaN, 1};
            Sample.Numeric sample = Sample.numeric(values);
            assertThat(sample.values()).containsExactly(3, 1);
            assertThat(values).containsExactly(3, Double.NaN, 1);
            Sample full = Sample.of(NumericColumn.of("x", 2, 4, 6));
            assertThat(((Sample.Numeric) full).values()).containsExactly(2, 4, 6);
            assertThat(full.missing()).isZero();
        }

        @Test
        void aCategoricalColumnSelectedOrLongerThanABlockIsCountedByItsRows() {
            String[] values = new String[5000];
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 10 == 0 ? null : i % 3 == 0 ? "a" : "b";
            }
            CategoricalColumn column = CategoricalColumn.of("c", values);
            Sample.Categorical all = (Sample.Categorical) Sample.of(column);
            assertThat(all.counts()).isEqualTo(Sample.categories(Arrays.asList(values)).counts());
            assertThat(all.missing()).isEqualTo(500);
            Sample.Categorical some = (Sample.Categorical) Sample.of(column.select(new int[] {0, 3, 4, 4}));
            assertThat(some.counts()).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
            assertThat(some.missing()).isEqualTo(1);
            Sample.Categorical unused = (Sample.Categorical) Sample.of(CategoricalColumn.of("c", "a", "b")
                    .select(new int[] {0}));
            assertThat(unused.counts()).containsExactly(Map.entry("a", 1L));
        }

        @Test
        void otherColumnsAndInfinitiesAreRefusedNamingTheColumn() {
            assertThatThrownBy(() -> Sample.of(dev.mlops.core.table.TimestampColumn.of("t", java.time.Instant.EPOCH)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("drift compares numeric, categorical, text and boolean columns but column 't' is of type"
                            + " TIMESTAMP");
            assertThatThrownBy(() -> Sample.of(NumericColumn.of("x", 1, Double.POSITIVE_INFINITY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'x': values must be finite or NaN (missing) but values[1] was Infinity");
        }

        @Test
        void categoricalSamplesCountCategories() {
            Sample.Categorical sample = Sample.categories(Arrays.asList("b", "a", null, "b"));
            assertThat(sample.counts()).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
            assertThat(sample.present()).isEqualTo(3);
            assertThat(sample.missing()).isEqualTo(1);
            assertThat(Reference.of(sample).isRaw()).isTrue();
            assertThat(Reference.of(sample).kind()).isEqualTo(Sample.Kind.CATEGORICAL);
        }
    }

    @Nested
    class Results {
        @Test
        void aTestWithoutAPValueIsRefused() {
            assertThatThrownBy(() -> new DriftResult("t", "t", 1.0, java.util.OptionalDouble.empty(), TestMethod.EXACT,
                    0.0, DriftResult.Rule.P_VALUE_BELOW, 0.05, java.util.OptionalDouble.empty(), 1, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a test's result must have a p-value but detector 't' gave none");
        }

        @Test
        void pValuesAndSizesAreChecked() {
            assertThatThrownBy(() -> new DriftResult("t", "t", 1.0, java.util.OptionalDouble.of(1.5), TestMethod.EXACT,
                    0.0, DriftResult.Rule.P_VALUE_BELOW, 0.05, java.util.OptionalDouble.empty(), 1, 1))
                    .hasMessage("pValue must be in [0, 1] but was 1.5");
            assertThatThrownBy(() -> new DriftResult("t", "t", 1.0, java.util.OptionalDouble.empty(), TestMethod.EXACT,
                    0.0, DriftResult.Rule.STATISTIC_AT_LEAST, 0.1, java.util.OptionalDouble.empty(), -1, 1))
                    .hasMessage("sizes must not be negative but were currentSize -1 and referenceSize 1");
        }

        @Test
        void aDistanceDriftsAtItsThresholdInEitherDirection() {
            DriftResult atThreshold = new DriftResult("shift", "mean-shift", -0.1, java.util.OptionalDouble.empty(),
                    TestMethod.EXACT, 0.0, DriftResult.Rule.STATISTIC_AT_LEAST, 0.1, java.util.OptionalDouble.empty(),
                    5, 5);
            assertThat(atThreshold.drift()).isTrue();
            assertThat(atThreshold.pValueKind()).isEqualTo(DriftResult.PValueKind.ABSENT);
        }
    }
}
