package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KolmogorovSmirnovTest {
    private static final double[] X = {0.61, -1.32, 2.05, 0.17, -0.44, 1.28, 0.93, -0.08, 1.71, 0.35};
    private static final double[] Y = {-0.92, 0.12, -1.75, 0.48, -0.63, -0.21, 0.77, -1.18, 0.05, -0.37, 1.02, -0.55,
        -1.46, 0.29};

    private static NumericProfile exact(double... values) {
        return (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), values);
    }

    private static NumericProfile sketched(double... values) {
        return (NumericProfile) Sweeps.profile(ProfileOptions.defaults().withExactQuantileLimit(1_000), values);
    }

    /** The values {@code (i * 37 % 120) / 12.0 + shift} for i in 0..119. */
    private static double[] grid120(double shift) {
        return java.util.stream.IntStream.range(0, 120).mapToDouble(i -> (i * 37 % 120) / 12.0 + shift).toArray();
    }

    /** The values {@code (j * 41 % 110) / 10.0 + 0.3} for j in 0..109. */
    private static double[] grid110() {
        return java.util.stream.IntStream.range(0, 110).mapToDouble(j -> (j * 41 % 110) / 10.0 + 0.3).toArray();
    }

    @Nested
    class ExactAgainstScipy {
        @Test
        void aSampleWithoutTies() {
            // /usr/bin/python3: from scipy.stats import ks_2samp; r = ks_2samp(X, Y, method="exact")
            // 0.4142857142857143 0.20557234751608155      (scipy 1.10.1)
            TwoSampleResult r = KolmogorovSmirnov.test(X, Y);
            assertThat(r.test()).isEqualTo("ks");
            assertThat(r.statistic()).isCloseTo(0.4142857142857143, within(1e-15));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.20557234751608155, within(1e-12));
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
            assertThat(r.currentSize()).isEqualTo(10);
            assertThat(r.referenceSize()).isEqualTo(14);
            assertThat(r.referenceError()).isZero();
            assertThat(r.bins()).isZero();
        }

        @Test
        void swappingTheSamplesChangesNothingButTheSizes() {
            // scipy 1.10.1: ks_2samp(Y, X, method="exact") -> 0.4142857142857143 0.20557234751608155
            TwoSampleResult r = KolmogorovSmirnov.test(Y, X);
            assertThat(r.statistic()).isCloseTo(0.4142857142857143, within(1e-15));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.20557234751608155, within(1e-12));
            assertThat(r.currentSize()).isEqualTo(14);
            assertThat(r.referenceSize()).isEqualTo(10);
        }

        @Test
        void aShiftedSample() {
            // scipy 1.10.1: ks_2samp([2.1, 2.5, 1.8, 3.0, 2.7, 2.2, 1.9, 2.8, 0.9, 1.4], Y, method="exact")
            // -> 0.9285714285714286 1.1217301565935299e-05
            TwoSampleResult r = KolmogorovSmirnov.test(new double[] {2.1, 2.5, 1.8, 3.0, 2.7, 2.2, 1.9, 2.8, 0.9, 1.4}, Y);
            assertThat(r.statistic()).isCloseTo(0.9285714285714286, within(1e-15));
            assertThat(r.pValue().getAsDouble()).isCloseTo(1.1217301565935299e-05, within(1e-15));
        }

        @Test
        void disjointSamplesReachTheSmallestPValue() {
            // scipy 1.10.1: ks_2samp([10 + i for i in range(10)], Y, method="exact") -> 1.0 1.0197546878123e-06
            double[] far = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
            TwoSampleResult r = KolmogorovSmirnov.test(far, Y);
            assertThat(r.statistic()).isEqualTo(1.0);
            assertThat(r.pValue().getAsDouble()).isCloseTo(1.0197546878123e-06, within(1e-15));
        }

        @Test
        void tiesAreKeptAsTheyAre() {
            // scipy 1.10.1: ks_2samp([1,2,2,3,3,3,4,5,5,6], [2,3,3,4,4,4,5,5,6,6,7,7], method="exact")
            // -> 0.35 0.39722197307336626
            TwoSampleResult r = KolmogorovSmirnov.test(new double[] {1, 2, 2, 3, 3, 3, 4, 5, 5, 6},
                    new double[] {2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 7});
            assertThat(r.statistic()).isCloseTo(0.35, within(1e-15));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.39722197307336626, within(1e-9));
        }
    }

    @Nested
    class AsymptoticAgainstScipy {
        // n·m = 13,200 >= 10,000: 1 - K(D sqrt(n m/(n+m))), which is scipy.special.kolmogorov.

        @Test
        void gridsThatAgree() {
            // /usr/bin/python3: import numpy as np; from scipy import stats, special;
            //   a=[((i*37)%120)/12.0 for i in range(120)]; b=[((j*41)%110)/10.0+0.3 for j in range(110)];
            //   d=stats.ks_2samp(a, b).statistic; special.kolmogorov(d*np.sqrt(120*110/230))
            // 0.12121212121212122 0.3680077564890418      (scipy 1.10.1)
            TwoSampleResult r = KolmogorovSmirnov.test(grid120(0.0), grid110());
            assertThat(r.statistic()).isCloseTo(0.12121212121212122, within(1e-15));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.3680077564890418, within(1e-12));
            assertThat(r.method()).isEqualTo(TestMethod.ASYMPTOTIC);
            assertThat(r.currentSize()).isEqualTo(120);
            assertThat(r.referenceSize()).isEqualTo(110);
        }

        @Test
        void shiftedGrids() {
            // the same with a shifted by -2.5: 0.3484848484848485 1.7669657307680507e-06      (scipy 1.10.1)
            TwoSampleResult r = KolmogorovSmirnov.test(grid120(-2.5), grid110());
            assertThat(r.statistic()).isCloseTo(0.3484848484848485, within(1e-15));
            assertThat(r.pValue().getAsDouble()).isCloseTo(1.7669657307680507e-06, within(1e-12));
        }

        @Test
        void theMethodSwitchesAtTenThousand() {
            SplittableRandom random = new SplittableRandom(11);
            assertThat(KolmogorovSmirnov.test(Sweeps.normal(random, 99, 0, 1), Sweeps.normal(random, 101, 0, 1))
                    .method()).isEqualTo(TestMethod.EXACT);
            assertThat(KolmogorovSmirnov.test(Sweeps.normal(random, 100, 0, 1), Sweeps.normal(random, 100, 0, 1))
                    .method()).isEqualTo(TestMethod.ASYMPTOTIC);
            assertThat(KolmogorovSmirnov.LARGE_SAMPLE_PRODUCT).isEqualTo(10_000);
        }

        @Test
        void theAsymptoticPValueIsCommonsMathsForLargeCounts() {
            org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest commons =
                    new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest();
            assertThat(KolmogorovSmirnov.asymptoticP(0.05, 400, 20_000))
                    .isEqualTo(commons.approximateP(0.05, 400, 20_000));
            assertThat(KolmogorovSmirnov.asymptoticP(0.0, 400, 20_000)).isEqualTo(1.0);
        }
    }

    @Nested
    class FromAProfile {
        @Test
        void aProfileThatKeepsItsValuesGivesTheRawResult() {
            assertThat(KolmogorovSmirnov.test(X, exact(Y))).isEqualTo(KolmogorovSmirnov.test(X, Y));
            assertThat(KolmogorovSmirnov.test(grid120(0.0), exact(grid110())))
                    .isEqualTo(KolmogorovSmirnov.test(grid120(0.0), grid110()));
        }

        @Test
        void theStatisticOnBothSidesOfEachStepIsExactForAnExactCdf() {
            SplittableRandom random = new SplittableRandom(5);
            for (int round = 0; round < 10; round++) {
                double[] current = Sweeps.normal(random, 30 + 20 * round, 0.2, 1);
                double[] ref = Sweeps.normal(random, 300, 0, 1);
                NumericProfile profile = exact(ref);
                double[] sorted = current.clone();
                Arrays.sort(sorted);
                assertThat(KolmogorovSmirnov.statistic(sorted, profile::cumulativeFraction)).as("round %s", round)
                        .isCloseTo(KolmogorovSmirnov.test(current, ref).statistic(), within(1e-12));
            }
        }

        @Test
        void theStatisticLooksJustBeforeEachStep() {
            // G jumps to 1 at 1.0, the sample sits at 2.0: the gap is just before 2.0, where F is still 0
            assertThat(KolmogorovSmirnov.statistic(new double[] {2.0, 2.0}, x -> x >= 1.0 ? 1.0 : 0.0)).isEqualTo(1.0);
            // G jumps at 2.0 as the sample does: no gap just before (G(nextDown(2)) = 0) nor at 2.0
            assertThat(KolmogorovSmirnov.statistic(new double[] {2.0, 2.0}, x -> x >= 2.0 ? 1.0 : 0.0)).isZero();
            assertThat(KolmogorovSmirnov.statistic(new double[] {1.0, 2.0}, x -> x >= 1.0 ? 0.5 : 0.0)).isEqualTo(0.5);
            assertThat(KolmogorovSmirnov.statistic(new double[] {1.0, 2.0}, x -> x >= 2.0 ? 1.0 : x >= 1.0 ? 0.5 : 0.0))
                    .isZero();
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("dev.mlops.data.stat.KolmogorovSmirnovTest#seeds")
        void aSketchAgreesWithTheExactAnswerWithinItsRankError(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] ref = Sweeps.normal(random, 20_000, 0, 1);
            NumericProfile sketch = sketched(ref);
            assertThat(sketch.quantileMethod()).isEqualTo(Method.SKETCH);
            for (double shift : new double[] {0.0, 0.1, 0.5}) {
                double[] current = Sweeps.normal(random, 400, shift, 1);
                TwoSampleResult fromValues = KolmogorovSmirnov.test(current, ref);
                TwoSampleResult fromSketch = KolmogorovSmirnov.test(current, sketch);
                assertThat(fromSketch.statistic()).as("seed %s, shift %s", seed, shift)
                        .isCloseTo(fromValues.statistic(), within(sketch.rankError()));
                assertThat(fromSketch.method()).isEqualTo(TestMethod.SKETCH);
                assertThat(fromSketch.referenceError()).isEqualTo(sketch.rankError()).isPositive();
                assertThat(fromSketch.currentSize()).isEqualTo(400);
                assertThat(fromSketch.referenceSize()).isEqualTo(20_000);
                assertThat(fromSketch.pValue().getAsDouble())
                        .isEqualTo(KolmogorovSmirnov.asymptoticP(fromSketch.statistic(), 400, 20_000));
            }
        }

        @Test
        void aSketchedReferenceLeavesTheCurrentSampleAsItWas() {
            double[] current = {3.0, 1.0, 2.0};
            KolmogorovSmirnov.test(current, sketched(Sweeps.normal(new SplittableRandom(3), 2_000, 0, 1)));
            assertThat(current).containsExactly(3.0, 1.0, 2.0);
        }
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L);
    }

    @Nested
    class BadInput {
        @Test
        void anEmptySample() {
            assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[0], Y))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current must hold at least 2 values but held 0");
            assertThatThrownBy(() -> KolmogorovSmirnov.test(X, new double[] {1.0}))
                    .hasMessage("reference must hold at least 2 values but held 1");
        }

        @Test
        void aNaNOrInfinity() {
            assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[] {1.0, 2.0, Double.NaN}, Y))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current must hold only finite values but current[2] was NaN");
            assertThatThrownBy(() -> KolmogorovSmirnov.test(X, new double[] {1.0, Double.POSITIVE_INFINITY}))
                    .hasMessage("reference must hold only finite values but reference[1] was Infinity");
            assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[] {Double.NEGATIVE_INFINITY, 1.0}, exact(Y)))
                    .hasMessage("current must hold only finite values but current[0] was -Infinity");
            assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[] {1.0, Double.NaN},
                    sketched(Sweeps.normal(new SplittableRandom(4), 2_000, 0, 1))))
                    .hasMessage("current must hold only finite values but current[1] was NaN");
        }

        @Test
        void aProfileWithTooFewFiniteValues() {
            assertThatThrownBy(() -> KolmogorovSmirnov.test(X, exact(1.0, Double.NaN)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("reference must hold at least 2 finite values but its profile of column 'x' held 1");
            assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[] {1.0}, exact(Y)))
                    .hasMessage("current must hold at least 2 values but held 1");
        }
    }

    static Stream<Arguments> sizes() {
        return Sweeps.sizes(150);
    }

    @Nested
    class Properties {
        @ParameterizedTest(name = "seed {0}, n {1}, m {2}")
        @MethodSource("dev.mlops.data.stat.KolmogorovSmirnovTest#sizes")
        void dIsSymmetricAndInTheUnitIntervalAndPIsAProbability(long seed, int n, int m) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] a = Sweeps.normal(random, n, 0, 1);
            double[] b = Sweeps.normal(random, m, random.nextDouble(), 1);
            TwoSampleResult ab = KolmogorovSmirnov.test(a, b);
            TwoSampleResult ba = KolmogorovSmirnov.test(b, a);
            assertThat(ab.statistic()).as("seed %s, n %s, m %s", seed, n, m).isEqualTo(ba.statistic())
                    .isBetween(0.0, 1.0);
            assertThat(ab.pValue().getAsDouble()).isBetween(0.0, 1.0);
            assertThat(ab.pValue().getAsDouble()).isCloseTo(ba.pValue().getAsDouble(), within(1e-12));
            assertThat(ab.method()).isEqualTo((long) n * m < 10_000 ? TestMethod.EXACT : TestMethod.ASYMPTOTIC);
        }

        @ParameterizedTest(name = "seed {0}, n {1}, m {2}")
        @MethodSource("dev.mlops.data.stat.KolmogorovSmirnovTest#sizes")
        void identicalSamplesHaveDZeroAndPOne(long seed, int n, int m) {
            double[] a = Sweeps.normal(new SplittableRandom(seed), n, 0, 1);
            TwoSampleResult r = KolmogorovSmirnov.test(a, a.clone());
            assertThat(r.statistic()).as("seed %s, n %s", seed, n).isZero();
            assertThat(r.pValue().getAsDouble()).isEqualTo(1.0);
            assertThat(KolmogorovSmirnov.test(a, exact(a))).isEqualTo(r);
        }
    }
}
