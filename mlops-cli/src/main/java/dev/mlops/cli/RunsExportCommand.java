package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.train.tracking.TrackingStore;
import dev.mlops.train.tracking.mlflow.ExportResult;
import dev.mlops.train.tracking.mlflow.MlflowExport;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code mlops runs export (RUN | --experiment NAME) --to DIR}: writes a run, or an experiment with
 * all its runs, into MLflow's file-store layout ({@link MlflowExport}), so that
 * {@code mlflow ui --backend-store-uri DIR} shows them.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Exports a run, or an experiment with all its runs, into MLflow's file-store layout "
                    + "(DIR/<experiment id>/<run id>/{meta.yaml, params/, metrics/, tags/, artifacts/}), so that MLflow's "
                    + "UI opens it: mlflow ui --backend-store-uri DIR.",
            "An existing DIR is added to: an experiment of the same name there receives the runs; a run already in "
                    + "it is refused, and then nothing is written."
        })
final class RunsExportCommand implements Callable<Integer> {
    static final String KIND = "runs-exported";
    static final int FORMAT_VERSION = 1;

    /** What to export: a run or an experiment. */
    static final class Source {
        @Parameters(paramLabel = "RUN",
                description = "The run's id, or a unique prefix of at least " + RunsCommand.MIN_PREFIX + " characters.")
        private @Nullable String run;

        @Option(names = "--experiment", paramLabel = "NAME", required = true,
                description = "Export this experiment with all its runs.")
        private @Nullable String experiment;
    }

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RunsCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source = new Source();

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "The mlruns directory to write into (created if absent).")
    private @Nullable Path to;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    RunsExportCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path root = Objects.requireNonNull(to, "to");
        ExportResult result;
        try (TrackingStore tracking = Objects.requireNonNull(parent, "parent").open()) {
            result = source.experiment != null ? MlflowExport.exportExperiment(tracking, source.experiment, root)
                    : MlflowExport.exportRun(tracking, RunsCommand.resolve(tracking,
                            Objects.requireNonNull(source.run, "run")).id(), root);
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
            document.put("root", result.root().toString());
            document.put("experimentId", result.experimentId());
            document.put("experimentDirectory", result.experimentDirectory().toString());
            ArrayNode runs = document.putArray("runDirectories");
            result.runDirectories().forEach(directory -> runs.add(directory.toString()));
            document.put("files", result.files());
            CommandSupport.printJson(out, document);
        } else {
            StringBuilder text = new StringBuilder("exported ").append(result.runs() == 1 ? "1 run" : result.runs() + " runs")
                    .append(" (").append(result.files()).append(" files) into ").append(result.experimentDirectory())
                    .append('\n');
            result.runDirectories().forEach(directory -> text.append("  ").append(directory).append('\n'));
            text.append("open it with: mlflow ui --backend-store-uri ").append(result.root()).append('\n');
            out.print(text);
            out.flush();
        }
        return MlopsCommand.EXIT_OK;
    }
}
