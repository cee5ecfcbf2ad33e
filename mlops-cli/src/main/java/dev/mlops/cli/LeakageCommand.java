package dev.mlops.cli;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.table.Table;
import dev.mlops.data.leakage.LeakageCheck;
import dev.mlops.data.leakage.LeakageReport;
import dev.mlops.data.leakage.NearDuplicates;
import dev.mlops.data.split.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * {@code mlops leakage}: checks a split of a data file for leakage between its sets (exact and
 * near duplicates, shared ids, class distributions, feature values known after prediction time)
 * and exits 1 when a finding has error severity, so that it can gate CI.
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
                    + "--zone). Exits 1 when a finding has error severity, 0 otherwise."
        })
final class LeakageCommand implements Callable<Integer> {

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The data file that was split (CSV or JSON Lines).")
    private @Nullable Path file;

    @Option(names = "--split", required = true, paramLabel = "SPLIT_JSON", description = "The split artifact.")
    private @Nullable Path splitFile;

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
        Path inputFile = Objects.requireNonNull(file, "file");
        // read as 'mlops split' read it: the split's fingerprint is of the rows as read
        Table table = input.read(inputFile);
        Split split = Split.load(Objects.requireNonNull(splitFile, "splitFile"));
        LeakageReport report = check(commandSpec).run(table, split);
        String reportJson = report.toJson();
        if (reportFile != null) {
            AtomicFiles.writeString(reportFile, reportJson + "\n");
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? reportJson + "\n" : report.toText());
        out.flush();
        return report.passed() ? MlopsCommand.EXIT_OK : MlopsCommand.EXIT_CHECK_FAILED;
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
