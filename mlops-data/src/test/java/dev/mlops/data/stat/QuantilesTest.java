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
}
