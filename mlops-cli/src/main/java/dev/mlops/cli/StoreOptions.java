package dev.mlops.cli;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options that name the tracking store, shared as a picocli mixin by the commands that read
 * or record runs outside {@code mlops runs} ({@code train}, {@code explain}): {@code --store} and
 * {@code --artifacts}, resolved as {@link StoreLocation} resolves them.
 */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "LOCATION",
            description = "The tracking store: a directory (default " + StoreLocation.DEFAULT_DIRECTORY + ", or "
                    + StoreLocation.STORE_ENVIRONMENT + ") or a JDBC URL.")
    private @Nullable String store;

    @Option(names = "--artifacts", paramLabel = "DIR",
            description = "The artifact directory of a JDBC URL store (default " + StoreLocation.ARTIFACTS_ENVIRONMENT
                    + ").")
    private @Nullable Path artifacts;

    /**
     * @param environment the environment variables
     * @return the location of a store that must exist
     */
    StoreLocation forReading(Map<String, String> environment) {
        return StoreLocation.resolve(store, artifacts, environment);
    }

    /**
     * @param environment the environment variables
     * @return the location of a store that is created if missing
     */
    StoreLocation forWriting(Map<String, String> environment) {
        return StoreLocation.resolveForWriting(store, artifacts, environment);
    }
}
