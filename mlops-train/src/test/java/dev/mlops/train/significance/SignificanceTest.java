package dev.mlops.train.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.train.significance.Significance.Better;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Nested
    class FromAPValue {
        @Test
        void belowTheLevelIsSignificant() {
            Significance s = Significance.ofPValue("t", 0.049, 0.05, Better.SECOND);
            assertThat(s.significant()).isTrue();
            assertThat(s.mark()).isEqualTo("*");
            assertThat(s.better()).isEqualTo(Better.SECOND);
            assertThat(s.pValue()).hasValue(0.049);
            assertThat(s.test()).isEqualTo("t");
        }

        @Test
        void atTheLevelIsNot() {
            Significance s = Significance.ofPValue("t", 0.05, 0.05, Better.FIRST);
            assertThat(s.significant()).isFalse();
            assertThat(s.mark()).isEqualTo("n.s.");
        }

        @Test
        void noPValueIsNeverSignificant() {
            Significance s = Significance.ofPValue("t", Double.NaN, 0.5, Better.NEITHER);
            assertThat(s.significant()).isFalse();
            assertThat(s.pValue()).isEmpty();
        }

        @Test
        void theDefaultLevelIsFivePercent() {
            assertThat(Significance.DEFAULT_LEVEL).isEqualTo(0.05);
        }
    }

    @Nested
    class WhichIsBetter {
        @Test
        void aLargerValueWhenHigherIsBetter() {
            assertThat(Better.of(0.1, true)).isEqualTo(Better.FIRST);
            assertThat(Better.of(-0.1, true)).isEqualTo(Better.SECOND);
        }

        @Test
        void aSmallerValueWhenLowerIsBetter() {
            assertThat(Better.of(0.1, false)).isEqualTo(Better.SECOND);
            assertThat(Better.of(-0.1, false)).isEqualTo(Better.FIRST);
        }

        @Test
        void noDifferenceOrNoneDefined() {
            assertThat(Better.of(0.0, true)).isEqualTo(Better.NEITHER);
            assertThat(Better.of(-0.0, false)).isEqualTo(Better.NEITHER);
            assertThat(Better.of(Double.NaN, true)).isEqualTo(Better.NEITHER);
        }
    }

    @Nested
    class BadInput {
        @Test
        void aLevelOutsideTheUnitInterval() {
            for (double level : new double[] {0.0, 1.0, -0.05, 5.0, Double.NaN}) {
                assertThatThrownBy(() -> Significance.ofPValue("t", 0.01, level, Better.FIRST))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("level must be in (0, 1) but was " + level);
            }
        }

        @Test
        void aPValueOutsideTheUnitInterval() {
            assertThatThrownBy(() -> Significance.ofPValue("t", 1.01, 0.05, Better.FIRST))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("pValue must be in [0, 1] but was 1.01");
            assertThatThrownBy(() -> Significance.ofPValue("t", -0.01, 0.05, Better.FIRST))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("pValue must be in [0, 1] but was -0.01");
        }

        @Test
        void aBlankTest() {
            assertThatThrownBy(() -> new Significance(" ", OptionalDouble.empty(), 0.05, false, Better.NEITHER))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("test must not be blank but was ' '");
        }

        @Test
        void theBoundariesOfTheUnitIntervalAreValidPValues() {
            assertThat(Significance.ofPValue("t", 0.0, 0.05, Better.FIRST).significant()).isTrue();
            assertThat(Significance.ofPValue("t", 1.0, 0.05, Better.FIRST).significant()).isFalse();
        }
    }
}
