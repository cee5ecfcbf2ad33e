package dev.mlops.deploy.serving;

import dev.mlops.core.MlopsException;

/**
 * A {@link MultiModelEndpoint} could not load a model: the name is malformed or unknown, no
 * version of it is in production, the registry refused it or its format could not read it. The
 * message names the model as requested; the cause, if any, is the registry's error. A model
 * that failed to load is not cached: the next request tries again.
 */
public final class MultiModelLoadException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the full message, naming the model
     */
    MultiModelLoadException(String message) {
        super(message);
    }

    /**
     * @param message the full message, naming the model
     * @param cause the registry's error
     */
    MultiModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
