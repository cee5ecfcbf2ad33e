package dev.mlops.cli;

import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code mlops} command: the program's entry point ({@link #main}) and the top-level
 * command whose subcommands do the work, such as {@code mlops schema FILE}.
 *
 * <p>Results go to stdout, logs and errors to stderr. The exit status is
 * {@link #EXIT_OK} when all is well, {@link #EXIT_CHECK_FAILED} when a check or gate fails,
 * {@link #EXIT_BAD_INPUT} for bad input (a malformed or missing file) or bad usage (an unknown
 * option, a missing parameter), and {@link #EXIT_INTERNAL_ERROR} for a bug in mlops. An error is
 * reported as one line, {@code mlops: <what, where, what was expected>}, and with
 * {@code --verbose} (accepted before or after a subcommand's name) its stack trace follows.
 *
 * <p>{@code --plugins DIR} (also accepted before or after a subcommand's name), or else the
 * environment variable {@code MLOPS_PLUGINS}, names a directory whose jars add component types
 * (see {@link Plugins}); subcommands get them from {@link #registry()}.
 *
 * <p>Tests and programs that embed the command call {@link #execute(PrintWriter, PrintWriter,
 * String...)}, which touches neither the standard streams nor the JVM's exit.
 */
@Command(
        name = "mlops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "mlops-java from a shell or a CI job.",
        subcommands = {SchemaCommand.class, ProfileCommand.class, SuggestCommand.class, CheckCommand.class,
            AggregateLabelsCommand.class, SplitCommand.class, LeakageCommand.class, TrainCommand.class,
            ExplainCommand.class, RunsCommand.class, RegistryCommand.class, LineageCommand.class,
            FeaturesCommand.class, BaselineCommand.class, DriftCommand.class, MonitorCommand.class, GateCommand.class,
            ServeBatchCommand.class, ComponentsCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all is well",
            "1:a check or gate failed, an access policy or the model registry refused, or an ingest refused records",
            "2:bad input or usage",
            "70:an internal error (a bug in mlops)"
        },
        footerHeading = "%nExample, a data gate in CI:%n",
        footer = {
            "  mlops suggest train.csv --out suite.json   # once, then review and edit it",
            "  mlops check batch.csv --suite suite.json   # exit 1 fails the job"
        })
public final class MlopsCommand implements Callable<Integer> {
    /** The exit status when all is well. */
    public static final int EXIT_OK = 0;
    /**
     * The exit status when a check, leakage finding or gate fails at error severity, the model
     * registry refuses a change (a policy, missing approvals, a concurrent change), an access policy
     * refuses a feature read or write, or a feature ingestion refuses some records.
     */
    public static final int EXIT_CHECK_FAILED = 1;
    /** The exit status for bad input (a malformed, missing or unreadable file) or bad usage. */
    public static final int EXIT_BAD_INPUT = 2;
    /** The exit status for an unexpected failure, a bug in mlops (EX_SOFTWARE of sysexits.h). */
    public static final int EXIT_INTERNAL_ERROR = 70;
    /**
     * Tribuo's java.util.logging root, held so that the level the process sets stays: the command
     * owns its process and keeps Tribuo's INFO messages off stderr unless {@code --verbose}.
     */
    private static final Logger TRIBUO_LOGGER = Logger.getLogger("org.tribuo");

    private static final String VERBOSE = "--verbose";
    private static final String PLUGINS = "--plugins";
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    /** Flyway's level, set apart in simplelogger.properties: a system property overrides the file. */
    private static final String FLYWAY_LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.org.flywaydb";

    @Spec
    private @Nullable CommandSpec spec;

    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "On an error, print its stack trace too; log at debug level.")
    private boolean verbose;

    @Option(names = PLUGINS, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load the component types of the *.jar files in DIR (default: the directory that "
                    + "the environment variable " + Plugins.ENVIRONMENT + " names, if set); 'mlops components' "
                    + "lists them.")
    private @Nullable Path plugins;

    /** The component types of this run: set after parsing, before the subcommand runs. */
    private @Nullable Plugins loaded;

    /** The environment variables the command reads, the process's or a test's. */
    private final Map<String, String> environment;

    private MlopsCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Runs the command with the process's standard streams (UTF-8) and exits the JVM with the
     * command's exit status.
     *
     * @param args the command line arguments
     */
    public static void main(String... args) {
        PrintWriter out = utf8(System.out);
        PrintWriter err = utf8(System.err);
        int status = run(out, err, CommandLine.Help.Ansi.AUTO, true, System.getenv(), args);
        System.exit(status);
    }

    /**
     * Runs the command in this JVM, writing results to {@code out} and errors and usage help to
     * {@code err}, without colours; both writers are flushed, not closed. Unlike {@link #main}
     * it neither exits the JVM nor changes logging.
     *
     * @param out where results go (the program's stdout)
     * @param err where errors and usage help go (the program's stderr)
     * @param args the command line arguments
     * @return the exit status: {@link #EXIT_OK}, {@link #EXIT_CHECK_FAILED}, {@link #EXIT_BAD_INPUT}
     *     or {@link #EXIT_INTERNAL_ERROR}
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, System.getenv(), args);
    }

    /**
     * As {@link #execute(PrintWriter, PrintWriter, String...)}, with the environment given, such as
     * a test's {@value Plugins#ENVIRONMENT}.
     *
     * @param out where results go
     * @param err where errors and usage help go
     * @param environment the environment variables the command reads instead of the process's
     * @param args the command line arguments
     * @return the exit status
     */
    static int execute(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        return run(out, err, CommandLine.Help.Ansi.OFF, false, environment, args);
    }

    private static int run(PrintWriter out, PrintWriter err, CommandLine.Help.Ansi ansi, boolean ownsProcess,
            Map<String, String> environment, String... args) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(args, "args");
        MlopsCommand root = new MlopsCommand(environment);
        try {
            return commandLine(root, out, err, ansi, ownsProcess, environment).execute(args);
        } finally {
            if (root.loaded != null) {
                root.loaded.close();
            }
            out.flush();
            err.flush();
        }
    }

    private static CommandLine commandLine(MlopsCommand root, PrintWriter out, PrintWriter err,
            CommandLine.Help.Ansi ansi, boolean ownsProcess, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        setExitCodes(commandLine);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setExecutionStrategy(parseResult -> {
            if (ownsProcess && isVerbose(parseResult)) {
                // before the first logger exists: slf4j-simple reads its settings once
                System.setProperty(LOG_LEVEL_PROPERTY, "debug");
                System.setProperty(FLYWAY_LOG_LEVEL_PROPERTY, "debug");
            } else if (ownsProcess) {
                // Tribuo reports each training at INFO through java.util.logging: noise on a command's stderr
                TRIBUO_LOGGER.setLevel(Level.WARNING);
            }
            if (!helpRequested(parseResult)) {
                try {
                    root.loaded = Plugins.load(pluginsOption(parseResult), environment,
                            MlopsCommand.class.getClassLoader());
                } catch (ComponentException e) {
                    // reported by the ErrorHandler, as a command's bad input is
                    throw new ExecutionException(commandLine, e.getMessage(), e);
                }
            }
            return new RunLast().execute(parseResult);
        });
        return commandLine;
    }

    /** Says every exit status explicitly, on each command: picocli's default for an exception is 1. */
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

    /**
     * Without a subcommand there is nothing to do: reports the usage error.
     *
     * @return never returns normally
     * @throws ParameterException always, which picocli reports with the usage help
     */
    @Override
    public Integer call() {
        throw new ParameterException(Objects.requireNonNull(spec, "spec").commandLine(),
                "Missing required subcommand");
    }

    /**
     * The component types that this run knows, the built-in ones and those of the plugin directory,
     * for a subcommand to get through {@code @ParentCommand}.
     *
     * @return the registry
     * @throws IllegalStateException if called before the command line was parsed
     */
    ComponentRegistry registry() {
        if (loaded == null) {
            throw new IllegalStateException("the plugins are loaded after parsing, before a subcommand runs");
        }
        return loaded.registry();
    }

    /**
     * The environment variables of this run, for a subcommand to get through {@code @ParentCommand}:
     * the process's, or those a test passed to {@link #execute(PrintWriter, PrintWriter, Map, String...)}.
     *
     * @return the variables by name, unmodifiable
     */
    Map<String, String> environment() {
        return Collections.unmodifiableMap(environment);
    }

    /** @return the last {@code --plugins} given to the command or to its subcommands, or null */
    private static @Nullable Path pluginsOption(ParseResult parseResult) {
        @Nullable Path directory = null;
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption(PLUGINS)) {
                directory = result.matchedOptionValue(PLUGINS, null);
            }
        }
        return directory;
    }

    /** @return true if the command line asks for usage or version help, which needs no plugins */
    private static boolean helpRequested(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.isUsageHelpRequested() || result.isVersionHelpRequested()
                    || result.commandSpec().userObject() instanceof HelpCommand) {
                return true;
            }
        }
        return false;
    }

    /** @return true if {@code --verbose} was given to the command or to any of its subcommands */
    static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
    }
}
