package dev.mlops.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception that mlops-java throws for bad input or a broken guarantee.
 *
 * <p>Messages say what went wrong, where (the input's name, line, column, row or feature) and
 * what was expected, so a user can fix the input without reading a stack trace. Argument checks
 * on the library's own API (a negative size, a null argument) throw the JDK's
 * {@link IllegalArgumentException} or {@link NullPointerException} instead, and a file the
 * operating system cannot read or write surfaces as {@link java.io.UncheckedIOException}.
 */
public class MlopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that names what, where and what was expected.
     *
     * @param message the full, user-facing message
     */
    public MlopsException(String message) {
        super(message);
    }

    /**
     * Creates an exception that wraps the cause it was derived from.
     *
     * @param message the full, user-facing message
     * @param cause the underlying failure, or null if none is known
     */
    public MlopsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
