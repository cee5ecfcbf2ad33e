package dev.mlops.examples.extension;

import dev.mlops.core.Seed;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.Checks;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.examples.ExampleMain;
import dev.mlops.examples.OutputDirectory;
import dev.mlops.examples.lifecycle.Console;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import dev.mlops.train.experiment.ExperimentRunner;
import dev.mlops.train.experiment.Leaderboard;
import dev.mlops.train.experiment.LeaderboardRow;
import dev.mlops.train.experiment.LogisticRegression;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * The second example: a credit team's own components plugged into mlops-java on the German
 * credit data (credit-g, bundled as {@code /data/credit-g.csv}), each where the library takes its
 * kind.
 * <ol>
 *   <li>{@link NearestNeighbours}, an {@code Experiment}, on the {@link ExperimentRunner}'s
 *       leaderboard beside the baselines and logistic regression, tracked;</li>
 *   <li>{@link EnergyDistanceDetector}, a {@code DriftDetector}, in a {@link TableDrift} for
 *       {@code age} and {@code credit_amount} beside the default detectors of the other columns,
 *       on the held-out rows (one population) and on the held-out applicants aged
 *       {@value #OLDER_FROM} or more (a shifted one);</li>
 *   <li>{@link InstalmentCheck}, a {@code Check}, in a {@link CheckSuite} with built-in checks,
 *       run and saved as JSON;</li>
 *   <li>the three packed as a plugin jar ({@link PluginJar}) and the {@code mlops check} command
 *       that runs the saved suite with it.</li>
 * </ol>
 *
 * <p>Run it from the repository root after {@code mvn -pl mlops-examples -am package} (which
 * writes the argument file with the runtime class path and the CLI's jar, and
 * {@code mlops-cli/target/mlops.jar}):
 * <pre>{@code
 * java @mlops-examples/target/extension-points.args [directory]
 * }</pre>
 *
 * <p><b>The output directory</b> (default {@value #DEFAULT_DIRECTORY}) must be absent, empty or a
 * previous run's output (holding {@code tracking/mlops.db}); a rerun adds its tracked runs to those
 * there and rewrites the other files. Every path the run prints is absolute.
 */
public final class ExtensionPoints {
    /** The label column of credit-g. */
    public static final String LABEL = "class";
    /** The seed of the split and the experiments. */
    public static final long SEED = 42;
    /** The least age of the shifted population. */
    public static final int OLDER_FROM = 40;
    /** The largest monthly instalment the suite allows: credit-g's largest is 2,482.67. */
    public static final double MAX_INSTALMENT = 2_500;
    /** The output directory when {@link #main} is given none. */
    public static final String DEFAULT_DIRECTORY = "target/extension-points";
    /** The CLI's jar, as the build leaves it, relative to the repository root. */
    public static final String MLOPS_JAR = "mlops-cli/target/mlops.jar";
    /**
     * The system property naming the CLI's jar, absolute; the argument file sets it, and without it
     * the printed commands name {@value #MLOPS_JAR}, relative to the repository root.
     */
    public static final String MLOPS_JAR_PROPERTY = "mlops.cli.jar";
    /** The file a previous run leaves in the output directory, by which a rerun knows it. */
    public static final Path MARKER = Path.of("tracking", TrackingStore.DATABASE_FILE);

    private static final String RESOURCE = "/data/credit-g.csv";

    private ExtensionPoints() {
        throw new AssertionError("no instances");
    }

    /**
     * Runs the example, writing into a directory; exits with status 1 (2 for a bad argument) and a one-line message on
     * failure, 2 when given more than one argument.
     *
     * @param args the output directory, {@value #DEFAULT_DIRECTORY} when absent
     */
    public static void main(String[] args) {
        Path directory = ExampleMain.directory(args, "ExtensionPoints", DEFAULT_DIRECTORY);
        ExampleMain.quietTribuo();
        String jar = System.getProperty(MLOPS_JAR_PROPERTY);
        Path mlopsJar = jar == null ? Path.of(MLOPS_JAR) : Path.of(jar).toAbsolutePath().normalize();
        ExampleMain.runOrExit("extension points example", () -> run(directory, mlopsJar, System.out));
    }

    /**
     * Runs the example, naming the CLI's jar {@value #MLOPS_JAR} in the printed commands.
     *
     * @param directory where the tracking store, the suite, the data copy and the plugin go: absent,
     *     empty or a previous run's output
     * @param out where the progress and findings go
     * @return what was found and written
     * @throws IllegalArgumentException if the directory holds files but no {@code tracking/mlops.db}
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static ExtensionRun run(Path directory, PrintStream out) {
        return run(directory, Path.of(MLOPS_JAR), out);
    }

    /**
     * Runs the example.
     *
     * @param given where the tracking store, the suite, the data copy and the plugin go: absent,
     *     empty or a previous run's output
     * @param mlopsJar the CLI's jar, as the printed commands name it
     * @param out where the progress and findings go
     * @return what was found and written, every path absolute
     * @throws IllegalArgumentException if the directory holds files but no {@code tracking/mlops.db}
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static ExtensionRun run(Path given, Path mlopsJar, PrintStream out) {
        Path directory = OutputDirectory.prepare(given, MARKER, "ExtensionPoints run");
        Console console = new Console(out, 4);
        Path data = copyCreditG(directory.resolve("credit-g.csv"));
        Table credit = CsvFormat.defaults().read(data);
        Split split = Splitters.stratified(SizePolicy.guide(), LABEL, SEED).split(credit);
        Table train = split.set(credit, "train");
        Table heldOut = credit.rows(concat(split.rows("validation"), split.rows("test")));

        console.step("Experiment: nearest-neighbours(k=25) on the runner's leaderboard, tracked");
        Path tracking = directory.resolve("tracking");
        Leaderboard leaderboard;
        try (TrackingStore store = TrackingStore.open(tracking)) {
            leaderboard = ExperimentRunner.builder()
                    .data(credit, LABEL, split)
                    .seed(Seed.of(SEED))
                    .metrics(List.of(Metrics.auc(), Metrics.accuracy(), Metrics.logLoss()))
                    .experiments(new NearestNeighbours(25), LogisticRegression.defaults())
                    .tracking(store, "credit-g extension points")
                    .build()
                    .run()
                    .leaderboard();
        }
        out.print(leaderboard.toText().indent(6));
        LeaderboardRow neighbours = row(leaderboard, NearestNeighbours.TYPE);
        console.detail("%s: test %s %.4f, %+.4f over the best baseline", neighbours.experiment(),
                leaderboard.primaryMetric(), neighbours.test().get(leaderboard.primaryMetric()), neighbours.lift());

        console.step("Drift: energy(threshold=0.2) for age and credit_amount, defaults for the other columns");
        TableDrift drift = TableDrift.builder()
                .detector("age", new EnergyDistanceDetector(EnergyDistanceDetector.DEFAULT_THRESHOLD))
                .detector("credit_amount", new EnergyDistanceDetector(EnergyDistanceDetector.DEFAULT_THRESHOLD))
                .build();
        TableDriftReport sameApplicants = drift.compare(heldOut, train);
        Table older = olderApplicants(heldOut);
        TableDriftReport olderApplicants = drift.compare(older, train);
        describe(console, "held-out rows", heldOut.rowCount(), sameApplicants);
        describe(console, "held-out applicants aged " + OLDER_FROM + "+", older.rowCount(), olderApplicants);
        Path trainingRows = directory.resolve("train.csv");
        Path olderRows = directory.resolve("older-applicants.csv");
        CsvFormat.defaults().write(train, trainingRows);
        CsvFormat.defaults().write(older, olderRows);
        console.detail("the training rows and the older applicants saved for mlops drift: %s, %s", trainingRows,
                olderRows);

        console.step("Check: instalment(credit_amount/duration) in a suite, run and saved");
        CheckSuite suite = CheckSuite.builder("credit-g applications")
                .add(Checks.complete("credit_amount"))
                .add(Checks.range("duration", 1, 120))
                .add(new InstalmentCheck("credit_amount", "duration", 0, MAX_INSTALMENT, 1.0, Severity.ERROR))
                .build();
        CheckReport checks = suite.run(credit);
        Path suiteFile = directory.resolve("credit-g-suite.json");
        suite.save(suiteFile);
        String instalment = new InstalmentCheck("credit_amount", "duration", 0, MAX_INSTALMENT, 1.0,
                Severity.ERROR).name();
        console.detail("%s", checks.result(instalment).message());
        console.detail("the suite %s on credit-g; saved to %s", checks.passed() ? "passes" : "fails", suiteFile);

        console.step("Plugin: the three components in one jar for mlops --plugins");
        Path plugins = directory.resolve("plugins");
        Path jar = PluginJar.write(plugins.resolve("credit-components.jar"), NearestNeighbours.class,
                NeighbourModel.class, EnergyDistanceDetector.class, InstalmentCheck.class);
        console.detail("wrote %s", jar);
        String cli = mlopsJar.toString();
        List<String> command = List.of("java", "-jar", cli, "check", data.toString(), "--suite",
                suiteFile.toString(), "--plugins", plugins.toString());
        console.heading("Run the saved suite with the plugin" + (mlopsJar.isAbsolute() ? " (after mvn package):"
                : " (from the repository root, after mvn package):"));
        out.println("  " + String.join(" ", command));
        console.heading("Artifacts");
        console.artifact("Tracking store", tracking.resolve(TrackingStore.DATABASE_FILE),
                "java -jar " + cli + " runs list --store " + tracking);
        console.artifact("Check suite", suiteFile, "any JSON viewer; mlops check --suite");
        console.artifact("Plugin jar", jar, "jar tf " + jar);
        return new ExtensionRun(leaderboard, sameApplicants, olderApplicants, checks, data, trainingRows, olderRows,
                suiteFile, plugins, tracking, command);
    }

    private static void describe(Console console, String what, int rows, TableDriftReport report) {
        List<String> drifted = report.drifted().stream().map(ColumnDrift::column).toList();
        console.detail("%s (%d rows): drifted columns %s", what, rows, drifted);
        for (String column : List.of("age", "credit_amount")) {
            console.detail("  %s", report.column(column).message());
        }
    }

    private static Table olderApplicants(Table rows) {
        NumericColumn age = rows.numericColumn("age");
        int[] older = new int[rows.rowCount()];
        int count = 0;
        for (int row = 0; row < rows.rowCount(); row++) {
            if (!age.isMissing(row) && age.get(row) >= OLDER_FROM) {
                older[count++] = row;
            }
        }
        return rows.rows(Arrays.copyOf(older, count));
    }

    private static LeaderboardRow row(Leaderboard leaderboard, String type) {
        return leaderboard.rows().stream().filter(row -> row.experiment().startsWith(type + "("))
                .findFirst().orElseThrow(() -> new IllegalStateException("no row of " + type + " in the leaderboard"));
    }

    private static int[] concat(int[] first, int[] second) {
        int[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        Arrays.sort(all);
        return all;
    }

    private static Path copyCreditG(Path target) {
        try (InputStream in = ExtensionPoints.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is not on the class path");
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + RESOURCE + " to " + target + ": " + e.getMessage(), e);
        }
    }
}
