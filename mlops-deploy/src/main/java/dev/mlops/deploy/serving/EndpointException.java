package dev.mlops.deploy.serving;

import dev.mlops.core.MlopsException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request an {@link Endpoint} could not answer: why ({@link #reason()}), which variant it was
 * routed to and its inference id. Every such failure is counted against the variant.
 */
public final class EndpointException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Reason {
        /** The request does not fit the variant's input schema: a feature is absent or of another type. */
        INVALID_REQUEST,
        /** The model did not answer within the request's timeout. */
        TIMEOUT,
        /** The model threw, or returned predictions of the wrong shape. */
        MODEL_FAILED,
        /** The endpoint is closed, or its model threads refused the request. */
        UNAVAILABLE,
        /** The feature store refused (access denied) or failed the online read of the request's features. */
        FEATURES_UNAVAILABLE
    }

    /** Why the request failed. */
    private final Reason reason;
    /** The variant the request was routed to. */
    private final String variant;
    /** The request's inference id. */
    private final String inferenceId;

    /**
     * Describes the failure.
     *
     * @param reason why
     * @param variant the variant the request was routed to
     * @param inferenceId the request's inference id
     * @param message what happened, naming the feature, the timeout or the model's error
     * @param cause the underlying error, if any
     */
    public EndpointException(Reason reason, String variant, String inferenceId, String message,
            @Nullable Throwable cause) {
        super(message);
        if (cause != null) {
            initCause(cause);
        }
        this.reason = Objects.requireNonNull(reason, "reason");
        this.variant = Objects.requireNonNull(variant, "variant");
        this.inferenceId = Objects.requireNonNull(inferenceId, "inferenceId");
    }

    /** @return why the request failed */
    public Reason reason() {
        return reason;
    }

    /** @return the variant the request was routed to */
    public String variant() {
        return variant;
    }

    /** @return the request's inference id */
    public String inferenceId() {
        return inferenceId;
    }
}
