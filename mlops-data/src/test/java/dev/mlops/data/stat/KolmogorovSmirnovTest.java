package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

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
import org.junit.jupiter.params.provider.CsvSource;
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
    class AsScipyKs2samp {
        // scipy's ks_2samp(method="auto"): exact while max(n, m) <= 10,000, else kstwo.sf(D, round(n m/(n+m))).

        @Test
        void gridsOf120And110AreExactNow() {
            // /usr/bin/python3: from scipy import stats;
            //   a=[((i*37)%120)/12.0 for i in range(120)]; b=[((j*41)%110)/10.0+0.3 for j in range(110)];
            //   stats.ks_2samp(a, b).pvalue -> 0.3346426066015213 (scipy 1.10.1); with a shifted by -2.5:
            //   1.04491461023133e-06. Before, n·m = 13,200 gave the asymptotic 0.368 and 1.77e-06.
            TwoSampleResult r = KolmogorovSmirnov.test(grid120(0.0), grid110());
            assertThat(r.statistic()).isCloseTo(0.12121212121212122, within(1e-15));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.3346426066015213, withinPercentage(1e-4));
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
            assertThat(r.currentSize()).isEqualTo(120);
            assertThat(r.referenceSize()).isEqualTo(110);
            assertThat(KolmogorovSmirnov.test(grid120(-2.5), grid110()).pValue().getAsDouble())
                    .isCloseTo(1.04491461023133e-06, withinPercentage(1e-4));
        }

        /**
         * Arrays made by {@code grid}: {@code x_i = i/n}, {@code y_j = j/m + shift}; by {@code ties}:
         * {@code x_i = i % 7}, {@code y_j = j % 5 + shift}; expected D and p from
         * {@code scipy.stats.ks_2samp(x, y)} (scipy 1.10.1, /tmp generator: {@code np.arange(n)/n},
         * {@code np.arange(m)/m + shift}, {@code (np.arange(n) % 7).astype(float)}, ...).
         */
        @ParameterizedTest(name = "{0} n={1} m={2} shift={3}")
        @CsvSource({
            "grid,400,768,0.05,0.052447916666666664,0.4456402578465083",
            "grid,400,768,0.1,0.10244791666666667,0.0073152387778517925",
            "grid,400,768,0.5,0.5024479166666667,4.8404724537761564e-61",
            "grid,768,400,0.02,0.02125,0.9995658127508418",
            "grid,10000,10000,0.01,0.0101,0.6875487335121528",
            "grid,10000,10000,0.3,0.3001,1e-323",
            "grid,10000,9999,0.02,0.0200999899989999,0.03448148625232041",
            "grid,10000,9999,0.2,0.2000999899989999,1.3866083736098833e-175",
            "grid,10001,10000,0.02,0.020097990200979902,0.034744524736610605",
            "grid,10001,500,0.05,0.050094990500949906,0.17724465345024",
            "grid,20000,30000,0.02,0.020050000000000012,0.00012729994849249458",
            "grid,20000,15000,0.1,0.10005000000000003,3.855038671472984e-75",
            "grid,20000,15000,0.2,0.20005000000000006,4.04105735260549e-301",
            "grid,20000,15000,0.21,0.21005000000000001,0.0",
            "grid,100,20000,0.05,0.060000000000000005,0.8428847956274119",
            "grid,100,20000,0.15,0.15999999999999998,0.010543506724463325",
            "grid,100,20000,0.3,0.30999999999999994,4.932737885797268e-09",
            "grid,100,20000,0.6,0.60995,3.011992624473655e-36",
            "grid,50,20000,0.97,0.98995,2.5664516298707835e-100",
            "grid,300000,300000,0.002,0.0020033333333333335,0.5831086169828326",
            "grid,20000,20000,0.01,0.010050000000000003,0.26292342883085484",
            "grid,10000,20000,0.004,0.004100000000000001,0.9998594222498569",
            "grid,200,300,0.6,0.6033333333333334,3.603131862281266e-41",
            "grid,200,300,0.8,0.805,1.7588583363570534e-78",
            "grid,2000,3000,0.3,0.3005,4.4432867082093244e-96",
            "grid,2000,3000,0.6,0.6005,1.625e-321",
            "grid,5000,5000,0.2,0.2002,4.856304242173598e-88",
            "grid,5000,5000,0.5,0.5002,0.0",
            "grid,5000,5000,0.9,0.9002,0.0",
            "grid,2,3,0.5,0.6666666666666666,0.6",
            "grid,3,10,0.2,0.5,0.4930069930069928",
            "ties,300,200,0.0,0.2833333333333333,5.964106970961122e-09",
            "ties,300,200,1.0,0.14333333333333334,0.013405471019454048",
            "ties,7000,9000,0.0,0.2857142857142857,1.2206151503286042e-283",
            "ties,12000,9000,0.0,0.2856666666666666,0.0",
            "grid,10000,9999,1.5,1.0,0.0",
            "grid,20000,30000,1.5,1.0,0.0"
        })
        void matchesScipy(String kind, int n, int m, double shift, double d, double p) {
            double[] x = new double[n];
            double[] y = new double[m];
            for (int i = 0; i < n; i++) {
                x[i] = kind.equals("grid") ? (double) i / n : i % 7;
            }
            for (int j = 0; j < m; j++) {
                y[j] = (kind.equals("grid") ? (double) j / m : j % 5) + shift;
            }
            TwoSampleResult r = KolmogorovSmirnov.test(x, y);
            assertThat(r.statistic()).isCloseTo(d, within(1e-12));
            assertThat(r.method()).isEqualTo(Math.max(n, m) <= 10_000 ? TestMethod.EXACT : TestMethod.ASYMPTOTIC);
            double actual = r.pValue().getAsDouble();
            if (p >= Double.MIN_NORMAL) {
                assertThat(actual).isCloseTo(p, withinPercentage(1e-4));
            } else {
                // scipy's 0 and its subnormal round-off (1e-323) are below every normal double
                assertThat(actual).isLessThan(Double.MIN_NORMAL);
                if (p == 0.0) {
                    assertThat(actual).isZero();
                }
            }
        }

        @Test
        void theMethodSwitchesWhenASampleExceedsTenThousand() {
            assertThat(KolmogorovSmirnov.EXACT_MAX_SIZE).isEqualTo(10_000);
            double[] small = Sweeps.normal(new SplittableRandom(11), 400, 0, 1);
            assertThat(KolmogorovSmirnov.test(small, Sweeps.normal(new SplittableRandom(12), 10_000, 0, 1)).method())
                    .isEqualTo(TestMethod.EXACT);
            assertThat(KolmogorovSmirnov.test(small, Sweeps.normal(new SplittableRandom(12), 10_001, 0, 1)).method())
                    .isEqualTo(TestMethod.ASYMPTOTIC);
        }

        @Test
        void pValuesStayInTheUnitIntervalAndFallAsDGrows() {
            SplittableRandom random = new SplittableRandom(16);
            for (int round = 0; round < 40; round++) {
                int n = 2 + random.nextInt(3000);
                int m = 2 + random.nextInt(round % 2 == 0 ? 3000 : 30_000);
                double effective = (double) n * m / (n + m);
                double previous = 1.0;
                for (int step = 0; step <= 50; step++) {
                    double d = step / 50.0;
                    double p = KolmogorovSmirnov.asymptoticP(d, n, m);
                    assertThat(p).as("asymptotic n=%d m=%d d=%s", n, m, d).isBetween(0.0, 1.0)
                            .isLessThanOrEqualTo(previous * (1 + 1e-9));
                    previous = p;
                }
                assertThat(effective).isPositive();
                if (Math.max(n, m) <= 3000) {
                    long lcm = (long) n * m / java.math.BigInteger.valueOf(n).gcd(java.math.BigInteger.valueOf(m))
                            .longValue();
                    double exactPrevious = 1.0;
                    for (int step = 0; step <= 20; step++) {
                        long h = Math.round(step / 20.0 * lcm);
                        double p = KolmogorovDistribution.twoSampleSf(n, m, h);
                        assertThat(p).as("exact n=%d m=%d h=%d", n, m, h).isBetween(0.0, 1.0)
                                .isLessThanOrEqualTo(exactPrevious * (1 + 1e-9));
                        exactPrevious = p;
                    }
                }
            }
        }

        @Test
        void tenThousandByTenThousandTakesSecondsAtMost() {
            double[] x = new double[10_000];
            double[] y = new double[9_999];
            for (int i = 0; i < x.length; i++) {
                x[i] = i / 10_000.0;
            }
            for (int j = 0; j < y.length; j++) {
                y[j] = j / 9_999.0 + 0.02;
            }
            long start = System.nanoTime();
            KolmogorovSmirnov.test(x, y);
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(10.0);
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
            assertThat(ab.method()).isEqualTo(Math.max(n, m) <= 10_000 ? TestMethod.EXACT : TestMethod.ASYMPTOTIC);
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
