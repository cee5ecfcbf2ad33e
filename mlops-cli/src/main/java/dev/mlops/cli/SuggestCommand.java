package dev.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.data.check.CheckSuggester;
import dev.mlops.data.check.SuggestedSuite;
import dev.mlops.data.check.Suggestion;
import dev.mlops.data.profile.DatasetProfile;
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
 * {@code mlops suggest FILE --out SUITE_JSON}: proposes a {@link dev.mlops.data.check.CheckSuite}
 * from baseline data, a file known to be good or its stored profile ({@code --profile}), with
 * {@link CheckSuggester}; writes the suite, a document to edit and give to {@code mlops check},
 * and prints each proposed check with its rationale (or one JSON object with {@code --json}).
 * Every proposed check passes on the baseline itself.
 */
@Command(
        name = "suggest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Proposes a check suite from baseline data: a file known to be good, or its stored profile.",
            "From a CSV or JSON Lines file, or with --profile from the profile that 'mlops profile --out' wrote, it "
                    + "proposes the schema; completeness (no missing value where the baseline has none); no negative "
                    + "values and the baseline's range for numbers; the allowed values of categories; uniqueness of "
                    + "columns whose values are all distinct. With --reference-checks also distribution checks "
                    + "against the baseline at warning severity (PSI per numeric column, chi-square per categorical "
                    + "column with allowed values), which 'mlops check' runs with --reference, the baseline's profile.",
            "Writes the suite to --out, a JSON document to edit and give to 'mlops check --suite'; prints each check "
                    + "with its severity and why it was proposed, or one JSON object with --json. Every proposed check "
                    + "passes on the baseline itself."
        })
final class SuggestCommand implements Callable<Integer> {
    static final String KIND = "check-suggestion";
    static final int FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The baseline data: a CSV or JSON Lines file (UTF-8); or give --profile.")
    private @Nullable Path file;

    @Option(names = "--profile", paramLabel = "PROFILE_JSON",
            description = "Suggest from this stored profile of the baseline instead of FILE.")
    private @Nullable Path profileFile;

    @Option(names = "--out", required = true, paramLabel = "SUITE_JSON",
            description = "The file to write the suite to (replaced atomically).")
    private @Nullable Path out;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The suite's name in reports (default: the name of FILE or PROFILE_JSON without its "
                    + "extension).")
    private @Nullable String name;

    @Option(names = "--max-categories", paramLabel = "N",
            description = "A categorical column with at most N distinct values gets an allowed-values check "
                    + "(default: " + CheckSuggester.DEFAULT_MAX_CATEGORIES + ").")
    private @Nullable Integer maxCategories;

    @Option(names = "--reference-checks",
            description = "Also propose distribution checks against the baseline, at warning severity, so that "
                    + "'mlops check --reference PROFILE_JSON' (the baseline's profile) catches drift: the population "
                    + "stability index (at most 0.25) per numeric column, the chi-square test of category shares per "
                    + "categorical column with allowed values.")
    private boolean referenceChecks;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Mixin
    private ProfileSettings settings = new ProfileSettings();

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    SuggestCommand() {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path suiteFile = Objects.requireNonNull(out, "out");
        Path source = source(commandSpec);
        String suiteName = CommandSupport.nameOrFileName(commandSpec, name, source);
        CheckSuggester suggester = CheckSuggester.defaults().withReferenceChecks(referenceChecks);
        if (maxCategories != null) {
            if (maxCategories < 1) {
                throw CommandSupport.usage(commandSpec, "--max-categories must be at least 1 but was " + maxCategories);
            }
            suggester = suggester.withMaxCategories(maxCategories);
        }
        if (CommandSupport.sameFile(suiteFile, source)) {
            throw CommandSupport.usage(commandSpec, "--out " + suiteFile + " would overwrite " + source);
        }
        DatasetProfile profile;
        if (profileFile != null) {
            profile = DatasetProfile.load(profileFile);
        } else {
            profile = ProfileSettings.profile(LoggedSource.of(input.tableFormat(source), source),
                    settings.options(commandSpec));
        }
        SuggestedSuite suggested = suggester.suggest(profile, suiteName);
        suggested.suite().save(suiteFile);
        PrintWriter stdout = commandSpec.commandLine().getOut();
        if (json) {
            stdout.print(jsonReport(source, suiteFile, suggested));
        } else {
            stdout.print(suggested.toText());
            stdout.print("suite written to " + suiteFile + "; check data against it with: mlops check FILE --suite "
                    + suiteFile + (suggested.suite().needsReference() ? " --reference PROFILE_JSON" : "") + "\n");
        }
        stdout.flush();
        return MlopsCommand.EXIT_OK;
    }

    /** @return FILE or the profile, whichever was given; refuses both, neither, and options that do not apply */
    private Path source(CommandSpec commandSpec) {
        if ((file == null) == (profileFile == null)) {
            throw CommandSupport.usage(commandSpec, file == null ? "give the baseline: FILE or --profile PROFILE_JSON"
                    : "give the baseline as FILE or as --profile PROFILE_JSON, not both");
        }
        if (profileFile != null && (settings.given() || input.given())) {
            throw CommandSupport.usage(commandSpec, "--profile reads a stored profile: the options that say how to read and profile "
                    + "FILE (--format, --delimiter, --missing, --charset, --zone, --exact-quantile-limit, --exact-distinct-limit, "
                    + "--top-k) do not apply");
        }
        return file != null ? file : Objects.requireNonNull(profileFile);
    }

    private static String jsonReport(Path source, Path suiteFile, SuggestedSuite suggested)
            throws JsonProcessingException {
        ObjectNode root = Documents.create(KIND, FORMAT_VERSION);
        root.put("source", source.toString());
        root.put("suiteFile", suiteFile.toString());
        root.put("name", suggested.suite().name());
        ArrayNode suggestions = root.putArray("suggestions");
        for (Suggestion suggestion : suggested.suggestions()) {
            ObjectNode entry = suggestions.addObject();
            entry.put("check", suggestion.check().name());
            entry.put("type", suggestion.check().type());
            ArrayNode columns = entry.putArray("columns");
            suggestion.check().columns().forEach(columns::add);
            entry.put("severity", suggestion.check().severity().label());
            entry.put("rationale", suggestion.rationale());
        }
        // the suite exactly as the file has it
        root.set("suite", Json.reader().readTree(suggested.suite().toJson()));
        return Documents.write(root) + "\n";
    }
}
