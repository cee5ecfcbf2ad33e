package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.json.Documents;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Table;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import dev.mlops.features.JoinRequest;
import dev.mlops.features.JoinResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mlops features join ROWS --prediction-time COL --features G[:F,...] --output FILE}: a
 * point-in-time join of features from one or more groups to entity rows, each row seeing only
 * values with event time at or before its prediction time; writes the joined table and prints
 * the lineage of the read (groups, versions, known-at bound, event-time window), also as a JSON
 * document with {@code --lineage FILE}.
 */
@Command(
        name = "join",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Joins features to entity rows at their prediction times: each row sees, per group, the values with "
                    + "the latest event time at or before its prediction time. Writes the rows' columns then the "
                    + "features to --output FILE and prints the lineage of the read: each group, its version, the "
                    + "write-time bound it saw and the event-time window read.",
            "By default the join sees every write so far (the bound is printed, and --known-at TIME with it "
                    + "reproduces the join); --known-at-prediction-time lets each row see only what had been "
                    + "written by its prediction time, capped at the store's latest write (printed with the suffix "
                    + "/prediction-time; --known-at-prediction-time --known-at CAP reproduces it)."
        })
final class FeaturesJoinCommand implements Callable<Integer> {
    /** The kind of the {@code --lineage} document. */
    static final String LINEAGE_KIND = "feature-join-lineage";
    /** The version of its format. */
    static final int LINEAGE_FORMAT_VERSION = 1;

    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable FeaturesCommand parent;

    @Parameters(index = "0", paramLabel = "ROWS",
            description = "The entity rows: a column per group's entity key and the prediction-time column.")
    private @Nullable Path rows;

    @Option(names = "--prediction-time", required = true, paramLabel = "COLUMN",
            description = "The rows' timestamp column holding each row's prediction time.")
    private String predictionTime = "";

    @Option(names = "--features", required = true, paramLabel = "GROUP[:FEATURE,...]",
            description = "Features of one group to join: all of them, or some (customer:age,tenure); repeat for "
                    + "several groups.")
    private List<String> selections = new ArrayList<>();

    @Option(names = "--entity-column", paramLabel = "GROUP=COLUMN", converter = EntityColumnConverter.class,
            description = "The rows' column holding a group's entity key, when not named as the group's key "
                    + "(repeat for several groups).")
    private List<EntityColumn> entityColumns = new ArrayList<>();

    @Option(names = "--known-at", paramLabel = "TIME", converter = CommandSupport.InstantConverter.class,
            description = "See only records written by this time, such as the bound an earlier join printed; with "
                    + "--known-at-prediction-time, the cap on every row's own bound.")
    private @Nullable Instant knownAt;

    @Option(names = "--known-at-prediction-time",
            description = "Let each row see only records written by its own prediction time.")
    private boolean knownAtPredictionTime;

    @Option(names = "--qualified-names",
            description = "Name feature columns GROUP.FEATURE, for groups sharing feature names.")
    private boolean qualifiedNames;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "Where the joined table goes, in the format its extension names (.csv, .jsonl, a plugin's; "
                    + "else CSV).")
    private @Nullable Path output;

    @Option(names = "--lineage", paramLabel = "FILE",
            description = "Also write the lineage as a JSON document (kind " + LINEAGE_KIND + ").")
    private @Nullable Path lineage;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private AccessOptions who = new AccessOptions();

    FeaturesJoinCommand() {
    }

    /**
     * An {@code --entity-column}.
     *
     * @param group the group
     * @param column the rows' column holding its entity key
     */
    record EntityColumn(String group, String column) {
    }

    @Override
    public Integer call() {
        CommandSpec command = Objects.requireNonNull(spec, "spec");
        Path rowsFile = Objects.requireNonNull(rows, "rows");
        Path target = Objects.requireNonNull(output, "output");
        if (CommandSupport.sameFile(rowsFile, target)) {
            throw CommandSupport.usage(command, "--output " + target + " is the rows file; write elsewhere");
        }
        Table entityRows = input.read(rowsFile);
        JoinRequest.Builder request = JoinRequest.builder(entityRows, predictionTime);
        selections.forEach(selection -> request.features(FeatureSelection.parse(selection)));
        entityColumns.forEach(mapping -> request.entityColumn(mapping.group(), mapping.column()));
        if (knownAtPredictionTime && knownAt != null) {
            request.knownAtPredictionTime(knownAt);
        } else if (knownAtPredictionTime) {
            request.knownAtPredictionTime();
        } else if (knownAt != null) {
            request.knownAt(knownAt);
        }
        if (qualifiedNames) {
            request.qualifiedNames();
        }
        JoinResult joined;
        try (FeatureStore features = Objects.requireNonNull(parent, "parent").open(store, who, false)) {
            joined = features.join(who.principal(), request.build());
        }
        InputFormat.defaultsFor(target, InputFormat.Options.registry(command)).write(joined.table(), target);
        ObjectNode document = Documents.create(LINEAGE_KIND, LINEAGE_FORMAT_VERSION);
        document.put("rows", rowsFile.toString());
        document.put("predictionTime", joined.predictionTime());
        document.put("knownAt", joined.knownAt().toString());
        RunsJson.inputs(document.putArray("inputs"), joined.lineage());
        if (lineage != null) {
            AtomicFiles.writeString(lineage, Documents.write(document) + "\n");
        }
        PrintWriter out = command.commandLine().getOut();
        out.print("joined " + joined.table().rowCount() + " rows with " + (joined.table().columnCount()
                - entityRows.columnCount()) + " features to " + target + ", known at " + joined.knownAt() + "\n");
        for (LineageInput read : joined.lineage()) {
            out.print("  read " + read + "\n");
        }
        return MlopsCommand.EXIT_OK;
    }

    /** Reads {@code --entity-column GROUP=COLUMN}. */
    static final class EntityColumnConverter implements ITypeConverter<EntityColumn> {
        @Override
        public EntityColumn convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new TypeConversionException("expected GROUP=COLUMN, such as account=account_no, but was '"
                        + value + "'");
            }
            return new EntityColumn(value.substring(0, equals).strip(), value.substring(equals + 1).strip());
        }
    }
}
