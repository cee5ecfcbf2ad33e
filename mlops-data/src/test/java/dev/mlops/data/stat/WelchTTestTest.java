package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WelchTTestTest {
    private static final double[] A = {5.1, 4.8, 6.2, 5.5, 4.9, 5.8, 6.0, 5.3, 4.7, 5.6, 6.4, 5.0};
    private static final double[] B = {4.6, 5.2, 4.9, 4.4, 5.0, 5.7, 4.8, 4.3, 5.1, 4.7, 5.5, 4.5, 4.9, 5.3, 4.2};

    @Nested
    class AgainstScipy {
        @Test
        void aShiftedMean() {
            // /usr/bin/python3: from scipy import stats; r = stats.ttest_ind(A, B, equal_var=False)
            // 2.852599686407949 0.009729520521834614      (scipy 1.10.1)
            TwoSampleResult r = WelchTTest.test(A, B);
            assertThat(r.test()).isEqualTo("welch-t");
            assertThat(r.statistic()).isCloseTo(2.852599686407949, within(1e-12));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.009729520521834614, within(1e-12));
            assertThat(r.method()).isEqualTo(TestMethod.ASYMPTOTIC);
            assertThat(r.currentSize()).isEqualTo(12);
            assertThat(r.referenceSize()).isEqualTo(15);
            assertThat(r.referenceError()).isZero();
            assertThat(r.bins()).isZero();
        }

        @Test
        void degreesOfFreedomAreWelchSatterthwaites() {
            // /usr/bin/python3: statsmodels.stats.weightstats.ttest_ind(A, B, usevar='unequal')
            //   -> (2.8525996864079484, 0.009729520521834614, 20.347094386062846)
            assertThat(WelchTTest.degreesOfFreedom(Moments.of(A), Moments.of(B)))
                    .isCloseTo(20.347094386062846, within(1e-9));
            assertThat(WelchTTest.degreesOfFreedom(Moments.of(B), Moments.of(A)))
                    .isCloseTo(20.347094386062846, within(1e-9));
            assertThat(WelchTTest.degreesOfFreedom(new Moments(5, 2.0, 0), new Moments(4, 1.0, 0))).isNaN();
        }

        @Test
        void swappingTheSamplesFlipsTheSign() {
            // scipy 1.10.1: stats.ttest_ind(B, A, equal_var=False) -> -2.852599686407949 0.009729520521834614
            TwoSampleResult r = WelchTTest.test(B, A);
            assertThat(r.statistic()).isCloseTo(-2.852599686407949, within(1e-12));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.009729520521834614, within(1e-12));
        }

        @Test
        void unequalVariancesUseWelchsDegreesOfFreedom() {
            // scipy 1.10.1: stats.ttest_ind([10.2, 14.8, 7.1, 12.5, 9.9, 16.3, 8.4, 11.7],
            //   [10.9, 11.1, 10.8, 11.3, 11.0, 10.7, 11.2, 10.95, 11.05, 10.85], equal_var=False)
            // -> 0.34200107744212405 0.7423338981395238
            TwoSampleResult r = WelchTTest.test(new double[] {10.2, 14.8, 7.1, 12.5, 9.9, 16.3, 8.4, 11.7},
                    new double[] {10.9, 11.1, 10.8, 11.3, 11.0, 10.7, 11.2, 10.95, 11.05, 10.85});
            assertThat(r.statistic()).isCloseTo(0.34200107744212405, within(1e-12));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.7423338981395238, within(1e-12));
        }

        @Test
        void oneConstantSideIsAnOrdinaryTest() {
            // scipy 1.10.1: stats.ttest_ind([1.0, 1.0, 1.0], [1.0, 2.0, 3.0], equal_var=False)
            // -> -1.7320508075688774 0.22540333075851657
            TwoSampleResult r = WelchTTest.test(new double[] {1.0, 1.0, 1.0}, new double[] {1.0, 2.0, 3.0});
            assertThat(r.statistic()).isCloseTo(-1.7320508075688774, within(1e-12));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.22540333075851657, within(1e-12));
        }
    }

    @Nested
    class FromAProfile {
        @Test
        void aProfileGivesTheRawResult() {
            NumericProfile exact = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), B);
            NumericProfile sketched = (NumericProfile) Sweeps.profile(
                    ProfileOptions.defaults().withExactQuantileLimit(2), B);
            for (NumericProfile profile : new NumericProfile[] {exact, sketched}) {
                TwoSampleResult r = WelchTTest.test(A, profile);
                assertThat(r.statistic()).isCloseTo(2.852599686407949, within(1e-12));
                assertThat(r.pValue().getAsDouble()).isCloseTo(0.009729520521834614, within(1e-12));
                assertThat(r.referenceSize()).isEqualTo(15);
            }
        }
    }

    @Nested
    class ConstantSamples {
        @Test
        void equalConstantsAreNoShift() {
            TwoSampleResult r = WelchTTest.test(new double[] {3.0, 3.0}, new double[] {3.0, 3.0, 3.0});
            assertThat(r.statistic()).isZero();
            assertThat(r.pValue().getAsDouble()).isEqualTo(1.0);
        }

        @Test
        void aConstantThatChangedIsAShiftWithTheSignOfTheChange() {
            TwoSampleResult up = WelchTTest.test(new double[] {4.0, 4.0}, new double[] {3.0, 3.0, 3.0});
            assertThat(up.statistic()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(up.pValue().getAsDouble()).isZero();
            TwoSampleResult down = WelchTTest.test(new double[] {2.0, 2.0}, new double[] {3.0, 3.0, 3.0});
            assertThat(down.statistic()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(down.pValue().getAsDouble()).isZero();
        }

        @Test
        void momentsThatOverflowedHaveNoPValue() {
            TwoSampleResult r = WelchTTest.test(new Moments(2, Double.POSITIVE_INFINITY, Double.NaN), Moments.of(A));
            assertThat(r.pValue()).isEmpty();
            assertThat(r.currentSize()).isEqualTo(2);
        }
    }

    @Nested
    class BadInput {
        @Test
        void tooFewValuesOrANaNAreNamed() {
            assertThatThrownBy(() -> WelchTTest.test(new double[0], B))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current must hold at least 2 values but held 0");
            assertThatThrownBy(() -> WelchTTest.test(A, new double[] {1.0, Double.NaN}))
                    .hasMessage("reference must hold only finite values but reference[1] was NaN");
            NumericProfile one = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), 1.0);
            assertThatThrownBy(() -> WelchTTest.test(A, one))
                    .hasMessage("reference must hold at least 2 finite values but its profile of column 'x' held 1");
            assertThatThrownBy(() -> WelchTTest.test(new double[] {Double.NaN, 1.0}, one))
                    .hasMessage("current must hold only finite values but current[0] was NaN");
        }
    }

    static Stream<Arguments> sizes() {
        return Sweeps.sizes(200);
    }

    @Nested
    class Properties {
        @ParameterizedTest(name = "seed {0}, n {1}, m {2}")
        @MethodSource("dev.mlops.data.stat.WelchTTestTest#sizes")
        void swappingNegatesTAndKeepsP(long seed, int n, int m) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] a = Sweeps.normal(random, n, 0, 1);
            double[] b = Sweeps.normal(random, m, random.nextDouble(), 2);
            TwoSampleResult ab = WelchTTest.test(a, b);
            TwoSampleResult ba = WelchTTest.test(b, a);
            assertThat(ab.statistic()).as("seed %s, n %s, m %s", seed, n, m).isCloseTo(-ba.statistic(), within(1e-12));
            assertThat(ab.pValue().getAsDouble()).isBetween(0.0, 1.0)
                    .isCloseTo(ba.pValue().getAsDouble(), within(1e-12));
        }

        @ParameterizedTest(name = "seed {0}, n {1}, m {2}")
        @MethodSource("dev.mlops.data.stat.WelchTTestTest#sizes")
        void identicalSamplesHaveTZeroAndPOne(long seed, int n, int m) {
            double[] a = Sweeps.normal(new SplittableRandom(seed), n, 5, 1);
            TwoSampleResult r = WelchTTest.test(a, a.clone());
            assertThat(r.statistic()).as("seed %s, n %s", seed, n).isZero();
            assertThat(r.pValue().getAsDouble()).isCloseTo(1.0, within(1e-12));
        }
    }
}
