package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code mlops runs}: the tracking store from a shell — list, show, compare, export and delete runs,
 * collect unreferenced artifacts and apply a retention policy. The group holds the store's location
 * ({@code --store}, {@code --artifacts}; see {@link StoreLocation}), which its subcommands share, and
 * resolves a run id from a unique prefix as git does.
 */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Lists, shows, compares, exports and deletes the runs of the tracking store.",
            "The store is --store LOCATION, else the environment variable " + StoreLocation.STORE_ENVIRONMENT
                    + ", else the directory " + StoreLocation.DEFAULT_DIRECTORY + " in the working directory. A "
                    + "directory holds the SQLite file " + TrackingStore.DATABASE_FILE + " and the artifact directory "
                    + TrackingStore.ARTIFACT_DIRECTORY + "; a JDBC URL (jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB) "
                    + "needs --artifacts DIR, else " + StoreLocation.ARTIFACTS_ENVIRONMENT + ". A store that does not "
                    + "exist is an error, never created.",
            "A run is named by its id or a unique prefix of at least " + RunsCommand.MIN_PREFIX + " characters."
        },
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsCompareCommand.class,
            RunsExportCommand.class, RunsDeleteCommand.class, RunsGcCommand.class, RunsRetainCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mlops runs list --experiment credit --order-by=-val_auc --limit 10",
            "  mlops runs show 3f9a2c",
            "  mlops runs compare 3f9a2c 81b0e4",
            "  mlops runs export --experiment credit --to mlruns",
            "  mlops runs retain --keep-last 50 --younger-than 90d"
        })
final class RunsCommand implements Callable<Integer> {
    /** The most candidates an ambiguous prefix lists. */
    static final int AMBIGUOUS_SHOWN = 10;

    /** The shortest run id prefix accepted. */
    static final int MIN_PREFIX = 6;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Option(names = "--store", paramLabel = "LOCATION", scope = ScopeType.INHERIT,
            description = "The store: a directory (default " + StoreLocation.DEFAULT_DIRECTORY + ", or "
                    + StoreLocation.STORE_ENVIRONMENT + ") or a JDBC URL.")
    private @Nullable String store;

    @Option(names = "--artifacts", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The artifact directory of a JDBC URL store (default "
                    + StoreLocation.ARTIFACTS_ENVIRONMENT + ").")
    private @Nullable Path artifacts;

    RunsCommand() {
    }

    /**
     * Without a subcommand there is nothing to do: reports the usage error.
     *
     * @return never returns normally
     * @throws ParameterException always
     */
    @Override
    public Integer call() {
        throw CommandSupport.usage(Objects.requireNonNull(spec, "spec"), "Missing required subcommand");
    }

    /**
     * Opens the store that the options or the environment name.
     *
     * @return the open store, for the caller to close
     * @throws MlopsException if the location is incomplete or names no store
     */
    TrackingStore open() {
        return StoreLocation.resolve(store, artifacts, Objects.requireNonNull(parent, "parent").environment()).open();
    }

    /**
     * Finds a run by its id or a unique prefix of it (at least {@value #MIN_PREFIX} characters).
     *
     * @param tracking the store
     * @param idOrPrefix what the user typed
     * @return the run
     * @throws MlopsException if no run or several runs match, or the prefix is too short
     */
    static RunRecord resolve(TrackingStore tracking, String idOrPrefix) {
        String wanted = idOrPrefix.strip().toLowerCase(Locale.ROOT);
        Optional<RunRecord> exact = tracking.run(wanted);
        if (exact.isPresent()) {
            return exact.get();
        }
        if (wanted.length() < MIN_PREFIX || !HEX.matcher(wanted).matches()) {
            throw new MlopsException("no run '" + idOrPrefix + "' in " + tracking + ": give a run's id or a prefix of "
                    + "at least " + MIN_PREFIX + " of its hex digits");
        }
        List<RunRecord> matching = tracking.runIdsStartingWith(wanted, AMBIGUOUS_SHOWN).stream()
                .map(tracking::require).toList();
        if (matching.isEmpty()) {
            throw new MlopsException("no run with an id starting '" + idOrPrefix + "' in " + tracking);
        }
        if (matching.size() > 1) {
            StringBuilder message = new StringBuilder("run id prefix '").append(idOrPrefix).append("' is ambiguous: ")
                    .append(matching.size() < AMBIGUOUS_SHOWN ? String.valueOf(matching.size()) : "at least " + AMBIGUOUS_SHOWN)
                    .append(" runs match; give more characters:");
            for (RunRecord run : matching) {
                message.append("\n  ").append(run.id()).append("  ").append(RunsText.about(run.info()));
            }
            throw new MlopsException(message.toString());
        }
        return matching.get(0);
    }
}
