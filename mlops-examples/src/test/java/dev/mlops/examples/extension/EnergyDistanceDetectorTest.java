package dev.mlops.examples.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.monitor.drift.DriftDetector;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.Reference;
import dev.mlops.monitor.drift.Sample;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The energy distance against scipy 1.17.1 ({@code python3}, numpy 2.4.6):
 * <pre>
 * import numpy as np; from scipy.stats import energy_distance
 * u = np.array([1.5, 2.0, 3.5, 7.0, 2.0]); v = np.array([1.0, 2.5, 3.0, 4.0, 5.5, 2.0, 0.5])
 * energy_distance(u, v)                                   # 0.5383269623261934
 * energy_distance(u / np.std(v), v / np.std(v))           # 0.42595885301280323
 * a = np.array([19, 22, 25, 31, 35, 44, 52, 67.]); b = np.array([23, 28, 33, 36, 41, 47, 55, 61, 63, 70.])
 * energy_distance(a / np.std(b), b / np.std(b))           # 0.4986795988278683
 * np.std(v + 1e8)                                         # 1.5971914124998496, as np.std(v)
 * </pre>
 */
class EnergyDistanceDetectorTest {
    private static final double[] U = {1.5, 2.0, 3.5, 7.0, 2.0};
    private static final double[] V = {1.0, 2.5, 3.0, 4.0, 5.5, 2.0, 0.5};

    private static DriftResult detect(double threshold, double[] current, double[] reference) {
        return new EnergyDistanceDetector(threshold).detect(Sample.numeric(current),
                Reference.of(Sample.numeric(reference)));
    }

    @Test
    void theDistanceInTheValuesUnitsIsScipys() {
        assertThat(EnergyDistanceDetector.distance(U, V)).isCloseTo(0.5383269623261934, within(1e-14));
    }

    @Test
    void theStatisticIsScipysOnValuesOverTheReferencesStandardDeviation() {
        DriftResult result = detect(0.2, U, V);

        assertThat(result.value()).isCloseTo(0.42595885301280323, within(1e-14));
        assertThat(result.detector()).isEqualTo("energy");
        assertThat(result.pValue()).isEmpty();
        assertThat(result.rule()).isEqualTo(DriftResult.Rule.STATISTIC_AT_LEAST);
        assertThat(result.currentSize()).isEqualTo(5);
        assertThat(result.referenceSize()).isEqualTo(7);
        assertThat(detect(0.2, new double[] {19, 22, 25, 31, 35, 44, 52, 67},
                new double[] {23, 28, 33, 36, 41, 47, 55, 61, 63, 70}).value())
                .isCloseTo(0.4986795988278683, within(1e-14));
    }

    @Test
    void theStatisticOfValuesFarFromZeroIsTheStatisticOfTheSameValuesShiftedToZero() {
        double offset = 1e8;
        double[] farU = Arrays.stream(U).map(value -> value + offset).toArray();
        double[] farV = Arrays.stream(V).map(value -> value + offset).toArray();

        assertThat(detect(0.2, farU, farV).value())
                .as("numpy.std of values around 1e8, taken about their mean")
                .isCloseTo(0.42595885301280323, within(1e-14));
    }

    @Test
    void theThresholdDecidesTheVerdict() {
        assertThat(detect(0.42, U, V).drift()).isTrue();
        assertThat(detect(0.43, U, V).drift()).isFalse();
    }

    @Test
    void missingValuesAreLeftOut() {
        DriftResult result = detect(0.2, new double[] {1.5, Double.NaN, 2.0, 3.5, 7.0, 2.0}, V);

        assertThat(result.value()).isCloseTo(0.42595885301280323, within(1e-14));
        assertThat(result.currentSize()).isEqualTo(5);
    }

    @Test
    void aConstantReferenceIsDividedByTheLeastScale() {
        DriftResult result = detect(0.2, new double[] {1, 1, 2}, new double[] {1, 1, 1});

        assertThat(result.value()).isCloseTo(EnergyDistanceDetector.distance(new double[] {1, 1, 2},
                new double[] {1, 1, 1}) / Math.sqrt(EnergyDistanceDetector.MIN_SCALE), within(1e-12));
        assertThat(result.value()).isFinite();
    }

    @Test
    void aStoredProfileAndCategoriesAreRefusedNamingTheDetector() {
        DriftDetector energy = new EnergyDistanceDetector(0.2);
        Reference profile = Reference.of(DatasetProfile.of(Table.builder().numeric("age", V).build()).column("age"));

        assertThatThrownBy(() -> energy.detect(Sample.numeric(U), profile))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'energy'", "raw reference");
        assertThatThrownBy(() -> energy.detect(Sample.categories(List.of("a")), Reference.of(Sample.categories(
                List.of("b"))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'energy'", "numeric");
    }

    @Test
    void aThresholdThatIsNotAPositiveFiniteDistanceIsRefused() {
        assertThatThrownBy(() -> new EnergyDistanceDetector(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold", "0.0");
        assertThatThrownBy(() -> new EnergyDistanceDetector(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
    }

    @Test
    void theRegistryBuildsItFromASpecString() {
        DriftDetector built = ComponentRegistry.defaults().create(DriftDetector.class, "energy(threshold=0.3)");

        assertThat(built).isEqualTo(new EnergyDistanceDetector(0.3));
        assertThat(ComponentRegistry.defaults().create(DriftDetector.class, "energy"))
                .isEqualTo(new EnergyDistanceDetector(EnergyDistanceDetector.DEFAULT_THRESHOLD));
    }
}
