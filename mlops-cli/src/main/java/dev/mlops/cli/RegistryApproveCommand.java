package dev.mlops.cli;

import dev.mlops.core.access.Principal;
import dev.mlops.deploy.registry.Approval;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import java.io.PrintWriter;
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
 * {@code mlops registry approve VERSION --comment TEXT}: records the principal's approval of a
 * version and says how many approvals now count under the registry's approval policy (by default
 * one reviewer other than the author is needed before production; the author's own approval is
 * recorded but does not count).
 */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Approves a version as the principal, with a comment, and says how many approvals count "
                + "toward production (by default one reviewer other than the author; the author's own approval is "
                + "recorded but does not count).")
final class RegistryApproveCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RegistryCommand parent;

    @Parameters(index = "0", paramLabel = "VERSION", converter = ModelReference.Converter.class,
            description = ModelReference.HELP + " (its latest version).")
    private @Nullable ModelReference reference;

    @Option(names = "--comment", paramLabel = "TEXT", description = "The reviewer's comment.")
    private String comment = "";

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    RegistryApproveCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Principal principal = who.principal();
        String line;
        try (RegistryOptions.Opened opened = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            ModelRegistry registry = opened.registry();
            ModelVersion version = Objects.requireNonNull(reference, "reference").resolve(registry, principal,
                    Optional.empty());
            Approval approval = registry.approve(principal, version.model(), version.version(), comment);
            ModelVersion approved = registry.require(principal, version.model(), version.version());
            int counted = registry.approvalPolicy().counted(approved).size();
            line = approval.principal() + " approved " + approved + (approval.byAuthor() ? ", its author" : "")
                    + "; " + counted + (counted == 1 ? " approval counts (" : " approvals count (")
                    + registry.approvalPolicy() + ")";
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(line + "\n");
        return MlopsCommand.EXIT_OK;
    }
}
