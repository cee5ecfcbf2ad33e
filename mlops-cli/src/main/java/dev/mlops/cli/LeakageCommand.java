package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.table.Table;
import dev.mlops.data.leakage.LeakageCheck;
import dev.mlops.data.leakage.LeakageReport;
import dev.mlops.data.leakage.NearDuplicates;
import dev.mlops.data.split.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops leakage}: checks a split of a data file for leakage between its sets (exact and
 * near duplicates, shared ids, class distributions, feature values known after prediction time)
 * and exits 1 when a finding has error severity, so that it can gate CI. The sets are a data
 * file and its {@code split.json} ({@code FILE --split SPLIT_JSON}), or files made elsewhere, one
 * per set ({@code --set train=a.csv --set test=b.csv}, checked with {@link LeakageCheck#run(Map)}).
 */
@Command(
        name = "leakage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Checks a split (the split.json that 'mlops split' wrote) of a CSV or JSON Lines file for leakage "
                    + "between its sets: rows duplicated across sets, near-duplicates, the same id in two sets, "
                    + "class distributions that differ (chi-square), and feature values recorded after the "
                    + "prediction time.",
            "Read FILE with the options 'mlops split' read it with (--format, --delimiter, --missing, --charset, "
                    + "--zone). Exits 1 when a finding has error severity, 0 otherwise.",
            "Sets made elsewhere, one file each, are checked without a split.json: --set train=train.csv --set "
                    + "test=test.csv (two or more; the files need the same columns, and the input options apply to "
                    + "each; examples count rows within each file)."
        })
final class LeakageCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The data file that was split (CSV or JSON Lines); with --split.")
    private @Nullable Path file;

    @Option(names = "--split", paramLabel = "SPLIT_JSON", description = "The split artifact of FILE.")
    private @Nullable Path splitFile;

    @Option(names = "--set", paramLabel = "NAME=FILE",
            description = "A set made elsewhere and its file, such as train=train.csv; repeat for each set (at least "
                    + "two, the same columns in each). Instead of FILE --split.")
    private @Nullable List<String> setFiles;

    @Option(names = "--columns", paramLabel = "COLUMN", split = ",",
            description = "Columns that make two rows duplicates (default: all but the id and label columns).")
    private @Nullable List<String> columns;

    @Option(names = "--id", paramLabel = "COLUMN", description = "An id (customer, patient) that must not appear in two sets.")
    private @Nullable String idColumn;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The label whose distribution per set is compared.")
    private @Nullable String labelColumn;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01",
            description = "Significance level of the class-distribution chi-square test (default: ${DEFAULT-VALUE}).")
    private double alpha = 0.01;

    @Option(names = "--near", paramLabel = "COLUMN", split = ",",
            description = "Also look for near-duplicates over these columns (numbers rounded, text normalised).")
    private @Nullable List<String> nearColumns;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "3",
            description = "With --near: significant digits numbers are rounded to (default: ${DEFAULT-VALUE}).")
    private int digits = 3;

    @Option(names = "--prediction-time", paramLabel = "COLUMN",
            description = "Each row's prediction time (a timestamp column), for --known-at.")
    private @Nullable String predictionTime;

    @Option(names = "--known-at", paramLabel = "FEATURE=COLUMN",
            description = "When a feature's value became known (a timestamp column); repeat per feature.")
    private @Nullable Map<String, String> knownAt;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report to this file.")
    private @Nullable Path reportFile;

    @Option(names = "--json", description = "Print the JSON report instead of text.")
    private boolean json;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    LeakageCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        if (setFiles != null && (file != null || splitFile != null)) {
            throw CommandSupport.usage(commandSpec, "give FILE --split SPLIT_JSON or --set NAME=FILE for each set, "
                    + "not both");
        }
        LeakageReport report;
        if (setFiles != null) {
            report = fromSetFiles(commandSpec, setFiles);
        } else if (file != null && splitFile != null) {
            // read as 'mlops split' read it: the split's fingerprint is of the rows as read
            Table table = input.read(file);
            report = check(commandSpec).run(table, Split.load(splitFile));
        } else {
            throw CommandSupport.usage(commandSpec, "give FILE --split SPLIT_JSON, or --set NAME=FILE for each set "
                    + "(at least two)");
        }
        String reportJson = report.toJson();
        if (reportFile != null) {
            AtomicFiles.writeString(reportFile, reportJson + "\n");
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? reportJson + "\n" : report.toText());
        out.flush();
        return report.passed() ? MlopsCommand.EXIT_OK : MlopsCommand.EXIT_CHECK_FAILED;
    }

    /**
     * Reads each {@code --set} file with the input options and checks the sets; a file whose columns
     * differ is bad input, naming the set and the files.
     */
    private LeakageReport fromSetFiles(CommandSpec commandSpec, List<String> given) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String text : given) {
            int equals = text.indexOf('=');
            if (equals <= 0 || equals == text.length() - 1 || text.substring(0, equals).isBlank()) {
                throw CommandSupport.usage(commandSpec, "--set takes NAME=FILE, such as train=train.csv, but got '"
                        + text + "'");
            }
            String name = text.substring(0, equals);
            if (files.put(name, Path.of(text.substring(equals + 1))) != null) {
                throw CommandSupport.usage(commandSpec, "--set names the set '" + name + "' twice");
            }
        }
        if (files.size() < 2) {
            throw CommandSupport.usage(commandSpec, "--set needs at least two sets, such as --set train=train.csv "
                    + "--set test=test.csv, but got " + files.size());
        }
        LeakageCheck check = check(commandSpec);
        Map<String, Table> tables = new LinkedHashMap<>();
        files.forEach((name, path) -> tables.put(name, input.read(path)));
        try {
            return check.run(tables);
        } catch (SchemaException e) {
            // the library names the set, and this the file each set was read from
            throw new MlopsException(files.entrySet().stream().map(f -> "--set " + f.getKey() + "=" + f.getValue())
                    .collect(Collectors.joining(" ")) + ": " + e.getMessage(), e);
        }
    }

    private LeakageCheck check(CommandSpec commandSpec) {
        LeakageCheck.Builder builder = LeakageCheck.builder().classDistributionAlpha(alpha);
        if (columns != null) {
            builder.duplicateColumns(columns);
        }
        if (idColumn != null) {
            builder.idColumn(idColumn);
        }
        if (labelColumn != null) {
            builder.labelColumn(labelColumn);
        }
        if (nearColumns != null) {
            builder.nearDuplicates(NearDuplicates.roundedKey(nearColumns, digits));
        }
        if ((predictionTime == null) != (knownAt == null)) {
            throw CommandSupport.usage(commandSpec,
                    "--prediction-time and --known-at go together: give both or neither");
        }
        if (predictionTime != null && knownAt != null) {
            builder.availability(predictionTime, knownAt);
        }
        return builder.build();
    }
}
