package dev.mlops.cli;

import dev.mlops.core.Seed;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Table;
import dev.mlops.data.slice.Slice;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.gate.Evaluation;
import dev.mlops.deploy.gate.GateInput;
import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.gate.QualityGate;
import dev.mlops.deploy.gate.ValidationSet;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.train.experiment.ClassificationBaseline;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.RegressionBaseline;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Predictor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops gate --candidate FILE --production FILE --validation FILE --label COLUMN}: the
 * quality gate of {@code dev.mlops.deploy.gate} in CI. Evaluates the candidate model and the
 * production model (or, for a first model, a baseline fitted on {@code --baseline-train}) on the
 * same validation file, on each named {@code --slice} and on an optional {@code --recent} file,
 * checks the {@code --rule}s (the gate's defaults unless given), prints the report's text (or its
 * JSON) and exits {@link MlopsCommand#EXIT_CHECK_FAILED} when the gate fails. A model is a saved
 * model file, read by {@link ModelFiles} in the format it records (or in {@code --model-format}),
 * or a version in the registry of the store's location ({@code churn@production}, {@code churn:4}),
 * loaded with its content hash verified.
 */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Evaluates a candidate model against the production model on a fixed validation file, its named slices "
                    + "and an optional recent file, checks the rules, prints the gate report and exits 1 when the "
                    + "gate fails.",
            "A first model has no production model: give --baseline-train (the training rows) and it is gated "
                    + "against the most frequent class (or the mean, for a numeric label) learned from them.",
            "A model is a file 'mlops train --save-model' writes (a saved model records its format; "
                    + "--model-format reads bare bytes written by a format's own code) or, when no such file exists, "
                    + "a version in the registry of the store (--store): " + ModelReference.HELP
                    + " (its latest version)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mlops gate --candidate build/model.bin --production models/production.bin --validation val.csv "
                    + "--label class --slice 'young=age < 25'",
            "  mlops gate --candidate build/model.bin --production churn@production --validation val.csv "
                    + "--label class",
            "  mlops gate --candidate build/model.bin --baseline-train train.csv --validation val.csv --label class "
                    + "--rule 'metric(metric=accuracy, margin=0)' --rule 'latency(p95=5)' --json"
        })
