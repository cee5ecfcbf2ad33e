package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.access.Principal;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.deploy.format.ModelFiles;
import dev.mlops.deploy.registry.ApprovalPolicy;
import dev.mlops.deploy.registry.LineageTags;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Registration;
import dev.mlops.train.tracking.MetricPoint;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code mlops registry register MODEL FILE --format SPEC}: stores a model file as the next version
 * of a model, a candidate, with its lineage tags (build, commit, data fingerprint, training run,
 * split), provenance tags and metrics. With {@code --run}, the run's id, code version, lineage
 * inputs and latest metrics come from the tracking store.
 */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Registers a model file as the next version of a model, a candidate. The format (a model format "
                    + "component, such as tribuo or onnx, or a plugin's; without --format, the one a saved model "
                    + "file records) must read the file.",
            "With --run, the run's id, code version (unless --commit), lineage inputs and latest metrics (unless "
                    + "--metric names them) come from the tracking store. Creates the store if it does not exist."
        })
final class RegistryRegisterCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @ParentCommand
    private @Nullable RegistryCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL",
            description = "The model's name: letters, digits, '_', '-' and '.', starting with a letter or digit.")
    private String model = "";

    @Parameters(index = "1", paramLabel = "FILE", description = "The model file.")
    private @Nullable Path file;

    @Option(names = "--format", paramLabel = "SPEC",
            description = "The file's model format, such as tribuo or a plugin's ('mlops components' lists them); "
                    + "default: the format a saved model file ('mlops train --save-model') records, the model "
                    + "stored as that format writes it.")
    private @Nullable String format;

    @Option(names = "--description", paramLabel = "TEXT", description = "What this version is, in words.")
    private String description = "";

    @Option(names = "--build", paramLabel = "ID", description = "The CI build that made the model.")
    private @Nullable String build;

    @Option(names = "--commit", paramLabel = "COMMIT", description = "The code commit that made the model.")
    private @Nullable String commit;

    @Option(names = "--run", paramLabel = "RUN",
            description = "The tracking run that trained the model: its id or a unique prefix of at least "
                    + RunsCommand.MIN_PREFIX + " characters.")
    private @Nullable String run;

    @Option(names = "--data-fingerprint", paramLabel = "SHA256",
            description = "The training data's fingerprint (64 hex digits, as 'mlops profile' prints it).")
    private @Nullable String dataFingerprint;

    @Option(names = "--split", paramLabel = "SPEC", description = "The split the model was trained on.")
    private @Nullable String split;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", converter = RunsOptions.KeyValueConverter.class,
            description = "A free-form tag, kept as the version's provenance (repeat for several).")
    private List<RunQuery.Equals> tags = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "NAME=NUMBER", converter = MetricConverter.class,
            description = "A metric of the model (repeat for several).")
    private List<Metric> metrics = new ArrayList<>();

    @Option(names = "--gate-report", paramLabel = "FILE",
            description = "The quality gate's report on the model, as 'mlops gate --json' printed it; 'registry "
                    + "show' and 'lineage' then show its verdict.")
    private @Nullable Path gateReport;

    @Option(names = "--json", description = "Print the new version as a JSON document.")
    private boolean json;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Mixin
    private RegistryOptions who = new RegistryOptions();

    RegistryRegisterCommand() {
    }

    /**
     * A {@code --metric}.
     *
     * @param name the name
     * @param value the value, finite
     */
    record Metric(String name, double value) {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Principal principal = who.principal();
        RegistryCommand group = Objects.requireNonNull(parent, "parent");
        Path modelFile = Objects.requireNonNull(file, "file");
        Registration.Builder registration = Registration.builder(model).description(description);
        if (format != null) {
            registration.artifact(format, modelFile);
        } else {
            ModelFiles.Loaded loaded = ModelFiles.load(modelFile, group.formats(), null);
            registration.predictor(loaded.format(), loaded.predictor());
        }
        LineageTags.Builder lineage = LineageTags.builder();
        if (build != null) {
            lineage.buildId(build);
        }
        if (commit != null) {
            lineage.commit(commit);
        }
        if (dataFingerprint != null) {
            lineage.dataFingerprint(fingerprint(dataFingerprint));
        }
        if (split != null) {
            lineage.split(split);
        }
        ModelVersion version;
        ApprovalPolicy approvals;
        try (RegistryOptions.Opened opened = group.open(store, who, true)) {
            if (run != null) {
                RunRecord record = RunsCommand.resolve(opened.tracking(), run);
                lineage.fromRun(record);
                for (MetricPoint point : record.metrics().values()) {
                    if (Double.isFinite(point.value())) {
                        registration.metric(point.key(), point.value());
                    }
                }
            }
            tags.forEach(tag -> registration.provenance(Map.of(tag.key(), tag.value())));
            metrics.forEach(metric -> registration.metric(metric.name(), metric.value()));
            if (gateReport != null) {
                registration.gateReport(read(gateReport), gateReport.toString());
            }
            version = opened.registry().register(principal, registration.lineage(lineage.build()).build());
            approvals = opened.registry().approvalPolicy();
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            ObjectNode document = Documents.create(RegistryListCommand.KIND, RegistryListCommand.FORMAT_VERSION);
            document.putArray("versions").add(RegistryListCommand.summary(version, approvals));
            CommandSupport.printJson(out, document);
        } else {
            out.print("registered " + version + " (" + version.stage().label() + "), format " + version.format()
                    + ", sha256:" + version.sha256() + ", " + version.size() + " bytes\n");
        }
        return MlopsCommand.EXIT_OK;
    }

    private static Fingerprint fingerprint(String text) {
        try {
            return new Fingerprint(text.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--data-fingerprint: " + e.getMessage(), e);
        }
    }

    /** Reads {@code --metric NAME=NUMBER}. */
    static final class MetricConverter implements ITypeConverter<Metric> {
        @Override
        public Metric convert(String value) {
            int equals = value.indexOf('=');
            double number;
            try {
                number = equals > 0 ? Double.parseDouble(value.substring(equals + 1).strip()) : Double.NaN;
            } catch (NumberFormatException e) {
                number = Double.NaN;
            }
            if (!Double.isFinite(number)) {
                throw new TypeConversionException("expected NAME=NUMBER with a finite number, such as macro_f1=0.81, "
                        + "but was '" + value + "'");
            }
            return new Metric(value.substring(0, equals).strip(), number);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MlopsException("cannot read the gate report " + file + ": " + e, e);
        }
    }
}
