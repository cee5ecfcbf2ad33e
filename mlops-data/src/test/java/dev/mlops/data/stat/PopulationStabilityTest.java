package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PopulationStabilityTest {
    // The independent computation, numpy 1.24.2 (/usr/bin/python3):
    //   def psi(ref, cur, bins=10, eps=1e-4):
    //       r = np.sort(np.asarray(ref, float)); c = np.sort(np.asarray(cur, float))
    //       edges = np.unique(np.quantile(r, np.arange(1, bins) / bins))
    //       e = np.diff(np.concatenate([[0], np.searchsorted(r, edges, side="right"), [len(r)]])) / len(r)
    //       a = np.diff(np.concatenate([[0], np.searchsorted(c, edges, side="right"), [len(c)]])) / len(c)
    //       e = np.where(e == 0, eps, e); a = np.where(a == 0, eps, a)
    //       return np.sum((a - e) * np.log(a / e)), len(edges) + 1
    //   def psic(e, a, eps=1e-4):
    //       e = np.asarray(e, float); a = np.asarray(a, float); e = e / e.sum(); a = a / a.sum()
    //       e = np.where(e == 0, eps, e); a = np.where(a == 0, eps, a); return np.sum((a - e) * np.log(a / e))
    // (PSI is not in scipy; these are the values PsiCheckTest holds too.)

    private static final double[] REF = {50.0, 53.0, 47.3, 41.1, 45.5, 40.1, 50.6, 63.4, 45.1, 43.8, 54.9, 53.6, 51.1,
        40.7, 49.7, 57.0, 36.6, 45.4, 31.0, 37.1, 31.6, 47.6, 37.3, 52.7, 51.6, 48.1, 24.8, 44.6, 49.5, 51.1, 34.7, 45.2,
        40.2, 41.9, 60.6, 41.9, 49.7, 58.8, 44.2, 48.9};
    private static final double[] CUR = {55.3, 54.8, 39.3, 54.9, 70.3, 35.4, 64.3, 55.4, 46.3, 78.0, 63.1, 39.6, 54.9,
        60.9, 51.7, 62.2, 53.2, 62.0, 71.3, 45.9, 56.4, 48.4, 55.5, 39.8, 47.0, 51.6, 64.8, 67.7, 38.1, 44.5};

    private static double[] grid120() {
        return IntStream.range(0, 120).mapToDouble(i -> (i * 37 % 120) / 12.0).toArray();
    }

    private static double[] grid110() {
        return IntStream.range(0, 110).mapToDouble(j -> (j * 41 % 110) / 10.0 + 0.3).toArray();
    }

    @Nested
    class NumericAgainstNumpy {
        @Test
        void normalSamples() {
            // ref = np.round(rng.normal(50, 10, 40), 1), cur = np.round(rng.normal(54, 12, 30), 1),
            // rng = np.random.default_rng(7): psi(ref, cur) = (2.3123187585161062, 10)
            TwoSampleResult r = PopulationStability.numeric(CUR, REF, 10);
            assertThat(r.test()).isEqualTo("psi");
            assertThat(r.statistic()).isCloseTo(2.3123187585161062, within(1e-12));
            assertThat(r.pValue()).isEmpty();
            assertThat(r.bins()).isEqualTo(10);
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
            assertThat(r.currentSize()).isEqualTo(30);
            assertThat(r.referenceSize()).isEqualTo(40);
            assertThat(r.referenceError()).isZero();
        }

        @Test
        void uniformGridsWithTenAndFourBins() {
            // psi(grid120, grid110) = (0.1038328113725107, 10); psi(grid120, grid110, bins=4) = (0.04635947326650281, 4)
            assertThat(PopulationStability.numeric(grid110(), grid120(), 10).statistic())
                    .isCloseTo(0.1038328113725107, within(1e-12));
            TwoSampleResult four = PopulationStability.numeric(grid110(), grid120(), 4);
            assertThat(four.statistic()).isCloseTo(0.04635947326650281, within(1e-12));
            assertThat(four.bins()).isEqualTo(4);
        }

        @Test
        void equalEdgesAreMerged() {
            // ref = [0.0]*20 + list(range(1, 21)); cur = [0.0]*10 + list(range(1, 31)): psi = (0.48647753726382825, 7)
            double[] ref = DoubleStream.concat(DoubleStream.of(new double[20]), DoubleStream.iterate(1, x -> x + 1)
                    .limit(20)).toArray();
            double[] cur = DoubleStream.concat(DoubleStream.of(new double[10]), DoubleStream.iterate(1, x -> x + 1)
                    .limit(30)).toArray();
            TwoSampleResult r = PopulationStability.numeric(cur, ref, 10);
            assertThat(r.statistic()).isCloseTo(0.48647753726382825, within(1e-12));
            assertThat(r.bins()).isEqualTo(7);
        }

        @Test
        void aProfileThatKeepsItsValuesGivesTheRawResult() {
            NumericProfile profile = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), REF);
            assertThat(PopulationStability.numeric(CUR, profile, 10)).isEqualTo(PopulationStability.numeric(CUR, REF, 10));
            assertThat(PopulationStability.numeric(CUR, profile, 3)).isEqualTo(PopulationStability.numeric(CUR, REF, 3));
        }

        @Test
        void aSketchedProfileIsApproximateWithinItsRankError() {
            SplittableRandom random = new SplittableRandom(21);
            double[] ref = Sweeps.normal(random, 20_000, 0, 1);
            NumericProfile sketch = (NumericProfile) Sweeps.profile(
                    ProfileOptions.defaults().withExactQuantileLimit(1_000), ref);
            double[] cur = Sweeps.normal(random, 1_000, 0.2, 1);
            TwoSampleResult exact = PopulationStability.numeric(cur, ref, 10);
            TwoSampleResult approximate = PopulationStability.numeric(cur, sketch, 10);
            assertThat(approximate.statistic()).isCloseTo(exact.statistic(), within(0.05));
            assertThat(approximate.method()).isEqualTo(TestMethod.SKETCH);
            assertThat(approximate.referenceError()).isEqualTo(sketch.rankError()).isPositive();
            assertThat(approximate.referenceSize()).isEqualTo(20_000);
        }
    }

    @Nested
    class CategoriesAgainstNumpy {
        private final Map<String, Long> current = Map.of("a", 15L, "b", 25L, "c", 12L, "d", 3L);
        private final Map<String, Long> reference = Map.of("a", 30L, "b", 20L, "c", 10L);

        @Test
        void aNewCategoryHasAnExpectedShareOfEpsilon() {
            // psic([30, 20, 10, 0], [15, 25, 12, 3]) = 0.5323219375423406
            TwoSampleResult r = PopulationStability.categorical(current, reference);
            assertThat(r.statistic()).isCloseTo(0.5323219375423406, within(1e-12));
            assertThat(r.pValue()).isEmpty();
            assertThat(r.bins()).isEqualTo(4);
            assertThat(r.currentSize()).isEqualTo(55);
            assertThat(r.referenceSize()).isEqualTo(60);
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
        }

        @Test
        void theIndexIsSymmetricForCategories() {
            assertThat(PopulationStability.categorical(reference, current).statistic())
                    .isCloseTo(0.5323219375423406, within(1e-12));
        }

        @Test
        void aProfileWithExactCountsGivesTheMapsResult() {
            CategoricalProfile profile = ChiSquareTestTest.profile(reference, ProfileOptions.defaults());
            assertThat(PopulationStability.categorical(current, profile))
                    .isEqualTo(PopulationStability.categorical(current, reference));
        }

        @Test
        void aSketchedReferenceUsesItsTopValuesAndAnOtherBin() {
            // psic([40, 30, 20, 10], [10, 30, 20, 40]) = 0.8317766166719345 (a, b, c, other)
            Map<String, Long> counts = Map.of("a", 40L, "b", 30L, "c", 20L, "d", 5L, "e", 3L, "f", 2L);
            CategoricalProfile sketch = ChiSquareTestTest.profile(counts,
                    ProfileOptions.defaults().withExactDistinctLimit(5).withTopK(3));
            assertThat(sketch.exactCounts()).isEmpty();
            assertThat(PopulationStability.categorical(counts, sketch).statistic()).isCloseTo(0.0, within(1e-12));
            TwoSampleResult shifted = PopulationStability.categorical(
                    Map.of("a", 10L, "b", 30L, "c", 20L, "d", 20L, "e", 10L, "f", 10L), sketch);
            assertThat(shifted.statistic()).isCloseTo(0.8317766166719345, within(1e-12));
            assertThat(shifted.method()).isEqualTo(TestMethod.SKETCH);
            assertThat(shifted.bins()).isEqualTo(4);
            assertThat(shifted.referenceSize()).isEqualTo(100);
            assertThat(shifted.currentSize()).isEqualTo(100);
            assertThat(shifted.referenceError()).isEqualTo(sketch.frequencyError() / 100.0);
        }

        @Test
        void aSketchedReferenceWithNoFrequentValueIsRefused() {
            Map<String, Long> counts = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                counts.put("v" + i, 3L);
            }
            CategoricalProfile sketch = ChiSquareTestTest.profile(counts,
                    ProfileOptions.defaults().withExactDistinctLimit(5).withFrequentItemsMapSize(8));
            assertThat(sketch.noFrequentValue()).isTrue();

            // every share would fall in the "other" bin on both sides: the PSI would be 0 whatever the data
            assertThatThrownBy(() -> PopulationStability.categorical(Map.of("v0", 50L, "w", 50L), sketch))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reference profile 'c' keeps sketches and no value of it is guaranteed"
                            + " frequent")
                    .hasMessageContaining("higher exactDistinctLimit");
        }
    }

    @Nested
    class TheIndex {
        @Test
        void aShareOfZeroIsReplacedByEpsilon() {
            // (0.5 - 0.5) ln 1 + (0.25 - 0.5) ln(0.25 / 0.5) + (0.25 - 1e-4) ln(0.25 / 1e-4)
            double expected = -0.25 * Math.log(0.5) + (0.25 - 1e-4) * Math.log(0.25 / 1e-4);
            assertThat(PopulationStability.index(new double[] {0.5, 0.5, 0.0}, new double[] {0.5, 0.25, 0.25}))
                    .isCloseTo(expected, within(1e-15));
            assertThat(PopulationStability.index(new double[] {0.5, 0.25, 0.25}, new double[] {0.5, 0.5, 0.0}))
                    .isCloseTo(expected, within(1e-15));
            assertThat(PopulationStability.EPSILON).isEqualTo(1e-4);
        }
    }

    @Nested
    class BadInput {
        @Test
        void tooFewBins() {
            assertThatThrownBy(() -> PopulationStability.numeric(CUR, REF, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("bins must be at least 2 but was 1");
            NumericProfile profile = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), REF);
            assertThatThrownBy(() -> PopulationStability.numeric(CUR, profile, 0))
                    .hasMessage("bins must be at least 2 but was 0");
        }

        @Test
        void tooFewOrNonFiniteValues() {
            assertThatThrownBy(() -> PopulationStability.numeric(new double[] {1.0}, REF, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current must hold at least 2 values but held 1");
            assertThatThrownBy(() -> PopulationStability.numeric(CUR, new double[] {Double.NaN, 1.0}, 10))
                    .hasMessage("reference must hold only finite values but reference[0] was NaN");
            NumericProfile one = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), 1.0, Double.NaN);
            assertThatThrownBy(() -> PopulationStability.numeric(CUR, one, 10))
                    .hasMessage("reference must hold at least 2 finite values but its profile of column 'x' held 1");
            assertThatThrownBy(() -> PopulationStability.numeric(new double[] {1.0, Double.NaN}, one, 10))
                    .hasMessage("current must hold only finite values but current[1] was NaN");
        }

        @Test
        void emptyOrNegativeCounts() {
            assertThatThrownBy(() -> PopulationStability.categorical(Map.of(), Map.of("a", 1L)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current must hold at least 1 value but its counts sum to 0");
            assertThatThrownBy(() -> PopulationStability.categorical(Map.of("a", 1L), Map.of("a", 0L)))
                    .hasMessage("reference must hold at least 1 value but its counts sum to 0");
            CategoricalProfile sketch = ChiSquareTestTest.profile(Map.of("a", 4L, "b", 3L, "c", 2L, "d", 1L),
                    ProfileOptions.defaults().withExactDistinctLimit(2));
            assertThatThrownBy(() -> PopulationStability.categorical(Map.of("a", -1L), sketch))
                    .hasMessage("current count of 'a' must not be negative but was -1");
            assertThatThrownBy(() -> PopulationStability.categorical(Map.of("a", 0L), sketch))
                    .hasMessage("current must hold at least 1 value but its counts sum to 0");
        }
    }

    static Stream<Arguments> sizes() {
        return Sweeps.sizes(300);
    }

    @Nested
    class Properties {
        @ParameterizedTest(name = "seed {0}, n {1}, m {2}")
        @MethodSource("dev.mlops.data.stat.PopulationStabilityTest#sizes")
        void nonNegativeAndZeroForTheSameSample(long seed, int n, int m) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] a = Sweeps.normal(random, n, 0, 1);
            double[] b = Sweeps.normal(random, m, random.nextDouble(), 1);
            int bins = 2 + random.nextInt(12);
            TwoSampleResult r = PopulationStability.numeric(a, b, bins);
            assertThat(r.statistic()).as("seed %s, n %s, m %s, bins %s", seed, n, m, bins).isGreaterThanOrEqualTo(0.0);
            assertThat(r.bins()).isBetween(1, bins);
            assertThat(PopulationStability.numeric(b, b.clone(), bins).statistic()).isCloseTo(0.0, within(1e-12));
        }
    }
}
