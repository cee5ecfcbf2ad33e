package dev.mlops.deploy.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request, response, stats and report values check what they hold. */
class ValuesTest {

    @Test
    void aRowRequestCopiesItsFeaturesAndKeepsNulls() {
        Map<String, Object> features = new HashMap<>();
        features.put("x", 1.0);
        features.put("plan", null);
        PredictRequest request = PredictRequest.row(features);
        features.put("x", 2.0);
        assertThat(request.featureRow()).containsEntry("x", 1.0).containsEntry("plan", null);
        assertThat(request.featureTable()).isNull();
        assertThat(request.rowCount()).isEqualTo(1);
        assertThat(request.unitId()).isNull();
        assertThat(request.inferenceId()).isNull();
        PredictRequest named = request.withUnitId("u1").withInferenceId("i1");
        assertThat(named.unitId()).isEqualTo("u1");
        assertThat(named.inferenceId()).isEqualTo("i1");
        assertThat(named.featureRow()).isEqualTo(request.featureRow());
        assertThat(named.toString()).startsWith("PredictRequest[row {").endsWith("}, unit u1, inference i1]");
        assertThat(request.toString()).doesNotContain("unit").doesNotContain("inference");
    }

    @Test
    void aTableRequestNeedsARowAndIdsMustNotBeBlank() {
        Table two = Table.of(NumericColumn.of("x", 1, 2));
        PredictRequest request = PredictRequest.table(two);
        assertThat(request.rowCount()).isEqualTo(2);
        assertThat(request.featureRow()).isNull();
        assertThat(request.featureTable()).isSameAs(two);
        assertThat(request.toString()).isEqualTo("PredictRequest[2 rows]");
        assertThatThrownBy(() -> PredictRequest.table(Table.of(NumericColumn.of("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a prediction request needs at least one row, but the table has none");
        assertThatThrownBy(() -> request.withUnitId(" ")).hasMessage("a request's unit id must not be blank");
        assertThatThrownBy(() -> request.withInferenceId("")).hasMessage("a request's inference id must not be blank");
    }

    @Test
    void aResponseLatencyIsNotNegative() {
        Table answers = Table.of(NumericColumn.of("prediction", 1));
        assertThat(new PredictResponse("i", "v", answers, Duration.ZERO).latency()).isZero();
        assertThatThrownBy(() -> new PredictResponse("i", "v", answers, Duration.ofNanos(-1)))
                .hasMessage("a response's latency must not be negative, but was PT-0.000000001S");
    }

    @Test
    void statsCountsNest() {
        Duration ms = Duration.ofMillis(1);
        VariantStats stats = new VariantStats(10, 3, 1, 2, ms, ms, ms, ms);
        assertThat(stats.health().requests()).isEqualTo(10);
        assertThat(stats.health().errors()).isEqualTo(3);
        assertThat(stats.health().p95Latency()).isEqualTo(ms);
        assertThatThrownBy(() -> new VariantStats(10, 11, 0, 0, ms, ms, ms, ms))
                .hasMessage("a variant's stats need 0 <= invalid + timeouts <= errors <= requests, but had 0 invalid,"
                        + " 0 timeouts, 11 errors of 10 requests");
        assertThatThrownBy(() -> new VariantStats(10, 2, 2, 1, ms, ms, ms, ms)).hasMessageContaining("2 invalid");
        assertThatThrownBy(() -> new VariantStats(-1, 0, 0, 0, ms, ms, ms, ms)).hasMessageContaining("-1 requests");
        assertThatThrownBy(() -> new VariantStats(1, -1, 0, 0, ms, ms, ms, ms)).hasMessageContaining("-1 errors");
        assertThatThrownBy(() -> new VariantStats(1, 1, -1, 0, ms, ms, ms, ms)).hasMessageContaining("-1 invalid");
        assertThatThrownBy(() -> new VariantStats(1, 1, 0, -1, ms, ms, ms, ms)).hasMessageContaining("-1 timeouts");
    }

    @Test
    void reportCountsAreCheckedAndTheRateIsZeroWithNothingCompared() {
        ShadowReport none = new ShadowReport("a", "b", 0, 0, 0, 0, 0, null);
        assertThat(none.disagreementRate()).isZero();
        assertThat(new ShadowReport("a", "b", 4, 1, 0, 4, 1, null).disagreementRate()).isEqualTo(0.25);
        assertThatThrownBy(() -> new ShadowReport("a", "b", 1, 0, 0, 1, 2, null))
                .hasMessage("a shadow report needs counts of at least 0 and disagreements <= compared, but had"
                        + " enqueued 1, dropped 0, failed 0, compared 1, disagreements 2");
        for (long[] bad : new long[][] {{-1, 0, 0, 0, 0}, {0, -1, 0, 0, 0}, {0, 0, -1, 0, 0}, {0, 0, 0, -1, 0},
            {0, 0, 0, 0, -1}}) {
            assertThatThrownBy(() -> new ShadowReport("a", "b", bad[0], bad[1], bad[2], bad[3], bad[4], null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anExceptionKeepsItsCauseOnlyWhenGiven() {
        EndpointException without = new EndpointException(EndpointException.Reason.TIMEOUT, "v", "i", "late", null);
        assertThat(without.getCause()).isNull();
        IllegalStateException cause = new IllegalStateException("x");
        assertThat(new EndpointException(EndpointException.Reason.MODEL_FAILED, "v", "i", "m", cause).getCause())
                .isSameAs(cause);
    }
}
