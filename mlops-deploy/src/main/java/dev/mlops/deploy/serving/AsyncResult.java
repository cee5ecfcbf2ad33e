package dev.mlops.deploy.serving;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one request of an {@link AsyncEndpoint}, as {@link AsyncEndpoint#result}
 * finds it by id.
 *
 * @param <A> what the answer is
 * @param id the request's id
 * @param status where it is
 * @param answer the answer, if {@link Status#SUCCEEDED}
 * @param error why it has no answer, if it ended otherwise
 * @param submittedAt when it was accepted (the endpoint's clock)
 * @param completedAt when it ended, unless {@link Status#PENDING}
 */
public record AsyncResult<A>(String id, Status status, Optional<A> answer, Optional<String> error,
        Instant submittedAt, Optional<Instant> completedAt) {

    /** Where a request is. */
    public enum Status {
        /** Queued or running. */
        PENDING,
        /** Answered. */
        SUCCEEDED,
        /** The endpoint or predictor threw. */
        FAILED,
        /** Not answered within its timeout. */
        TIMED_OUT,
        /** Left unanswered at shutdown. */
        ABANDONED
    }

    /**
     * Checks that an answer comes with success, an error with any other end, and neither while pending.
     *
     * @param id the id
     * @param status the status
     * @param answer the answer
     * @param error the error
     * @param submittedAt when accepted
     * @param completedAt when ended
     */
    public AsyncResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (answer.isPresent() != (status == Status.SUCCEEDED)
                || error.isPresent() != (status != Status.SUCCEEDED && status != Status.PENDING)
                || completedAt.isPresent() == (status == Status.PENDING)) {
            throw new IllegalArgumentException("request " + id + " is " + status + " but has "
                    + (answer.isPresent() ? "an answer" : "no answer") + ", "
                    + (error.isPresent() ? "an error" : "no error") + " and "
                    + (completedAt.isPresent() ? "an end time" : "no end time")
                    + "; expected an answer only when SUCCEEDED, an error when it ended otherwise, an end time"
                    + " unless PENDING");
        }
    }
}
