package dev.mlops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlushPolicyTest {

    @Nested
    class EveryN {

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void rejectsCountsBelowOne(int n) {
            assertThatThrownBy(() -> FlushPolicy.everyN(n))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("n must be positive but was " + n);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 1000, Integer.MAX_VALUE})
        void keepsTheCount(int n) {
            FlushPolicy policy = FlushPolicy.everyN(n);

            assertThat(policy).isInstanceOf(FlushPolicy.EveryN.class);
            assertThat(((FlushPolicy.EveryN) policy).n()).isEqualTo(n);
        }

        @Test
        void isAValue() {
            assertThat(FlushPolicy.everyN(5)).isEqualTo(FlushPolicy.everyN(5))
                    .hasSameHashCodeAs(FlushPolicy.everyN(5))
                    .isNotEqualTo(FlushPolicy.everyN(6));
        }
    }

    @Nested
    class Constants {

        @Test
        void areDistinctPolicies() {
            assertThat(FlushPolicy.EVERY_RECORD).isInstanceOf(FlushPolicy.EveryRecord.class)
                    .isEqualTo(new FlushPolicy.EveryRecord())
                    .isNotEqualTo(FlushPolicy.ON_CLOSE);
            assertThat(FlushPolicy.ON_CLOSE).isInstanceOf(FlushPolicy.OnClose.class)
                    .isEqualTo(new FlushPolicy.OnClose());
        }
    }
}
