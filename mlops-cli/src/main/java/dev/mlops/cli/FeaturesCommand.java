package dev.mlops.cli;

import dev.mlops.features.FeatureStore;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops features}: the feature store from a shell — list and describe groups, define one
 * from a JSON document, ingest a CSV or JSON Lines file, read values online or as of a time, join
 * features to entity rows at their prediction times, export history. The store lives in the
 * tracking store's location ({@code --store}, {@code --artifacts}; see {@link StoreLocation});
 * every call is made as the principal of {@link AccessOptions} and checked by the store's policy.
 */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Lists, describes and defines feature groups, ingests records, reads values online or as of a time, "
                    + "joins features to entity rows at their prediction times and exports history.",
            "The feature store lives in the tracking store's location (--store LOCATION, else "
                    + StoreLocation.STORE_ENVIRONMENT + ", else " + StoreLocation.DEFAULT_DIRECTORY + "): the same "
                    + "database (a directory's SQLite file, or a JDBC URL with --artifacts DIR) and its audit log "
                    + FeatureStore.AUDIT_FILE + " in the store directory (for a JDBC URL, in the --artifacts directory). Only define creates "
                    + "a store that does not exist.",
            FeaturesCommand.WHO,
            "Times are ISO-8601 instants (2026-12-01T08:30:00Z) or dates (2026-12-01, midnight UTC).",
            "Exit 1 when the policy refuses a read or write (one line names principal and feature) or when "
                    + "ingest refused some records (the others are written). Exit 2 for bad input: an unknown "
                    + "group or feature, a malformed time or document, a missing file, an incompatible new "
                    + "version of a group."
        },
        subcommands = {FeaturesListCommand.class, FeaturesDescribeCommand.class, FeaturesDefineCommand.class,
            FeaturesIngestCommand.class, FeaturesGetCommand.class, FeaturesJoinCommand.class,
            FeaturesExportCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mlops features define customer.json --role " + FeatureStore.WRITER_ROLE,
            "  mlops features ingest customer customer.csv --role " + FeatureStore.WRITER_ROLE,
            "  mlops features get customer:age,tenure --entity c-17 --entity c-18",
            "  mlops features get customer --as-of 2026-11-30 --known-at 2026-12-01T06:00:00Z --csv",
            "  mlops features join applications.csv --prediction-time applied_at --features customer:age,tenure "
                    + "--output training.csv --lineage lineage.json"
        })
final class FeaturesCommand implements Callable<Integer> {
    /**
     * The action {@link FeatureStore#READ_SENSITIVE} names, as a constant for the help texts (a test
     * checks they agree).
     */
    static final String READ_SENSITIVE = "features.read-sensitive";
    /** What the help of the feature commands says about principals and policies. */
    static final String WHO = "Every call is made as --principal NAME (default: the operating-system user) with the "
            + "roles of --role and the groups of --group, under the access policy of --policy FILE (default: anyone "
            + "reads features not marked sensitive; the role " + FeatureStore.WRITER_ROLE + " defines groups and "
            + "ingests; nobody reads a sensitive feature until a rule allows " + READ_SENSITIVE
            + "). A principal is a claim, not a proof.";

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    FeaturesCommand() {
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

    /** @return the {@code mlops} command, with the environment and the plugins' formats */
    MlopsCommand root() {
        return Objects.requireNonNull(parent, "parent");
    }

    /**
     * Opens the feature store of the location that the options or the environment name.
     *
     * @param store the store options
     * @param who the principal and policy options
     * @param create true to create a store that does not exist (defining), false to refuse it
     * @return the open store, for the caller to close
     * @throws dev.mlops.core.MlopsException if the store does not exist or the policy file cannot be read
     */
    FeatureStore open(StoreOptions store, AccessOptions who, boolean create) {
        MlopsCommand root = root();
        StoreLocation location = create ? store.forWriting(root.environment()) : store.forReading(root.environment());
        return FeatureStore.builder(location.home()).database(location.databaseUrl())
                .policy(who.policy(FeatureStore.defaultPolicy())).open();
    }
}
