package dev.mlops.deploy.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A registered model: a name whose versions are numbered 1, 2, 3, ... in the order registered.
 *
 * @param name the model's name
 * @param createdAt when its first version was registered
 * @param latestVersion the highest version number
 * @param productionVersion the version in {@link Stage#PRODUCTION}, if any
 */
public record RegisteredModel(String name, Instant createdAt, int latestVersion, OptionalInt productionVersion) {
    /**
     * Checks the parts.
     *
     * @param name the name
     * @param createdAt when it was created
     * @param latestVersion the highest version, at least 1
     * @param productionVersion the production version, if any
     */
    public RegisteredModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(productionVersion, "productionVersion");
        if (latestVersion < 1) {
            throw new IllegalArgumentException("latestVersion must be at least 1 but was " + latestVersion);
        }
    }
}
