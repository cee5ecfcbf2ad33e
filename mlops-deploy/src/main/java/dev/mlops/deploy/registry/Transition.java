package dev.mlops.deploy.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded move of a model version between stages. Registration is recorded as the first
 * transition, from no stage to {@link Stage#CANDIDATE}; a promotion to production that displaces
 * the previous production version records that version's move to {@link Stage#ARCHIVED} too.
 *
 * @param model the model's name
 * @param version the version's number
 * @param from the stage before, empty for the registration
 * @param to the stage after
 * @param principal who moved it (for a displaced version: who promoted its successor)
 * @param at when (the registry's clock)
 * @param reason why, in the caller's words; may be empty
 */
public record Transition(String model, int version, Optional<Stage> from, Stage to, String principal, Instant at,
        String reason) {
    /**
     * Checks the parts.
     *
     * @param model the model
     * @param version the version
     * @param from the stage before, if any
     * @param to the stage after
     * @param principal who moved it
     * @param at when
     * @param reason why
     */
    public Transition {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