final class GateCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Option(names = "--candidate", required = true, paramLabel = "MODEL",
            description = "The candidate model: a saved model file, or a registry version such as churn:4 (a bare "
                    + "name means its latest version).")
    private @Nullable String candidate;

    @Option(names = "--production", paramLabel = "MODEL",
            description = "The model in production, the reference: a saved model file, or a registry version such "
                    + "as churn:3 (a bare name, churn, means its production version).")
    private @Nullable String production;

    @Option(names = "--baseline-train", paramLabel = "FILE",
            description = "Training rows (CSV or JSON Lines, with the label) to fit the baseline on: the most "
                    + "frequent class, or the mean of a numeric label. The reference when there is no --production; "
                    + "what 'significance(against=baseline)' compares with.")
    private @Nullable Path baselineTrain;

    @Option(names = "--validation", required = true, paramLabel = "FILE",
            description = "The fixed validation rows, with the label: a CSV or JSON Lines file.")
    private @Nullable Path validation;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The label column.")
    private @Nullable String label;

    @Option(names = "--slice", paramLabel = "NAME=PREDICATE",
            description = "A named slice of the rows, such as 'young=age < 25' (the predicate syntax of slices and "
                    + "checks); repeat for several.")
    private List<String> slices = new ArrayList<>();

    @Option(names = "--recent", paramLabel = "FILE",
            description = "Recent rows with the label, on which both models are also evaluated.")
    private @Nullable Path recent;

    @Option(names = "--rule", paramLabel = "SPEC",
            description = "A rule: " + GateRuleSpecs.SYNTAX + "; repeat for several (default: the gate's defaults, "
                    + "macro-F1 no lower by more than 0.01 and no slice's accuracy lower by more than 0.03).")
    private List<String> rules = new ArrayList<>();

    @Option(names = "--model-format", paramLabel = "SPEC",
            description = "The format to read the model files in, for files without the saved-model header; "
                    + "'mlops components --kind ModelFormat' lists them (default: the format a file records).")
    private @Nullable String modelFormat;

    @Option(names = "--json", description = "Print the JSON report instead of text.")
    private boolean json;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    GateCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        MlopsCommand root = Objects.requireNonNull(parent, "parent");
        String labelColumn = Objects.requireNonNull(label, "label");
        if (production == null && baselineTrain == null) {
            throw CommandSupport.usage(commandSpec, "give --production MODEL, or, for a first model without one, "
                    + "--baseline-train FILE to gate it against a baseline");
        }
        @Nullable ModelFormat format = modelFormat == null ? null : root.registry().create(ModelFormat.class, modelFormat);
        Clock clock = Clock.systemUTC();
        QualityGate defaults = QualityGate.defaults(clock);
        QualityGate gate = QualityGate.of(GateRuleSpecs.parse(rules, defaults.rules()), defaults.bootstrap(), clock);
        List<Slice> named = new ArrayList<>();
        for (String slice : slices) {
            named.add(slice(commandSpec, slice));
        }
        Path validationFile = Objects.requireNonNull(validation, "validation");
        Table validationRows = input.read(validationFile);
        if (!validationRows.schema().contains(labelColumn)) {
            throw CommandSupport.usage(commandSpec, "--label " + labelColumn + " is not a column of " + validationFile
                    + "; its columns are " + String.join(", ", validationRows.schema().names()));
        }
        ValidationSet set = ValidationSet.of(validationFile.toString(), validationRows, labelColumn, named);
        ModelArgument candidateModel = load(root, Objects.requireNonNull(candidate, "candidate"), format,
                Optional.empty());
        GateInput gateInput = GateInput.of(Evaluation.of(candidateModel.name(), candidateModel.predictor(), set));
        Predictor reference = null;
        String referenceName = null;
        if (production != null) {
            ModelArgument productionModel = load(root, production, format, Optional.of(Stage.PRODUCTION));
            reference = productionModel.predictor();
            referenceName = productionModel.name();
            gateInput = gateInput.withProduction(Evaluation.of(referenceName, reference, set));
        }
        if (baselineTrain != null) {
            Predictor baseline = baseline(baselineTrain, validationRows, labelColumn);
            String baselineName = "baseline fitted on " + baselineTrain;
            gateInput = gateInput.withBaseline(Evaluation.of(baselineName, baseline, set));
            if (reference == null) {
                reference = baseline;
                referenceName = baselineName;
            }
        }
        if (recent != null) {
            ValidationSet recentSet = ValidationSet.of(recent.toString(), input.read(recent), labelColumn, named);
            gateInput = gateInput.withRecent(Evaluation.of(candidateModel.name(), candidateModel.predictor(), recentSet),
                    Evaluation.of(Objects.requireNonNull(referenceName, "reference"),
                            Objects.requireNonNull(reference, "reference"), recentSet));
        }
        GateReport report = gate.check(gateInput);
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? report.toJson() + "\n" : report.toText());
        out.flush();
        return report.passed() ? MlopsCommand.EXIT_OK : MlopsCommand.EXIT_CHECK_FAILED;
    }

    /** Loads a model; a bare registry name means its latest version, or {@code bare}'s version. */
    private ModelArgument load(MlopsCommand root, String text, @Nullable ModelFormat format, Optional<Stage> bare) {
        return ModelArgument.load(root, text, format, store, who, bare);
    }

    private static Slice slice(CommandSpec commandSpec, String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || text.substring(0, equals).isBlank()) {
            throw CommandSupport.usage(commandSpec, "--slice '" + text + "' is not NAME=PREDICATE, such as "
                    + "'young=age < 25'");
        }
        return Slice.of(text.substring(0, equals).strip(), text.substring(equals + 1));
    }

    /** The most frequent class, or the mean of a numeric label, learned from the training rows. */
    private Predictor baseline(Path file, Table validationRows, String labelColumn) {
        Table train = input.read(file);
        boolean numeric = train.schema().contains(labelColumn)
                && train.schema().field(labelColumn).type() == ColumnType.NUMERIC;
        Experiment experiment = numeric ? new RegressionBaseline(RegressionBaseline.Strategy.MEAN)
                : new ClassificationBaseline(ClassificationBaseline.Strategy.MOST_FREQUENT);
        return experiment.run(ExperimentContext.of(train, validationRows, labelColumn, Seed.of(0),
                numeric ? Metrics.forRegression() : Metrics.forClassification(), List.of(), null)).model();
    }
}
