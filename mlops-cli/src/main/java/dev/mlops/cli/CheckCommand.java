package dev.mlops.cli;

import dev.mlops.core.MlopsException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Quarantine;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.Compression;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.TableFormat;
import dev.mlops.data.profile.DatasetProfile;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlops check FILE --suite SUITE_JSON}: runs a {@link CheckSuite} (the unit tests of a
 * data set) over a CSV or JSON Lines file read against the suite's schema
 * ({@link TableFormat#readBatch}) and prints the {@link CheckReport}, as text or JSON, exiting
 * {@link MlopsCommand#EXIT_CHECK_FAILED} when an error-severity check does not pass, so that it can
 * gate a CI job. A row with a cell that does not fit its column's type is a finding of the schema
 * check naming its line; every other row is checked as usual. {@code --quarantine} also writes
 * the rows that pass every error-severity row check and those set apart (failing one, or not
 * readable as the suite's types) to two files in the input's format, each row copied byte for
 * byte from the input when the format knows where rows are, and why each row was set apart to a
 * third.
 *
 * <p>A format that streams (one that overrides {@link TableFormat#readChunks(Path, java.util.Collection)},
 * such as Parquet) is checked piece by piece ({@link CheckSuite#run(dev.mlops.data.io.TableSource,
 * CheckContext)}), reading only the columns the suite needs, with the report the batch gives, its failing
 * rows without lines; unless {@code --quarantine} is given, which needs the whole table, or a column the
 * suite's schema checks expect is of another type in the file, which a batch may read as the expected type
 * (Parquet reads integers as categories) but pieces cannot.
 *
 * <p>A malformed suite, a suite with distribution checks but no {@code --reference} profile, and
 * a bad option exit with {@link MlopsCommand#EXIT_BAD_INPUT}; then nothing is written.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Runs a check suite over a CSV or JSON Lines file; exits 1 when an error-severity check fails.",
            "The suite is a JSON document, as 'mlops suggest' writes it or as edited by hand. Prints the report: "
                    + "each check's verdict, severity and message, and a sample of the failing rows (numbered from 0 "
                    + "in the order of FILE, the header not counted, and the physical line each starts on).",
            "FILE is read against the suite's schema checks: a cell that is not of its column's type (abc in a "
                    + "numeric column) makes the schema check fail naming the line, column and text, and only that "
                    + "row is set apart; the other rows are checked as usual.",
            "Exits 1 when a check of error severity fails or finds no data, 0 otherwise (warnings do not fail).",
            "Distribution checks compare against --reference, a profile of the reference data that "
                    + "'mlops profile --out' wrote.",
            "A format that streams (Parquet, by row group) is checked one piece at a time, reading only the suite's "
                    + "columns, so a file larger than memory can be checked; its failing rows have no line. It is read "
                    + "whole with --quarantine, or when a column the suite's schema expects has another type in the "
                    + "file. --verbose logs each piece."
        })
final class CheckCommand implements Callable<Integer> {
    /** The name part that marks the file of passing rows: {@code credit-g.passing.csv}. */
    static final String PASSING = ".passing";
    /** The name part that marks the file of quarantined rows: {@code credit-g.quarantined.csv}. */
    static final String QUARANTINED = ".quarantined";

    /** The name part that marks the file of reasons: {@code credit-g.quarantined.reasons.csv}. */
    static final String REASONS = ".reasons";

    /** Where {@code --quarantine} writes its three files. */
    record QuarantineFiles(Path passing, Path quarantined, Path reasons) {
    }

    @Spec
    private @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV or JSON Lines file to check (UTF-8).")
    private @Nullable Path file;

    @Option(names = "--suite", required = true, paramLabel = "SUITE_JSON", description = "The check suite.")
    private @Nullable Path suiteFile;

    @Option(names = "--reference", paramLabel = "PROFILE_JSON",
            description = "The reference data's profile (from 'mlops profile --out') for distribution checks.")
    private @Nullable Path referenceFile;

    @Option(names = "--report", paramLabel = "REPORT_JSON",
            description = "Also write the JSON report to this file (replaced atomically).")
    private @Nullable Path reportFile;

    @Option(names = "--json", description = "Print the JSON report instead of text.")
    private boolean json;

    @Option(names = "--quarantine", paramLabel = "DIR|FILE",
            description = "Also write, in FILE's format, the rows that pass every error-severity row check, the rows "
                    + "set apart (failing one, or with a cell not readable as the suite's type), and why: to DIR (an "
                    + "existing directory, a path ending in /, or a name without extension) as <name>.passing.<ext>, "
                    + "<name>.quarantined.<ext> and <name>.quarantined.reasons.<ext> (<name>.<ext> is FILE's name; "
                    + "<ext> is the format's type, such as csv, when --format is given and the extension names "
                    + "another), or the rows set apart to FILE, the passing rows to <name>.passing.<ext> and the "
                    + "reasons to FILE's name with .reasons before its extension, beside it. The passing and the "
                    + "quarantined file each hold FILE's header and then its rows exactly as FILE has them (66.0 "
                    + "stays 66.0, quotes and line ends kept), so each line of FILE is in one of them; the reasons "
                    + "file lists each row set apart: row (from 0), line and quarantine_reasons (the checks it "
                    + "failed, or schema(column): what was expected and the text found). A format that does not "
                    + "know where its rows are (a plugin's) writes the rows from the table instead, with a column "
                    + "quarantine_reasons.")
    private @Nullable Path quarantine;

    @Option(names = "--sample", paramLabel = "N",
            description = "How many failing rows each check lists (default: " + CheckContext.DEFAULT_SAMPLE_SIZE
                    + ").")
    private @Nullable Integer sample;

    @ParentCommand
    private @Nullable MlopsCommand parent;

    @Mixin
    private InputFormat.Options input = new InputFormat.Options();

    CheckCommand() {
    }

    @Override
    public Integer call() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        Path inputFile = Objects.requireNonNull(file, "file");
        Path suitePath = Objects.requireNonNull(suiteFile, "suiteFile");
        CheckContext context = CheckContext.defaults();
        if (sample != null) {
            if (sample < 0) {
                throw CommandSupport.usage(commandSpec, "--sample must not be negative but was " + sample);
            }
            context = context.withSampleSize(sample);
        }
        ComponentRegistry registry = Objects.requireNonNull(parent, "parent").registry();
        TableFormat format = input.tableFormat(inputFile);
        @Nullable QuarantineFiles quarantineFiles = quarantine == null ? null
                : quarantineFiles(commandSpec, quarantine, inputFile, format, input.extension(inputFile, format), registry);
        CheckSuite suite = CheckSuite.load(suitePath, registry);
        if (referenceFile != null) {
            context = context.withReference(DatasetProfile.load(referenceFile));
        } else if (suite.needsReference()) {
            List<String> names = suite.checks().stream().filter(Check::needsReference).map(Check::name).toList();
            throw new MlopsException(suitePath + ": suite '" + suite.name() + "' compares distributions against a "
                    + "reference (" + String.join(", ", names) + "); give --reference PROFILE_JSON, the reference "
                    + "data's profile that 'mlops profile FILE --out PROFILE_JSON' writes");
        }
        LoggedSource source = LoggedSource.of(format, inputFile);
        // a format that streams is checked piece by piece, reading only the suite's columns, when its columns have
        // the types the suite expects; one that reads files whole, a quarantine, and a column that reads as the
        // expected type only in a batch, check a batch read against the suite's schema, whose rows know their lines
        @Nullable Batch batch = source.streams() && quarantineFiles == null && typed(source.schema(), suite.schema())
                ? null : input.readBatch(inputFile, format, suite.schema());
        CheckReport report = batch == null ? suite.run(source, context) : suite.run(batch, context);
        Logger log = LoggerFactory.getLogger(CheckCommand.class);
        log.debug("suite '{}': {} checks, passed: {}", suite.name(), suite.checks().size(), report.passed());
        String reportJson = report.toJson() + "\n";
        // every quarantine table is made before any file is written: a table that already has the reasons column
        // is bad input, and then nothing is written
        @Nullable Quarantine split = quarantineFiles == null ? null : suite.quarantine(Objects.requireNonNull(batch));
        boolean copied = split != null && split.passingOrigins().isPresent();
        @Nullable Table quarantined = split == null || copied ? null : split.quarantinedWithReasons();
        if (reportFile != null) {
            AtomicFiles.writeString(reportFile, reportJson);
        }
        if (split != null && quarantineFiles != null) {
            if (copied) {
                // the original rows, uncompressed from the input, compressed as the files' names say
                Path passing = quarantineFiles.passing();
                Path quarantinedRows = quarantineFiles.quarantined();
                AtomicFiles.write(passing, stream -> {
                    try (OutputStream out = InputFormat.compressionOf(format, passing).compress(stream)) {
                        split.copyPassing(inputFile, out);
                    }
                });
                AtomicFiles.write(quarantinedRows, stream -> {
                    try (OutputStream out = InputFormat.compressionOf(format, quarantinedRows).compress(stream)) {
                        split.copyQuarantined(inputFile, out);
                    }
                });
            } else {
                format.write(split.passing(), quarantineFiles.passing());
                format.write(Objects.requireNonNull(quarantined), quarantineFiles.quarantined());
            }
            format.write(split.reasonsTable(), quarantineFiles.reasons());
            log.debug("wrote {}, {} and {}", quarantineFiles.passing(), quarantineFiles.quarantined(),
                    quarantineFiles.reasons());
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        if (json) {
            out.print(reportJson);
        } else {
            out.print(report.toText());
            if (report.results().stream().anyMatch(result -> !result.sample().isEmpty())) {
                out.print("(rows are numbered from 0 in the order of " + inputFile
                        + (format.settings() instanceof CsvFormat.Settings csv && csv.header() ? ", the header not counted" : "")
                        + ")\n");
            }
            if (split != null) {
                out.print(quarantineText(split, Objects.requireNonNull(quarantineFiles), report.rowCount(), copied,
                        inputFile));
            }
        }
        out.flush();
        return report.passed() ? MlopsCommand.EXIT_OK : MlopsCommand.EXIT_CHECK_FAILED;
    }

    /**
     * @param file the file's schema
     * @param expected the suite's
     * @return true if every column the suite expects that the file has is of the expected type, so that
     *     reading it as a batch against the suite's schema changes no type
     */
    static boolean typed(Schema file, Schema expected) {
        for (Field field : expected.fields()) {
            if (file.contains(field.name()) && file.field(field.name()).type() != field.type()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decides where the three files go, named with the extension that
     * {@link InputFormat.Options#extension} gives;
     * refuses a path that would overwrite the input or each other, and a file whose extension names
     * another format than the rows are written in.
     */
    static QuarantineFiles quarantineFiles(CommandSpec commandSpec, Path target, Path inputFile, TableFormat format,
            String extension, ComponentRegistry registry) {
        String inputName = Compression.withoutExtension(String.valueOf(inputFile.getFileName()));
        int dot = inputName.lastIndexOf('.');
        String stem = dot > 0 ? inputName.substring(0, dot) : inputName;
        String targetText = target.toString();
        String targetName = String.valueOf(target.getFileName());
        boolean directory = Files.isDirectory(target) || targetText.endsWith("/")
                || targetText.endsWith(target.getFileSystem().getSeparator()) || target.getFileName() == null
                || targetName.lastIndexOf('.') <= 0;
        Path passing;
        Path quarantined;
        if (directory) {
            passing = target.resolve(stem + PASSING + extension);
            quarantined = target.resolve(stem + QUARANTINED + extension);
        } else {
            Optional<String> named = InputFormat.typeNamedBy(target, registry);
            if (named.isPresent() && !named.get().equals(format.type())) {
                throw CommandSupport.usage(commandSpec, "--quarantine " + target + " names a file of format '"
                        + named.get() + "', but the rows are written as '" + format.type() + "', the format of "
                        + inputFile);
            }
            passing = target.resolveSibling(stem + PASSING + extension);
            quarantined = target;
        }
        // the reasons beside the quarantined rows: bad.csv.gz gives bad.reasons.csv.gz
        String quarantinedName = String.valueOf(quarantined.getFileName());
        String uncompressedName = Compression.withoutExtension(quarantinedName);
        int quarantinedDot = uncompressedName.lastIndexOf('.');
        QuarantineFiles files = new QuarantineFiles(passing, quarantined, quarantined.resolveSibling(
                uncompressedName.substring(0, quarantinedDot) + REASONS + quarantinedName.substring(quarantinedDot)));
        if (CommandSupport.sameFile(files.passing(), inputFile) || CommandSupport.sameFile(files.quarantined(), inputFile)
                || CommandSupport.sameFile(files.reasons(), inputFile)) {
            throw CommandSupport.usage(commandSpec, "--quarantine " + target + " would overwrite the input " + inputFile);
        }
        if (CommandSupport.sameFile(files.passing(), files.quarantined())) {
            throw CommandSupport.usage(commandSpec, "--quarantine " + target + " is where the passing rows go; name another file");
        }
        return files;
    }

    private static String quarantineText(Quarantine split, QuarantineFiles files, long rows, boolean copied,
            Path inputFile) {
        String how = copied ? ", each row as it is in " + inputFile : "";
        return "quarantined " + split.setApartCount() + " of " + rows + " rows (failing an error-severity row check or "
                + "not readable as the suite's types): " + files.quarantined()
                + (copied ? how : ", with the column " + Quarantine.REASONS_COLUMN) + "\n"
                + "passing " + split.passing().rowCount() + " rows: " + files.passing() + how + "\n"
                + "reasons (row, line, " + Quarantine.REASONS_COLUMN + "): " + files.reasons() + "\n";
    }
}
