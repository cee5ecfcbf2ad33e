package dev.mlops.deploy.serving;

import dev.mlops.core.table.Table;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A request an {@link AsyncEndpoint} accepted: its id, by which {@link AsyncEndpoint#result}
 * finds it, and the future of its predictions.
 *
 * @param id the request's id, unique within its endpoint ({@code NAME-SEQUENCE})
 * @param predictions completes with the predictions, or exceptionally with the predictor's
 *     error or an {@link AsyncException} ({@link AsyncException.Reason#TIMED_OUT},
 *     {@link AsyncException.Reason#ABANDONED}); cancelling it does not stop the request
 */
public record AsyncSubmission(String id, CompletableFuture<Table> predictions) {
    /**
     * @param id the id
     * @param predictions the future
     */
    public AsyncSubmission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(predictions, "predictions");
    }
}
