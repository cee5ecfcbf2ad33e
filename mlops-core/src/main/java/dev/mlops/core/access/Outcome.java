package dev.mlops.core.access;

import java.util.Locale;

/** Whether an audited request was allowed or denied. */
public enum Outcome {
    /** The request was allowed. */
    ALLOWED,
    /** The request was denied. */
    DENIED,
    /**
     * The request was allowed, but what it asked for did not happen (another process changed the
     * state first, the input was refused): written after the allowed entry, so that the log never
     * shows a change that failed as made.
     */
    FAILED;

    /** @return the lower-case name written to the audit log: {@code allowed}, {@code denied} or {@code failed} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
