package dev.mlops.data.check;

import dev.mlops.core.MlopsException;

/**
 * Thrown by {@link CheckReport#requirePassed()} when an error-severity check did not pass; the
 * message lists each such check with its measured value, threshold and first failing rows.
 */
public class CheckFailedException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the full message
     */
    public CheckFailedException(String message) {
        super(message);
    }
}
