package dev.mlops.core.access;

import java.util.Locale;

/** Whether an audited request was allowed or denied. */
public enum Outcome {
    /** The request was allowed. */
    ALLOWED,
    /** The request was denied. */
    DENIED;

    /** @return the lower-case name written to the audit log: {@code allowed} or {@code denied} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
