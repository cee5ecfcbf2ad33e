package dev.mlops.deploy.gate;

import static dev.mlops.deploy.gate.QualityGateTest.PRODUCTION;
import static dev.mlops.deploy.gate.QualityGateTest.SLICES;
import static dev.mlops.deploy.gate.QualityGateTest.VALIDATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import dev.mlops.data.slice.Slice;
import dev.mlops.train.metrics.Metrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every part of the gate refuses bad input with a message naming what, and what was expected. */
class GateInputsTest {

    @Test
    void aValidationSetKnowsItsRowsLabelAndFingerprint() {
        assertThat(VALIDATION.name()).isEqualTo("validation");
        assertThat(VALIDATION.label()).isEqualTo("class");
        assertThat(VALIDATION.truth()).isEqualTo(VALIDATION.rows().column("class"));
        assertThat(VALIDATION.features().schema().names()).containsExactly("id", "group");
        assertThat(VALIDATION.slices()).isEqualTo(SLICES);
        assertThat(VALIDATION.fingerprint()).isEqualTo(dev.mlops.core.table.Fingerprint.of(VALIDATION.rows()));
        assertThat(VALIDATION).hasToString("validation (400 rows, fingerprint " + VALIDATION.fingerprint().sha256()
                + ")");
    }

    @Test
    void aValidationSetRefusesWhatNoGateCanRead() {
        Table rows = VALIDATION.rows();
        assertThatThrownBy(() -> ValidationSet.of(" ", rows, "class", List.of()))
                .hasMessage("a validation set's name must not be blank but was ' '");
        assertThatThrownBy(() -> ValidationSet.of("v", rows, "label", List.of()))
                .hasMessage("validation set 'v': label column 'label' is not in the rows; their columns are [id, group,"
                        + " class]");
        assertThatThrownBy(() -> ValidationSet.of("v", rows.head(0), "class", List.of()))
                .hasMessage("validation set 'v' has no rows");
        assertThatThrownBy(() -> ValidationSet.of("v", rows, "class", List.of(Slice.of("s", "id < 3"),
                Slice.of("s", "id > 3")))).hasMessage("validation set 'v': slice 's' is named twice");
    }

    @Test
    void anEvaluationKeepsTheModelsPredictionsAndLatency() {
        Evaluation evaluation = Evaluation.of("production", PRODUCTION, VALIDATION);

        assertThat(evaluation.model()).isEqualTo("production");
        assertThat(evaluation.set()).isSameAs(VALIDATION);
        assertThat(evaluation.fingerprint()).isEqualTo(VALIDATION.fingerprint());
        assertThat(evaluation.predictions()).isEqualTo(PRODUCTION.predict(VALIDATION.features()));
        assertThat(evaluation.latency().protocol()).isEqualTo(LatencyProtocol.DEFAULT);
        assertThat(evaluation.latency().timed()).isEqualTo(LatencyProtocol.DEFAULT_REPEATS * 400);
        assertThat(evaluation).hasToString("'production' on " + VALIDATION);
        assertThatThrownBy(() -> Evaluation.of("", PRODUCTION, VALIDATION))
                .hasMessage("a model's name must not be blank but was ''");
    }

    @Test
    void theLatencyProtocolAndItsResultRefuseValuesOutOfRange() {
        assertThatThrownBy(() -> new LatencyProtocol(-1, 1, 1)).hasMessage("warmup must be at least 0 but was -1");
        assertThatThrownBy(() -> new LatencyProtocol(0, 0, 1)).hasMessage("repeats must be at least 1 but was 0");
        assertThatThrownBy(() -> new LatencyProtocol(0, 1, 0)).hasMessage("maxRows must be at least 1 but was 0");
        assertThatThrownBy(() -> LatencyProtocol.DEFAULT.measure(PRODUCTION, VALIDATION.features().head(0)))
                .hasMessage("latency needs at least one row to time, but the table has none");
        assertThatThrownBy(() -> new Latency(-1, 1, 1, LatencyProtocol.DEFAULT))
                .hasMessage("p50Millis must be at least 0 but was -1.0");
        assertThatThrownBy(() -> new Latency(Double.NaN, 1, 1, LatencyProtocol.DEFAULT))
                .hasMessage("p50Millis must be at least 0 but was NaN");
        assertThatThrownBy(() -> new Latency(2, 1, 1, LatencyProtocol.DEFAULT))
                .hasMessage("p95Millis must be at least p50Millis (2.0) but was 1.0");
        assertThatThrownBy(() -> new Latency(1, 1, 0, LatencyProtocol.DEFAULT))
                .hasMessage("timed must be at least 1 but was 0");
        assertThat(new Latency(0, 0, 1, LatencyProtocol.DEFAULT).p95Millis()).isZero();
        assertThat(new LatencyProtocol(0, 1, 1)).isEqualTo(new LatencyProtocol(0, 1, 1));
    }

    @Test
    void rulesRefuseMarginsAndLimitsOutOfRange() {
        for (double bad : new double[] {-0.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new MetricRule(Metrics.accuracy(), bad))
                    .hasMessage("margin must be a finite number at least 0 but was " + bad);
            assertThatThrownBy(() -> new SliceRule(Metrics.accuracy(), bad))
                    .hasMessage("margin must be a finite number at least 0 but was " + bad);
        }
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new LatencyRule(bad))
                    .hasMessage("maxP95Millis must be a finite number above 0 but was " + bad);
        }
        assertThat(new MetricRule(Metrics.accuracy(), 0.0).margin()).isZero();
    }

    @Test
    void rulesHaveNamesAndTextForms() {
        assertThat(new MetricRule(Metrics.macroF1(), 0.01)).hasToString(
                "macro_f1 no lower than the reference by more than 0.0100");
        assertThat(new MetricRule(Metrics.macroF1(), 0.01).name()).isEqualTo("metric");
        assertThat(new SliceRule(Metrics.rmse(), 0.5)).hasToString(
                "no slice's rmse higher than the reference's by more than 0.5000");
        assertThat(new SliceRule(Metrics.accuracy(), 0.03).name()).isEqualTo("slice");
        assertThat(new LatencyRule(5)).hasToString("p95 latency per example below 5.0000 ms");
        assertThat(new LatencyRule(5).name()).isEqualTo("latency");
        QualityGate defaults = QualityGate.defaults(QualityGateTest.CLOCK);
        assertThat(defaults.rules()).containsExactly(new MetricRule(Metrics.macroF1(), 0.01),
                new SliceRule(Metrics.accuracy(), 0.03));
        assertThat(defaults.bootstrap().resamples()).isEqualTo(1000);
        assertThat(defaults.bootstrap().seed()).isEqualTo(dev.mlops.core.Seed.of(42));
        assertThat(defaults.bootstrap().level()).isEqualTo(0.95);
        assertThat(defaults.withRule(new LatencyRule(5)).rules()).hasSize(3);
        assertThat(defaults.rules()).hasSize(2);
        assertThat(defaults).hasToString("QualityGate[macro_f1 no lower than the reference by more than 0.0100,"
                + " no slice's accuracy lower than the reference's by more than 0.0300]");
    }
}
