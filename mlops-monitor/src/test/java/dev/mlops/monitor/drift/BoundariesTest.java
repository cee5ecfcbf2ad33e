package dev.mlops.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.stat.TestMethod;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The edges of every range the package checks: the value on the edge is in or out as documented. */
class BoundariesTest {

    private static DriftResult test(double p, OptionalDouble adjusted, long currentSize, long referenceSize) {
        return new DriftResult("t", "t", 1.0, OptionalDouble.of(p), TestMethod.EXACT, 0.0,
                DriftResult.Rule.P_VALUE_BELOW, 0.05, adjusted, currentSize, referenceSize);
    }

    @Nested
    class Results {
        @Test
        void pValuesOfZeroAndOneAndSizesOfZeroAreValid() {
            assertThat(test(0.0, OptionalDouble.of(1.0), 0, 0).drift()).isFalse();
            assertThat(test(1.0, OptionalDouble.of(0.0), 0, 0).drift()).isTrue();
        }

        @Test
        void aNegativeReferenceSizeOrPValueIsRefused() {
            assertThatThrownBy(() -> test(0.5, OptionalDouble.empty(), 1, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sizes must not be negative but were currentSize 1 and referenceSize -1");
            assertThatThrownBy(() -> test(-0.1, OptionalDouble.empty(), 1, 1))
                    .hasMessage("pValue must be in [0, 1] but was -0.1");
        }

        @Test
        void anAdjustedPValueOutsideTheUnitIntervalIsRefused() {
            assertThatThrownBy(() -> test(0.5, OptionalDouble.of(1.5), 1, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("adjustedPValue must be in [0, 1] but was 1.5");
            assertThatThrownBy(() -> test(0.5, OptionalDouble.of(-0.5), 1, 1))
                    .hasMessage("adjustedPValue must be in [0, 1] but was -0.5");
        }

        @Test
        void aPValueEqualToTheLevelIsNoDrift() {
            assertThat(test(0.05, OptionalDouble.empty(), 1, 1).drift()).isFalse();
            assertThat(test(Math.nextDown(0.05), OptionalDouble.empty(), 1, 1).drift()).isTrue();
        }
    }

    @Nested
    class Settings {
        @Test
        void alphaIsOpenAtBothEnds() {
            assertThatThrownBy(() -> new TestSettings(0.0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alpha (the significance level) must be in (0, 1) but was 0.0");
            assertThatThrownBy(() -> new TestSettings(1.0)).isInstanceOf(IllegalArgumentException.class);
            assertThat(new TestSettings(Double.MIN_VALUE).alpha()).isEqualTo(Double.MIN_VALUE);
            assertThat(new TestSettings(Math.nextDown(1.0)).alpha()).isEqualTo(Math.nextDown(1.0));
            assertThat(new TestSettings(null).alpha()).isEqualTo(TestSettings.DEFAULT_ALPHA);
        }

        @Test
        void aThresholdMustBeFiniteAndAboveZero() {
            assertThatThrownBy(() -> new DistanceSettings(Double.POSITIVE_INFINITY, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("threshold must be a finite number above 0 but was Infinity");
            assertThatThrownBy(() -> new ShiftSettings(ShiftMeasure.MEAN, Double.NaN))
                    .hasMessage("threshold must be a finite number above 0 but was NaN");
            assertThat(new DistanceSettings(Double.MAX_VALUE, 2).threshold()).isEqualTo(Double.MAX_VALUE);
            assertThat(new DistanceSettings(Double.MIN_VALUE, 2).bins()).isEqualTo(2);
            assertThat(new ShiftSettings(ShiftMeasure.MISSING_SHARE, null).threshold()).isEqualTo(0.05);
        }
    }

    @Nested
    class Inputs {
        @Test
        void aCountOfZeroIsValid() {
            assertThat(Sample.categorical(Map.of("a", 0L, "b", 2L), 0).present()).isEqualTo(2);
        }

        @Test
        void pValuesOfZeroAndOneCanBeAdjusted() {
            assertThat(Correction.HOLM.adjust(new double[] {0.0, 1.0})).containsExactly(0.0, 1.0);
            assertThatThrownBy(() -> Correction.HOLM.adjust(new double[] {-0.01}))
                    .hasMessage("pValues[0] must be in [0, 1] but was -0.01");
        }

        @Test
        void aReferenceOfZeroRowsIsSmall() {
            assertThat(DriftDetectors.defaultFor(Sample.Kind.NUMERIC, Reference.of(Sample.numeric(1, 2)), 0))
                    .isEqualTo(DriftDetectors.ks(0.05));
        }

        @Test
        void eachBuiltInNamesTheKindsItCompares() {
            assertThat(DriftDetectors.ks(0.05).kinds()).containsExactly(Sample.Kind.NUMERIC);
            assertThat(DriftDetectors.chiSquare(0.05).kinds()).containsExactly(Sample.Kind.CATEGORICAL);
            assertThat(DriftDetectors.psi(0.1, 10).kinds())
                    .containsExactlyInAnyOrder(Sample.Kind.NUMERIC, Sample.Kind.CATEGORICAL);
        }
    }
}
