package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.ArrayList;
import java.util.List;
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
        void aProfileWithoutFiniteValuesIsRefusedByName() {
            NumericProfile empty = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), Double.NaN, Double.NaN);
            assertThatThrownBy(() -> CdfDistance.numeric(U, empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("reference must hold at least 1 finite values but its profile of column 'x' held 0");
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
        void aSketchedProfileCountsItsPresentValuesAndStatesItsShareError() {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                values.add("a");
            }
            for (int i = 0; i < 200; i++) {
                values.add("b");
            }
            for (int i = 0; i < 100; i++) {
                values.add("v" + i);
            }
            for (int i = 0; i < 50; i++) {
                values.add(null);
            }
            CategoricalProfile sketch = (CategoricalProfile) DatasetProfile.of(Table.of(CategoricalColumn.of("c",
                    values.toArray(new String[0]))), ProfileOptions.defaults().withExactDistinctLimit(5)
                    .withFrequentItemsMapSize(8)).column("c");
            assertThat(sketch.exactCounts()).isEmpty();
            assertThat(sketch.frequencyError()).isPositive();
            TwoSampleResult r = CdfDistance.categorical(Map.of("a", 400L, "b", 200L, "w", 100L), sketch);
            assertThat(r.method()).isEqualTo(TestMethod.SKETCH);
            assertThat(r.referenceSize()).isEqualTo(700);
            assertThat(r.referenceError()).isEqualTo(sketch.frequencyError() / 700.0);
            assertThat(r.statistic()).isLessThanOrEqualTo(r.referenceError() + 1e-12);
        }

        @Test
        void equalSharesAreAtDistanceZero() {
            assertThat(CdfDistance.categorical(Map.of("a", 2L, "b", 4L), Map.of("a", 1L, "b", 2L)).statistic())
                    .isZero();
        }
    }
}
