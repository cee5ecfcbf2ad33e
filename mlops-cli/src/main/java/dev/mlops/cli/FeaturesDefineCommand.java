package dev.mlops.cli;

import dev.mlops.features.Feature;
import dev.mlops.features.FeatureGroup;
import dev.mlops.features.FeatureStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops features define FILE}: defines a feature group, or a new version of its schema,
 * from a {@code feature-group} JSON document ({@link dev.mlops.features.FeatureGroup#load}), and prints the version
 * stored. An incompatible change is bad input (exit 2), its message naming every change.
 */
@Command(
        name = "define",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Defines a feature group, or a new version of its schema, from a feature-group JSON document (as "
                    + "'mlops features describe --json' prints one) and prints the version stored. A new version "
                    + "may add features at the end and change descriptions, owner, tags, TTL and retention; any "
                    + "other change is refused (exit 2), naming each change. Defining the latest version again "
                    + "changes nothing. Needs the role " + FeatureStore.WRITER_ROLE + " under the default policy; "
                    + "creates the store if it does not exist."
        })
final class FeaturesDefineCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable FeaturesCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The feature-group JSON document.")
    private @Nullable Path file;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private AccessOptions who = new AccessOptions();

    FeaturesDefineCommand() {
    }

    @Override
    public Integer call() {
        FeatureGroup definition = FeatureGroup.load(Objects.requireNonNull(file, "file"));
        FeatureGroup stored;
        try (FeatureStore features = Objects.requireNonNull(parent, "parent").open(store, who, true)) {
            stored = features.define(who.principal(), definition);
        }
        long sensitive = stored.features().stream().filter(Feature::sensitive).count();
        PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
        out.print("feature group " + stored.name() + " version " + stored.version() + ": "
                + stored.features().size() + " features, " + sensitive + " sensitive\n");
        return MlopsCommand.EXIT_OK;
    }
}
