package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void againstNumpy() {
        // /usr/bin/python3 (numpy 1.24.2): r = np.array(y) - np.array(yh) (RegressionErrorsTest's Y, PREDICTED)
        // np.quantile(r, [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]) ->
        // [-0.5, -0.465, -0.3999999999999999, -0.05000000000000002, 0.3500000000000002, 0.6624999999999999, 0.75]
        double[] r = new double[RegressionErrorsTest.Y.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = RegressionErrorsTest.Y[i] - RegressionErrorsTest.PREDICTED[i];
        }
        double[] copy = r.clone();
        double[] q = Quantiles.of(r, 0, 0.05, 0.25, 0.5, 0.75, 0.95, 1);
        double[] expected = {-0.5, -0.465, -0.3999999999999999, -0.05000000000000002, 0.3500000000000002,
            0.6624999999999999, 0.75};
        for (int i = 0; i < expected.length; i++) {
            assertThat(q[i]).as("quantile %d", i).isCloseTo(expected[i], within(1e-15));
        }
        assertThat(r).containsExactly(copy);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Quantiles.of(new double[] {1}, 0.5, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probabilities[1] must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> Quantiles.of(new double[] {1}, Double.NaN))
                .hasMessage("probabilities[0] must be in [0, 1] but was NaN");
        assertThatThrownBy(() -> Quantiles.of(new double[0], 0.5))
                .hasMessage("values must hold at least 1 values but held 0");
    }

    @Test
    void theNearestRankPercentileIsAValueAtRankCeilShareTimesN() {
        long[] twenty = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        assertThat(Quantiles.nearestRank(twenty, 0.95)).isEqualTo(19);
        assertThat(Quantiles.nearestRank(twenty, 0.50)).isEqualTo(10);
        assertThat(Quantiles.nearestRank(new long[] {4}, 0.95)).isEqualTo(4);
        assertThat(Quantiles.nearestRank(twenty, 0.0)).isEqualTo(1);
        long[] four = {1_000, 2_000, 3_000, 4_000};
        assertThat(Quantiles.nearestRank(four, 0.5)).isEqualTo(2_000);
        assertThat(Quantiles.nearestRank(four, 0.99)).isEqualTo(4_000);
        assertThat(Quantiles.nearestRank(four, 0.25)).isEqualTo(1_000);
        assertThat(Quantiles.nearestRank(four, 0.26)).isEqualTo(2_000);
        assertThat(Quantiles.nearestRank(new long[] {5}, 0.0)).isEqualTo(5);
    }

    @Test
    void theNearestRankPercentileRefusesNoValuesAndSharesOutsideZeroToOne() {
        assertThatThrownBy(() -> Quantiles.nearestRank(new long[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sorted must hold at least one value");
        assertThatThrownBy(() -> Quantiles.nearestRank(new long[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("share must be in [0, 1] but was 1.5");
    }
}
