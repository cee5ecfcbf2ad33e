package dev.mlops.deploy.registry;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A request to move a model version between stages, naming where the caller believes things are
 * now (optimistic concurrency): the stage the version is in and, for a move to production, the
 * version now in production (empty for none). If either has changed by the time the registry
 * applies the move, nothing changes and {@link StageConflictException} names what was found.
 *
 * <pre>{@code
 * ModelVersion v = registry.require(me, "churn", 3);
 * OptionalInt current = registry.model(me, "churn").orElseThrow().productionVersion();
 * registry.transition(ci, StageChange.toProduction("churn", 3, v.stage(), current, "gate passed"));
 * }</pre>
 *
 * @param model the model's name
 * @param version the version's number
 * @param from the stage the caller expects the version to be in
 * @param to the stage to move it to
 * @param replacing for a move to production, the version the caller expects in production now
 *     (empty for none); empty for every other move
 * @param reason why, in the caller's words; may be empty
 */
public record StageChange(String model, int version, Stage from, Stage to, OptionalInt replacing, String reason) {
    /**
     * Checks the request.
     *
     * @param model the model
     * @param version the version
     * @param from the expected stage
     * @param to the target stage
     * @param replacing the expected production version, for a move to production
     * @param reason why
     * @throws IllegalArgumentException if the name or number is not valid, or {@code replacing}
     *     is given for a move to another stage than production, or names the version itself
     */
    public StageChange {
        ModelNames.check(model);
        ModelNames.version(version);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(replacing, "replacing");
        Objects.requireNonNull(reason, "reason");
        if (replacing.isPresent() && to != Stage.PRODUCTION) {
            throw new IllegalArgumentException("only a move to production replaces a version, but " + model + ":"
                    + version + " moves to " + to.label() + " naming version " + replacing.getAsInt());
        }
        if (replacing.isPresent() && replacing.getAsInt() == version) {
            throw new IllegalArgumentException("version " + model + ":" + version + " cannot replace itself in production");
        }
    }

    /**
     * A move to a stage other than production.
     *
     * @param model the model
     * @param version the version
     * @param from the stage the caller expects it in
     * @param to staging or archived
     * @param reason why
     * @return the request
     * @throws IllegalArgumentException if {@code to} is production (use {@link #toProduction})
     */
    public static StageChange of(String model, int version, Stage from, Stage to, String reason) {
        if (to == Stage.PRODUCTION) {
            throw new IllegalArgumentException("a move of " + model + ":" + version + " to production names the version "
                    + "it replaces: use StageChange.toProduction");
        }
        return new StageChange(model, version, from, to, OptionalInt.empty(), reason);
    }

    /**
     * A move to production.
     *
     * @param model the model
     * @param version the version
     * @param from the stage the caller expects it in
     * @param replacing the version the caller expects in production now, empty for none
     * @param reason why
     * @return the request
     */
    public static StageChange toProduction(String model, int version, Stage from, OptionalInt replacing, String reason) {
        return new StageChange(model, version, from, Stage.PRODUCTION, replacing, reason);
    }
}
