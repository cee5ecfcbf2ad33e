package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void containsItsClosedEndsAndNeverNaN() {
        Threshold threshold = Threshold.between(1, 2);
        assertThat(threshold.contains(1)).isTrue();
        assertThat(threshold.contains(2)).isTrue();
        assertThat(threshold.contains(2.0000001)).isFalse();
        assertThat(threshold.contains(Double.NaN)).isFalse();
        assertThat(Threshold.atLeast(0.01).contains(Double.POSITIVE_INFINITY)).isTrue();
    }

    @Test
    void readsForPeople() {
        assertThat(Threshold.atLeast(0.95)).hasToString(">= 0.95");
        assertThat(Threshold.atMost(0.25)).hasToString("<= 0.25");
        assertThat(Threshold.between(2, 20)).hasToString("in [2, 20]");
        assertThat(Threshold.atLeast(1e-7)).hasToString(">= 1e-07");
        assertThat(Threshold.atMost(1.0979916975628612e-10)).hasToString("<= 1.09799e-10");
        assertThat(Threshold.between(-1.5e+20, 1e-100)).hasToString("in [-1.5e+20, 1e-100]");
        assertThat(new Threshold(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).hasToString("any value");
    }

    @Test
    void refusesReversedOrNaNEnds() {
        assertThatThrownBy(() -> Threshold.between(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a threshold needs lower <= upper, neither NaN, but was [2.0, 1.0]");
        assertThatThrownBy(() -> Threshold.atMost(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
