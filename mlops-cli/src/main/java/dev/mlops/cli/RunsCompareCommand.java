package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.train.tracking.RunComparison;
import dev.mlops.train.tracking.RunInfo;
import dev.mlops.train.tracking.TrackingStore;
import java.io.PrintWriter;
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
 * {@code mlops runs compare RUN_A RUN_B}: the params that differ between two runs and every metric of
 * either, side by side with the change from the first to the second ({@link RunComparison}), as text
 * or one JSON document with {@code --json}.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Compares two runs: the params that differ (set in one only, or to different values) and the "
                + "latest value of every metric of either, side by side with the change from RUN_A to RUN_B.")
final class RunsCompareCommand implements Callable<Integer> {
    static final String KIND = "run-comparison";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RunsCommand parent;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The run compared from: an id or a unique prefix.")
    private String first = "";

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared to: an id or a unique prefix.")
    private String second = "";

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    RunsCompareCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        RunComparison comparison;
        try (TrackingStore tracking = Objects.requireNonNull(parent, "parent").open()) {
            comparison = RunComparison.of(RunsCommand.resolve(tracking, first), RunsCommand.resolve(tracking, second));
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            CommandSupport.printJson(out, document(comparison));
        } else {
            out.print(text(comparison));
            out.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    private static ObjectNode document(RunComparison comparison) {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        document.set("first", RunsJson.info(comparison.first().info()));
        document.set("second", RunsJson.info(comparison.second().info()));
        ArrayNode params = document.putArray("params");
        for (RunComparison.ParamDifference param : comparison.params()) {
            ObjectNode entry = params.addObject();
            entry.put("key", param.key());
            entry.put("first", param.first().orElse(null));
            entry.put("second", param.second().orElse(null));
        }
        ArrayNode metrics = document.putArray("metrics");
        for (RunComparison.MetricDelta metric : comparison.metrics()) {
            ObjectNode entry = metrics.addObject();
            entry.put("key", metric.key());
            RunsJson.put(entry, "first", metric.first());
            RunsJson.put(entry, "second", metric.second());
            RunsJson.put(entry, "delta", metric.delta());
        }
        return document;
    }

    private static String text(RunComparison comparison) {
        RunInfo a = comparison.first().info();
        RunInfo b = comparison.second().info();
        StringBuilder text = new StringBuilder();
        text.append(new RunsText.Table("")
                .row("A", a.id(), a.experiment().name(), a.name(), a.status().label())
                .row("B", b.id(), b.experiment().name(), b.name(), b.status().label())
                .render());
        text.append("params that differ");
        if (comparison.params().isEmpty()) {
            text.append(": none\n");
        } else {
            RunsText.Table params = new RunsText.Table("  ").row("KEY", "A", "B");
            for (RunComparison.ParamDifference param : comparison.params()) {
                params.row(param.key(), param.first().orElse(RunsText.ABSENT), param.second().orElse(RunsText.ABSENT));
            }
            text.append('\n').append(params.render());
        }
        text.append("metrics (latest)");
        if (comparison.metrics().isEmpty()) {
            text.append(": none\n");
        } else {
            RunsText.Table metrics = new RunsText.Table("  ").row("KEY", "A", "B", "B-A");
            for (RunComparison.MetricDelta metric : comparison.metrics()) {
                metrics.row(metric.key(), RunsText.number(metric.first()), RunsText.number(metric.second()),
                        RunsText.delta(metric.delta()));
            }
            text.append('\n').append(metrics.render());
        }
        return text.toString();
    }
}
