package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.train.tracking.MetricPoint;
import dev.mlops.train.tracking.RunArtifact;
import dev.mlops.train.tracking.RunInfo;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingStore;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops runs show RUN}: one run with everything it logged — identity, status, times, seed,
 * code version, params, the latest point of each metric, tags, lineage inputs and artifacts — as text
 * or one JSON document with {@code --json}.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Shows a run: its experiment, name, status, times, seed, code version and user, its params, "
                + "the latest point of each metric, its tags, lineage inputs and artifacts.")
final class RunsShowCommand implements Callable<Integer> {
    static final String KIND = "run";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RunsCommand parent;

    @Parameters(index = "0", paramLabel = "RUN",
            description = "The run's id, or a unique prefix of at least " + RunsCommand.MIN_PREFIX + " characters.")
    private String run = "";

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    RunsShowCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        RunRecord record;
        try (TrackingStore tracking = Objects.requireNonNull(parent, "parent").open()) {
            record = RunsCommand.resolve(tracking, run);
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
            document.setAll(RunsJson.record(record));
            CommandSupport.printJson(out, document);
        } else {
            out.print(text(record));
            out.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    private static String text(RunRecord record) {
        RunInfo info = record.info();
        StringBuilder text = new StringBuilder("run ").append(info.id()).append('\n');
        RunsText.Table about = new RunsText.Table("  ")
                .row("experiment", info.experiment().name())
                .row("name", info.name())
                .row("status", info.status().label())
                .row("started", RunsText.time(info.startTime()))
                .row("ended", info.endTime().map(RunsText::time).orElse(RunsText.ABSENT))
                .row("duration", RunsText.duration(info))
                .row("seed", info.seed().isPresent() ? Long.toString(info.seed().getAsLong()) : RunsText.ABSENT)
                .row("code", info.codeVersion().orElse(RunsText.ABSENT))
                .row("user", info.user());
        text.append(about.render());
        section(text, "params", record.params());
        text.append("metrics (latest)");
        if (record.metrics().isEmpty()) {
            text.append(": none\n");
        } else {
            RunsText.Table metrics = new RunsText.Table("  ");
            for (MetricPoint point : record.metrics().values()) {
                metrics.row(point.key(), RunsText.number(point.value()), "step " + point.step(),
                        RunsText.time(point.timestamp()));
            }
            text.append('\n').append(metrics.render());
        }
        section(text, "tags", record.tags());
        text.append("inputs");
        if (record.inputs().isEmpty()) {
            text.append(": none\n");
        } else {
            text.append('\n');
            for (LineageInput input : record.inputs()) {
                text.append("  ").append(input).append('\n');
            }
        }
        text.append("artifacts");
        if (record.artifacts().isEmpty()) {
            text.append(": none\n");
        } else {
            RunsText.Table artifacts = new RunsText.Table("  ");
            for (RunArtifact artifact : record.artifacts()) {
                artifacts.row(artifact.path(), artifact.content().size() + " bytes", artifact.content().toString());
            }
            text.append('\n').append(artifacts.render());
        }
        return text.toString();
    }

    /**
     * Appends a titled section of key-value rows, or {@code title: none}.
     *
     * @param text where to append
     * @param title the section's title
     * @param values the rows, in the map's order
     */
    static void section(StringBuilder text, String title, Map<String, String> values) {
        text.append(title);
        if (values.isEmpty()) {
            text.append(": none\n");
            return;
        }
        RunsText.Table table = new RunsText.Table("  ");
        values.forEach(table::row);
        text.append('\n').append(table.render());
    }
}
