package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.json.Documents;
import dev.mlops.train.tracking.RetentionResult;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops runs delete RUN... | --experiment NAME...}: deletes runs, or experiments with all their
 * runs, then the artifact files no run references any more; asks nothing and prints what it removed.
 * Every run and experiment named is found before anything is deleted, so a typo deletes nothing.
 */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Deletes runs, or experiments with all their runs, with everything they logged, and then the "
                + "artifact files no run references any more. It asks nothing: it prints what it removed. Every run "
                + "and experiment named must exist, or nothing is deleted.")
final class RunsDeleteCommand implements Callable<Integer> {
    static final String KIND = "runs-deleted";
    static final int FORMAT_VERSION = 1;

    /** What to delete: runs or experiments. */
    static final class Target {
        @Parameters(paramLabel = "RUN", arity = "1..*",
                description = "A run's id, or a unique prefix of at least " + RunsCommand.MIN_PREFIX + " characters.")
        private List<String> runs = new ArrayList<>();

        @Option(names = "--experiment", paramLabel = "NAME", required = true,
                description = "Delete this experiment and all its runs (repeat for several).")
        private List<String> experiments = new ArrayList<>();
    }

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RunsCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target = new Target();

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    RunsDeleteCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Map<String, String> described = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        long artifacts = 0;
        long bytes = 0;
        try (TrackingStore tracking = Objects.requireNonNull(parent, "parent").open()) {
            List<RetentionResult> results = new ArrayList<>();
            if (target.experiments.isEmpty()) {
                List<RunRecord> runs = new ArrayList<>();
                for (String run : target.runs) {
                    runs.add(RunsCommand.resolve(tracking, run));
                }
                runs.forEach(run -> described.put(run.id(), RunsText.about(run.info())));
                for (String id : described.keySet()) {
                    results.add(tracking.deleteRun(id));
                }
            } else {
                for (String experiment : target.experiments) {
                    if (tracking.experiment(experiment).isEmpty()) {
                        throw new MlopsException("no experiment '" + experiment + "' in " + tracking + "; nothing deleted");
                    }
                }
                for (RunRecord run : tracking.search(experimentsQuery())) {
                    described.put(run.id(), RunsText.about(run.info()));
                }
                for (String experiment : target.experiments) {
                    results.add(tracking.deleteExperiment(experiment));
                }
            }
            for (RetentionResult result : results) {
                deleted.addAll(result.deletedRuns());
                artifacts += result.deletedArtifacts();
                bytes += result.freedBytes();
            }
        }
        RetentionResult total = new RetentionResult(deleted, artifacts, bytes);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
            target.experiments.forEach(document.putArray("deletedExperiments")::add);
            CommandSupport.printJson(out, RunsJson.retention(document, total));
        } else {
            StringBuilder text = new StringBuilder();
            target.experiments.forEach(experiment -> text.append("deleted experiment ").append(experiment).append('\n'));
            text.append(RunsText.removed(total, described));
            out.print(text);
            out.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    private RunQuery experimentsQuery() {
        RunQuery.Builder query = RunQuery.all().limit(Integer.MAX_VALUE);
        target.experiments.forEach(query::experiment);
        return query.build();
    }
}
