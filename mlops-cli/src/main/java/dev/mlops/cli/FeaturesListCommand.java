package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.access.Principal;
import dev.mlops.core.json.Documents;
import dev.mlops.features.Feature;
import dev.mlops.features.FeatureGroup;
import dev.mlops.features.FeatureStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops features list}: the latest version of every feature group the principal may read,
 * by name, with its entity key, number of features and of sensitive ones, owner and TTL, as a
 * table or one JSON document with {@code --json}.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Lists the feature groups the principal may read, at their latest version: name, version, "
                + "entity key, number of features, number of sensitive features, owner and TTL.")
final class FeaturesListCommand implements Callable<Integer> {
    /** The kind of the JSON document: the groups' {@code feature-group} documents. */
    static final String KIND = "feature-groups";
    /** The version of its format. */
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable FeaturesCommand parent;

    @Option(names = "--json", description = "Print one JSON document, each group's feature-group document.")
    private boolean json;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private AccessOptions who = new AccessOptions();

    FeaturesListCommand() {
    }

    @Override
    public Integer call() {
        Principal principal = who.principal();
        List<FeatureGroup> groups;
        try (FeatureStore features = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            groups = features.groups(principal);
        }
        PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
        if (json) {
            ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
            ArrayNode array = document.putArray("groups");
            groups.forEach(group -> array.add(group.toDocument()));
            CommandSupport.printJson(out, document);
        } else if (groups.isEmpty()) {
            out.print("no feature groups that " + principal.name() + " may read\n");
        } else {
            RunsText.Table table = new RunsText.Table("")
                    .row("GROUP", "VERSION", "ENTITY KEY", "FEATURES", "SENSITIVE", "OWNER", "TTL");
            for (FeatureGroup group : groups) {
                long sensitive = group.features().stream().filter(Feature::sensitive).count();
                table.row(group.name(), Integer.toString(group.version()), group.entityKey(),
                        Integer.toString(group.features().size()), Long.toString(sensitive),
                        group.owner().isEmpty() ? RunsText.ABSENT : group.owner(),
                        group.ttl().map(FeaturesListCommand::age).orElse(RunsText.ABSENT));
            }
            out.print(table.render());
        }
        return MlopsCommand.EXIT_OK;
    }

    /**
     * @param age a TTL or retention
     * @return it in words a shell user reads: whole days as {@code 90d}, else ISO-8601 ({@code PT12H})
     */
    static String age(Duration age) {
        return age.toSeconds() % Duration.ofDays(1).toSeconds() == 0 && age.getNano() == 0 ? age.toDays() + "d"
                : age.toString();
    }
}
