package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Table;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import java.time.Instant;
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
 * {@code mlops features export GROUP[:F,...] --from TIME --until TIME}: every stored record of a
 * group with an event time in {@code [from, until)}, superseded ones included, with its write
 * time, in event-time then write-time order.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Exports the stored history of a feature group: every record with an event time from --from "
                + "(inclusive) until --until (exclusive), superseded ones included, in event-time then write-time "
                + "order: the entity key, the event time, the write time (write_time), then the features.")
final class FeaturesExportCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable FeaturesCommand parent;

    @Parameters(index = "0", paramLabel = "GROUP[:FEATURE,...]",
            description = "The group, all its features, or some of them: customer:age,tenure.")
    private String selection = "";

    @Option(names = "--from", required = true, paramLabel = "TIME", converter = CommandSupport.InstantConverter.class,
            description = "The first event time exported, inclusive.")
    private @Nullable Instant from;

    @Option(names = "--until", required = true, paramLabel = "TIME", converter = CommandSupport.InstantConverter.class,
            description = "The end of the event times exported, exclusive.")
    private @Nullable Instant until;

    @Mixin
    private FeatureTableOutput output = new FeatureTableOutput();

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private AccessOptions who = new AccessOptions();

    FeaturesExportCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec command = Objects.requireNonNull(spec, "spec");
        output.check();
        Instant start = Objects.requireNonNull(from, "from");
        Instant end = Objects.requireNonNull(until, "until");
        if (!end.isAfter(start)) {
            throw CommandSupport.usage(command, "--until " + end + " must be after --from " + start);
        }
        FeatureSelection features = FeatureSelection.parse(selection);
        Table history;
        try (FeatureStore featureStore = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            history = featureStore.export(who.principal(), features, start, end);
        }
        ObjectNode document = Documents.create(FeatureTableOutput.KIND, FeatureTableOutput.FORMAT_VERSION);
        document.put("selection", features.toString());
        document.put("from", start.toString());
        document.put("until", end.toString());
        output.print(history, document, features.toString());
        return MlopsCommand.EXIT_OK;
    }
}
