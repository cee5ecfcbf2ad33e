package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.access.Principal;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@code mlops features get GROUP[:F,...]}: the latest values of the entities given with
 * {@code --entity} (online, from memory), or with {@code --as-of TIME [--known-at TIME]} the
 * values of every entity (or of those given) as of an event time, as the store knew them then or
 * at an earlier write time.
 */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Reads feature values: with --entity only, each entity's latest values (online); with --as-of TIME, "
                    + "each entity's values as of that event time (every entity, or those of --entity), as the "
                    + "store knows them now or, with --known-at TIME, as it knew them at that write time.",
            "Rows: the entity key, the event time of the values, then the features (all missing for an unknown "
                    + "entity online). A sensitive feature needs a rule allowing " + FeaturesCommand.READ_SENSITIVE
                    + "."
        })
final class FeaturesGetCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable FeaturesCommand parent;

    @Parameters(index = "0", paramLabel = "GROUP[:FEATURE,...]",
            description = "The group, all its features, or some of them: customer:age,tenure.")
    private String selection = "";

    @Option(names = "--entity", paramLabel = "ID", description = "An entity key (repeat for several).")
    private List<String> entities = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "TIME", converter = CommandSupport.InstantConverter.class,
            description = "Read the values as of this event time, inclusive.")
    private @Nullable Instant asOf;

    @Option(names = "--known-at", paramLabel = "TIME", converter = CommandSupport.InstantConverter.class,
            description = "With --as-of: only what the store had been written by this time, inclusive.")
    private @Nullable Instant knownAt;

    @Mixin
    private FeatureTableOutput output = new FeatureTableOutput();

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private AccessOptions who = new AccessOptions();

    FeaturesGetCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec command = Objects.requireNonNull(spec, "spec");
        output.check();
        if (asOf == null && entities.isEmpty()) {
            throw CommandSupport.usage(command, "give --entity ID for the latest values, or --as-of TIME");
        }
        if (asOf == null && knownAt != null) {
            throw CommandSupport.usage(command, "--known-at needs --as-of TIME");
        }
        FeatureSelection features = FeatureSelection.parse(selection);
        Principal principal = who.principal();
        Table values;
        try (FeatureStore featureStore = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            if (asOf == null) {
                values = featureStore.online(principal, features, entities);
            } else {
                Table all = knownAt == null ? featureStore.asOf(principal, features, asOf)
                        : featureStore.asOf(principal, features, asOf, knownAt);
                values = entities.isEmpty() ? all : only(all, entities);
            }
        }
        ObjectNode document = Documents.create(FeatureTableOutput.KIND, FeatureTableOutput.FORMAT_VERSION);
        document.put("selection", features.toString());
        document.put("asOf", asOf == null ? null : asOf.toString());
        document.put("knownAt", knownAt == null ? null : knownAt.toString());
        ArrayNode asked = document.putArray("entities");
        entities.forEach(asked::add);
        output.print(values, document, features.toString());
        return MlopsCommand.EXIT_OK;
    }

    /** @return the rows of these entities (the first column), in the order given, those without values left out */
    private static Table only(Table values, List<String> entities) {
        Column keys = values.column(0);
        Map<String, Integer> rows = new HashMap<>();
        for (int row = 0; row < values.rowCount(); row++) {
            rows.put(keys.format(row), row);
        }
        return values.rows(entities.stream().filter(rows::containsKey).distinct().mapToInt(rows::get).toArray());
    }
}
