package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JensenShannonTest {

    @Nested
    class AgainstScipy {
        @Test
        void sharesThatSumToOne() {
            // /usr/bin/python3: from scipy.spatial.distance import jensenshannon
            // jensenshannon([0.1, 0.4, 0.5], [0.3, 0.3, 0.4]) -> 0.1803596560271257   (scipy 1.10.1)
            assertThat(JensenShannon.distance(new double[] {0.1, 0.4, 0.5}, new double[] {0.3, 0.3, 0.4}))
                    .isCloseTo(0.1803596560271257, within(1e-12));
        }

        @Test
        void countsAreNormalisedAndAnEmptyBinStaysFinite() {
            // scipy 1.10.1: jensenshannon([3, 0, 7], [1, 5, 4]) -> 0.4692176211422771
            assertThat(JensenShannon.distance(new double[] {3, 0, 7}, new double[] {1, 5, 4}))
                    .isCloseTo(0.4692176211422771, within(1e-12));
        }

        @Test
        void disjointSupportsAreTheMaximum() {
            // scipy 1.10.1: jensenshannon([1, 0], [0, 1]) -> 0.8325546111576977 (sqrt(ln 2))
            assertThat(JensenShannon.distance(new double[] {1, 0}, new double[] {0, 1}))
                    .isCloseTo(0.8325546111576977, within(1e-12)).isCloseTo(Math.sqrt(Math.log(2)), within(1e-15));
        }

        @Test
        void categoricalCountsAreTheSameCall() {
            // categories a, b, c in order: current [3, 0, 7], reference [1, 5, 4] -> 0.4692176211422771
            TwoSampleResult r = JensenShannon.categorical(Map.of("a", 3L, "c", 7L), Map.of("a", 1L, "b", 5L, "c", 4L));
            assertThat(r.test()).isEqualTo("jensen-shannon");
            assertThat(r.statistic()).isCloseTo(0.4692176211422771, within(1e-12));
            assertThat(r.pValue()).isEmpty();
            assertThat(r.bins()).isEqualTo(3);
            assertThat(r.currentSize()).isEqualTo(10);
            assertThat(r.referenceSize()).isEqualTo(10);
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
        }
    }

    @Nested
    class Numeric {
        @Test
        void equalSamplesAreAtDistanceZero() {
            double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            TwoSampleResult r = JensenShannon.numeric(values, values.clone(), 5);
            // the reference shares are differences of cumulative fractions, the current ones counts over n: they
            // agree to rounding, which the square root magnifies to about 1e-8
            assertThat(r.statistic()).isCloseTo(0.0, within(1e-7));
            assertThat(r.bins()).isEqualTo(5);
        }

        @Test
        void aShiftedSampleIsFarInTheReferencesQuantileBins() {
            double[] reference = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            double[] current = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
            // every current value falls in the top bin (9.1, inf) whose reference share is 0.1:
            // jensenshannon([0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [0.1] * 10) -> 0.7249809149335342 (scipy 1.10.1)
            assertThat(JensenShannon.numeric(current, reference, 10).statistic())
                    .isCloseTo(0.7249809149335342, within(1e-12));
        }
    }

    @Nested
    class BadInput {
        @Test
        void differentLengthsAreRefused() {
            assertThatThrownBy(() -> JensenShannon.distance(new double[] {1}, new double[] {1, 2}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("p and q must weigh the same bins but p has 1 and q 2");
        }

        @Test
        void aNegativeWeightIsNamed() {
            assertThatThrownBy(() -> JensenShannon.distance(new double[] {1, -1}, new double[] {1, 2}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("p[1] must be a finite weight of 0 or more but was -1.0");
        }

        @Test
        void nanAndInfinityAreRefused() {
            assertThatThrownBy(() -> JensenShannon.distance(new double[] {1, 2}, new double[] {Double.NaN, 2}))
                    .hasMessage("q[0] must be a finite weight of 0 or more but was NaN");
            assertThatThrownBy(() -> JensenShannon.distance(new double[] {1, Double.POSITIVE_INFINITY},
                    new double[] {1, 2})).hasMessage("p[1] must be a finite weight of 0 or more but was Infinity");
        }

        @Test
        void allZeroWeightsAreRefused() {
            assertThatThrownBy(() -> JensenShannon.distance(new double[] {1, 2}, new double[] {0, 0}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("q must not weigh all bins 0");
        }
    }
}
