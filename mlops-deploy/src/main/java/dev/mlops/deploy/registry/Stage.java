package dev.mlops.deploy.registry;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a model version is in its life, an explicit state machine. A version is registered as a
 * {@link #CANDIDATE}; the allowed moves are:
 *
 * <table>
 *   <caption>Allowed stage transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>candidate</td><td>staging, production, archived</td></tr>
 *   <tr><td>staging</td><td>production, archived</td></tr>
 *   <tr><td>production</td><td>staging, archived</td></tr>
 *   <tr><td>archived</td><td>staging, production (a rollback)</td></tr>
 * </table>
 *
 * <p>No version moves back to candidate, and no move stays where it is. A model has at most one
 * version in {@link #PRODUCTION}: promoting another moves the previous one to {@link #ARCHIVED}
 * in the same transaction.
 */
public enum Stage {
    /** Registered and not yet reviewed or deployed; every version starts here. */
    CANDIDATE,
    /** Being tried out (shadow or canary traffic, a test environment). */
    STAGING,
    /** Serving; at most one version of a model. */
    PRODUCTION,
    /** Retired; kept for lineage and rollback. */
    ARCHIVED;

    private static final Map<Stage, Set<Stage>> MOVES = Map.of(
            CANDIDATE, EnumSet.of(STAGING, PRODUCTION, ARCHIVED),
            STAGING, EnumSet.of(PRODUCTION, ARCHIVED),
            PRODUCTION, EnumSet.of(STAGING, ARCHIVED),
            ARCHIVED, EnumSet.of(STAGING, PRODUCTION));

    /**
     * Whether the state machine allows a move.
     *
     * @param next the stage to move to
     * @return true if the transition table lists the move
     */
    public boolean canMoveTo(Stage next) {
        return MOVES.get(this).contains(next);
    }

    /** @return the stages this one may move to, in declaration order; unmodifiable */
    public Set<Stage> next() {
        return java.util.Collections.unmodifiableSet(EnumSet.copyOf(MOVES.get(this)));
    }

    /** @return the lower-case name stored and shown ({@code candidate}, {@code staging}, ...) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a stage by its label, in any case.
     *
     * @param label {@code candidate}, {@code staging}, {@code production} or {@code archived}
     * @return the stage
     * @throws IllegalArgumentException naming the accepted labels otherwise
     */
    public static Stage ofLabel(String label) {
        for (Stage stage : values()) {
            if (stage.label().equalsIgnoreCase(label.strip())) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + label
                + "'; expected candidate, staging, production or archived");
    }
}
