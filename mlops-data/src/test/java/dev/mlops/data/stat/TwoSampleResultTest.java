package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TwoSampleResultTest {

    private static TwoSampleResult result(OptionalDouble p, long n, long m, double error, int bins) {
        return new TwoSampleResult("ks", 0.5, p, n, m, TestMethod.EXACT, error, bins);
    }

    @Nested
    class Valid {
        @Test
        void theEndsOfEachRangeAreAccepted() {
            assertThat(result(OptionalDouble.of(0.0), 0, 0, 0.0, 0).pValue()).hasValue(0.0);
            assertThat(result(OptionalDouble.of(1.0), 1, 1, 1.0, 1).referenceError()).isEqualTo(1.0);
            assertThat(result(OptionalDouble.empty(), 2, 3, 0.01, 4).pValue()).isEmpty();
        }
    }

    @Nested
    class Invalid {
        @Test
        void eachBadArgumentIsNamed() {
            assertThatThrownBy(() -> new TwoSampleResult(" ", 0.5, OptionalDouble.empty(), 1, 1, TestMethod.EXACT, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("test must not be blank but was ' '");
            assertThatThrownBy(() -> result(OptionalDouble.of(1.5), 1, 1, 0, 0))
                    .hasMessage("pValue must be in [0, 1] but was 1.5");
            assertThatThrownBy(() -> result(OptionalDouble.of(-0.1), 1, 1, 0, 0))
                    .hasMessage("pValue must be in [0, 1] but was -0.1");
            assertThatThrownBy(() -> result(OptionalDouble.of(Double.NaN), 1, 1, 0, 0))
                    .hasMessage("pValue must be in [0, 1] but was NaN");
            assertThatThrownBy(() -> result(OptionalDouble.empty(), -1, 1, 0, 0))
                    .hasMessage("currentSize must not be negative but was -1");
            assertThatThrownBy(() -> result(OptionalDouble.empty(), 1, -2, 0, 0))
                    .hasMessage("referenceSize must not be negative but was -2");
            assertThatThrownBy(() -> result(OptionalDouble.empty(), 1, 1, -0.1, 0))
                    .hasMessage("referenceError must be in [0, 1] but was -0.1");
            assertThatThrownBy(() -> result(OptionalDouble.empty(), 1, 1, 1.1, 0))
                    .hasMessage("referenceError must be in [0, 1] but was 1.1");
            assertThatThrownBy(() -> result(OptionalDouble.empty(), 1, 1, Double.NaN, 0))
                    .hasMessage("referenceError must be in [0, 1] but was NaN");
            assertThatThrownBy(() -> result(OptionalDouble.empty(), 1, 1, 0, -1))
                    .hasMessage("bins must not be negative but was -1");
        }
    }
}
