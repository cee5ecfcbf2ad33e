package dev.mlops.features;

import dev.mlops.core.MlopsException;

/**
 * A feature-store call that cannot be done as asked: an unknown group or feature, a file of a
 * format the store does not ingest, a join whose rows lack a column it needs. The message names
 * the group, the feature or column, and what was expected.
 */
public class FeatureStoreException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public FeatureStoreException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public FeatureStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
