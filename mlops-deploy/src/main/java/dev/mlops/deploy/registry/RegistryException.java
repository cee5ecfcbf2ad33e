package dev.mlops.deploy.registry;

import dev.mlops.core.MlopsException;

/**
 * The model registry refused a request: an unknown model or version, a move the stage machine
 * does not allow, an artifact its format cannot read. The message names the model and version,
 * what was asked and what was expected. Subclasses mark the refusals a caller may want to tell
 * apart.
 */
public class RegistryException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the refusal.
     *
     * @param message the full, user-facing message
     */
    public RegistryException(String message) {
        super(message);
    }

    /**
     * Creates the refusal with its cause.
     *
     * @param message the full, user-facing message
     * @param cause the underlying failure
     */
    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
