package dev.mlops.monitor.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.stat.Histogram;
import dev.mlops.data.stat.RegressionErrors;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QualityPiecesTest {

    @Nested
    class Comparisons {
        @Test
        void higherIsBetterIsWorseOnlyBeyondTheTolerance() {
            assertThat(MetricComparison.of("accuracy", 0.75, 1.0, true, 0.25).worse()).isFalse();
            assertThat(MetricComparison.of("accuracy", 0.74, 1.0, true, 0.25).worse()).isTrue();
            assertThat(MetricComparison.of("accuracy", 0.99, 0.9, true, 0.0).worse()).isFalse();
            assertThat(MetricComparison.of("accuracy", 0.9, 0.9, true, 0.0).worse()).isFalse();
        }

        @Test
        void lowerIsBetterIsWorseOnlyBeyondTheTolerance() {
            assertThat(MetricComparison.of("rmse", 1.5, 1.0, false, 0.5).worse()).isFalse();
            assertThat(MetricComparison.of("rmse", 1.6, 1.0, false, 0.5).worse()).isTrue();
            assertThat(MetricComparison.of("rmse", 0.1, 1.0, false, 0.0).worse()).isFalse();
            MetricComparison c = MetricComparison.of("rmse", 1.6, 1.0, false, 0.5);
            assertThat(c.delta()).isEqualTo(1.6 - 1.0);
            assertThat(c.metric()).isEqualTo("rmse");
            assertThat(c.value()).isEqualTo(1.6);
            assertThat(c.training()).isEqualTo(1.0);
        }

        @Test
        void aNaNValueIsNeverWorse() {
            assertThat(MetricComparison.of("r2", Double.NaN, 0.8, true, 0.0).worse()).isFalse();
            assertThat(MetricComparison.of("rmse", Double.NaN, 0.8, false, 0.0).worse()).isFalse();
        }
    }

    @Test
    void regressionQualityNeedsAQuantilePerProbability() {
        Histogram histogram = Histogram.of(new double[] {1}, 1);
        RegressionErrors errors = RegressionErrors.of(new double[] {1}, new double[] {1});
        assertThatThrownBy(() -> new RegressionQuality(errors, List.of(0.5), List.of(), histogram))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one quantile per probability, but there were 1 probabilities and 0 quantiles");
    }

    @Test
    void problemsAndPointsPrint() {
        assertThat(new LabelProblem("labels.csv", 3, "bad").toString()).isEqualTo("labels.csv:3: bad");
        assertThat(new AgePoint(2, Duration.ofHours(3), 0.5).age()).isEqualTo(Duration.ofHours(3));
        assertThat(new ClassQuality("cat", 1, 0.5, 0.6, 4).support()).isEqualTo(4);
    }
}
