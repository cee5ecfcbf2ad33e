package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CdfDistanceTest {
    private static final double[] U = {0.5, 1.5, 2.0, 3.25, 4.0, 7.5};
    private static final double[] V = {1.0, 1.0, 2.5, 3.0, 6.0};

    @Nested
    class Numeric {
        @Test
        void isTheKolmogorovSmirnovStatistic() {
            // /usr/bin/python3: from scipy.stats import ks_2samp
            // ks_2samp([0.5, 1.5, 2.0, 3.25, 4.0, 7.5], [1.0, 1.0, 2.5, 3.0, 6.0]).statistic -> 0.3 (scipy 1.10.1)
            TwoSampleResult r = CdfDistance.numeric(U, V);
            assertThat(r.test()).isEqualTo("linf");
            assertThat(r.statistic()).isCloseTo(0.3, within(1e-12));
            assertThat(r.pValue()).isEmpty();
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
            assertThat(r.currentSize()).isEqualTo(6);
            assertThat(r.referenceSize()).isEqualTo(5);
        }

        @Test
        void anExactProfileGivesTheRawDistance() {
            NumericProfile profile = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), V);
            TwoSampleResult r = CdfDistance.numeric(U, profile);
            assertThat(r.statistic()).isCloseTo(0.3, within(1e-12));
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
            assertThat(r.referenceError()).isZero();
        }

        @Test
        void aSketchedProfileIsWithinItsRankError() {
            SplittableRandom random = new SplittableRandom(7);
            double[] reference = random.doubles(5_000).toArray();
            double[] current = random.doubles(3_000).map(x -> x + 0.1).toArray();
            NumericProfile profile = (NumericProfile) Sweeps.profile(
                    ProfileOptions.defaults().withExactQuantileLimit(1_000), reference);
            TwoSampleResult sketched = CdfDistance.numeric(current, profile);
            assertThat(sketched.method()).isEqualTo(TestMethod.SKETCH);
            assertThat(sketched.referenceError()).isPositive().isEqualTo(profile.rankError());
            assertThat(sketched.statistic()).isCloseTo(CdfDistance.numeric(current, reference).statistic(),
                    within(profile.rankError()));
        }

        @Test
        void anEmptySampleIsRefusedByName() {
            assertThatThrownBy(() -> CdfDistance.numeric(new double[0], V)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current must hold at least 1 values but held 0");
        }
    }

    @Nested
    class Categorical {
        @Test
        void isTheLargestDifferenceOfShares() {
            // shares a: 0.3 vs 0.1, b: 0 vs 0.5, c: 0.7 vs 0.4 -> largest 0.5
            TwoSampleResult r = CdfDistance.categorical(Map.of("a", 3L, "c", 7L), Map.of("a", 1L, "b", 5L, "c", 4L));
            assertThat(r.statistic()).isCloseTo(0.5, within(1e-12));
            assertThat(r.bins()).isEqualTo(3);
            assertThat(r.pValue()).isEmpty();
        }

        @Test
        void equalSharesAreAtDistanceZero() {
            assertThat(CdfDistance.categorical(Map.of("a", 2L, "b", 4L), Map.of("a", 1L, "b", 2L)).statistic())
                    .isZero();
        }
    }
}
