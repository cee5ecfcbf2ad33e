package dev.mlops.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicksTest {

    @ParameterizedTest(name = "a step for a range of {0} is {1}")
    @CsvSource({"1.0, 1.0", "1.49, 1.0", "1.5, 2.0", "2.99, 2.0", "3.0, 5.0", "6.99, 5.0", "7.0, 10.0",
        "0.0925, 0.1", "0.035, 0.05", "250, 200", "0.0021, 0.002"})
    void stepsAreOneTwoOrFiveTimesAPowerOfTen(double range, double nice) {
        assertThat(Ticks.nice(range)).isCloseTo(nice, within(nice * 1e-12));
    }

    @Test
    void ticksCoverTheValuesAtNiceSteps() {
        assertThat(Ticks.covering(0.0, 0.37)).containsExactly(new double[] {0.0, 0.1, 0.2, 0.30000000000000004, 0.4},
                within(1e-15));
        assertThat(Ticks.covering(0.83, 0.912)).containsExactly(new double[] {0.82, 0.84, 0.86, 0.88, 0.9, 0.92},
                within(1e-12));
        assertThat(Ticks.covering(-3.0, 12.0)).containsExactly(-5.0, 0.0, 5.0, 10.0, 15.0);
    }

    @Test
    void aSingleValueGetsARangeAroundIt() {
        assertThat(Ticks.covering(0.0, 0.0)).containsExactly(-1.0, -0.5, 0.0, 0.5, 1.0);
        assertThat(Ticks.covering(4.0, 4.0)).containsExactly(2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(Ticks.covering(-4.0, -4.0)).containsExactly(-6.0, -5.0, -4.0, -3.0, -2.0);
    }
}
