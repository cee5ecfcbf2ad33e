package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegressionErrorsTest {
    static final double[] Y = {3.1, -0.5, 2.0, 7.25, 4.4, 0.0, 5.5, 1.2};
    static final double[] PREDICTED = {2.8, -0.1, 2.4, 6.5, 4.9, 0.3, 5.0, 1.0};

    @Test
    void againstSklearn() {
        // /usr/bin/python3 (sklearn 1.2.1, numpy 1.24.2):
        // mean_squared_error(y, yh, squared=False) -> 0.44756284474920394
        // mean_squared_error(y, yh) -> 0.2003125; mean_absolute_error(y, yh) -> 0.41875
        // r2_score(y, yh) -> 0.9689646615949792; np.mean(np.array(y) - np.array(yh)) -> 0.01875000000000003
        RegressionErrors errors = RegressionErrors.of(Y, PREDICTED);
        assertThat(errors.count()).isEqualTo(8);
        assertThat(errors.rootMeanSquaredError()).isCloseTo(0.44756284474920394, within(1e-15));
        assertThat(errors.meanSquaredError()).isCloseTo(0.2003125, within(1e-15));
        assertThat(errors.meanAbsoluteError()).isCloseTo(0.41875, within(1e-15));
        assertThat(errors.rSquared()).isCloseTo(0.9689646615949792, within(1e-15));
        assertThat(errors.meanResidual()).isCloseTo(0.01875000000000003, within(1e-15));
    }

    @Nested
    class Conventions {
        @Test
        void noRowsGiveNaN() {
            RegressionErrors errors = RegressionErrors.of(new double[0], new double[0]);
            assertThat(errors.count()).isZero();
            assertThat(errors.meanSquaredError()).isNaN();
            assertThat(errors.meanAbsoluteError()).isNaN();
            assertThat(errors.rSquared()).isNaN();
        }

        @Test
        void twoRowsHaveAnRSquared() {
            // r2_score([1, 3], [1.5, 2.5]) -> 0.75
            assertThat(RegressionErrors.of(new double[] {1, 3}, new double[] {1.5, 2.5}).rSquared()).isEqualTo(0.75);
        }

        @Test
        void oneRowHasNoRSquared() {
            assertThat(RegressionErrors.of(new double[] {1.0}, new double[] {2.0}).rSquared()).isNaN();
        }

        @Test
        void exactPredictionsScoreOneEvenOnAConstantTruth() {
            assertThat(RegressionErrors.of(new double[] {0.1, 0.1, 0.1}, new double[] {0.1, 0.1, 0.1}).rSquared())
                    .isEqualTo(1.0);
            assertThat(RegressionErrors.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}).rSquared()).isEqualTo(1.0);
        }

        @Test
        void aConstantTruthMissedScoresZero() {
            // a constant truth is recognised exactly (sklearn tests SS_tot == 0 on a mean that may round)
            assertThat(RegressionErrors.of(new double[] {0.1, 0.1, 0.1}, new double[] {0.1, 0.2, 0.1}).rSquared())
                    .isZero();
        }

        @Test
        void aConstantPredictionOfTheMeanScoresZero() {
            // r2_score([1, 2, 3], [2, 2, 2]) -> 0.0
            assertThat(RegressionErrors.of(new double[] {1, 2, 3}, new double[] {2, 2, 2}).rSquared()).isZero();
        }
    }

    @Nested
    class BadInput {
        @Test
        void lengthsDiffer() {
            assertThatThrownBy(() -> RegressionErrors.of(new double[] {1}, new double[] {1, 2}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("truth and predicted must have the same length but had 1 and 2");
        }

        @Test
        void nonFiniteValues() {
            assertThatThrownBy(() -> RegressionErrors.of(new double[] {1, Double.NaN}, new double[] {1, 2}))
                    .hasMessage("truth must hold only finite values but truth[1] was NaN");
            assertThatThrownBy(() -> RegressionErrors.of(new double[] {1, 2}, new double[] {1, Double.NEGATIVE_INFINITY}))
                    .hasMessage("predicted must hold only finite values but predicted[1] was -Infinity");
        }

        @Test
        void negativeCount() {
            assertThatThrownBy(() -> new RegressionErrors(-1, 0, 0, 0, 0))
                    .hasMessage("count must not be negative but was -1");
        }
    }
}
