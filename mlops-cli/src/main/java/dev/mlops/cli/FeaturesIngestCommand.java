package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.features.FeatureStore;
import dev.mlops.features.IngestResult;
import dev.mlops.features.RejectedRecord;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code mlops features ingest GROUP FILE}: ingests a CSV or JSON Lines file into a group as one
 * batch with one write time, and prints how many records were kept and each one refused with its
 * line and reason. Exits 1 when any record was refused: the others are written (nothing is rolled
 * back), but a pipeline should not go on as if the whole file had landed.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Ingests a CSV or JSON Lines file (.csv, .jsonl or .ndjson) into a feature group as one batch, with one "
                    + "write time; its columns are the group's entity key, event-time column and any of its "
                    + "features. Prints the records kept and each one refused with its line and reason.",
            "Exit 1 when some records were refused: the rest are written all the same. Needs the role "
                    + FeatureStore.WRITER_ROLE + " under the default policy."
        })
final class FeaturesIngestCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable FeaturesCommand parent;

    @Parameters(index = "0", paramLabel = "GROUP", description = "The feature group.")
    private String group = "";

    @Parameters(index = "1", paramLabel = "FILE", description = "The records, CSV or JSON Lines.")
    private @Nullable Path file;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private AccessOptions who = new AccessOptions();

    FeaturesIngestCommand() {
    }

    @Override
    public Integer call() {
        Path records = Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(records)) {
            throw new MlopsException("no such file: " + records);
        }
        IngestResult result;
        try (FeatureStore features = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            result = features.ingest(who.principal(), group, records);
        }
        PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
        out.print("ingested " + result.accepted() + " records into " + result.group() + " version "
                + result.groupVersion() + (result.batch() == 0 ? " (nothing written)"
                        : " as batch " + result.batch() + " written at " + result.writeTime())
                + "; refused " + result.rejected().size() + "\n");
        for (RejectedRecord rejected : result.rejected()) {
            out.print("  refused " + rejected + "\n");
        }
        return result.clean() ? MlopsCommand.EXIT_OK : MlopsCommand.EXIT_CHECK_FAILED;
    }
}
