package dev.mlops.deploy.registry;

import dev.mlops.store.CorruptArtifactException;

/**
 * A version's artifact no longer holds the content its recorded hash names: the file was modified
 * or truncated on disk. The message names the model, the version and the file; the cause is the
 * artifact store's {@link CorruptArtifactException}. Nothing is loaded from such an artifact.
 */
public class CorruptModelException extends RegistryException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the refusal.
     *
     * @param message the full, user-facing message naming model, version and file
     * @param cause the artifact store's finding
     */
    public CorruptModelException(String message, CorruptArtifactException cause) {
        super(message, cause);
    }
}
