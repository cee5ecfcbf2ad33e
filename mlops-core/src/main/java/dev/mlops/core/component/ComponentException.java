package dev.mlops.core.component;

import dev.mlops.core.MlopsException;

/**
 * A component cannot be found or built: an unknown type, a spec string that does not parse, an
 * unknown, missing or ill-typed setting, settings its type refuses, or two types registered
 * under one name. The message names the spec or source, the setting and what was expected.
 */
public class ComponentException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what, where and what was expected
     */
    public ComponentException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what, where and what was expected
     * @param cause the underlying failure
     */
    public ComponentException(String message, Throwable cause) {
        super(message, cause);
    }
}
