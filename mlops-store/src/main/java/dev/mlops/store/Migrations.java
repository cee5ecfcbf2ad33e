package dev.mlops.store;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The schema of one owning module: Flyway SQL migrations ({@code V1__create_runs.sql},
 * {@code V2__...}) in a class-path directory, applied by {@link Database#migrate} with a history
 * table of the owner's own ({@code mlops_schema_history_<owner>}), so that tracking, monitoring,
 * the registry and the feature store each evolve their tables in one database without seeing
 * each other's versions.
 *
 * <p>Scripts use {@link Dialect}'s placeholders ({@code ${blob}}, {@code ${double}},
 * {@code ${bigint}}) for the types that differ between SQLite and PostgreSQL, and prefix their
 * tables with the owner's name to keep owners apart.
 *
 * <p>Immutable.
 */
public final class Migrations {
    private static final Pattern OWNER = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final String owner;
    private final String location;
    private final ClassLoader classLoader;
    private final @Nullable String target;

    private Migrations(String owner, String location, ClassLoader classLoader, @Nullable String target) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(classLoader, "classLoader");
        if (!OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("owner must be lower-case letters, digits and _, starting with a "
                    + "letter, at most 40 characters, but was '" + owner + "'");
        }
        if (location.isBlank() || location.startsWith("classpath:") || location.startsWith("/")) {
            throw new IllegalArgumentException("location must be a class-path directory such as "
                    + "'dev/mlops/train/migrations' (no 'classpath:' and no leading '/') but was '" + location + "'");
        }
        if (target != null && !VERSION.matcher(target).matches()) {
            throw new IllegalArgumentException("target must be a version such as '2' or '1.1' but was '" + target + "'");
        }
        this.owner = owner;
        this.location = location;
        this.classLoader = classLoader;
        this.target = target;
    }

    /**
     * All migrations of an owner.
     *
     * @param owner the owning module's short name: lower-case letters, digits and {@code _},
     *     starting with a letter, at most 40 characters (e.g. {@code train})
     * @param location the class-path directory of the scripts, without {@code classpath:}
     *     (e.g. {@code dev/mlops/train/migrations})
     * @param classLoader the class loader that sees the scripts (the owning module's)
     * @return the migrations, applied up to the newest
     * @throws IllegalArgumentException if the owner or location is malformed
     */
    public static Migrations of(String owner, String location, ClassLoader classLoader) {
        return new Migrations(owner, location, classLoader, null);
    }

    /**
     * The same migrations applied only up to a version, as an older release of the owner would.
     *
     * @param version the last version to apply, such as {@code 2} or {@code 1.1}
     * @return migrations stopping at {@code version}
     * @throws IllegalArgumentException if the version is malformed
     */
    public Migrations upTo(String version) {
        return new Migrations(owner, location, classLoader, version);
    }

    /** @return the owning module's short name */
    public String owner() {
        return owner;
    }

    /** @return the class-path directory of the scripts */
    public String location() {
        return location;
    }

    /** @return the class loader that sees the scripts */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** @return the last version to apply, or empty for all */
    public Optional<String> targetVersion() {
        return Optional.ofNullable(target);
    }

    /** @return the owner's schema history table */
    public String historyTable() {
        return "mlops_schema_history_" + owner;
    }

    @Override
    public String toString() {
        return "Migrations[owner=" + owner + ", location=" + location + (target == null ? "" : ", upTo=" + target) + "]";
    }
}
