package dev.mlops.deploy.format;

import dev.mlops.core.MlopsException;

/**
 * Bytes could not be read as a model in the expected format: truncated, written by another
 * format, or not a model at all. The message names the source and what was wrong.
 */
public class ModelFormatException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param source the input's name (a file, a registry version)
     * @param problem what was found and what was expected
     */
    public ModelFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    /**
     * Creates the error with its cause.
     *
     * @param source the input's name (a file, a registry version)
     * @param problem what was found and what was expected
     * @param cause the underlying error
     */
    public ModelFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
