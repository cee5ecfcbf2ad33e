package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.access.Principal;
import dev.mlops.core.json.Documents;
import dev.mlops.deploy.registry.ApprovalPolicy;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.RegisteredModel;
import dev.mlops.deploy.registry.Stage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mlops registry list [MODEL]}: the versions of every registered model (or one), by model
 * and number, with stage, author, registration time, format and number of approvals, as a table or
 * one JSON document with {@code --json}.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Lists the versions of every registered model, or of one: model, version, stage, author, "
                + "registration time, format and number of approvals.")
final class RegistryListCommand implements Callable<Integer> {
    static final String KIND = "registry-versions";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RegistryCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "Only this model's versions.")
    private @Nullable String model;

    @Option(names = "--stage", paramLabel = "STAGE", converter = StageConverter.class,
            description = "Only versions in this stage: candidate, staging, production or archived (repeat for "
                    + "several).")
    private List<Stage> stages = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    private boolean json;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    RegistryListCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Principal principal = who.principal();
        List<ModelVersion> versions = new ArrayList<>();
        String registryName;
        ApprovalPolicy approvals;
        try (RegistryOptions.Opened opened = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            ModelRegistry registry = opened.registry();
            registryName = registry.toString();
            approvals = registry.approvalPolicy();
            List<String> names = model != null ? List.of(model)
                    : registry.models(principal).stream().map(RegisteredModel::name).toList();
            for (String name : names) {
                registry.versions(principal, name).stream()
                        .filter(version -> stages.isEmpty() || stages.contains(version.stage()))
                        .forEach(versions::add);
            }
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
            ArrayNode array = document.putArray("versions");
            versions.forEach(version -> array.add(summary(version, approvals)));
            CommandSupport.printJson(out, document);
            return MlopsCommand.EXIT_OK;
        }
        if (versions.isEmpty()) {
            out.print("no " + (stages.isEmpty() ? "" : "matching ") + "versions" + (model == null ? "" : " of model '"
                    + model + "'") + " in " + registryName + "\n");
        } else {
            RunsText.Table table = new RunsText.Table("")
                    .row("MODEL", "VERSION", "STAGE", "AUTHOR", "REGISTERED", "FORMAT", "APPROVALS");
            // the approvals that count toward production under the registry's policy (not the author's own)
            for (ModelVersion version : versions) {
                table.row(version.model(), Integer.toString(version.version()), version.stage().label(),
                        version.author(), RunsText.time(version.createdAt()), version.format(),
                        Integer.toString(approvals.counted(version).size()));
            }
            out.print(table.render());
        }
        return MlopsCommand.EXIT_OK;
    }

    /**
     * @param version a version
     * @param policy the registry's approval policy
     * @return its summary as JSON: model, version, stage, author, time, format, hash, size, description,
     *     the number of approvals and the number that count toward production under the policy
     */
    static ObjectNode summary(ModelVersion version, ApprovalPolicy policy) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("model", version.model());
        node.put("version", version.version());
        node.put("stage", version.stage().label());
        node.put("author", version.author());
        node.put("registeredAt", version.createdAt().toString());
        node.put("format", version.format());
        node.put("sha256", version.sha256());
        node.put("size", version.size());
        node.put("description", version.description());
        node.put("approvals", version.approvals().size());
        node.put("approvalsCounted", policy.counted(version).size());
        return node;
    }

    /** Reads {@code --stage} and {@code --to}: a stage's label, in any case. */
    static final class StageConverter implements ITypeConverter<Stage> {
        @Override
        public Stage convert(String value) {
            try {
                return Stage.ofLabel(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
