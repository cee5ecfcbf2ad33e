package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code mlops runs} finds the tracking store: a directory (a SQLite file {@value TrackingStore#DATABASE_FILE}
 * and the directory {@value TrackingStore#ARTIFACT_DIRECTORY} inside) or a JDBC URL with an artifact directory
 * beside it, and what named it, for messages.
 *
 * <p>The location is {@code --store}, else the environment variable {@value #STORE_ENVIRONMENT}, else the
 * directory {@value #DEFAULT_DIRECTORY} in the working directory. A JDBC URL needs {@code --artifacts}, else
 * {@value #ARTIFACTS_ENVIRONMENT}; a directory keeps its artifacts inside ({@code --artifacts} is refused,
 * {@value #ARTIFACTS_ENVIRONMENT} ignored). A store that does not exist is refused rather than created
 * empty when read, so that a mistyped location is an error, not an empty listing; a command that
 * records runs ({@code mlops train}) creates it.
 *
 * @param databaseUrl the database's JDBC URL
 * @param artifacts the artifact directory
 * @param source what named the location: {@code --store}, {@code MLOPS_STORE} or the default (no value,
 *     so that a password in a URL never reaches a message)
 * @param home where the model registry of the same store keeps its artifacts and audit log: the store
 *     directory, or a JDBC URL's artifact directory
 */
record StoreLocation(String databaseUrl, Path artifacts, String source, Path home) {
    /** The environment variable that names the store when {@code --store} is absent. */
    static final String STORE_ENVIRONMENT = "MLOPS_STORE";
    /** The environment variable that names the artifact directory of a JDBC URL when {@code --artifacts} is absent. */
    static final String ARTIFACTS_ENVIRONMENT = "MLOPS_ARTIFACTS";
    /** The store directory used when neither {@code --store} nor {@value #STORE_ENVIRONMENT} names one. */
    static final String DEFAULT_DIRECTORY = ".mlops";

    private static final String JDBC_PREFIX = "jdbc:";
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    StoreLocation {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(artifacts, "artifacts");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(home, "home");
    }

    /** What creates a store, for the message when a reading command finds none. */
    static final String CREATED_BY = "the first run logged (the tracking API, mlops train), model registered "
            + "(mlops registry register) or feature group defined (mlops features define) creates it";

    /**
     * Resolves the location from the options and the environment.
     *
     * @param storeOption {@code --store}, or null
     * @param artifactsOption {@code --artifacts}, or null
     * @param environment the environment variables
     * @return the location
     * @throws MlopsException if a JDBC URL has no artifact directory, a directory is given
     *     {@code --artifacts}, or the store does not exist
     */
    static StoreLocation resolve(@Nullable String storeOption, @Nullable Path artifactsOption,
            Map<String, String> environment) {
        return resolve(storeOption, artifactsOption, environment, false);
    }

    /**
     * Resolves the location from the options and the environment, for a command that records runs:
     * a store that does not exist yet is created when opened.
     *
     * @param storeOption {@code --store}, or null
     * @param artifactsOption {@code --artifacts}, or null
     * @param environment the environment variables
     * @return the location
     * @throws MlopsException if a JDBC URL has no artifact directory, or a directory is given {@code --artifacts}
     */
    static StoreLocation resolveForWriting(@Nullable String storeOption, @Nullable Path artifactsOption,
            Map<String, String> environment) {
        return resolve(storeOption, artifactsOption, environment, true);
    }

    private static StoreLocation resolve(@Nullable String storeOption, @Nullable Path artifactsOption,
            Map<String, String> environment, boolean create) {
        String variable = environment.get(STORE_ENVIRONMENT);
        String location;
        String source;
        if (storeOption != null) {
            location = storeOption;
            source = "--store";
        } else if (variable != null && !variable.isBlank()) {
            location = variable.strip();
            source = STORE_ENVIRONMENT;
        } else {
            location = DEFAULT_DIRECTORY;
            source = "the default in the working directory; --store or " + STORE_ENVIRONMENT + " names another";
        }
        if (!location.startsWith(JDBC_PREFIX)) {
            Path directory = Path.of(location);
            if (artifactsOption != null) {
                throw new MlopsException("--artifacts " + artifactsOption + " applies to a JDBC URL only; the store "
                        + "directory " + directory + " (" + source + ") keeps its files in "
                        + directory.resolve(TrackingStore.ARTIFACT_DIRECTORY));
            }
            Path file = directory.resolve(TrackingStore.DATABASE_FILE);
            if (!create && !Files.isRegularFile(file)) {
                throw new MlopsException("no store in " + directory + " (" + source + "): " + file
                        + " does not exist; " + CREATED_BY);
            }
            return new StoreLocation(SQLITE_PREFIX + file, directory.resolve(TrackingStore.ARTIFACT_DIRECTORY), source,
                    directory);
        }
        String artifactsVariable = environment.get(ARTIFACTS_ENVIRONMENT);
        Path artifacts;
        if (artifactsOption != null) {
            artifacts = artifactsOption;
        } else if (artifactsVariable != null && !artifactsVariable.isBlank()) {
            artifacts = Path.of(artifactsVariable.strip());
        } else {
            throw new MlopsException("the JDBC URL of " + source + " needs an artifact directory for the runs' "
                    + "files: give --artifacts DIR or set " + ARTIFACTS_ENVIRONMENT);
        }
        Optional<Path> file = sqliteFile(location);
        if (!create && file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new MlopsException("no store at the SQLite file " + file.get() + " (" + source
                    + "): it does not exist; " + CREATED_BY);
        }
        return new StoreLocation(location, artifacts, source, artifacts);
    }

    /** @return the store, opened on the location */
    TrackingStore open() {
        return TrackingStore.open(databaseUrl, artifacts, Clock.systemUTC());
    }

    /** @return the SQLite file a URL names, or empty in memory */
    private static Optional<Path> sqliteFile(String url) {
        if (!url.startsWith(SQLITE_PREFIX)) {
            return Optional.empty();
        }
        String target = url.substring(SQLITE_PREFIX.length());
        return target.isEmpty() || target.startsWith(":") || target.startsWith("file:") ? Optional.empty()
                : Optional.of(Path.of(target));
    }
}
