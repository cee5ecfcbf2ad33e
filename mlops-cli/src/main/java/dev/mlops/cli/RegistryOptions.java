package dev.mlops.cli;

import dev.mlops.core.access.Policy;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.train.tracking.TrackingStore;

/**
 * Who acts on the model registry and under which policy ({@link AccessOptions}), shared as a picocli
 * mixin by {@code mlops registry ...} and {@code mlops lineage}: {@code --principal} (default: the
 * operating-system user), {@code --role} and {@code --group} (the principal's roles and groups,
 * which the registry's access policy grants or denies by), and {@code --policy FILE} (an
 * {@code access-policy} document; default {@link ModelRegistry#defaultPolicy()}, under which only
 * the role {@value ModelRegistry#PIPELINE_ROLE} moves versions in or out of production).
 *
 * <p>The registry lives in the tracking store's location, so that a version's training run is one
 * join away: the same database, its artifacts in {@value ModelRegistry#ARTIFACT_DIRECTORY} and
 * its audit log {@value ModelRegistry#AUDIT_FILE} in the store directory (for a JDBC URL, in the
 * artifact directory).
 */
final class RegistryOptions extends AccessOptions {
    /** What the help of every registry command says about principals and policies. */
    static final String WHO = "Changes are made as --principal NAME (default: the operating-system user) with the "
            + "roles of --role and the groups of --group, under the access policy of --policy FILE (default: anyone "
            + "reads, registers, approves, stages and archives; only the role " + ModelRegistry.PIPELINE_ROLE
            + " moves a version in or out of production). A principal is a claim, not a proof.";

    /**
     * Opens the registry in a store's location, with the tracking store for lineage.
     *
     * @param location the store's location
     * @param formats where model formats are found (with the plugins)
     * @return the open registry and tracking store, for the caller to close
     * @throws dev.mlops.core.MlopsException if the policy file cannot be read
     */
    Opened open(StoreLocation location, ComponentRegistry formats) {
        Policy rules = policy(ModelRegistry.defaultPolicy());
        TrackingStore tracking = location.open();
        try {
            ModelRegistry registry = ModelRegistry.builder(location.home()).database(location.databaseUrl())
                    .formats(formats).policy(rules).tracking(tracking).open();
            return new Opened(registry, tracking);
        } catch (RuntimeException e) {
            tracking.close();
            throw e;
        }
    }

    /**
     * An open registry and the tracking store it reads runs from.
     *
     * @param registry the registry
     * @param tracking the tracking store in the same location
     */
    record Opened(ModelRegistry registry, TrackingStore tracking) implements AutoCloseable {
        /** Closes the registry, then the tracking store. */
        @Override
        public void close() {
            try {
                registry.close();
            } finally {
                tracking.close();
            }
        }
    }
}
