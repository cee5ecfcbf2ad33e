package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.train.tracking.RunInfo;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.RunStatus;
import dev.mlops.train.tracking.TrackingStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops runs list}: the runs that match conditions on experiment, status, params, tags and
 * metrics, in an order, as a table (short id, experiment, name, status, start, duration and the
 * metrics the command names) or one JSON document with {@code --json}. The query runs in the store's
 * database ({@link RunQuery}).
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Lists runs, newest first, or by a metric with --order-by. The table shows each run's id (its first "
                    + RunsText.SHORT_ID + " hex digits; --json has the full id), experiment, name, status, start time "
                    + "(UTC), duration and the latest value of the metrics of --order-by, --metric and --column."
        })
final class RunsListCommand implements Callable<Integer> {
    static final String KIND = "runs";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RunsCommand parent;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "Only runs of this experiment (repeat for several).")
    private List<String> experiments = new ArrayList<>();

    @Option(names = "--status", paramLabel = "STATUS", converter = RunsOptions.StatusConverter.class,
            description = "Only runs with this status: running, finished, failed or killed (repeat for several).")
    private List<RunStatus> statuses = new ArrayList<>();

    @Option(names = "--param", paramLabel = "KEY=VALUE", converter = RunsOptions.KeyValueConverter.class,
            description = "Only runs whose param KEY is VALUE (repeat: all must hold).")
    private List<RunQuery.Equals> params = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "KEY=VALUE", converter = RunsOptions.KeyValueConverter.class,
            description = "Only runs whose tag KEY is VALUE (repeat: all must hold).")
    private List<RunQuery.Equals> tags = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "CONDITION", converter = RunsOptions.MetricConditionConverter.class,
            description = "Only runs whose latest value of a metric compares so, such as 'val_auc>=0.8' (<, <=, =, "
                    + ">=, >; repeat: all must hold).")
    private List<RunQuery.MetricCondition> metrics = new ArrayList<>();

    @Option(names = "--order-by", paramLabel = "METRIC", converter = RunsOptions.OrderConverter.class,
            description = "Order by a metric's latest value, lowest first, or highest first with a leading '-' "
                    + "(--order-by=-val_auc); runs without it are left out.")
    private RunsOptions.@Nullable Order order;

    @Option(names = "--column", paramLabel = "METRIC",
            description = "Also show this metric's latest value (repeat for several).")
    private List<String> columns = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N runs (default: ${DEFAULT-VALUE}).")
    private int limit = RunQuery.DEFAULT_LIMIT;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    private boolean json;

    RunsListCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        if (limit < 1) {
            throw CommandSupport.usage(commandSpec, "--limit must be at least 1 but was " + limit);
        }
        RunQuery query = query();
        List<RunRecord> runs;
        String store;
        try (TrackingStore tracking = Objects.requireNonNull(parent, "parent").open()) {
            runs = tracking.search(query);
            store = tracking.toString();
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            CommandSupport.printJson(out, document(runs));
        } else {
            out.print(text(runs, metricColumns(), store));
            out.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    private RunQuery query() {
        RunQuery.Builder builder = RunQuery.all().limit(limit);
        experiments.forEach(builder::experiment);
        statuses.forEach(builder::status);
        params.forEach(param -> builder.param(param.key(), param.value()));
        tags.forEach(tag -> builder.tag(tag.key(), tag.value()));
        metrics.forEach(metric -> builder.metric(metric.key(), metric.comparison(), metric.value()));
        if (order != null) {
            builder.orderByMetric(order.metric(), order.highestFirst());
        }
        return builder.build();
    }

    /** @return the metrics shown: the order's, the conditions', then the columns asked for */
    private List<String> metricColumns() {
        Set<String> keys = new LinkedHashSet<>();
        if (order != null) {
            keys.add(order.metric());
        }
        metrics.forEach(metric -> keys.add(metric.key()));
        keys.addAll(columns);
        return List.copyOf(keys);
    }

    private static ObjectNode document(List<RunRecord> runs) {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        ArrayNode array = document.putArray("runs");
        runs.forEach(run -> array.add(RunsJson.record(run)));
        return document;
    }

    private static String text(List<RunRecord> runs, List<String> metricKeys, String store) {
        if (runs.isEmpty()) {
            return "no runs match in " + store + "\n";
        }
        List<String> header = new ArrayList<>(List.of("ID", "EXPERIMENT", "NAME", "STATUS", "START", "DURATION"));
        header.addAll(metricKeys);
        RunsText.Table table = new RunsText.Table("").row(header);
        for (RunRecord run : runs) {
            RunInfo info = run.info();
            List<String> row = new ArrayList<>(List.of(info.id().substring(0, RunsText.SHORT_ID),
                    info.experiment().name(), info.name(), info.status().label(), RunsText.time(info.startTime()),
                    RunsText.duration(info)));
            for (String key : metricKeys) {
                row.add(RunsText.number(run.metric(key).map(OptionalDouble::of).orElse(OptionalDouble.empty())));
            }
            table.row(row);
        }
        return table.render();
    }
}
