package dev.mlops.examples.lifecycle;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.examples.ExampleMain;
import dev.mlops.examples.OutputDirectory;
import dev.mlops.examples.extension.ExtensionPoints;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.train.tracking.TrackingStore;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * The guide's whole lifecycle on the bundled German credit data, in one walk of ten steps:
 * load (with synthetic, seeded application dates: credit-g has none), data checks suggested from a
 * first batch and run on the rest, a recent set and a stratified 70/15/15 split with slices and a
 * leakage report, baselines and experiments tracked, the quality gate, the registry with lineage
 * and an approval — the development half, here — then the operations half ({@code Operations}):
 * a canary over a simulated request stream with capture, a drifted stream, its alarm and the
 * rollback, quality from late labels and the HTML monitoring report.
 *
 * <p>Everything is stored in one output directory on the embedded defaults: the SQLite file
 * {@code mlops.db} (tracking runs and the model registry), the artifacts beside it, the suite,
 * the split, the gate reports, the captures and the report. The closing lines say where each is
 * and how to open it.
 *
 * <p><b>Which rows do what.</b> The training rows train, the validation rows rank the
 * experiments, and the gates read only the test set and the recent set, which no choice used.
 *
 * <p><b>A fresh directory and a rerun.</b> In a fresh directory no model is in production, so the
 * first experiment in the order tried (the team's simple CART tree) that passes its gate against
 * the baseline is registered and promoted; the best experiment on validation other than that one
 * (a logistic regression) is the candidate and meets the real gate against it. Run again on the
 * same directory, production exists, so the same candidate, retrained, meets the real gate at
 * once; the runs and versions add to those already there. A directory that holds files but no
 * {@code mlops.db} is refused, so that a mistyped path does not fill a directory of other files.
 *
 * <pre>
 * mvn -B -q -pl mlops-examples -am package -DskipTests -Dmlops.javadoc.skip
 * java @mlops-examples/target/lifecycle.args [DIRECTORY]
 * </pre>
 */
public final class CreditApprovalLifecycle {
    /** The seed every random step derives from: dates, split, training, bootstraps. */
    public static final Seed SEED = Seed.of(42);
    /** The output directory when none is given, in the working directory. */
    public static final String DEFAULT_DIRECTORY = "credit-lifecycle";
    /** How many steps the console announces. */
    public static final int STEPS = 10;

    /** The directory the printed {@code mlops monitor} command writes its report to. */
    public static final String CLI_REPORT = "report-cli";

    /** The library's log, in the output directory (the console holds the walk's own lines). */
    public static final String LOG_FILE = "lifecycle.log";

    private CreditApprovalLifecycle() {
    }

    /**
     * Runs the walk and prints its progress; exits with status 1 and a one-line message on failure,
     * 2 for a bad argument (an output directory of other files).
     *
     * @param args an optional output directory, default {@value #DEFAULT_DIRECTORY}
     */
    public static void main(String[] args) {
        Path directory = ExampleMain.directory(args, "CreditApprovalLifecycle", DEFAULT_DIRECTORY);
        ExampleMain.quietTribuo();
        ExampleMain.logTo(directory.resolve(LOG_FILE));
        String jar = System.getProperty(ExtensionPoints.MLOPS_JAR_PROPERTY);
        Path mlopsJar = jar == null ? Path.of(ExtensionPoints.MLOPS_JAR) : Path.of(jar).toAbsolutePath().normalize();
        long start = System.nanoTime();
        ExampleMain.runOrExit("credit-approval lifecycle", () -> run(directory, mlopsJar, System.out));
        System.out.printf(Locale.ROOT, "%nDone in %.1f s; the library's log is in %s.%n",
                (System.nanoTime() - start) / 1e9, directory.resolve(LOG_FILE).toAbsolutePath().normalize());
    }

    /**
     * Runs the walk into a directory.
     *
     * @param directory the output directory: absent, empty, or a previous walk's (holding {@code mlops.db})
     * @param mlopsJar the CLI's jar, as the closing commands name it (the argument file gives it
     *     absolute, through the system property {@value ExtensionPoints#MLOPS_JAR_PROPERTY})
     * @param out where the progress goes
     * @return what each step found
     * @throws IllegalArgumentException if the directory holds files but no {@code mlops.db}
     * @throws IllegalStateException if a step cannot go on (no model beats the baseline, the
     *     candidate fails its gate)
     * @throws UncheckedIOException if the directory cannot be created or written
     */
    public static LifecycleOutcome run(Path directory, Path mlopsJar, PrintStream out) {
        OutputDirectory.prepare(directory, Path.of(TrackingStore.DATABASE_FILE), "lifecycle");
        Clock clock = Clock.systemUTC();
        Console console = new Console(out, STEPS);
        out.printf(Locale.ROOT, "Credit approval lifecycle: German credit data, seed %d, output %s%n", SEED.value(),
                directory.toAbsolutePath().normalize());
        // the store first: its mlops.db marks the directory as this walk's, so a run that fails later is rerun there
        try (TrackingStore tracking = TrackingStore.open(directory);
                ModelRegistry registry = ModelRegistry.builder(directory).tracking(tracking).open()) {
            console.step("Load credit-g with synthetic application dates");
            Table applications = CreditApplications.load(SEED);
            console.detail("%d applications, %d columns and %s, SYNTHETIC (credit-g has no dates): uniform over %s to"
                    + " %s, seeded", applications.rowCount(), applications.columnCount() - 1, CreditApplications.DATE,
                    CreditApplications.FIRST_DATE.toString().substring(0, 10),
                    CreditApplications.END_DATE.toString().substring(0, 10));

            console.step("Data checks suggested from a first batch, run on the rest");
            ChecksOutcome checks = DataChecks.run(applications, directory, console);

            console.step("Recent set, stratified 70/15/15 split, slices, leakage");
            SplitOutcome split = HeldOutSplit.run(applications, SEED, directory, console);

            console.step("Baselines first, then experiments, every run tracked");
            TrainingOutcome training = Training.run(split, SEED, tracking, console);

            console.step("Quality gate");
            PromotionOutcome promotion = Promotion.run(split, training, registry, tracking, SEED, clock, console);

            Development development = new Development(directory, registry, Promotion.OPERATOR, promotion.production(),
                    promotion.candidate(), split.set("train"), split.heldOut(), CreditApplications.LABEL,
                    CreditApplications.DATE);
            OperationsOutcome operations = Operations.run(development, console);
            artifacts(console, directory, mlopsJar, checks, split, promotion, operations);
            return new LifecycleOutcome(directory, applications.rowCount(), checks, split, training, promotion,
                    operations);
        }
    }

    private static void artifacts(Console console, Path directory, Path mlopsJar, ChecksOutcome checks,
            SplitOutcome split, PromotionOutcome promotion, OperationsOutcome operations) {
        Path store = directory.toAbsolutePath().normalize();
        console.heading("Artifacts (the commands need the CLI's jar, which the package command builds)");
        String mlops = "java -jar " + mlopsJar + " ";
        console.artifact("Tracked runs", store.resolve(TrackingStore.DATABASE_FILE),
                mlops + "runs list --store " + store + " --experiment " + Training.EXPERIMENT);
        console.artifact("Model registry", store.resolve(TrackingStore.DATABASE_FILE),
                mlops + "lineage " + Promotion.MODEL + ":" + promotion.candidate().version() + " --store " + store);
        console.artifact("Check suite", checks.suite().toAbsolutePath(),
                mlops + "check " + checks.checked().toAbsolutePath() + " --suite " + checks.suite().toAbsolutePath());
        console.artifactNote("(reruns step 2 on the " + checks.report().rowCount() + " applications it checked: "
                + (checks.report().passed() ? "passes, exit 0" : "fails, exit 1") + ")");
        console.artifact("Split", split.file().toAbsolutePath(), "JSON: sets, row indices, seed, fingerprint");
        for (Path gate : promotion.gateFiles()) {
            console.artifact("Gate report", gate.toAbsolutePath(), "JSON (kind gate-report)");
        }
        console.artifact("Captures", operations.captureDirectory().toAbsolutePath(),
                "JSON Lines: each request as it arrived and as answered, with the variant");
        console.artifact("Late labels", operations.labels().toAbsolutePath(), "CSV: inferenceId, label, arrivedAt");
        console.artifact("Training baseline", operations.baseline().toAbsolutePath(), "baseline.json, profile.json, suite.json");
        console.artifact("Monitoring report", operations.report().toAbsolutePath(),
                "open it in a browser: file://" + operations.report().toAbsolutePath());
        console.artifactNote("the monitoring again by the CLI, from the capture, the baseline and every label (its drift"
                + " tests at alpha 0.05, the walk's at " + Operations.DRIFT_ALPHA + "); exits 1, the drifted hours failing:");
        console.artifactNote(mlops + "monitor " + operations.captureDirectory().toAbsolutePath() + " --baseline "
                + operations.baseline().toAbsolutePath() + " --stage " + CaptureStage.AFTER_MODEL + " --window 1h"
                + " --origin " + Operations.START + " --ground-truth " + operations.labels().toAbsolutePath()
                + " --html " + store.resolve(CLI_REPORT));
    }
}
