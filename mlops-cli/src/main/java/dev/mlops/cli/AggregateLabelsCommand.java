package dev.mlops.cli;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import dev.mlops.data.label.AggregationResult;
import dev.mlops.data.label.Annotations;
import dev.mlops.data.label.ConsolidatedLabel;
import dev.mlops.data.label.LabelAggregator;
import dev.mlops.data.label.LabelAggregators;
import dev.mlops.data.label.TiePolicy;
import dev.mlops.data.label.UnresolvedReason;
import dev.mlops.data.label.WorkerQuality;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops aggregate-labels}: consolidates crowd annotations (item, worker, label) into one
 * label per item by majority vote, weighted vote or Dawid–Skene EM, writes the labels and prints
 * a summary (or a JSON report with {@code --json}).
 */
@Command(
        name = "aggregate-labels",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Consolidates crowd annotations, one (item, worker, label) per row of a CSV or JSON Lines file, "
                    + "into one label per item, and reports items to re-label and the quality of each worker.",
            "Writes the labels (item, label, confidence, agreement, votes, unresolved) to --out; prints a summary, "
                    + "or a JSON report with --json.",
            "--format, --delimiter, --missing, --charset and --zone say how ANNOTATIONS is read; --gold, --weights, "
                    + "--out and --workers are CSV, or JSON Lines when their names end with .jsonl or .ndjson."
        })
final class AggregateLabelsCommand implements Callable<Integer> {
    static final String REPORT_KIND = "label-aggregation";
    static final int REPORT_FORMAT_VERSION = 1;

    /** The consolidation methods. */
    enum Method {
        MAJORITY, WEIGHTED, DAWID_SKENE
    }

