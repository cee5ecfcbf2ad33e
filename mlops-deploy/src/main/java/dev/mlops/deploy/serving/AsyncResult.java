package dev.mlops.deploy.serving;

import dev.mlops.core.table.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one request of an {@link AsyncEndpoint}, as {@link AsyncEndpoint#result}
 * finds it by id.
 *
 * @param id the request's id
 * @param status where it is
 * @param predictions the predictions, if {@link Status#SUCCEEDED}
 * @param error why it has no predictions, if it ended otherwise
 * @param submittedAt when it was accepted (the endpoint's clock)
 * @param completedAt when it ended, unless {@link Status#PENDING}
 */
public record AsyncResult(String id, Status status, Optional<Table> predictions, Optional<String> error,
        Instant submittedAt, Optional<Instant> completedAt) {

    /** Where a request is. */
    public enum Status {
        /** Queued or running. */
        PENDING,
        /** Answered with predictions. */
        SUCCEEDED,
        /** The predictor threw. */
        FAILED,
        /** Not answered within its timeout. */
        TIMED_OUT,
        /** Left unanswered at shutdown. */
        ABANDONED
    }

    /**
     * Checks that predictions come with success, an error with any other end, and neither while pending.
     *
     * @param id the id
     * @param status the status
     * @param predictions the predictions
     * @param error the error
     * @param submittedAt when accepted
     * @param completedAt when ended
     */
    public AsyncResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (predictions.isPresent() != (status == Status.SUCCEEDED)
                || error.isPresent() != (status != Status.SUCCEEDED && status != Status.PENDING)
                || completedAt.isPresent() == (status == Status.PENDING)) {
            throw new IllegalArgumentException("request " + id + " is " + status + " but has "
                    + (predictions.isPresent() ? "predictions" : "no predictions") + ", "
                    + (error.isPresent() ? "an error" : "no error") + " and "
                    + (completedAt.isPresent() ? "an end time" : "no end time")
                    + "; expected predictions only when SUCCEEDED, an error when it ended otherwise, an end time"
                    + " unless PENDING");
        }
    }
}
