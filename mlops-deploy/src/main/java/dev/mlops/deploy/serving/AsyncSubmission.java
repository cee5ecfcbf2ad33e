package dev.mlops.deploy.serving;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A request an {@link AsyncEndpoint} accepted: its id, by which {@link AsyncEndpoint#result}
 * finds it, and the future of its answer.
 *
 * @param <A> what the answer is
 * @param id the request's id, unique within its endpoint ({@code NAME-SEQUENCE})
 * @param answer completes with the answer, or exceptionally with the endpoint's or predictor's
 *     error or an {@link AsyncException} ({@link AsyncException.Reason#TIMED_OUT},
 *     {@link AsyncException.Reason#ABANDONED}); cancelling it does not stop the request
 */
public record AsyncSubmission<A>(String id, CompletableFuture<A> answer) {
    /**
     * @param id the id
     * @param answer the future
     */
    public AsyncSubmission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answer, "answer");
    }
}
