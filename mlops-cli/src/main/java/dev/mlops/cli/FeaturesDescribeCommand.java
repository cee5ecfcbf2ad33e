package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.access.Principal;
import dev.mlops.features.Feature;
import dev.mlops.features.FeatureGroup;
import dev.mlops.features.FeatureStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
 * {@code mlops features describe GROUP [--version N]}: one version of a group (the latest by
 * default) with every feature's type, sensitivity, description and tags, and the versions the
 * group has; with {@code --json}, its {@code feature-group} document (which {@code define} reads
 * back) with the list of versions.
 */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Describes a feature group: entity key, event-time column, owner, TTL, retention, every "
                + "feature with its type, sensitivity, description and tags, and the group's versions. --json prints "
                + "its feature-group document, which 'mlops features define' reads back.")
final class FeaturesDescribeCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable FeaturesCommand parent;

    @Parameters(index = "0", paramLabel = "GROUP", description = "The feature group.")
    private String group = "";

    @Option(names = "--version", paramLabel = "N", description = "This version of the group's schema (default: the latest).")
    private @Nullable Integer version;

    @Option(names = "--json", description = "Print the version's feature-group document, with the list of versions.")
    private boolean json;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private AccessOptions who = new AccessOptions();

    FeaturesDescribeCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec command = Objects.requireNonNull(spec, "spec");
        Principal principal = who.principal();
        List<FeatureGroup> versions;
        try (FeatureStore features = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            versions = features.versions(principal, group);
        }
        FeatureGroup shown = versions.get(versions.size() - 1);
        if (version != null) {
            shown = versions.stream().filter(candidate -> candidate.version() == version).findFirst()
                    .orElseThrow(() -> CommandSupport.usage(command, "feature group '" + group + "' has no version "
                            + version + "; its versions are 1 to " + versions.size()));
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            ObjectNode document = shown.toDocument();
            ArrayNode numbers = document.putArray("versions");
            versions.forEach(each -> numbers.add(each.version()));
            CommandSupport.printJson(out, document);
            return MlopsCommand.EXIT_OK;
        }
        out.print(text(shown, versions));
        return MlopsCommand.EXIT_OK;
    }

    private static String text(FeatureGroup group, List<FeatureGroup> versions) {
        StringBuilder text = new StringBuilder();
        text.append("feature group ").append(group.name()).append(" version ").append(group.version())
                .append(" of ").append(versions.size()).append('\n');
        line(text, "entity key", group.entityKey());
        line(text, "event time", group.eventTime());
        line(text, "owner", group.owner());
        line(text, "description", group.description());
        line(text, "tags", String.join(", ", group.tags()));
        line(text, "ttl", group.ttl().map(FeaturesListCommand::age).orElse(RunsText.ABSENT));
        line(text, "retention", group.retention().map(FeaturesListCommand::age).orElse(RunsText.ABSENT));
        RunsText.Table table = new RunsText.Table("  ").row("FEATURE", "TYPE", "SENSITIVE", "DESCRIPTION", "TAGS");
        for (Feature feature : group.features()) {
            table.row(feature.name(), feature.type().name().toLowerCase(Locale.ROOT),
                    feature.sensitive() ? "yes" : "no", orAbsent(feature.description()),
                    orAbsent(String.join(",", feature.tags())));
        }
        text.append("features:\n").append(table.render());
        text.append("versions:\n");
        for (FeatureGroup each : versions) {
            text.append("  ").append(each.version()).append(": ").append(each.features().size()).append(" features\n");
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(label).append(": ").append(orAbsent(value)).append('\n');
    }

    private static String orAbsent(String value) {
        return value.isEmpty() ? RunsText.ABSENT : value;
    }
}
