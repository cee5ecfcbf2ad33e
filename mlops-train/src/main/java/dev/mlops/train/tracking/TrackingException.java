package dev.mlops.train.tracking;

import dev.mlops.core.MlopsException;

/**
 * A tracking call was refused: an unknown experiment or run, a duplicate name, logging to a run that
 * has ended, a parameter logged twice with different values, a move the run's state machine does
 * not allow. The message names the experiment or run and what was expected.
 */
public class TrackingException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that names the run or experiment and what was expected.
     *
     * @param message the full, user-facing message
     */
    public TrackingException(String message) {
        super(message);
    }
}
