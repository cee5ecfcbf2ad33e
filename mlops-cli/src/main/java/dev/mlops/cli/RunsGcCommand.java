package dev.mlops.cli;

import dev.mlops.core.json.Documents;
import dev.mlops.train.tracking.RetentionResult;
import dev.mlops.train.tracking.TrackingStore;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops runs gc}: removes the artifact files that no run references (left, for example, by a
 * process that died between storing a file and recording it), past the store's
 * {@link TrackingStore#GC_GRACE_PERIOD}, and prints how many and their size.
 */
@Command(
        name = "gc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Removes the artifact files no run references (left by a process that died between storing a "
                + "file and recording it, or by a deletion that was interrupted). Files stored within the last hour "
                + "are left alone: a running job may be about to record them.")
final class RunsGcCommand implements Callable<Integer> {
    static final String KIND = "runs-gc";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RunsCommand parent;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    RunsGcCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        RetentionResult result;
        try (TrackingStore tracking = Objects.requireNonNull(parent, "parent").open()) {
            result = tracking.collectGarbage();
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            CommandSupport.printJson(out, RunsJson.retention(Documents.create(KIND, FORMAT_VERSION), result));
        } else {
            out.print(RunsText.removedArtifacts(result));
            out.flush();
        }
        return MlopsCommand.EXIT_OK;
    }
}
