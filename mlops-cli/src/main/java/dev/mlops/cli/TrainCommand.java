package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.deploy.format.ModelFiles;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.TribuoFormat;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.ExperimentRunner;
import dev.mlops.train.experiment.LeaderboardRow;
import dev.mlops.train.experiment.LinearRegression;
import dev.mlops.train.experiment.LogisticRegression;
import dev.mlops.train.experiment.RunnerResult;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.tracking.TrackingStore;
import dev.mlops.train.tribuo.EncodingReport;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.TribuoPredictor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops train FILE --label COLUMN}: the guide's first training loop in one command. Reads
 * the file, splits it (the split of {@code --split}, else the guide's 70/15/15, stratified by a
 * categorical label), runs the baselines and then the models ({@code --model} specs, else logistic
 * regression and a CART tree for a class label, linear regression for a numeric one) through an
 * {@link ExperimentRunner}, tracks each as a run in the store, and prints the leaderboard with
 * each model's lift over the best baseline and whether the difference is significant (or one JSON
 * object with {@code --json}).
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Trains baselines and models on a CSV or JSON Lines file and prints the leaderboard: the test metrics "
                    + "of each, its lift over the best baseline, whether that difference is significant, its "
                    + "inference time per example and size.",
            "Each experiment is a tracked run in the store (--store, else " + StoreLocation.STORE_ENVIRONMENT
                    + ", else " + StoreLocation.DEFAULT_DIRECTORY + "; created if missing): 'mlops runs list "
                    + "--experiment NAME' shows them."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mlops train credit-g.csv --label class",
            "  mlops train credit-g.csv --label class --split split.json --model 'cart(maxDepth=4)' --seed 7",
            "  mlops train credit-g.csv --label class --save-model build/model.bin"
        })
final class TrainCommand implements Callable<Integer> {
    static final String KIND = "leaderboard";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rows to train on: a CSV or JSON Lines file.")
    private @Nullable Path file;

    @Option(names = "--label", required = true, paramLabel = "COLUMN",
            description = "The label: a categorical or boolean column (classification) or a numeric one (regression).")
    private @Nullable String label;

    @Option(names = "--split", paramLabel = "SPLIT_JSON",
            description = "A split of FILE's rows with sets train, validation and test, as 'mlops split' writes it "
                    + "(default: train/validation/test 70/15/15 below 1,000,000 rows, 90/5/5 from there, stratified "
                    + "by a categorical label, with --seed).")
    private @Nullable Path split;

    @Option(names = "--model", paramLabel = "SPEC",
            description = "An experiment to run after the baselines, as a spec such as 'cart(maxDepth=4)' of any "
                    + "registered experiment type ('mlops components --kind Experiment' lists them); repeat for "
                    + "several (default: logistic-regression and cart for a class label, linear-regression for a "
                    + "numeric one).")
    private List<String> models = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The seed of the default split and of every experiment (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "The tracking experiment the runs belong to (default: FILE's name without its extension).")
    private @Nullable String experiment;

    @Option(names = "--save-model", paramLabel = "FILE",
            description = "Also save the leaderboard's best model (the best that is not a baseline) to FILE, a saved "
                    + "model file that records its format, for 'mlops gate'.")
    private @Nullable Path saveModel;

