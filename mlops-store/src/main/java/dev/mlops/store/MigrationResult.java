package dev.mlops.store;

import java.util.Objects;

/**
 * What {@link Database#migrate} did for one owner.
 *
 * @param owner the owning module
 * @param applied how many migrations this call applied (0 when the schema was current)
 * @param version the owner's schema version afterwards
 */
public record MigrationResult(String owner, int applied, String version) {
    /**
     * Checks the fields.
     *
     * @param owner the owning module
     * @param applied how many migrations this call applied, not negative
     * @param version the schema version afterwards
     * @throws IllegalArgumentException if {@code applied} is negative
     */
    public MigrationResult {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(version, "version");
        if (applied < 0) {
            throw new IllegalArgumentException("applied must not be negative but was " + applied);
        }
    }
}
