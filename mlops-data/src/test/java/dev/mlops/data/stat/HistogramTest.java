package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Nested
    class AgainstNumpy {
        @Test
        void residuals() {
            // /usr/bin/python3 (numpy 1.24.2): r = np.array(y) - np.array(yh) (RegressionErrorsTest's Y, PREDICTED)
            // np.histogram(r, bins=4) -> [4, 0, 2, 2], [-0.5, -0.1875, 0.125, 0.4375, 0.75]
            double[] r = new double[RegressionErrorsTest.Y.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = RegressionErrorsTest.Y[i] - RegressionErrorsTest.PREDICTED[i];
            }
            Histogram h = Histogram.of(r, 4);
            assertThat(h.counts()).containsExactly(4L, 0L, 2L, 2L);
            assertThat(h.bins()).isEqualTo(4);
            double[] edges = {-0.5, -0.1875, 0.125, 0.4375, 0.75};
            for (int i = 0; i < edges.length; i++) {
                assertThat(h.edges().get(i)).isCloseTo(edges[i], within(1e-15));
            }
        }

        @Test
        void valuesOnInnerEdgesGoToTheUpperBinAndTheMaximumToTheLast() {
            // np.histogram([0.1, 0.2, ..., 1.0], bins=3) -> [3, 3, 4], [0.1, 0.4, 0.7, 1.0]
            Histogram h = Histogram.of(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}, 3);
            assertThat(h.counts()).containsExactly(3L, 3L, 4L);
            assertThat(h.edges().get(0)).isEqualTo(0.1);
            assertThat(h.edges().get(3)).isEqualTo(1.0);
        }

        @Test
        void aValueJustBelowAnEdgeStaysInItsBinWhereTheScaledIndexRoundsUp() {
            // np.histogram([-7.312715117751976, -1.6529857872995735, 1.1768788779266277], bins=3) -> [1, 1, 1]
            // ((v - lo) * 3 / (hi - lo)) truncates to 2 there, one bin too high
            Histogram h = Histogram.of(new double[] {-7.312715117751976, -1.6529857872995735, 1.1768788779266277}, 3);
            assertThat(h.counts()).containsExactly(1L, 1L, 1L);
        }

        @Test
        void aWideRange() {
            // np.histogram(np.arange(0, 101, 5), bins=10) -> [2, 2, 2, 2, 2, 2, 2, 2, 2, 3]
            double[] values = new double[21];
            for (int i = 0; i < values.length; i++) {
                values[i] = 5.0 * i;
            }
            assertThat(Histogram.of(values, 10).counts()).containsExactly(2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 3L);
        }

        @Test
        void equalValuesWidenTheRange() {
            // np.histogram([2.0, 2.0, 2.0], bins=2) -> [0, 3], [1.5, 2.0, 2.5]
            Histogram h = Histogram.of(new double[] {2.0, 2.0, 2.0}, 2);
            assertThat(h.counts()).containsExactly(0L, 3L);
            assertThat(h.edges()).containsExactly(1.5, 2.0, 2.5);
        }
    }

    @Test
    void oneBinHoldsEverything() {
        Histogram h = Histogram.of(new double[] {-3, 0, 7}, 1);
        assertThat(h.counts()).containsExactly(3L);
        assertThat(h.edges()).containsExactly(-3.0, 7.0);
    }

    @Nested
    class BadInput {
        @Test
        void noValuesNoBinsOrNotFinite() {
            assertThatThrownBy(() -> Histogram.of(new double[0], 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("values must hold at least 1 values but held 0");
            assertThatThrownBy(() -> Histogram.of(new double[] {1}, 0)).hasMessage("bins must be at least 1 but was 0");
            assertThatThrownBy(() -> Histogram.of(new double[] {1, Double.NaN}, 2))
                    .hasMessage("values must hold only finite values but values[1] was NaN");
        }

        @Test
        void shape() {
            assertThatThrownBy(() -> new Histogram(List.of(0.0, 1.0), List.of(1L, 2L)))
                    .hasMessage("a histogram needs at least one count and one edge more than counts but had 2 edges and 2 counts");
            assertThatThrownBy(() -> new Histogram(List.of(0.0), List.of()))
                    .hasMessageContaining("had 1 edges and 0 counts");
        }
    }
}
