package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.train.tracking.RetentionPolicy;
import dev.mlops.train.tracking.RetentionResult;
import dev.mlops.train.tracking.TrackingStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops runs retain --keep-last N | --younger-than AGE}: applies a {@link RetentionPolicy} to
 * every experiment — deletes the ended runs it does not keep, then the artifact files no run references
 * any more — and prints what it removed.
 */
@Command(
        name = "retain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Deletes, in every experiment, the ended runs that the policy does not keep, then the artifact "
                + "files no run references any more. Running runs are always kept; with both options a run is kept "
                + "if either keeps it. It asks nothing: it prints what it removed.")
final class RunsRetainCommand implements Callable<Integer> {
    static final String KIND = "runs-retained";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RunsCommand parent;

    @Option(names = "--keep-last", paramLabel = "N",
            description = "Keep the newest N runs of each experiment, by start time.")
    private @Nullable Integer keepLast;

    @Option(names = "--younger-than", paramLabel = "AGE", converter = RunsOptions.AgeConverter.class,
            description = "Keep the runs that started less than AGE ago: 90s, 45m, 12h, 30d, 2w, or ISO-8601 such as "
                    + "PT12H.")
    private @Nullable Duration youngerThan;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    RunsRetainCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        RetentionPolicy policy = policy(commandSpec);
        RetentionResult result;
        try (TrackingStore tracking = Objects.requireNonNull(parent, "parent").open()) {
            result = tracking.applyRetention(policy);
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
            ObjectNode kept = document.putObject("policy");
            policy.keepLast().ifPresent(runs -> kept.put("keepLast", runs));
            policy.maxAge().ifPresent(age -> kept.put("youngerThan", age.toString()));
            CommandSupport.printJson(out, RunsJson.retention(document, result));
        } else {
            out.print(RunsText.removed(result, Map.of()));
            out.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    private RetentionPolicy policy(CommandSpec commandSpec) {
        if (keepLast != null && keepLast < 1) {
            throw CommandSupport.usage(commandSpec, "--keep-last must be at least 1 but was " + keepLast);
        }
        if (keepLast != null) {
            return youngerThan == null ? RetentionPolicy.keepLast(keepLast)
                    : RetentionPolicy.keepLast(keepLast).orYoungerThan(youngerThan);
        }
        if (youngerThan != null) {
            return RetentionPolicy.youngerThan(youngerThan);
        }
        throw CommandSupport.usage(commandSpec, "say which runs to keep: --keep-last N, --younger-than AGE, or both");
    }
}
