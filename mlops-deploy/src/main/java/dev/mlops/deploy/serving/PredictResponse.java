package dev.mlops.deploy.serving;

import dev.mlops.core.table.Table;
import java.time.Duration;
import java.util.Objects;

/**
 * An endpoint's answer to one {@link PredictRequest}.
 *
 * @param inferenceId the inference id the request and response were captured under (the
 *     caller's, or the one the endpoint made)
 * @param variant the variant that answered
 * @param predictions the variant's predictions, one row per request row, in the shape of its
 *     {@link dev.mlops.train.predict.Outputs}
 * @param latency how long the request took in the endpoint, from routing to the answer
 */
public record PredictResponse(String inferenceId, String variant, Table predictions, Duration latency) {

    /**
     * Checks the fields.
     *
     * @param inferenceId the inference id
     * @param variant the answering variant
     * @param predictions the predictions
     * @param latency the latency, not negative
     * @throws IllegalArgumentException if the latency is negative
     */
    public PredictResponse {
        Objects.requireNonNull(inferenceId, "inferenceId");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("a response's latency must not be negative, but was " + latency);
        }
    }
}
