package dev.mlops.data.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SliceSizeRuleTest {

    /**
     * The sample size of a proportion at 95 % confidence, worst case p = 0.5: n = (z / 2m)^2 with
     * z = 1.959963984540054 (scipy.stats.norm.ppf(0.975)). The textbook figures: ±5 % needs 384.15
     * (385 rows), ±3 % 1067.07 (1068), ±10 % 96.04 (97), ±1 % 9603.65 (9604).
     */
    @ParameterizedTest
    @CsvSource({"0.05, 385", "0.03, 1068", "0.10, 97", "0.01, 9604", "0.5, 4"})
    void forMarginGivesTheTextbookSampleSize(double margin, int rows) {
        assertThat(SliceSizeRule.forMargin(margin).minRows()).isEqualTo(rows);
    }

    @Test
    void theDefaultOfOneHundredRowsBoundsTheMarginAtAboutTenPoints() {
        assertThat(SliceSizeRule.defaults().minRows()).isEqualTo(100);
        assertThat(SliceSizeRule.margin(100)).isCloseTo(0.0979982, within(1e-7));
        assertThat(SliceSizeRule.defaults().tooSmall(99)).isTrue();
        assertThat(SliceSizeRule.defaults().tooSmall(100)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, 0.51, Double.NaN})
    void aMarginOutsideZeroToOneHalfIsRefused(double margin) {
        assertThatThrownBy(() -> SliceSizeRule.forMargin(margin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("margin must be in (0, 0.5] but was " + margin);
    }

    @Test
    void minRowsMustBePositive() {
        assertThatThrownBy(() -> new SliceSizeRule(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minRows must be at least 1 but was 0");
    }
}
