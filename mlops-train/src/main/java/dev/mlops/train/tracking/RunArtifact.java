package dev.mlops.train.tracking;

import dev.mlops.store.ArtifactRef;
import java.util.Objects;

/**
 * A file a run logged: its path within the run and the content-addressed blob that holds it.
 *
 * @param path the path within the run's artifacts (e.g. {@code model/model.tribuo}); a valid key
 * @param content the blob in the artifact store
 */
public record RunArtifact(String path, ArtifactRef content) {
    /**
     * Checks the fields.
     *
     * @param path the path within the run
     * @param content the blob
     * @throws IllegalArgumentException if the path is malformed
     */
    public RunArtifact {
        Keys.check("artifact", path);
        Objects.requireNonNull(content, "content");
    }
}
