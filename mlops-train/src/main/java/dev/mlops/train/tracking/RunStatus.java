package dev.mlops.train.tracking;

import java.util.Locale;

/**
 * Where a run is in its life, an explicit state machine: a run starts {@link #RUNNING} and ends
 * exactly once, as {@link #FINISHED} (its code said so), {@link #FAILED} (its code reported a
 * failure, or closed the run without finishing it) or {@link #KILLED} (stopped from outside, or
 * found running after its process died). An ended run never changes status again.
 */
public enum RunStatus {
    /** Started and not yet ended; the only status that accepts logging. */
    RUNNING,
    /** Ended as its code intended. */
    FINISHED,
    /** Ended by a failure its code reported. */
    FAILED,
    /** Stopped from outside, or abandoned by a process that died. */
    KILLED;

    /** @return true for the statuses a run ends in */
    public boolean isTerminal() {
        return this != RUNNING;
    }

    /**
     * Whether the state machine allows a move.
     *
     * @param next the status to move to
     * @return true only from {@link #RUNNING} to one of the terminal statuses
     */
    public boolean canMoveTo(RunStatus next) {
        return this == RUNNING && next.isTerminal();
    }

    /** @return the lower-case name stored and shown ({@code running}, {@code finished}, ...) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a status by its label, in any case.
     *
     * @param label {@code running}, {@code finished}, {@code failed} or {@code killed}
     * @return the status
     * @throws IllegalArgumentException naming the accepted labels otherwise
     */
    public static RunStatus ofLabel(String label) {
        for (RunStatus status : values()) {
            if (status.label().equalsIgnoreCase(label.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + label + "'; expected running, finished, failed or killed");
    }
}
