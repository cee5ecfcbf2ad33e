package dev.mlops.deploy.strategy;

import java.time.Instant;
import java.util.Objects;

/**
 * One move of a rollout from a stage to another: when, from where, to where, and the event that
 * caused it, described in words (a promotion, a rollback and its reason, a bake time elapsed, a
 * guardrail breached with its measured value and threshold, an alarm and its rule).
 *
 * @param at when the move happened, by the rollout's clock
 * @param from the status before
 * @param to the status after
 * @param cause what moved it, in words
 */
public record RolloutTransition(Instant at, RolloutStatus from, RolloutStatus to, String cause) {

    /**
     * Checks the fields.
     *
     * @param at when
     * @param from the status before
     * @param to the status after
     * @param cause what moved it, not blank
     * @throws IllegalArgumentException if the cause is blank
     */
    public RolloutTransition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        if (cause.isBlank()) {
            throw new IllegalArgumentException("a rollout transition needs a cause");
        }
    }
}
