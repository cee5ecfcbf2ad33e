package dev.mlops.deploy.serving;

import dev.mlops.core.MlopsException;
import java.util.Objects;

/**
 * Why an {@link AsyncEndpoint} did not answer a request: thrown by
 * {@link AsyncEndpoint#submit} when it refuses one ({@link Reason#QUEUE_FULL},
 * {@link Reason#SHUT_DOWN}), or the cause a request's future completes with
 * ({@link Reason#TIMED_OUT}, {@link Reason#ABANDONED}). The message names the endpoint, the
 * request's id and what the caller can do.
 */
public final class AsyncException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** Why the request got no answer. */
    public enum Reason {
        /** The queue held its capacity of waiting requests; nothing was queued. */
        QUEUE_FULL,
        /** The endpoint was shut down (or shutting down) when the request came; nothing was queued. */
        SHUT_DOWN,
        /** The request was not answered within its timeout, counted from its submission. */
        TIMED_OUT,
        /** The endpoint shut down before the request was answered and stopped waiting for it. */
        ABANDONED
    }

    /** Why. */
    private final Reason reason;
    /** The request's id. */
    private final String requestId;

    /**
     * @param reason why the request got no answer
     * @param requestId the request's id
     * @param message the full message, naming the endpoint and the id
     */
    AsyncException(Reason reason, String requestId, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
    }

    /** @return why the request got no answer */
    public Reason reason() {
        return reason;
    }

    /** @return the request's id */
    public String requestId() {
        return requestId;
    }
}
