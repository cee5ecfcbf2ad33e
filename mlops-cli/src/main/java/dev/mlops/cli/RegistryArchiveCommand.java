package dev.mlops.cli;

import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.Stage;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops registry archive VERSION --reason TEXT}: retires a version (kept for lineage and
 * rollback). Archiving the production version needs what leaving production needs (under the
 * default policy the role {@value ModelRegistry#PIPELINE_ROLE}).
 */
@Command(
        name = "archive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Archives a version, recording who, when and why; it stays for lineage and rollback. "
                + "Archiving the production version needs the role " + ModelRegistry.PIPELINE_ROLE
                + " under the default policy. Exit 1 when refused, 2 when the version is archived already.")
final class RegistryArchiveCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RegistryCommand parent;

    @Parameters(index = "0", paramLabel = "VERSION", converter = ModelReference.Converter.class,
            description = ModelReference.HELP + " (its latest version).")
    private @Nullable ModelReference reference;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, recorded with the move.")
    private String reason = "";

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    RegistryArchiveCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        RegistryPromoteCommand.move(Objects.requireNonNull(parent, "parent"), store, who,
                Objects.requireNonNull(reference, "reference"), Stage.ARCHIVED, Optional.empty(), reason,
                commandSpec.commandLine().getOut());
        return MlopsCommand.EXIT_OK;
    }
}
