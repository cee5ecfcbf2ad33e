package dev.mlops.data.leakage;

import dev.mlops.core.MlopsException;

/**
 * Thrown by {@link LeakageReport#requirePassed()} when a report holds an error: the message
 * names each failing check, what it measured and the first example rows.
 */
public class LeakageException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the failing checks and what they found
     */
    public LeakageException(String message) {
        super(message);
    }
}
