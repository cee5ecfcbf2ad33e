package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.component.ComponentType;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Compression;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.TableFormat;
import dev.mlops.data.label.AggregationResult;
import dev.mlops.data.label.Annotations;
import dev.mlops.data.label.ConsolidatedLabel;
import dev.mlops.data.label.LabelAggregator;
import dev.mlops.data.label.TiePolicy;
import dev.mlops.data.label.UnresolvedReason;
import dev.mlops.data.label.WorkerQuality;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
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
                    + "--out and --workers are in the format their extension names (such as .jsonl, .ndjson or a plugin's "
                    + "type), else CSV."
        })
final class AggregateLabelsCommand implements Callable<Integer> {
    static final String REPORT_KIND = "label-aggregation";
    static final int REPORT_FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ANNOTATIONS", description = "The annotations: a CSV or JSON Lines file.")
    private @Nullable Path annotationsFile;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the consolidated labels (CSV, or JSON Lines for .jsonl); replaced atomically.")
    private @Nullable Path out;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "majority",
            description = "An aggregator type by its name or the start of it: majority (majority-vote), weighted "
                    + "(weighted-vote), dawid-skene, or a plugin's type (default: ${DEFAULT-VALUE}).")
    private String method = "majority";

    @Option(names = "--aggregator", paramLabel = "SPEC",
            description = "The aggregator as a spec string, such as 'majority-vote(tie=random, seed=7)', instead of "
                    + "--method, --tie, --prefer, --seed and --min-votes; --gold and --weights add their settings.")
    private @Nullable String aggregatorSpec;

    @Option(names = "--gold", paramLabel = "FILE",
            description = "weighted: known labels (columns item, label) from which each worker's weight is learned.")
    private @Nullable Path gold;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "weighted: each worker's weight (columns worker, weight).")
    private @Nullable Path weights;

    @Option(names = "--tie", paramLabel = "POLICY", defaultValue = "unresolved", converter = TieConverter.class,
            description = "How a tie ends: unresolved (the item gets no label, and the report says so), random "
                    + "(seeded by --seed) or prefer (the first tied label in --prefer) (default: ${DEFAULT-VALUE}).")
    private TiePolicy.Kind tie = TiePolicy.Kind.UNRESOLVED;

    @Option(names = "--prefer", paramLabel = "LABEL", split = ",",
            description = "With --tie prefer: labels in order of preference, comma-separated; each must be a label "
                    + "the annotations give.")
    private @Nullable List<String> preferred;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of --tie random (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--min-votes", paramLabel = "N", defaultValue = "1",
            description = "Items with fewer annotations stay unresolved (default: ${DEFAULT-VALUE}).")
    private int minVotes = 1;

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "The setting 'maxIterations' (dawid-skene): the most EM iterations (default: 100).")
    private @Nullable Integer maxIterations;

    @Option(names = "--tolerance", paramLabel = "P",
            description = "The setting 'tolerance' (dawid-skene): EM stops when no item's probability of a label "
                    + "changed by this much or more in an iteration (default: 1e-6).")
    private @Nullable Double tolerance;

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

    @ParentCommand
    private @Nullable MlopsCommand parent;

    AggregateLabelsCommand() {
    }

    /** The JSON report of one consolidation. */
    record Report(String file, ObjectNode aggregator, int annotations, int items, int workers,
            List<String> labels, int resolved, Map<String, Integer> unresolved, double lowAgreementThreshold,
            List<LowAgreementItem> lowAgreement, List<WorkerQuality> workerQuality, Map<String, Double> priors,
            int iterations, boolean converged) {
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
        LabelAggregator aggregator = aggregator(commandSpec);
        Table table = this.input.read(input);
        Annotations annotations = Annotations.fromTable(table, itemColumn, workerColumn, labelColumn,
                rowPlace(input, this.input.tableFormat(input), table.rowCount()));
        AggregationResult result = aggregator.aggregate(annotations);
        ComponentRegistry registry = Objects.requireNonNull(parent, "parent").registry();
        write(result.toTable(), labelsOut, registry);
        if (workersOut != null) {
            write(result.workersTable(), workersOut, registry);
        }
        Report report = report(input, annotations, result);
        PrintWriter stdout = commandSpec.commandLine().getOut();
        if (json) {
            CommandSupport.printJson(stdout, CommandSupport.document(REPORT_KIND, REPORT_FORMAT_VERSION, report));
        } else {
            stdout.print(summary(report, result.aggregator(), labelsOut));
            stdout.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    /**
     * The aggregator from {@code --aggregator SPEC}, or from {@code --method} and the tie options;
     * {@code --gold} and {@code --weights} add their settings. Types are found in the registry.
     */
    private LabelAggregator aggregator(CommandSpec commandSpec) {
        ComponentRegistry registry = Objects.requireNonNull(parent, "parent").registry();
        ComponentSpec chosen;
        if (aggregatorSpec != null) {
            for (String option : List.of("--method", "--tie", "--prefer", "--seed", "--min-votes", "--max-iterations",
                    "--tolerance")) {
                if (commandSpec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw CommandSupport.usage(commandSpec, option
                            + " cannot be combined with --aggregator; give the setting in the spec instead");
                }
            }
            chosen = ComponentSpec.parse(aggregatorSpec);
        } else {
            chosen = new ComponentSpec(type(commandSpec, registry).name(), tieSettings(commandSpec));
        }
        ObjectNode settings = chosen.settings();
        ComponentType<?, ?> type = registry.find(LabelAggregator.class, chosen.type()).orElse(null);
        if (maxIterations != null) {
            needsSetting(commandSpec, type, "--max-iterations", "maxIterations", "dawid-skene");
            settings.put("maxIterations", maxIterations);
        }
        if (tolerance != null) {
            needsSetting(commandSpec, type, "--tolerance", "tolerance", "dawid-skene");
            settings.put("tolerance", tolerance);
        }
        if (gold != null) {
            needsSetting(commandSpec, type, "--gold", "gold", "weighted-vote");
            settings.set("gold", goldLabels(gold, registry));
        }
        if (weights != null) {
            needsSetting(commandSpec, type, "--weights", "weights", "weighted-vote");
            settings.set("weights", workerWeights(weights, registry));
        }
        return registry.create(LabelAggregator.class, new ComponentSpec(chosen.type(), settings));
    }

    /** The type named by {@code --method}: the one of that name, or the one whose name starts with it and '-'. */
    private ComponentType<?, ?> type(CommandSpec commandSpec, ComponentRegistry registry) {
        List<ComponentType<?, ?>> types = registry.types(LabelAggregator.class);
        List<ComponentType<?, ?>> matching = types.stream()
                .filter(type -> type.name().equals(method) || type.name().startsWith(method + "-")).toList();
        if (matching.size() != 1) {
            throw CommandSupport.usage(commandSpec, "--method '" + method + "' names "
                    + (matching.isEmpty() ? "no" : "more than one") + " aggregator type; the types are "
                    + String.join(", ", types.stream().map(ComponentType::name).toList()));
        }
        return matching.get(0);
    }

    private ObjectNode tieSettings(CommandSpec commandSpec) {
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        settings.put("tie", tie.label());
        if (tie == TiePolicy.Kind.RANDOM) {
            settings.put("seed", seed);
        }
        if (tie == TiePolicy.Kind.PREFER) {
            if (preferred == null || preferred.isEmpty()) {
                throw CommandSupport.usage(commandSpec, "--tie prefer needs --prefer LABEL[,LABEL...]");
            }
            preferred.forEach(settings.putArray("prefer")::add);
        }
        settings.put("minVotes", minVotes);
        return settings;
    }

    /** A usage error if the type has no such setting; {@code example} is a built-in type that has it. */
    private static void needsSetting(CommandSpec commandSpec, @Nullable ComponentType<?, ?> type, String option,
            String setting, String example) {
        if (type != null && !type.settingNames().contains(setting)) {
            throw CommandSupport.usage(commandSpec, option + " applies to an aggregator with the setting '"
                    + setting + "', such as " + example + ", but " + type + " has none");
        }
    }

    /** The gold labels of a file (columns item, label) as the setting's list of {item, label} objects. */
    private static ArrayNode goldLabels(Path file, ComponentRegistry registry) {
        Table table = InputFormat.defaultsFor(file, registry).read(file);
        ArrayNode labels = JsonNodeFactory.instance.arrayNode();
        for (int row = 0; row < table.rowCount(); row++) {
            labels.addObject().put("item", table.column("item").format(row)).put("label", table.column("label").format(row));
        }
        return labels;
    }

    /** The weights of a file (columns worker, weight) as the setting's list of {worker, weight} objects. */
    private static ArrayNode workerWeights(Path file, ComponentRegistry registry) {
        Table table = InputFormat.defaultsFor(file, registry).read(file);
        ArrayNode weights = JsonNodeFactory.instance.arrayNode();
        for (int row = 0; row < table.rowCount(); row++) {
            weights.addObject().put("worker", table.column("worker").format(row))
                    .put("weight", table.numericColumn("weight").get(row));
        }
        return weights;
    }

    private static void write(Table table, Path file, ComponentRegistry registry) {
        InputFormat.defaultsFor(file, registry).write(table, file);
    }

    /**
     * Names a row's place in the annotations file for errors: its physical line when that is
     * certain, otherwise its 0-based row. A record spans at least one line and a skipped blank line
     * is a line without a row, so when the file has exactly as many lines as rows plus the header
     * line (CSV with a header) or as rows (CSV without one, JSON Lines), every record is one line
     * and row r is on line r + 1 + header. The file is counted only when an error needs a place.
     */
    private static IntFunction<String> rowPlace(Path file, TableFormat format, int rowCount) {
        int headerLines;
        if (format instanceof CsvFormat csv) {
            headerLines = csv.settings().header() ? 1 : 0;
        } else if (format instanceof JsonLinesFormat) {
            headerLines = 0;
        } else {
            headerLines = -1;
        }
        return row -> {
            if (headerLines >= 0 && lineCount(file) == (long) rowCount + headerLines) {
                return file + " line " + (row + 1L + headerLines);
            }
            return file + " row " + row + " (0-based, the header not counted)";
        };
    }

    /**
     * @return the lines of a file, uncompressed if it is compressed: its line feeds, plus one for a last line
     *     without one; -1 if it cannot be read
     */
    private static long lineCount(Path file) {
        try (InputStream in = new BufferedInputStream(Compression.open(file))) {
            long lines = 0;
            int last = '\n';
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    lines++;
                }
                last = b;
            }
            return last == '\n' ? lines : lines + 1;
        } catch (IOException | UncheckedIOException | DataFormatException e) {
            return -1;
        }
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
        return new Report(input.toString(), result.aggregator().toJson(),
                annotations.size(), annotations.itemCount(), annotations.workerCount(), annotations.labels(), resolved,
                unresolved, lowAgreement, low, result.workers(), result.priors(), result.iterations(), result.converged());
    }

    private static String summary(Report report, ComponentSpec aggregator, Path labelsOut) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d annotations, %d items, %d workers, labels %s%n", report.file(),
                report.annotations(), report.items(), report.workers(), String.join(", ", report.labels())));
        text.append(String.format(Locale.ROOT, "aggregator: %s (%d iterations, %s)%n",
                aggregator, report.iterations(),
                report.converged() ? "converged" : "not converged"));
        text.append(String.format(Locale.ROOT, "resolved: %d items; unresolved: %d (tie: %d, too few votes: %d)%n",
                report.resolved(), report.items() - report.resolved(), report.unresolved().get("tie"),
                report.unresolved().get("too_few_votes")));
        text.append(String.format(Locale.ROOT, "low agreement (below %.2f): %d items, listed with --json%n",
                report.lowAgreementThreshold(), report.lowAgreement().size()));
        if (report.workerQuality().isEmpty()) {
            text.append("worker quality: not estimated (").append(aggregator.type()).append(" rates no workers)")
                    .append(String.format(Locale.ROOT, "%n"));
        } else {
            List<String> weak = report.workerQuality().stream().filter(WorkerQuality::atOrBelowChance)
                    .map(WorkerQuality::worker).toList();
            text.append("workers at or below chance: ").append(weak.isEmpty() ? "none" : String.join(", ", weak))
                    .append(String.format(Locale.ROOT, "%n"));
            // a method that estimates confusion matrices estimates bias (WorkerQuality's rule)
            boolean estimated = report.workerQuality().stream().anyMatch(w -> !w.confusion().isEmpty());
            List<String> biased = report.workerQuality().stream().filter(w -> w.biasedToward() != null)
                    .map(w -> w.worker() + " (" + w.biasedToward() + ")").toList();
            text.append("workers biased toward one answer: ")
                    .append(!estimated ? "not estimated" : biased.isEmpty() ? "none" : String.join(", ", biased))
                    .append(String.format(Locale.ROOT, "%n"));
        }
        text.append("labels written to ").append(labelsOut).append(String.format(Locale.ROOT, "%n"));
        return text.toString();
    }

    /** Reads {@code --tie}. */
    static final class TieConverter extends EnumNameConverter<TiePolicy.Kind> {
        TieConverter() {
            super(TiePolicy.Kind.class);
        }
    }
}
