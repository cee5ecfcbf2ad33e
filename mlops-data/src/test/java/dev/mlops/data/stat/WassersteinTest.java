package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WassersteinTest {
    private static final double[] U = {0.5, 1.5, 2.0, 3.25, 4.0, 7.5};
    private static final double[] V = {1.0, 1.0, 2.5, 3.0, 6.0};

    @Nested
    class AgainstScipy {
        @Test
        void samplesOfDifferentSizesWithTies() {
            // /usr/bin/python3: from scipy.stats import wasserstein_distance
            // wasserstein_distance([0.5, 1.5, 2.0, 3.25, 4.0, 7.5], [1.0, 1.0, 2.5, 3.0, 6.0]) -> 0.825 (scipy 1.10.1)
            TwoSampleResult r = Wasserstein.distance(U, V);
            assertThat(r.test()).isEqualTo("wasserstein");
            assertThat(r.statistic()).isCloseTo(0.825, within(1e-12));
            assertThat(r.pValue()).isEmpty();
            assertThat(r.currentSize()).isEqualTo(6);
            assertThat(r.referenceSize()).isEqualTo(5);
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
        }

        @Test
        void normalizedByTheReferencesPopulationStandardDeviation() {
            // scipy 1.10.1, numpy: wasserstein_distance(U, V) / np.std(V) -> 0.4500743986117342
            TwoSampleResult r = Wasserstein.normalized(U, V);
            assertThat(r.test()).isEqualTo("normalized-wasserstein");
            assertThat(r.statistic()).isCloseTo(0.4500743986117342, within(1e-12));
        }

        @Test
        void disjointSamples() {
            // scipy 1.10.1: wasserstein_distance([0, 1, 3], [5, 6, 8]) -> 5.0
            assertThat(Wasserstein.distance(new double[] {0, 1, 3}, new double[] {5, 6, 8}).statistic())
                    .isCloseTo(5.0, within(1e-12));
        }

        @Test
        void aSingleValue() {
            // scipy 1.10.1: wasserstein_distance([3.0], [3.0, 4.0]) -> 0.5
            assertThat(Wasserstein.distance(new double[] {3.0}, new double[] {3.0, 4.0}).statistic())
                    .isCloseTo(0.5, within(1e-12));
        }
    }

    @Nested
    class Normalized {
        @Test
        void aConstantReferenceIsScaledByTheLeastScale() {
            assertThat(Wasserstein.normalized(new double[] {2.0, 2.0}, new double[] {1.0, 1.0}).statistic())
                    .isCloseTo(1.0 / Wasserstein.MIN_SCALE, within(1e-9));
            assertThat(Wasserstein.normalized(new double[] {2.0}, new double[] {1.0}).statistic())
                    .isCloseTo(1.0 / Wasserstein.MIN_SCALE, within(1e-9));
        }

        @Test
        void equalSamplesAreAtDistanceZero() {
            assertThat(Wasserstein.normalized(U, U.clone()).statistic()).isZero();
        }

        @Test
        void theArgumentsAreNotChanged() {
            double[] u = {3, 1, 2};
            Wasserstein.normalized(u, new double[] {2, 1});
            assertThat(u).containsExactly(3, 1, 2);
        }
    }

    @Test
    void anEmptySampleIsRefusedByName() {
        assertThatThrownBy(() -> Wasserstein.distance(new double[0], V)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("current must hold at least 1 values but held 0");
        assertThatThrownBy(() -> Wasserstein.normalized(U, new double[] {1, Double.NaN}))
                .hasMessage("reference must hold only finite values but reference[1] was NaN");
    }
}
