package dev.mlops.data.split;

import dev.mlops.core.MlopsException;

/**
 * A split that cannot honour its guarantee: too few rows or groups for the sets, a class too
 * small to stratify, a missing label, group key or time. The message names the column, the row,
 * class or set, the count found and what was needed.
 */
public class SplitException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be split, where, and what was needed
     */
    public SplitException(String message) {
        super(message);
    }
}
