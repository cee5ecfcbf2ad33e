package dev.mlops.store;

import dev.mlops.core.MlopsException;

/**
 * A database or artifact store failed, or refused what it was given. The message names the
 * store (a JDBC URL without its password, or a directory), what was being done and, for a
 * database error, the driver's own message.
 */
public class StoreException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that names the store and what failed.
     *
     * @param message the full, user-facing message
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates an exception that wraps the driver's or file system's failure.
     *
     * @param message the full, user-facing message
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
