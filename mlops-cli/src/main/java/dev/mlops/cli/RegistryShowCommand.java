package dev.mlops.cli;

import dev.mlops.core.access.Principal;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.deploy.registry.Approval;
import dev.mlops.deploy.registry.ApprovalPolicy;
import dev.mlops.deploy.registry.LineageTags;
import dev.mlops.deploy.registry.ModelLineage;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.Transition;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops registry show VERSION}: one version in full — format, artifact, author, the stages
 * it may move to, lineage tags, provenance, metrics, the gate's verdict, approvals (which count
 * under the registry's approval policy) and transitions — as text, or with {@code --json} the
 * registry's lineage document ({@link ModelLineage#toJson()}, as {@code mlops lineage --json}).
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Shows a version in full: format, artifact hash and size, author, the stages it may move to, "
                + "lineage tags, provenance, metrics, the gate's verdict, approvals (and which count) and every "
                + "stage transition.")
final class RegistryShowCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RegistryCommand parent;

    @Parameters(index = "0", paramLabel = "VERSION", converter = ModelReference.Converter.class,
            description = ModelReference.HELP + " (its latest version).")
    private @Nullable ModelReference reference;

    @Option(names = "--json", description = "Print the version's lineage document (as 'mlops lineage --json').")
    private boolean json;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    RegistryShowCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Principal principal = who.principal();
        ModelLineage lineage;
        ApprovalPolicy approvals;
        try (RegistryOptions.Opened opened = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            ModelRegistry registry = opened.registry();
            ModelVersion version = Objects.requireNonNull(reference, "reference").resolve(registry, principal,
                    Optional.empty());
            lineage = registry.lineage(principal, version.model(), version.version());
            approvals = registry.approvalPolicy();
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? lineage.toJson() + "\n" : text(lineage, approvals));
        return MlopsCommand.EXIT_OK;
    }

    private static String text(ModelLineage lineage, ApprovalPolicy policy) {
        ModelVersion version = lineage.version();
        StringBuilder text = new StringBuilder("model ").append(version).append(" (").append(version.stage().label())
                .append(")\n");
        text.append(new RunsText.Table("  ")
                .row("format", version.format())
                .row("artifact", "sha256:" + version.sha256() + ", " + version.size() + " bytes")
                .row("author", version.author())
                .row("registered", RunsText.time(version.createdAt()))
                .row("description", version.description().isEmpty() ? RunsText.ABSENT : version.description())
                .row("may move to", version.stage().next().stream().map(Stage::label)
                        .collect(Collectors.joining(", ")))
                .render());
        LineageTags tags = version.lineage();
        text.append("lineage\n").append(new RunsText.Table("  ")
                .row("build", tags.buildId().orElse(RunsText.ABSENT))
                .row("commit", tags.commit().orElse(RunsText.ABSENT))
                .row("data", tags.dataFingerprint().map(Object::toString).orElse(RunsText.ABSENT))
                .row("run", tags.runId().orElse(RunsText.ABSENT))
                .row("split", tags.split().orElse(RunsText.ABSENT)
                        + tags.splitFingerprint().map(held -> " (held out: " + held + ")").orElse(""))
                .render());
        for (LineageInput input : tags.inputs()) {
            text.append("  input        ").append(input).append('\n');
        }
        RunsShowCommand.section(text, "provenance", version.provenance());
        Map<String, String> metrics = new TreeMap<>();
        version.metrics().forEach((name, value) -> metrics.put(name, RunsText.number(value)));
        RunsShowCommand.section(text, "metrics", metrics);
        lineage.gate().ifPresentOrElse(gate -> {
            text.append("gate ").append(gate.passed() ? "passed" : "FAILED").append(" against ")
                    .append(gate.referenceRole()).append(" '").append(gate.reference()).append("' on ")
                    .append(gate.validation()).append('\n');
            gate.rules().forEach(rule -> text.append("  rule    ").append(rule).append('\n'));
            gate.failures().forEach(failure -> text.append("  failed  ").append(failure).append('\n'));
        }, () -> text.append("gate: none registered\n"));
        List<Approval> counted = policy.counted(version);
        text.append("approvals: ").append(counted.size()).append(" counted (").append(policy).append(')');
        if (version.approvals().isEmpty()) {
            text.append('\n');
        } else {
            RunsText.Table table = new RunsText.Table("  ");
            for (Approval approval : version.approvals()) {
                table.row(RunsText.time(approval.at()), approval.principal(), counted.contains(approval) ? "counts"
                        : approval.byAuthor() ? "the author's own" : "not counted", approval.comment());
            }
            text.append('\n').append(table.render());
        }
        text.append("transitions\n");
        RunsText.Table moves = new RunsText.Table("  ");
        for (Transition move : lineage.transitions()) {
            moves.row(RunsText.time(move.at()), move.principal(), move.from().map(Stage::label).orElse("(registered)")
                    + " -> " + move.to().label(), move.reason());
        }
        return text.append(moves.render()).toString();
    }
}
