package dev.mlops.spark;

import dev.mlops.core.MlopsException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import dev.mlops.monitor.drift.DriftDetector;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The main class that {@code spark-submit} runs with mlops-spark's shaded jar: profiles a data set,
 * runs a check suite over it, or compares it with a baseline profile, on the cluster.
 *
 * <pre>{@code
 * spark-submit --class dev.mlops.spark.SparkJob mlops-spark-VERSION-spark.jar \
 *     profile --input data.csv --output profile.json
 * spark-submit ... check --input data.csv --suite suite.json [--reference profile.json] --report report.json
 * spark-submit ... drift --input batch.parquet --baseline profile.json --report drift.json
 * }</pre>
 *
 * <p>{@code --input} is any path Spark's readers take (a file, a directory of part files,
 * {@code hdfs://}, {@code s3a://}), read as CSV with a header row (column types inferred by Spark),
 * Parquet or JSON Lines: {@code --format}, or the path's extension ({@code .parquet}, {@code .json},
 * {@code .jsonl}; anything else is CSV). A suite or a baseline then says how each column reads
 * ({@link SparkSchema#matching}). The suite, profiles and reports are files on the driver's file
 * system, written atomically; the report's JSON is the same as {@code mlops check} and
 * {@code mlops drift} write for the same data.
 *
 * <p>Exit status, as the {@code mlops} command's: {@value #EXIT_OK} when all is well,
 * {@value #EXIT_CHECK_FAILED} when an error-severity check fails or a column drifted,
 * {@value #EXIT_BAD_INPUT} for bad input or usage (a missing or malformed file, an unknown option, a
 * column Spark cannot read as the suite says), {@value #EXIT_INTERNAL_ERROR} for a bug. Results go
 * to stdout, errors to stderr in one line (the stack trace only with {@code --verbose}); Spark's own
 * logs go where the cluster's logging sends them.
 */
@Command(
        name = "SparkJob",
        mixinStandardHelpOptions = true,
        versionProvider = SparkJob.Version.class,
        sortOptions = false,
        subcommands = {SparkJob.ProfileJob.class, SparkJob.CheckJob.class, SparkJob.DriftJob.class},
        description = {
            "Profiles, checks or compares a data set on Apache Spark with mlops-java: "
                    + "spark-submit --class dev.mlops.spark.SparkJob mlops-spark-VERSION-spark.jar COMMAND ...",
            "Exits 0 when all is well, 1 when a check fails or a column drifted, 2 for bad input or usage."
        })
public final class SparkJob implements Callable<Integer> {
    /** All is well. */
    public static final int EXIT_OK = 0;
    /** An error-severity check failed, or a column drifted. */
    public static final int EXIT_CHECK_FAILED = 1;
    /** Bad input or bad usage. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A bug in mlops. */
    public static final int EXIT_INTERNAL_ERROR = 70;

    private static final String PREFIX = "mlops-spark: ";

    @Spec
    private @Nullable CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean verbose;

    private final Supplier<SparkSession> sessions;

    private SparkJob(Supplier<SparkSession> sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs a command in a Spark application of its own and exits the JVM with its status; the
     * session is made only when the command line is valid, from {@code spark-submit}'s settings,
     * and stopped at the end.
     *
     * @param args the command line arguments
     */
    public static void main(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
        SessionOnDemand sessions = new SessionOnDemand();
        int status;
        try {
            status = run(sessions, out, err, args);
        } finally {
            sessions.stop();
        }
        System.exit(status);
    }

    /**
     * Runs a command with a session the caller owns (it stays open), such as a driver program's
     * own; neither exits the JVM nor writes to the standard streams.
     *
     * @param spark the session the command reads its input with
     * @param out where results go
     * @param err where errors and usage help go
     * @param args the command line arguments, without the main class
     * @return the exit status: {@link #EXIT_OK}, {@link #EXIT_CHECK_FAILED}, {@link #EXIT_BAD_INPUT} or
     *     {@link #EXIT_INTERNAL_ERROR}
     */
    public static int execute(SparkSession spark, PrintWriter out, PrintWriter err, String... args) {
        Objects.requireNonNull(spark, "spark");
        return run(() -> spark, out, err, args);
    }

    static int run(Supplier<SparkSession> sessions, PrintWriter out, PrintWriter err, String... args) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(args, "args");
        CommandLine commandLine = new CommandLine(new SparkJob(sessions));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        setExitCodes(commandLine);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            Failure failure = describe(exception);
            failed.getErr().print(PREFIX + failure.message() + "\n");
            if (parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(sub -> sub.hasMatchedOption("--verbose"))) {
                exception.printStackTrace(failed.getErr());
            } else if (failure.exitCode() == EXIT_INTERNAL_ERROR) {
                failed.getErr().print(PREFIX + "this is a bug in mlops; run again with --verbose for the stack trace\n");
            }
            return failure.exitCode();
        });
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Without a command there is nothing to do: reports the usage error.
     *
     * @return never returns normally
     * @throws ParameterException always, which picocli reports with the usage help
     */
    @Override
    public Integer call() {
        throw new ParameterException(Objects.requireNonNull(spec, "spec").commandLine(),
                "Missing required command: profile, check or drift");
    }

    /** Says every exit status on each command: picocli's default for an exception is 1, our check failure. */
    private static void setExitCodes(CommandLine commandLine) {
        CommandSpec commandSpec = commandLine.getCommandSpec();
        commandSpec.exitCodeOnSuccess(EXIT_OK);
        commandSpec.exitCodeOnUsageHelp(EXIT_OK);
        commandSpec.exitCodeOnVersionHelp(EXIT_OK);
        commandSpec.exitCodeOnInvalidInput(EXIT_BAD_INPUT);
        commandSpec.exitCodeOnExecutionException(EXIT_INTERNAL_ERROR);
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            setExitCodes(subcommand);
        }
    }

    /** What to tell the user, and the exit status. */
    private record Failure(String message, int exitCode) {
    }

    private static Failure describe(Exception exception) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof NoSuchFileException missing) {
                return new Failure("no such file: " + missing.getFile(), EXIT_BAD_INPUT);
            }
        }
        // AnalysisException: Spark could not read the input (no such path, a malformed file, an unknown column)
        if (exception instanceof MlopsException || exception instanceof IllegalArgumentException
                || exception instanceof UncheckedIOException || exception instanceof IOException
                || exception instanceof AnalysisException) {
            return new Failure(String.valueOf(exception.getMessage()), EXIT_BAD_INPUT);
        }
        return new Failure("internal error: " + exception, EXIT_INTERNAL_ERROR);
    }

    /** The session of {@link #main}: made on first use, stopped at the end if it was made. */
    private static final class SessionOnDemand implements Supplier<SparkSession> {
        private @Nullable SparkSession session;

        @Override
        public SparkSession get() {
            if (session == null) {
                session = SparkSession.builder().appName("mlops-spark").getOrCreate();
            }
            return session;
        }

        void stop() {
            if (session != null) {
                session.stop();
            }
        }
    }

    /** The formats {@code --input} is read in, with Spark's own readers. */
    enum Format {
        /** CSV with a header row, column types inferred by Spark. */
        CSV,
        /** Parquet, with the types it stores. */
        PARQUET,
        /** JSON Lines, one object per line. */
        JSON;

        /** @return the format a path's extension names; CSV unless it ends in .parquet, .json or .jsonl */
        static Format of(String path) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".parquet")) {
                return PARQUET;
            }
            return lower.endsWith(".json") || lower.endsWith(".jsonl") ? JSON : CSV;
        }

        Dataset<Row> read(SparkSession spark, String path) {
            DataFrameReader reader = spark.read();
            return switch (this) {
                case CSV -> reader.option("header", "true").option("inferSchema", "true").csv(path);
                case PARQUET -> reader.parquet(path);
                case JSON -> reader.json(path);
            };
        }
    }

    /** Reads {@code --format csv}, {@code parquet} or {@code json}, in any case. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format: csv, parquet or json");
            }
        }
    }

    /** The input options every command shares. */
    static final class Input {
        @Option(names = "--input", required = true, paramLabel = "PATH",
                description = "The data: a file or directory Spark reads (a local path, hdfs://, s3a://, ...).")
        private @Nullable String path;

        @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
                description = "csv (with a header row), parquet or json (JSON Lines); by default the path's "
                        + "extension says (.parquet, .json, .jsonl), else csv.")
        private @Nullable Format format;

        String path() {
            return Objects.requireNonNull(path, "path");
        }

        Dataset<Row> read(SparkSession spark) {
            return (format == null ? Format.of(path()) : format).read(spark, path());
        }
    }

    /** Writes a document atomically, with a final newline. */
    private static void write(Path file, String json) {
        AtomicFiles.writeString(file, json + "\n");
    }

    private static int notNegative(@Nullable CommandSpec commandSpec, String option, int value) {
        if (value < 0) {
            throw new ParameterException(Objects.requireNonNull(commandSpec, "spec").commandLine(),
                    option + " must not be negative but was " + value);
        }
        return value;
    }

    /** {@code profile}: the profile of the input, written for export (sketch-only where a column is sensitive). */
    @Command(name = "profile", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
            description = {"Profiles the input on the cluster and writes the profile's JSON, as 'mlops profile --out' "
                    + "does for one file: the reference for 'check --reference' and 'drift --baseline'."})
    static final class ProfileJob implements Callable<Integer> {
        @Spec
        private @Nullable CommandSpec spec;

        @ParentCommand
        private @Nullable SparkJob job;

        @Mixin
        private Input input = new Input();

        @Option(names = "--output", required = true, paramLabel = "PROFILE_JSON",
                description = "Where the profile's JSON goes, on the driver's file system (replaced atomically).")
        private @Nullable Path output;

        @Option(names = "--exact-quantile-limit", paramLabel = "N",
                description = "Up to N finite values a numeric column keeps them for exact quantiles; above, a KLL "
                        + "sketch estimates them (default: 100000).")
        private @Nullable Integer exactQuantileLimit;

        @Option(names = "--exact-distinct-limit", paramLabel = "N",
                description = "Up to N distinct values a column counts each exactly; above, sketches estimate "
                        + "(default: 10000).")
        private @Nullable Integer exactDistinctLimit;

        @Option(names = "--top-k", paramLabel = "K",
                description = "How many most frequent values a categorical profile lists (default: 10).")
        private @Nullable Integer topK;

        @Override
        public Integer call() {
            ProfileOptions options = ProfileOptions.defaults();
            if (exactQuantileLimit != null) {
                options = options.withExactQuantileLimit(notNegative(spec, "--exact-quantile-limit", exactQuantileLimit));
            }
            if (exactDistinctLimit != null) {
                options = options.withExactDistinctLimit(notNegative(spec, "--exact-distinct-limit", exactDistinctLimit));
            }
            if (topK != null) {
                options = options.withTopK(notNegative(spec, "--top-k", topK));
            }
            Path target = Objects.requireNonNull(output, "output");
            Dataset<Row> data = input.read(Objects.requireNonNull(job, "job").sessions.get());
            DatasetProfile profile = SparkProfiler.create().profile(data, options).forExport();
            write(target, profile.toJson());
            PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
            out.print(String.format(Locale.ROOT, "%s: %d rows, %d columns; profile written to %s%n", input.path(),
                    profile.rowCount(), profile.columns().size(), target));
            out.flush();
            return EXIT_OK;
        }
    }

    /** {@code check}: a check suite over the input; exits 1 when an error-severity check fails. */
    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
            description = {"Runs a check suite over the input on the cluster and writes the report's JSON, as "
                    + "'mlops check' does for one file; exits 1 when an error-severity check fails.",
                "The suite's schema says how each column reads; distribution checks compare against --reference, "
                        + "a profile that 'profile --output' or 'mlops profile --out' wrote."})
    static final class CheckJob implements Callable<Integer> {
        @Spec
        private @Nullable CommandSpec spec;

        @ParentCommand
        private @Nullable SparkJob job;

        @Mixin
        private Input input = new Input();

        @Option(names = "--suite", required = true, paramLabel = "SUITE_JSON", description = "The check suite.")
        private @Nullable Path suiteFile;

        @Option(names = "--reference", paramLabel = "PROFILE_JSON",
                description = "The reference data's profile, for distribution checks.")
        private @Nullable Path referenceFile;

        @Option(names = "--report", required = true, paramLabel = "REPORT_JSON",
                description = "Where the report's JSON goes, on the driver's file system (replaced atomically).")
        private @Nullable Path reportFile;

        @Option(names = "--sample", paramLabel = "N",
                description = "How many failing rows each check lists (default: " + CheckContext.DEFAULT_SAMPLE_SIZE
                        + ").")
        private @Nullable Integer sample;

        @Option(names = "--json", description = "Print the JSON report instead of text.")
        private boolean json;

        @Override
        public Integer call() {
            CheckContext context = CheckContext.defaults();
            if (sample != null) {
                context = context.withSampleSize(notNegative(spec, "--sample", sample));
            }
            Path suitePath = Objects.requireNonNull(suiteFile, "suiteFile");
            CheckSuite suite = CheckSuite.load(suitePath, ComponentRegistry.defaults());
            if (referenceFile != null) {
                context = context.withReference(DatasetProfile.load(referenceFile));
            } else if (suite.needsReference()) {
                List<String> names = suite.checks().stream().filter(Check::needsReference).map(Check::name).toList();
                throw new MlopsException(suitePath + ": suite '" + suite.name() + "' compares distributions against a "
                        + "reference (" + String.join(", ", names) + "); give --reference PROFILE_JSON, the reference "
                        + "data's profile that 'profile --output PROFILE_JSON' writes");
            }
            Dataset<Row> data = input.read(Objects.requireNonNull(job, "job").sessions.get());
            CheckReport report = SparkChecks.defaults().run(suite, data, context);
            write(Objects.requireNonNull(reportFile, "reportFile"), report.toJson());
            PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
            out.print(json ? report.toJson() + "\n" : report.toText());
            out.flush();
            return report.passed() ? EXIT_OK : EXIT_CHECK_FAILED;
        }
    }

    /** {@code drift}: every column of the input against a baseline profile; exits 1 on drift. */
    @Command(name = "drift", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
            description = {"Compares every column of the input with a baseline profile on the cluster and writes the "
                    + "report's JSON, as 'mlops drift --reference PROFILE_JSON' does for one file; exits 1 when a "
                    + "column drifted, is missing or changed type."})
    static final class DriftJob implements Callable<Integer> {
        @Spec
        private @Nullable CommandSpec spec;

        @ParentCommand
        private @Nullable SparkJob job;

        @Mixin
        private Input input = new Input();

        @Option(names = "--baseline", required = true, paramLabel = "PROFILE_JSON",
                description = "The baseline: a profile that 'profile --output' or 'mlops profile --out' wrote.")
        private @Nullable Path baselineFile;

        @Option(names = "--report", required = true, paramLabel = "REPORT_JSON",
                description = "Where the report's JSON goes, on the driver's file system (replaced atomically).")
        private @Nullable Path reportFile;

        @Option(names = "--detector", paramLabel = "SPEC",
                description = "The detector for every column instead of the default, as a spec such as "
                        + "'psi(threshold=0.2)'.")
        private @Nullable String detector;

        @Option(names = "--json", description = "Print the JSON report instead of text.")
        private boolean json;

        @Override
        public Integer call() {
            TableDrift.Builder builder = TableDrift.builder();
            if (detector != null) {
                builder.detector(ComponentRegistry.defaults().create(DriftDetector.class, detector));
            }
            DatasetProfile baseline = DatasetProfile.load(Objects.requireNonNull(baselineFile, "baselineFile"));
            Dataset<Row> data = input.read(Objects.requireNonNull(job, "job").sessions.get());
            TableDriftReport report = SparkDrift.compare(builder.build(), data, baseline);
            write(Objects.requireNonNull(reportFile, "reportFile"), report.toJson());
            PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
            out.print(json ? report.toJson() + "\n" : report.toText());
            out.flush();
            return report.passed() ? EXIT_OK : EXIT_CHECK_FAILED;
        }
    }

    /** The version of mlops-spark, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SparkJob.class.getPackage().getImplementationVersion();
            return new String[] {"mlops-spark " + (version == null ? "(development build)" : version)};
        }
    }
}