    /** The tie policies. */
    enum Tie {
        UNRESOLVED, RANDOM, PREFER
    }

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ANNOTATIONS", description = "The annotations: a CSV or JSON Lines file.")
    private @Nullable Path annotationsFile;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the consolidated labels (CSV, or JSON Lines for .jsonl); replaced atomically.")
    private @Nullable Path out;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "majority", converter = MethodConverter.class,
            description = "majority, weighted or dawid-skene (default: ${DEFAULT-VALUE}).")
    private Method method = Method.MAJORITY;

    @Option(names = "--gold", paramLabel = "FILE",
            description = "weighted: known labels (columns item, label) from which each worker's weight is learned.")
    private @Nullable Path gold;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "weighted: each worker's weight (columns worker, weight).")
    private @Nullable Path weights;

    @Option(names = "--tie", paramLabel = "POLICY", defaultValue = "unresolved", converter = TieConverter.class,
            description = "How a tie ends: unresolved (the item gets no label, and the report says so), random "
                    + "(seeded by --seed) or prefer (the first tied label in --prefer) (default: ${DEFAULT-VALUE}).")
    private Tie tie = Tie.UNRESOLVED;

    @Option(names = "--prefer", paramLabel = "LABEL", split = ",",
            description = "With --tie prefer: labels in order of preference, comma-separated.")
    private @Nullable List<String> preferred;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of --tie random (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--min-votes", paramLabel = "N", defaultValue = "1",
            description = "Items with fewer annotations stay unresolved (default: ${DEFAULT-VALUE}).")
    private int minVotes = 1;

    @Option(names = "--low-agreement", paramLabel = "SHARE", defaultValue = "0.6",
            description = "Items whose agreement is below this share are listed for re-labelling (default: ${DEFAULT-VALUE}).")
    private double lowAgreement = 0.6;

    @Option(names = "--item-column", paramLabel = "NAME", defaultValue = "item", description = "Default: ${DEFAULT-VALUE}.")
    private String itemColumn = "item";

    @Option(names = "--worker-column", paramLabel = "NAME", defaultValue = "worker", description = "Default: ${DEFAULT-VALUE}.")
    private String workerColumn = "worker";

    @Option(names = "--label-column", paramLabel = "NAME", defaultValue = "label", description = "Default: ${DEFAULT-VALUE}.")
    private String labelColumn = "label";

    @Option(names = "--workers", paramLabel = "FILE", description = "Also write each worker's estimated quality to this file.")
    private @Nullable Path workersOut;

    @Option(names = "--json", description = "Print the report as one JSON object instead of a summary.")
    private boolean json;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    AggregateLabelsCommand() {
    }

    /** The JSON report of one consolidation, after its kind and format version. */
    record Report(String file, String method, int annotations, int items, int workers,
            List<String> labels, int resolved, Map<String, Integer> unresolved, double lowAgreementThreshold,
            List<LowAgreementItem> lowAgreement, List<WorkerQuality> workerQuality, int iterations, boolean converged) {
    }

    /** An item to re-label. */
    record LowAgreementItem(String item, @Nullable String label, double agreement, double confidence, int votes) {
    }

    @Override
    public Integer call() throws IOException {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path input = Objects.requireNonNull(annotationsFile, "annotationsFile");
        Path labelsOut = Objects.requireNonNull(out, "out");
        if (!(lowAgreement >= 0 && lowAgreement <= 1)) {
            throw CommandSupport.usage(commandSpec, "--low-agreement must be a share in [0, 1] but was "
                    + lowAgreement);
        }
        if (minVotes < 1) {
            throw CommandSupport.usage(commandSpec, "--min-votes must be at least 1 but was " + minVotes);
        }
        LabelAggregator aggregator = aggregator(commandSpec);
        Annotations annotations = Annotations.fromTable(this.input.read(input), itemColumn,
                workerColumn, labelColumn);
        AggregationResult result = aggregator.aggregate(annotations);
        write(result.toTable(), labelsOut);
        if (workersOut != null) {
            write(result.workersTable(), workersOut);
        }
        Report report = report(input, annotations, result);
        PrintWriter stdout = commandSpec.commandLine().getOut();
        if (json) {
            CommandSupport.printJson(stdout, CommandSupport.document(REPORT_KIND, REPORT_FORMAT_VERSION, report));
        } else {
            stdout.print(summary(report, labelsOut));
            stdout.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    private LabelAggregator aggregator(CommandSpec commandSpec) {
        TiePolicy tiePolicy = switch (tie) {
            case UNRESOLVED -> TiePolicy.unresolved();
            case RANDOM -> TiePolicy.random(Seed.of(seed));
            case PREFER -> {
                if (preferred == null || preferred.isEmpty()) {
                    throw CommandSupport.usage(commandSpec, "--tie prefer needs --prefer LABEL[,LABEL...]");
                }
                yield TiePolicy.preferredOrder(preferred);
            }
        };
        if (method != Method.WEIGHTED && (gold != null || weights != null)) {
            throw CommandSupport.usage(commandSpec, "--gold and --weights apply to --method weighted only");
        }
        return switch (method) {
            case MAJORITY -> LabelAggregators.majorityVote(tiePolicy, minVotes);
            case DAWID_SKENE -> LabelAggregators.dawidSkeneBuilder().tiePolicy(tiePolicy).minVotes(minVotes).build();
            case WEIGHTED -> {
                if ((gold == null) == (weights == null)) {
                    throw CommandSupport.usage(commandSpec,
                            "--method weighted needs exactly one of --gold FILE or --weights FILE");
                }
                yield gold != null
                        ? LabelAggregators.weightedVoteFromGold(goldLabels(gold), tiePolicy, minVotes)
                        : LabelAggregators.weightedVote(workerWeights(Objects.requireNonNull(weights)), tiePolicy, minVotes);
            }
        };
    }

    private static Map<String, String> goldLabels(Path file) {
        Table table = read(file);
        Map<String, String> labels = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            labels.put(table.column("item").format(row), table.column("label").format(row));
        }
        return labels;
    }

    private static Map<String, Double> workerWeights(Path file) {
        Table table = read(file);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            weights.put(table.column("worker").format(row), table.numericColumn("weight").get(row));
        }
        return weights;
    }

    private static Table read(Path file) {
        return InputFormat.defaultsFor(file).read(file);
    }

    private static void write(Table table, Path file) {
        InputFormat.defaultsFor(file).write(table, file);
    }

    private Report report(Path input, Annotations annotations, AggregationResult result) {
        Map<String, Integer> unresolved = new LinkedHashMap<>();
        for (UnresolvedReason reason : UnresolvedReason.values()) {
            unresolved.put(reason.name().toLowerCase(Locale.ROOT), 0);
        }
        int resolved = 0;
        for (ConsolidatedLabel item : result.items()) {
            if (item.isResolved()) {
                resolved++;
            } else {
                unresolved.merge(item.unresolved().orElseThrow().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<LowAgreementItem> low = new ArrayList<>();
        for (ConsolidatedLabel item : result.lowAgreement(lowAgreement)) {
            low.add(new LowAgreementItem(item.item(), item.label().orElse(null), item.agreement(), item.confidence(),
                    item.votes()));
        }
        return new Report(input.toString(), result.aggregator(),
                annotations.size(), annotations.itemCount(), annotations.workerCount(), annotations.labels(), resolved,
                unresolved, lowAgreement, low, result.workers(), result.iterations(), result.converged());
    }

    private static String summary(Report report, Path labelsOut) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d annotations, %d items, %d workers, labels %s%n", report.file(),
                report.annotations(), report.items(), report.workers(), String.join(", ", report.labels())));
        text.append(String.format(Locale.ROOT, "method: %s (%d iterations, %s)%n", report.method(), report.iterations(),
                report.converged() ? "converged" : "not converged"));
        text.append(String.format(Locale.ROOT, "resolved: %d items; unresolved: %d (tie: %d, too few votes: %d)%n",
                report.resolved(), report.items() - report.resolved(), report.unresolved().get("tie"),
                report.unresolved().get("too_few_votes")));
        text.append(String.format(Locale.ROOT, "low agreement (below %.2f): %d items, listed with --json%n",
                report.lowAgreementThreshold(), report.lowAgreement().size()));
        List<String> weak = report.workerQuality().stream().filter(WorkerQuality::atOrBelowChance)
                .map(WorkerQuality::worker).toList();
        text.append("workers at or below chance: ").append(weak.isEmpty() ? "none" : String.join(", ", weak))
                .append(String.format(Locale.ROOT, "%n"));
        text.append("labels written to ").append(labelsOut).append(String.format(Locale.ROOT, "%n"));
        return text.toString();
    }

    /** Reads {@code --method}. */
    static final class MethodConverter extends EnumNameConverter<Method> {
        MethodConverter() {
            super(Method.class);
        }
    }

    /** Reads {@code --tie}. */
    static final class TieConverter extends EnumNameConverter<Tie> {
        TieConverter() {
            super(Tie.class);
        }
    }
}
