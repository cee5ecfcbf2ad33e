package dev.mlops.deploy.registry;

/**
 * A stage change lost a race: the version (or the model's production slot) was no longer where the
 * change expected it, because another process or thread moved it first. Optimistic concurrency's
 * refusal, like {@link java.util.ConcurrentModificationException}: nothing was changed; read the
 * version again and decide anew. The message names the model, the version, the stage expected
 * and the stage found.
 */
public class StageConflictException extends RegistryException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the refusal.
     *
     * @param message the full, user-facing message naming version, expected and found stage
     */
    public StageConflictException(String message) {
        super(message);
    }
}
