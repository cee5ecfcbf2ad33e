package dev.mlops.cli;

import dev.mlops.core.access.Principal;
import dev.mlops.deploy.registry.ModelLineage;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Stage;
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
 * {@code mlops lineage MODEL[:VERSION]}: everything behind a model version in one report — its
 * artifact, lineage tags (build, commit, data fingerprint, split, run, inputs), the training run as
 * the tracking store holds it, the gate's verdict, approvals and transitions — as text or the
 * registry's JSON document ({@link ModelLineage}). A bare {@code MODEL} means its production version.
 */
@Command(
        name = "lineage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Works back from a model version to the data, code, build, run, checks and approvals behind it: its "
                    + "artifact, lineage tags, training run, gate verdict, approvals and stage transitions.",
            "The registry is the tracking store's (--store LOCATION, else " + StoreLocation.STORE_ENVIRONMENT
                    + ", else " + StoreLocation.DEFAULT_DIRECTORY + "; see 'mlops registry --help'). "
                    + RegistryOptions.WHO
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mlops lineage churn             # the production version",
            "  mlops lineage churn:3 --json"
        })
final class LineageCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Parameters(index = "0", paramLabel = "VERSION", converter = ModelReference.Converter.class,
            description = ModelReference.HELP + " (its production version).")
    private @Nullable ModelReference reference;

    @Option(names = "--json", description = "Print the " + ModelLineage.KIND + " JSON document instead of text.")
    private boolean json;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    LineageCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Principal principal = who.principal();
        ModelLineage lineage;
        try (RegistryOptions.Opened opened = RegistryCommand.open(Objects.requireNonNull(parent, "parent"), store, who,
                false)) {
            ModelRegistry registry = opened.registry();
            ModelVersion version = Objects.requireNonNull(reference, "reference").resolve(registry, principal,
                    Optional.of(Stage.PRODUCTION));
            lineage = registry.lineage(principal, version.model(), version.version());
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? lineage.toJson() + "\n" : lineage.toText());
        return MlopsCommand.EXIT_OK;
    }
}
