package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckSuggester;
import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.baseline.SageMakerExport;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code mlops baseline TRAIN --out DIR}: makes a {@link Baseline} of a training file (its schema,
 * profile, a suggested check suite, fingerprint and row count) and writes it into a directory;
 * {@code --sagemaker DIR} also writes it as SageMaker Model Monitor's {@code statistics.json} and
 * {@code constraints.json} ({@link SageMakerExport}). Prints a summary, or one JSON object with
 * {@code --json}.
 */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Makes the baseline that monitoring compares production data with: the training file's schema, its "
                    + "profile, a suggested check suite (as 'mlops suggest --reference-checks' proposes it), its "
                    + "fingerprint and row count.",
            "Writes baseline.json, profile.json and suite.json into --out; --sagemaker also writes statistics.json and "
                    + "constraints.json in the shape of Amazon SageMaker Model Monitor's baseline. Columns that the "
                    + "format's schema marks sensitive are kept sketch-only, and the SageMaker files hold no raw value "
                    + "of them.",
            "Prints a summary, or one JSON object with --json."
        })
final class BaselineCommand implements Callable<Integer> {
    static final String KIND = "baseline-summary";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRAIN", description = "The training data: a CSV or JSON Lines file (UTF-8).")
    private @Nullable Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The baseline directory to write (made if absent; its three files replaced atomically).")
    private @Nullable Path out;

    @Option(names = "--sagemaker", paramLabel = "DIR",
            description = "Also write SageMaker Model Monitor's statistics.json and constraints.json into this "
                    + "directory.")
    private @Nullable Path sagemaker;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The suite's name in reports (default: the name of TRAIN without its extension).")
    private @Nullable String name;

    @Option(names = "--max-categories", paramLabel = "N",
            description = "The suite lists the allowed values of a categorical or boolean column with at most N of "
                    + "them (default: " + CheckSuggester.DEFAULT_MAX_CATEGORIES + ").")
    private @Nullable Integer maxCategories;

    @Option(names = "--no-reference-checks",
            description = "Leave out the distribution checks against the baseline (PSI per numeric column, "
                    + "chi-square per categorical column with allowed values).")
    private boolean noReferenceChecks;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Mixin
    private ProfileSettings settings = new ProfileSettings();

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    BaselineCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path inputFile = Objects.requireNonNull(file, "file");
        Path directory = Objects.requireNonNull(out, "out");
        if (CommandSupport.sameFile(directory, inputFile)) {
            throw CommandSupport.usage(commandSpec, "--out " + directory + " would overwrite the input file");
        }
        if (sagemaker != null && CommandSupport.sameFile(sagemaker, inputFile)) {
            throw CommandSupport.usage(commandSpec, "--sagemaker " + sagemaker + " would overwrite the input file");
        }
        Baseline.Builder builder = Baseline.builder().profileOptions(settings.options(commandSpec))
                .referenceChecks(!noReferenceChecks)
                .suiteName(CommandSupport.nameOrFileName(commandSpec, name, inputFile));
        if (maxCategories != null) {
            if (maxCategories < 1) {
                throw CommandSupport.usage(commandSpec, "--max-categories must be at least 1 but was " + maxCategories);
            }
            builder.maxCategories(maxCategories);
        }
        Table table = input.read(inputFile);
        Baseline baseline;
        try {
            baseline = builder.build(table);
        } catch (IllegalArgumentException e) {
            throw new MlopsException(inputFile + ": " + e.getMessage());
        }
        baseline.write(directory);
        if (sagemaker != null) {
            SageMakerExport.write(baseline, sagemaker);
        }
        PrintWriter stdout = commandSpec.commandLine().getOut();
        if (json) {
            CommandSupport.printJson(stdout, report(inputFile, baseline));
        } else {
            stdout.print(text(inputFile, baseline));
            stdout.flush();
        }
        return MlopsCommand.EXIT_OK;
    }

    private String text(Path inputFile, Baseline baseline) {
        int sensitive = baseline.profile().sensitiveColumns().size();
        StringBuilder text = new StringBuilder();
        text.append("baseline of ").append(inputFile).append(": ").append(baseline.rowCount()).append(" rows, ")
                .append(baseline.schema().size()).append(" columns");
        if (sensitive > 0) {
            text.append(" (").append(sensitive).append(" sensitive, kept sketch-only: ")
                    .append(String.join(", ", baseline.profile().sensitiveColumns())).append(')');
        }
        text.append('\n');
        text.append("suite '").append(baseline.suite().name()).append("': ").append(baseline.suite().checks().size())
                .append(" checks").append(baseline.suite().needsReference() ? ", run with the baseline's profile as"
                        + " the reference" : "").append('\n');
        text.append("baseline written to ").append(out).append(" (").append(Baseline.MANIFEST_FILE).append(", ")
                .append(Baseline.PROFILE_FILE).append(", ").append(Baseline.SUITE_FILE).append(")\n");
        if (sagemaker != null) {
            text.append("SageMaker baseline written to ").append(sagemaker).append(" (")
                    .append(SageMakerExport.STATISTICS_FILE).append(", ").append(SageMakerExport.CONSTRAINTS_FILE)
                    .append(")\n");
        }
        return text.toString();
    }

    private ObjectNode report(Path inputFile, Baseline baseline) {
        ObjectNode root = Documents.create(KIND, FORMAT_VERSION);
        root.put("source", inputFile.toString());
        root.put("directory", String.valueOf(out));
        if (sagemaker == null) {
            root.putNull("sagemaker");
        } else {
            root.put("sagemaker", sagemaker.toString());
        }
        root.put("createdAt", baseline.createdAt().toString());
        root.put("fingerprint", baseline.fingerprint().sha256());
        root.put("rowCount", baseline.rowCount());
        ArrayNode columns = root.putArray("columns");
        baseline.schema().names().forEach(columns::add);
        ArrayNode sensitive = root.putArray("sensitiveColumns");
        baseline.profile().sensitiveColumns().forEach(sensitive::add);
        ObjectNode suite = root.putObject("suite");
        suite.put("name", baseline.suite().name());
        suite.put("checks", baseline.suite().checks().size());
        suite.put("needsReference", baseline.suite().needsReference());
        return root;
    }
}
