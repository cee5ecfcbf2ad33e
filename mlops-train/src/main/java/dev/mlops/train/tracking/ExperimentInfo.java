package dev.mlops.train.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * An experiment: a named group of runs that try to solve one problem.
 *
 * @param id the store's id for it
 * @param name its unique name
 * @param createdAt when it was created
 */
public record ExperimentInfo(String id, String name, Instant createdAt) {
    /**
     * Checks the fields.
     *
     * @param id the store's id
     * @param name the unique name
     * @param createdAt when it was created
     */
    public ExperimentInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
