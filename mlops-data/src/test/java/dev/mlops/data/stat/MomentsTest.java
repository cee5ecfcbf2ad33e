package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MomentsTest {
    private static final double[] A = {5.1, 4.8, 6.2, 5.5, 4.9, 5.8, 6.0, 5.3, 4.7, 5.6, 6.4, 5.0};

    @Nested
    class FromValues {
        @Test
        void meanVarianceAndStandardDeviationAsNumpy() {
            // /usr/bin/python3: np.mean(A), np.var(A, ddof=1), np.std(A, ddof=1)      (numpy 1.24.2)
            // 5.441666666666666 0.3226515151515152 0.5680242205676754
            Moments m = Moments.of(A);
            assertThat(m.count()).isEqualTo(12);
            assertThat(m.mean()).isCloseTo(5.441666666666666, within(1e-15));
            assertThat(m.variance()).isCloseTo(0.3226515151515152, within(1e-15));
            assertThat(m.standardDeviation()).isCloseTo(0.5680242205676754, within(1e-15));
        }

        @Test
        void theCorrectionTermKeepsALargeOffsetExact() {
            // values 1e9 + {0.1, 0.2, 0.3}: mean 1e9 + 0.2, variance 0.01 (numpy: 0.009999990463256836 from the doubles)
            double[] values = {1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3};
            assertThat(Moments.of(values).variance()).isCloseTo(0.01, within(1e-7));
            assertThat(Moments.of(new double[] {2.0, 2.0, 2.0}).variance()).isZero();
        }

        @Test
        void badValuesAreNamed() {
            assertThatThrownBy(() -> Moments.of(new double[] {1.0}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("values must hold at least 2 values but held 1");
            assertThatThrownBy(() -> Moments.of(new double[] {1.0, Double.NaN}))
                    .hasMessage("values must hold only finite values but values[1] was NaN");
        }
    }

    @Nested
    class FromAProfile {
        @Test
        void theProfilesFiniteValuesGiveTheSameMoments() {
            NumericProfile profile = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), 5.1, 4.8, 6.2, 5.5,
                    4.9, 5.8, 6.0, 5.3, 4.7, 5.6, 6.4, 5.0, Double.NaN, Double.POSITIVE_INFINITY);
            Moments m = Moments.of(profile);
            assertThat(m.count()).isEqualTo(12);
            assertThat(m.mean()).isCloseTo(Moments.of(A).mean(), within(1e-12));
            assertThat(m.variance()).isCloseTo(Moments.of(A).variance(), within(1e-12));
        }

        @Test
        void tooFewFiniteValues() {
            NumericProfile profile = (NumericProfile) Sweeps.profile(ProfileOptions.defaults(), 1.0, Double.NaN);
            assertThatThrownBy(() -> Moments.of(profile))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("profile must hold at least 2 finite values but its profile of column 'x' held 1");
        }
    }

    @Nested
    class Validation {
        @Test
        void countAndVarianceAreChecked() {
            assertThatThrownBy(() -> new Moments(1, 0.0, 0.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("count must be at least 2 but was 1");
            assertThatThrownBy(() -> new Moments(2, 0.0, -0.5))
                    .hasMessage("variance must not be negative but was -0.5");
            assertThat(new Moments(2, 0.0, 0.0).variance()).isZero();
            assertThat(new Moments(2, Double.POSITIVE_INFINITY, Double.NaN).variance()).isNaN();
        }
    }
}
