package dev.mlops.deploy.batch;

import dev.mlops.core.MlopsException;

/**
 * A batch transform that cannot run: an input it cannot read as a whole (no header, a feature
 * column absent), an output column named twice, or a checkpoint it refuses to resume from (the
 * input or the model changed, or the output was cut short), naming which.
 */
public class BatchTransformException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, where, and what was expected */
    public BatchTransformException(String message) {
        super(message);
    }
}
