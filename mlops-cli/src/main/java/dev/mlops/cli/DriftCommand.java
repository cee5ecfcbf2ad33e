package dev.mlops.cli;

import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.monitor.baseline.Baseline;
import dev.mlops.monitor.drift.Correction;
import dev.mlops.monitor.drift.DriftDetector;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.monitor.job.MonitoringReports;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops drift --reference train.csv|train.profile.json|baseline/ --current batch.csv}:
 * compares every column of a reference — a CSV or JSON Lines file, a profile that {@code mlops
 * profile --out} wrote (a file ending in {@code .json}), or a baseline directory that {@code mlops
 * baseline --out} wrote — with the current file's ({@link TableDrift}) and prints the
 * {@link TableDriftReport}, as text or JSON (and as an HTML report with {@code --html DIR}), exiting
 * {@link MlopsCommand#EXIT_CHECK_FAILED} when a finding is of error severity: a column drifted, or
 * one is missing or changed type.
 */
@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Compares every column of a reference with the current data; exits 1 on drift at error severity.",
            "The reference is a CSV or JSON Lines file (such as the training data), a profile that 'mlops "
                    + "profile --out' wrote (a file name ending in .json) or a baseline directory from 'mlops "
                    + "baseline'. Each column gets the default detector: up to 1,000 "
                    + "reference rows KS (numbers) or chi-square (categories); above, normalized Wasserstein "
                    + "(numbers, raw reference) or Jensen-Shannon (categories, and numbers against a profile), or "
                    + "the one --detector names. The tests' p-values are corrected across the columns.",
            "Prints each column's statistic, threshold and verdict, or the JSON report with --json (with each "
                    + "column's reference and current shares over the same bins, for charts); --html DIR also "
                    + "writes report.html (open it in a browser) and report.json.",
            "Exits 1 when a column drifted, is missing from the current file or changed type; a column that "
                    + "could not be compared (too few values) is a warning."
        })
final class DriftCommand implements Callable<Integer> {
    @Spec
    private @Nullable CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "TRAIN_CSV|PROFILE_JSON|BASELINE_DIR",
            description = "The reference: a CSV or JSON Lines file, a profile from 'mlops profile --out' (.json), or a "
                    + "baseline directory from 'mlops baseline --out'.")
    private @Nullable Path reference;

    @Option(names = "--current", required = true, paramLabel = "BATCH_CSV",
            description = "The current data, a CSV or JSON Lines file (UTF-8).")
    private @Nullable Path current;

    @Option(names = "--json", description = "Print the JSON report instead of text.")
    private boolean json;

    @Option(names = "--html", paramLabel = "DIR",
            description = "Also write report.html (self-contained, with a histogram per column) and report.json "
                    + "to DIR.")
    private @Nullable Path html;

    @Option(names = "--detector", paramLabel = "SPEC",
            description = "The detector for every column instead of the default, as a spec such as 'psi(threshold="
                    + "0.2)' or 'ks(alpha=0.01)'; 'mlops components' lists the DriftDetector types.")
    private @Nullable String detector;

    @Option(names = "--correction", paramLabel = "METHOD", converter = CorrectionConverter.class,
            description = "How the tests' p-values are corrected across columns: benjamini-hochberg (the default), "
                    + "holm or none.")
    private @Nullable Correction correction;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    DriftCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path referenceFile = Objects.requireNonNull(reference, "reference");
        Path currentFile = Objects.requireNonNull(current, "current");
        TableDrift.Builder builder = TableDrift.builder();
        if (detector != null) {
            builder.detector(Objects.requireNonNull(parent, "parent").registry().create(DriftDetector.class, detector));
        }
        if (correction != null) {
            builder.correction(correction);
        }
        TableDrift drift = builder.build();
        Table currentTable = input.read(currentFile);
        TableDriftReport report;
        if (Files.isDirectory(referenceFile)) {
            report = drift.compare(currentTable, Baseline.load(referenceFile).profile());
        } else if (isProfile(referenceFile)) {
            report = drift.compare(currentTable, DatasetProfile.load(referenceFile));
        } else {
            report = drift.compare(currentTable, input.read(referenceFile));
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? report.toJson() + "\n" : report.toText());
        out.flush();
        if (html != null) {
            String title = "Drift of " + currentFile.getFileName() + " against " + referenceFile.getFileName();
            CommandSupport.writeReport(commandSpec, MonitoringReports.of(report, title, currentFile.toString()), html);
        }
        return report.passed() ? MlopsCommand.EXIT_OK : MlopsCommand.EXIT_CHECK_FAILED;
    }

    /** @return true for a file whose name ends in {@code .json}: a profile, not a table */
    static boolean isProfile(Path file) {
        return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Reads {@code --correction}: benjamini-hochberg, holm or none. */
    static final class CorrectionConverter extends EnumNameConverter<Correction> {
        CorrectionConverter() {
            super(Correction.class);
        }
    }
}
