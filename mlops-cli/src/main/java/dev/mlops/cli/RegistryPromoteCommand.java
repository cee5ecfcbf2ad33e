package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.core.access.Principal;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.RegisteredModel;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import dev.mlops.deploy.registry.StageConflictException;
import dev.mlops.deploy.registry.Transition;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
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
 * {@code mlops registry promote VERSION --to staging|production --reason TEXT}: moves a version to
 * staging or production (the version in production, if any, moves to archived in the same
 * transaction). The move expects the version and the production slot where this command read them;
 * if another process moved either first, nothing changes and the command exits 1.
 */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Moves a version to staging or production, recording who, when and why; promoting to production "
                    + "archives the version that was there. Production needs the role "
                    + ModelRegistry.PIPELINE_ROLE + " under the default policy (--role " + ModelRegistry.PIPELINE_ROLE
                    + ") and the approvals of the registry's approval policy (by default one reviewer other than "
                    + "the author).",
            "Exit 1 when refused (policy, approvals, another process moved the version or the production slot "
                    + "first; nothing changed), 2 when the stages do not allow the move."
        })
final class RegistryPromoteCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RegistryCommand parent;

    @Parameters(index = "0", paramLabel = "VERSION", converter = ModelReference.Converter.class,
            description = ModelReference.HELP + " (its latest version).")
    private @Nullable ModelReference reference;

    @Option(names = "--to", required = true, paramLabel = "STAGE", converter = RegistryListCommand.StageConverter.class,
            description = "staging or production.")
    private Stage to = Stage.PRODUCTION;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, recorded with the move.")
    private String reason = "";

    @Option(names = "--expect-production", paramLabel = "VERSION|none",
            description = "With --to production: refuse (exit 1) unless this version (a number, or none) is in "
                    + "production when the move is made, so that of two jobs promoting at once exactly one wins "
                    + "(default: whatever this command reads just before).")
    private @Nullable String expectProduction;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    RegistryPromoteCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        if (to != Stage.STAGING && to != Stage.PRODUCTION) {
            throw CommandSupport.usage(commandSpec, "--to must be staging or production but was " + to.label()
                    + "; 'mlops registry archive' archives a version");
        }
        Optional<OptionalInt> expected = Optional.empty();
        if (expectProduction != null) {
            if (to != Stage.PRODUCTION) {
                throw CommandSupport.usage(commandSpec, "--expect-production applies to --to production only");
            }
            expected = Optional.of(expectedProduction(commandSpec, expectProduction));
        }
        move(Objects.requireNonNull(parent, "parent"), store, who, Objects.requireNonNull(reference, "reference"), to,
                expected, reason, commandSpec.commandLine().getOut());
        return MlopsCommand.EXIT_OK;
    }

    private static OptionalInt expectedProduction(CommandSpec commandSpec, String value) {
        if ("none".equalsIgnoreCase(value.strip())) {
            return OptionalInt.empty();
        }
        try {
            int version = Integer.parseInt(value.strip());
            if (version >= 1) {
                return OptionalInt.of(version);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CommandSupport.usage(commandSpec, "--expect-production must be a version number (from 1) or none but "
                + "was '" + value + "'");
    }

    /**
     * Moves a version to a stage, expecting it where it is now and the production slot where the
     * caller says (or, without a word from the caller, where it is now), and prints the recorded
     * transitions.
     *
     * @param group the registry command
     * @param store the store options
     * @param who the principal and policy options
     * @param reference the version
     * @param to the target stage
     * @param expected for a move to production, the version the caller expects in production (an
     *     empty {@code OptionalInt} for none); empty to expect what is there now
     * @param reason why
     * @param out where the transitions are printed
     * @throws MlopsException if the version is in the stage already
     * @throws StageConflictException if another process moved it first, naming the principal too
     */
    static void move(RegistryCommand group, StoreOptions store, RegistryOptions who, ModelReference reference,
            Stage to, Optional<OptionalInt> expected, String reason, PrintWriter out) {
        Principal principal = who.principal();
        List<Transition> moves;
        try (RegistryOptions.Opened opened = group.open(store, who, false)) {
            ModelRegistry registry = opened.registry();
            ModelVersion version = reference.resolve(registry, principal, Optional.empty());
            if (version.stage() == to) {
                throw new MlopsException(version + " is in " + to.label() + " already; nothing changed");
            }
            StageChange change;
            if (to == Stage.PRODUCTION) {
                OptionalInt current = expected.orElseGet(() -> registry.model(principal, version.model())
                        .map(RegisteredModel::productionVersion).orElse(OptionalInt.empty()));
                change = StageChange.toProduction(version.model(), version.version(), version.stage(), current,
                        reason);
            } else {
                change = StageChange.of(version.model(), version.version(), version.stage(), to, reason);
            }
            try {
                moves = registry.transition(principal, change);
            } catch (StageConflictException e) {
                throw new StageConflictException(e.getMessage() + " (principal " + principal.name() + ")");
            }
        }
        for (Transition move : moves) {
            out.print(move.model() + ":" + move.version() + " " + move.from().map(Stage::label).orElse("(registered)")
                    + " -> " + move.to().label() + " by " + move.principal()
                    + (move.reason().isEmpty() ? "" : ": " + move.reason()) + "\n");
        }
    }
}