    @Option(names = "--model-format", paramLabel = "SPEC", defaultValue = TribuoFormat.TYPE,
            description = "The format --save-model writes: tribuo (any Tribuo model), onnx (models Tribuo exports "
                    + "to ONNX, such as logistic and linear regression) or a plugin's; 'mlops components --kind "
                    + "ModelFormat' lists them (default: ${DEFAULT-VALUE}).")
    private String modelFormat = TribuoFormat.TYPE;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--json", description = "Print one JSON object instead of the leaderboard.")
    private boolean json;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    TrainCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        MlopsCommand root = Objects.requireNonNull(parent, "parent");
        Path inputFile = Objects.requireNonNull(file, "file");
        String labelColumn = Objects.requireNonNull(label, "label");
        Table table = input.read(inputFile);
        if (!table.schema().contains(labelColumn)) {
            throw CommandSupport.usage(commandSpec, "--label " + labelColumn + " is not a column of " + inputFile
                    + "; its columns are " + String.join(", ", table.schema().names()));
        }
        boolean classification = table.schema().field(labelColumn).type() != ColumnType.NUMERIC;
        Split rows = split == null ? (classification
                ? Splitters.stratified(SizePolicy.guide(), labelColumn, seed) : Splitters.random(SizePolicy.guide(), seed))
                .split(table) : Split.load(split);
        ComponentRegistry registry = root.registry();
        ModelFormat format = registry.create(ModelFormat.class, modelFormat);
        List<Experiment> experiments = new ArrayList<>();
        for (String model : models) {
            experiments.add(registry.create(Experiment.class, model));
        }
        if (models.isEmpty()) {
            experiments.addAll(classification ? List.of(LogisticRegression.defaults(), ClassificationTree.defaults())
                    : List.of(LinearRegression.defaults()));
        }
        List<Metric> metrics = classification ? Metrics.forClassification() : Metrics.forRegression();
        String name = experiment != null ? experiment : CommandSupport.stem(inputFile);
        StoreLocation location = storeOptions.forWriting(root.environment());
        RunnerResult result;
        try (TrackingStore tracking = location.open()) {
            result = ExperimentRunner.builder().data(table, labelColumn, rows).seed(Seed.of(seed)).metrics(metrics)
                    .experiments(experiments.toArray(new Experiment[0])).tracking(tracking, name).build().run();
        }
        String saved = saveModel == null ? null : save(saveModel, format, result);
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            ObjectNode document = document(inputFile, labelColumn, rows, name, location, result);
            if (saveModel != null) {
                ObjectNode savedModel = document.putObject("savedModel");
                savedModel.put("experiment", saved);
                savedModel.put("file", saveModel.toString());
                savedModel.put("format", format.spec().toString());
            }
            CommandSupport.printJson(out, document);
        } else {
            out.printf(Locale.ROOT, "%s: %d rows; label '%s' (%s); train %d, validation %d, test %d rows%n%n",
                    inputFile, table.rowCount(), labelColumn, classification ? "classification" : "regression",
                    rows.size("train"), rows.size("validation"), rows.size("test"));
            encoder(result).ifPresent(encoder -> {
                EncodingReport encoding = encoder.report();
                String handled = encoder.policy() == MissingPolicy.OMIT ? "rows left out" : "imputed";
                encoding.dropped().forEach((column, reason) -> out.printf(Locale.ROOT,
                        "Left out of the features: %s (%s)%n", column, reason));
                encoding.missing().forEach((column, count) -> out.printf(Locale.ROOT,
                        "Missing in the training rows, %s: %s (%d)%n", handled, column, count));
                if (!encoding.dropped().isEmpty() || !encoding.missing().isEmpty()) {
                    out.println();
                }
            });
            out.print(result.leaderboard().toText());
            out.printf(Locale.ROOT, "%nMetrics on the test rows, each model evaluated on them once; lift over the best "
                    + "baseline in %s.%nRuns: experiment '%s' in %s (mlops runs list --experiment %s).%n",
                    result.leaderboard().primaryMetric(), name, location.databaseUrl(), name);
            if (saveModel != null) {
                out.printf(Locale.ROOT, "Saved the best model, %s, to %s (model format %s).%n", saved, saveModel,
                        format.spec());
            }
        }
        out.flush();
        return MlopsCommand.EXIT_OK;
    }

    /**
     * The feature encoder of the first model that encoded the features for Tribuo (each fits its
     * encoder on the same training rows); empty when no such model ran.
     */
    private static Optional<FeatureEncoder> encoder(RunnerResult result) {
        return result.results().values().stream().map(ExperimentResult::model)
                .filter(TribuoPredictor.class::isInstance).map(model -> ((TribuoPredictor) model).encoder())
                .findFirst();
    }

    /**
     * Saves the leaderboard's best model.
     *
     * @return the experiment whose model was saved
     * @throws IllegalArgumentException if no model trained, or the format cannot write the best one
     */
    private static String save(Path file, ModelFormat format, RunnerResult result) {
        LeaderboardRow best = result.leaderboard().bestModel().orElseThrow(() -> new IllegalArgumentException(
                "--save-model " + file + ": no model trained without failing, so there is none to save"));
        ModelFiles.save(file, format, Objects.requireNonNull(result.results().get(best.experiment()),
                best.experiment()).model());
        return best.experiment();
    }

    private static ObjectNode document(Path inputFile, String labelColumn, Split rows, String name,
            StoreLocation location, RunnerResult result) {
        ObjectNode document = dev.mlops.core.json.Documents.create(KIND, FORMAT_VERSION);
        document.put("file", inputFile.toString());
        document.put("label", labelColumn);
        document.put("experiment", name);
        document.put("store", location.databaseUrl());
        ObjectNode sizes = document.putObject("sets");
        for (String set : rows.setNames()) {
            sizes.put(set, rows.size(set));
        }
        document.put("primaryMetric", result.leaderboard().primaryMetric());
        ArrayNode entries = document.putArray("rows");
        for (LeaderboardRow row : result.leaderboard().rows()) {
            ObjectNode entry = entries.addObject();
            entry.put("experiment", row.experiment());
            entry.put("baseline", row.baseline());
            entry.put("runId", row.runId());
            entry.set("validation", Json.toTree(row.validation()));
            entry.set("test", Json.toTree(row.test()));
            entry.set("lift", Json.toTree(row.lift()));
            entry.set("inferenceP50Micros", Json.toTree(row.inferenceP50Micros()));
            entry.set("inferenceP99Micros", Json.toTree(row.inferenceP99Micros()));
            entry.put("modelBytes", row.modelBytes());
            entry.put("mark", row.mark());
            entry.put("failure", row.failure());
        }
        return document;
    }
}
