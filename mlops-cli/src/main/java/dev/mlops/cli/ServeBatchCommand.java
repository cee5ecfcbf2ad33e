package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.deploy.batch.BatchSummary;
import dev.mlops.deploy.batch.BatchTransform;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.registry.Stage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops serve-batch MODEL[:VERSION] INPUT --out FILE}: a batch transform
 * ({@link BatchTransform}) of a CSV or JSON Lines file through a model from the registry in the
 * store's location, or through a saved model file. Prints the summary on stdout and the progress
 * on stderr; exits 0 when every row was predicted, {@link MlopsCommand#EXIT_CHECK_FAILED} when
 * rows went to the error file, {@link MlopsCommand#EXIT_BAD_INPUT} for bad input.
 */
@Command(
        name = "serve-batch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Predicts every row of a CSV or JSON Lines file with a model, on several threads, in chunks (the input "
                    + "may be larger than memory), and writes one output row per input row, in input order: the "
                    + "record id (--id's column, else the row's physical line), the --keep columns, the prediction "
                    + "and the scores.",
            "MODEL is a saved model file (as 'mlops train --save-model' writes) when a file of that name exists; "
                    + "otherwise a model of the registry in the store's location (--store), as NAME (its "
                    + "production version) or NAME:VERSION.",
            "A row that cannot be predicted (a cell that does not parse, a missing feature, a malformed record, a "
                    + "row the model fails on) goes to the error file with its line and reason, and the job goes "
                    + "on. After each chunk a checkpoint OUT.checkpoint.json records the progress; --resume goes on "
                    + "from it after a crash or a kill, and refuses if the input or the model changed.",
            "Progress goes to stderr (a live line on a terminal, a line every 10 seconds otherwise, none with "
                    + "--quiet); the summary to stdout. Exit status: 0 when every row was predicted, 1 when rows "
                    + "went to the error file, 2 for bad input."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mlops serve-batch churn customers.csv --out predictions.csv --id customer_id --keep country",
            "  mlops serve-batch churn:3 customers.jsonl --out predictions.jsonl --threads 4 --resume",
            "  mlops serve-batch build/model.bin customers.csv --out predictions.csv --errors rejected.csv"
        })
final class ServeBatchCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL",
            description = "A saved model file, or when no such file exists a registered version: "
                    + ModelReference.HELP + " (its production version).")
    private @Nullable String model;

    @Parameters(index = "1", paramLabel = "INPUT", description = "The rows: a CSV (with a header) or JSON Lines file.")
    private @Nullable Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The predictions, CSV or JSON Lines by the file's extension (replaced unless --resume).")
    private @Nullable Path out;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "The rows set apart, with columns line and reason (default: OUT.errors.csv).")
    private @Nullable Path errors;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the processors).")
    private @Nullable Integer threads;

    @Option(names = "--id", paramLabel = "COLUMN",
            description = "The input column that identifies a record (default: the physical line, in a column line).")
    private @Nullable String id;

    @Option(names = "--keep", paramLabel = "COLUMNS", split = ",",
            description = "Input columns to copy beside the predictions (repeat or separate with commas).")
    private List<String> keep = new ArrayList<>();

    @Option(names = "--resume", description = "Go on from the checkpoint of an earlier run that stopped.")
    private boolean resume;

    @Option(names = "--quiet", description = "Show no progress.")
    private boolean quiet;

    @Option(names = "--model-format", paramLabel = "SPEC",
            description = "The format to read a model file in, for a file without the saved-model header.")
    private @Nullable String modelFormat;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    @Mixin
    private InputFormat.Options inputOptions = new InputFormat.Options();

    ServeBatchCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        MlopsCommand root = Objects.requireNonNull(parent, "parent");
        Path inputFile = Objects.requireNonNull(input, "input");
        Path outFile = Objects.requireNonNull(out, "out");
        if (threads != null && threads < 1) {
            throw CommandSupport.usage(commandSpec, "--threads must be at least 1 but was " + threads);
        }
        if (!Files.isRegularFile(inputFile)) {
            throw new MlopsException("the input " + inputFile + " does not exist or is not a file");
        }
        @Nullable ModelFormat format = modelFormat == null ? null
                : root.registry().create(ModelFormat.class, modelFormat);
        ModelArgument loaded = ModelArgument.load(root, Objects.requireNonNull(model, "model"), format, store, who,
                Optional.of(Stage.PRODUCTION));
        BatchTransform.Builder builder = BatchTransform.builder(loaded.predictor(), loaded.fingerprint())
                .input(inputFile, inputOptions.tableFormat(inputFile))
                .output(outFile, InputFormat.defaultsFor(outFile, root.registry()))
                .keep(keep)
                .resume(resume);
        if (errors != null) {
            builder.errors(errors, InputFormat.defaultsFor(errors, root.registry()));
        }
        if (threads != null) {
            builder.threads(threads);
        }
        if (id != null) {
            builder.idColumn(id);
        }
        PrintWriter err = commandSpec.commandLine().getErr();
        ProgressPrinter printer = null;
        if (!quiet) {
            printer = new ProgressPrinter(err, System.console() != null, ProgressPrinter.PLAIN_INTERVAL);
            builder.progress(printer);
        }
        BatchTransform transform = builder.build();
        BatchSummary summary = transform.run();
        if (printer != null) {
            printer.finish();
        }
        PrintWriter stdout = commandSpec.commandLine().getOut();
        stdout.println(summary.toText());
        stdout.println("predictions: " + outFile);
        if (summary.errors() > 0) {
            stdout.println("rows set apart: " + transform.errors());
        }
        stdout.flush();
        return summary.errors() == 0 ? MlopsCommand.EXIT_OK : MlopsCommand.EXIT_CHECK_FAILED;
    }
}
