package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.Seed;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.ExperimentRunner;
import dev.mlops.train.features.ExplainedOutput;
import dev.mlops.train.features.FeatureImportance;
import dev.mlops.train.features.GlobalExplanation;
import dev.mlops.train.features.ImportanceReport;
import dev.mlops.train.features.PermutationImportance;
import dev.mlops.train.features.ShapleyExplainer;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
 * {@code mlops explain RUN FILE}: which features a tracked run's model leans on. A run of
 * {@code mlops train} (or of an {@link ExperimentRunner} with a store) records its experiment's
 * spec, its seed, its label and its split; the command trains the same model again on the same
 * rows of FILE (which must be the data the run was trained on: the split's fingerprint says so)
 * and prints, per feature, the permutation importance on the validation rows (the first metric's
 * mean drop over seeded shuffles, with its confidence interval) and the mean |SHAP| over up to
 * {@code --rows} validation rows (Monte-Carlo permutation sampling against up to 100 training
 * rows, with its standard error); or one JSON object with {@code --json}.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Prints the features a tracked run's model leans on: permutation importance on the validation rows "
                    + "and mean |SHAP| (for a classifier, of the log-odds of --class), each with its uncertainty.",
            "The model is trained again from the run's spec, seed and split on FILE, which must hold the data the "
                    + "run was trained on."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  mlops explain 3f9a2c credit-g.csv", "  mlops explain 3f9a2c credit-g.csv --class bad --rows 50"})
final class ExplainCommand implements Callable<Integer> {
    static final String KIND = "explanation";
    static final int FORMAT_VERSION = 1;
    /** The most training rows the Shapley values' background takes. */
    static final int BACKGROUND_ROWS = 100;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Parameters(index = "0", paramLabel = "RUN",
            description = "The run's id, or a unique prefix of at least " + RunsCommand.MIN_PREFIX + " characters.")
    private @Nullable String run;

    @Parameters(index = "1", paramLabel = "FILE", description = "The data the run was trained on.")
    private @Nullable Path file;

    @Option(names = "--class", paramLabel = "CLASS",
            description = "For a classifier, the class whose log-odds the Shapley values explain (default: the "
                    + "model's first class).")
    private @Nullable String explainedClass;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "50",
            description = "How many validation rows the mean |SHAP| averages over (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + ShapleyExplainer.DEFAULT_SAMPLES,
            description = "Antithetic pairs of feature orders per row for the Shapley values (default: "
                    + "${DEFAULT-VALUE}); the standard errors shrink as 1/sqrt(N).")
    private int samples;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "" + PermutationImportance.DEFAULT_REPEATS,
            description = "Shuffles per feature for the permutation importance (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Mixin
    private StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    ExplainCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        MlopsCommand root = Objects.requireNonNull(parent, "parent");
        if (rows < 1 || samples < 1 || repeats < 2) {
            throw CommandSupport.usage(commandSpec, "--rows and --samples must be at least 1 and --repeats at least 2,"
                    + " but were " + rows + ", " + samples + " and " + repeats);
        }
        Path inputFile = Objects.requireNonNull(file, "file");
        RunRecord record;
        Split split;
        try (TrackingStore tracking = storeOptions.forReading(root.environment()).open()) {
            record = RunsCommand.resolve(tracking, Objects.requireNonNull(run, "run"));
            split = Split.fromJson(new String(readSplit(tracking, record), StandardCharsets.UTF_8));
        }
        String experimentSpec = requireParam(record, ExperimentRunner.EXPERIMENT_PARAM);
        String label = requireParam(record, ExperimentRunner.LABEL_PARAM);
        Seed seed = Seed.of(record.info().seed().orElseThrow(() -> new MlopsException("run " + record.id()
                + " has no seed; it cannot be trained again")));
        Table table = input.read(inputFile);
        if (!split.matches(table)) {
            throw new MlopsException(inputFile + " is not the data run " + record.id() + " was trained on: the run's"
                    + " split is of data with fingerprint " + split.fingerprint() + " (" + split.rowCount() + " rows)");
        }
        Experiment experiment = root.registry().create(Experiment.class, experimentSpec);
        Table train = split.set(table, "train");
        Table validation = split.set(table, "validation");
        ExperimentContext context = ExperimentContext.of(train, validation, label, seed, List.of(primary(train, label)),
                List.of(), null);
        ExperimentResult result = experiment.run(context);
        Predictor model = result.model();
        Metric metric = context.metrics().get(0);
        ImportanceReport importance = PermutationImportance.of(model, metric, seed.derive("explain/permutation"))
                .withRepeats(repeats).compute(validation, validation.column(label));
        Table background = train.head(Math.min(BACKGROUND_ROWS, train.rowCount()));
        ShapleyExplainer explainer = ShapleyExplainer.builder(model, background, seed.derive("explain/shapley"))
                .output(explained(model, commandSpec)).samples(samples).build();
        GlobalExplanation shapley = explainer.global(validation.head(Math.min(rows, validation.rowCount())));
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            CommandSupport.printJson(out, document(record, experimentSpec, importance, shapley, explainer));
        } else {
            out.print(text(record, experimentSpec, importance, shapley, explainer));
        }
        out.flush();
        return MlopsCommand.EXIT_OK;
    }

    private static byte[] readSplit(TrackingStore tracking, RunRecord record) {
        if (record.artifacts().stream().noneMatch(artifact -> artifact.path().equals(ExperimentRunner.SPLIT_ARTIFACT))) {
            throw new MlopsException("run " + record.id() + " has no artifact " + ExperimentRunner.SPLIT_ARTIFACT
                    + ": only a run of 'mlops train' or of an ExperimentRunner can be explained");
        }
        return tracking.readArtifact(record.id(), ExperimentRunner.SPLIT_ARTIFACT);
    }

    private static String requireParam(RunRecord record, String name) {
        String value = record.params().get(name);
        if (value == null) {
            throw new MlopsException("run " + record.id() + " has no parameter '" + name + "': only a run of 'mlops "
                    + "train' or of an ExperimentRunner can be explained");
        }
        return value;
    }

    /** The metric whose drop ranks the features: accuracy for a class label, RMSE for a numeric one. */
    private static Metric primary(Table train, String label) {
        return Task.of(train.schema(), label) == Task.CLASSIFICATION ? Metrics.accuracy() : Metrics.rmse();
    }

    private ExplainedOutput explained(Predictor model, CommandSpec commandSpec) {
        if (model.outputs().task() == Task.REGRESSION) {
            if (explainedClass != null) {
                throw CommandSupport.usage(commandSpec, "--class applies to a classifier; this run's model is a "
                        + "regression model");
            }
            return ExplainedOutput.value();
        }
        String target = explainedClass != null ? explainedClass : model.outputs().classes().get(0);
        if (!model.outputs().classes().contains(target)) {
            throw CommandSupport.usage(commandSpec, "--class " + target + " is not one of the model's classes "
                    + model.outputs().classes());
        }
        return ExplainedOutput.logOdds(target);
    }

    private static String text(RunRecord record, String experimentSpec, ImportanceReport importance,
            GlobalExplanation shapley, ShapleyExplainer explainer) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "run %s: %s, trained again from its spec, seed and split%n",
                record.id(), experimentSpec));
        text.append(String.format(Locale.ROOT, "permutation importance: drop of %s on the validation rows (%.4f "
                + "unshuffled), mean of %d shuffles, %.0f%% interval%n", importance.metric(), importance.baseline(),
                importance.repeats(), 100 * importance.confidence()));
        text.append(String.format(Locale.ROOT, "mean |SHAP| of %s over %d validation rows, %d samples each, ± its"
                + " standard error%n%n", describe(explainer.output()), shapley.rows().size(), explainer.samples()));
        int width = "feature".length();
        for (FeatureImportance feature : importance.features()) {
            width = Math.max(width, feature.feature().length());
        }
        text.append(String.format(Locale.ROOT, "%-" + width + "s  %10s  %21s  %10s  %9s%n", "feature", "importance",
                "interval", "mean|SHAP|", "± se"));
        for (FeatureImportance feature : importance.features()) {
            GlobalExplanation.Importance shap = shapley.importances().stream()
                    .filter(entry -> entry.feature().equals(feature.feature())).findFirst().orElseThrow();
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %10.4f  [%9.4f, %9.4f]  %10.4f  %9.4f%n",
                    feature.feature(), feature.mean(), feature.lower(), feature.upper(), shap.meanAbsolute(),
                    shap.standardError()));
        }
        return text.toString();
    }

    /** @return what the Shapley values explain, in words: the value, or a class's score or log-odds */
    private static String describe(ExplainedOutput output) {
        return switch (output.scale()) {
            case VALUE -> "the predicted value";
            case SCORE -> "the score of '" + output.label().orElseThrow() + "'";
            case LOG_ODDS -> "the log-odds of '" + output.label().orElseThrow() + "'";
        };
    }

    private static ObjectNode document(RunRecord record, String experimentSpec, ImportanceReport importance,
            GlobalExplanation shapley, ShapleyExplainer explainer) {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        document.put("run", record.id());
        document.put("experiment", experimentSpec);
        document.put("metric", importance.metric());
        document.put("baseline", importance.baseline());
        document.put("repeats", importance.repeats());
        document.put("confidence", importance.confidence());
        document.put("explained", describe(explainer.output()));
        document.put("shapleyRows", shapley.rows().size());
        document.put("samples", explainer.samples());
        ArrayNode features = document.putArray("features");
        for (FeatureImportance feature : importance.features()) {
            GlobalExplanation.Importance shap = shapley.importances().stream()
                    .filter(entry -> entry.feature().equals(feature.feature())).findFirst().orElseThrow();
            ObjectNode entry = features.addObject();
            entry.put("feature", feature.feature());
            entry.put("importance", feature.mean());
            entry.put("lower", feature.lower());
            entry.put("upper", feature.upper());
            entry.put("meanAbsoluteShap", shap.meanAbsolute());
            entry.put("shapStandardError", shap.standardError());
        }
        return document;
    }
}
