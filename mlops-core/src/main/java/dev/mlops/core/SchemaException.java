package dev.mlops.core;

/**
 * A table or input does not have the shape the caller asked for: an unknown column name, a
 * column of another type than expected, or a schema that differs from the one required.
 */
public class SchemaException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the column or schema, what was found and what was expected
     */
    public SchemaException(String message) {
        super(message);
    }
}
