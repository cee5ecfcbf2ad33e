package dev.mlops.cli;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.train.tracking.TrackingStore;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops registry}: the model registry from a shell — list and show versions, register a
 * model file, approve a version, promote it to staging or production, archive it. The registry
 * lives in the tracking store's location ({@code --store}, {@code --artifacts}; see
 * {@link StoreLocation}); who acts is {@link RegistryOptions}' business.
 */
@Command(
        name = "registry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Lists, shows, registers, approves, promotes and archives the versions of registered models.",
            "The registry lives in the tracking store's location (--store LOCATION, else "
                    + StoreLocation.STORE_ENVIRONMENT + ", else " + StoreLocation.DEFAULT_DIRECTORY + "): the same "
                    + "database file " + TrackingStore.DATABASE_FILE + " (or JDBC URL), the models' files in "
                    + ModelRegistry.ARTIFACT_DIRECTORY + " and the audit log " + ModelRegistry.AUDIT_FILE
                    + " in the store directory (for a JDBC URL, in the --artifacts directory). Only register creates "
                    + "a store that does not exist.",
            ModelReference.HELP + " (its latest version).",
            RegistryOptions.WHO,
            "Exit 1 when the registry refuses a change (the policy denies it, approvals are missing, another "
                    + "process moved the version first): one line names principal, action and version. Exit 2 for "
                    + "bad input: an unknown model or version, a version already in the stage, a file its format "
                    + "cannot read."
        },
        subcommands = {RegistryListCommand.class, RegistryShowCommand.class, RegistryRegisterCommand.class,
            RegistryApproveCommand.class, RegistryPromoteCommand.class, RegistryArchiveCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  mlops registry register churn build/model.bin --run 3f9a2c --build ci-1234",
            "  mlops registry approve churn:3 --principal bob --comment 'reviewed the slices'",
            "  mlops registry promote churn:3 --to production --role pipeline --reason 'gate passed'",
            "  mlops registry list churn",
            "  mlops lineage churn"
        })
final class RegistryCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    RegistryCommand() {
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

    /** @return the model formats (and every other component type) of this run, with the plugins' */
    ComponentRegistry formats() {
        return Objects.requireNonNull(parent, "parent").registry();
    }

    /**
     * Opens the registry of the store that the options or the environment name.
     *
     * @param store the store options
     * @param who the principal and policy options
     * @param create true to create a store that does not exist (registering), false to refuse it
     * @return the open registry, for the caller to close
     */
    RegistryOptions.Opened open(StoreOptions store, RegistryOptions who, boolean create) {
        return open(Objects.requireNonNull(parent, "parent"), store, who, create);
    }

    /**
     * Opens the registry of the store that the options or the environment name.
     *
     * @param root the {@code mlops} command, with the environment and the plugins' formats
     * @param store the store options
     * @param who the principal and policy options
     * @param create true to create a store that does not exist, false to refuse it
     * @return the open registry, for the caller to close
     */
    static RegistryOptions.Opened open(MlopsCommand root, StoreOptions store, RegistryOptions who, boolean create) {
        StoreLocation location = create ? store.forWriting(root.environment()) : store.forReading(root.environment());
        return who.open(location, root.registry());
    }
}
