package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.significance.BootstrapInterval;
import dev.mlops.train.significance.McNemar;
import dev.mlops.train.significance.McNemarResult;
import dev.mlops.train.significance.PairedBootstrap;
import dev.mlops.train.significance.PairedBootstrapResult;
import java.util.Locale;
import dev.mlops.data.slice.Slice;
import dev.mlops.data.split.Split;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs experiments on the same data and seed, baselines first, and ranks them: the guide's
 * runner of swappable experiments. Each experiment trains on the split's training rows and is
 * measured on its validation rows; when all have trained, each model predicts the test rows
 * once, the only use of the test rows, recorded as a {@link TestSetAccess}. Each experiment is a
 * tracked run when a {@link TrackingStore} is given: its spec ({@value #EXPERIMENT_PARAM}), the label
 * column ({@value #LABEL_PARAM}) and the seed as parameters, the data's
 * fingerprint as an input, the split as the artifact {@value #SPLIT_ARTIFACT} (with the spec and
 * the seed, enough to train the same model again), validation metrics as {@code validation.<metric>}, test metrics as
 * {@code test.<metric>}, inference time and model size. An experiment that throws is recorded as
 * failed (its run too) and the others go on.
 *
 * <pre>{@code
 * RunnerResult result = ExperimentRunner.builder()
 *         .data(table, "class", split)
 *         .seed(Seed.of(42))
 *         .metrics(Metrics.forClassification())
 *         .experiments(LogisticRegression.defaults(), ClassificationTree.defaults())
 *         .tracking(store, "credit")
 *         .build()
 *         .run();
 * System.out.print(result.leaderboard().toText());
 * }</pre>
 *
 * <p>Inference time is measured on up to {@value #TIMED_ROWS} validation rows, each predicted
 * alone after {@value #WARMUP_ROWS} warm-up predictions, as the time per example a caller of a
 * real-time endpoint would see; it varies with the machine and its load. Not thread-safe; build
 * one runner per run.
 */
public final class ExperimentRunner {
    /** The validation rows predicted one at a time to time inference. */
    static final int TIMED_ROWS = 100;
    /** The single-row predictions before timing starts. */
    static final int WARMUP_ROWS = 5;
    /** The parameter of each tracked run that names the label column. */
    public static final String LABEL_PARAM = "label";
    /** The parameter of each tracked run that holds the experiment's spec. */
    public static final String EXPERIMENT_PARAM = "experiment";
    /** The level at which the leaderboard calls a difference from the best baseline significant. */
    public static final double SIGNIFICANCE_LEVEL = 0.05;
    /** The artifact of each tracked run that holds the split, so that the run can be trained again exactly. */
    public static final String SPLIT_ARTIFACT = "split.json";

    private final Table data;
    private final String label;
    private final Split split;
    private final String trainSet;
    private final String validationSet;
    private final String testSet;
    private final Seed seed;
    private final List<Metric> metrics;
    private final List<Slice> slices;
    private final List<Experiment> experiments;
    private final @Nullable TrackingStore store;
    private final String experimentName;
    private long step;

    private ExperimentRunner(Builder builder) {
        this.data = Objects.requireNonNull(builder.data, "data: call data(table, label, split)");
        this.label = Objects.requireNonNull(builder.label, "label");
        this.split = Objects.requireNonNull(builder.split, "split");
        this.trainSet = builder.trainSet;
        this.validationSet = builder.validationSet;
        this.testSet = builder.testSet;
        this.seed = builder.seed;
        this.slices = List.copyOf(builder.slices);
        this.store = builder.store;
        this.experimentName = builder.experimentName;
        for (String set : List.of(trainSet, validationSet, testSet)) {
            if (!split.setNames().contains(set)) {
                throw new IllegalArgumentException("the split has no set '" + set + "'; its sets are " + split.setNames());
            }
        }
        if (!split.matches(data)) {
            throw new IllegalArgumentException("the split was made for other data (fingerprint " + split.fingerprint()
                    + ", " + split.rowCount() + " rows) than this table of " + data.rowCount() + " rows");
        }
        Task task = Task.of(data.schema(), label);
        this.metrics = !builder.metrics.isEmpty() ? List.copyOf(builder.metrics)
                : task == Task.CLASSIFICATION ? Metrics.forClassification() : Metrics.forRegression();
        if (task == Task.CLASSIFICATION) {
            requireClasses(split.set(data, trainSet).column(label), trainSet);
        }
        Set<Experiment> all = new LinkedHashSet<>(baselines(task));
        all.addAll(builder.experiments);
        this.experiments = List.copyOf(all);
    }

    /** A class label needs two classes among the training rows, or no experiment can learn anything. */
    private static void requireClasses(dev.mlops.core.table.Column labels, String set) {
        Set<String> classes = new LinkedHashSet<>();
        for (int row = 0; row < labels.size() && classes.size() < 2; row++) {
            if (!labels.isMissing(row)) {
                classes.add(labels.format(row));
            }
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("label column '" + labels.name() + "' has " + (classes.isEmpty()
                    ? "no class" : "one class '" + classes.iterator().next() + "'") + " in the " + set + " rows;"
                    + " classification needs at least two");
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The baselines the runner runs before any other experiment.
     *
     * @param task the task
     * @return most-frequent, stratified and uniform for classification; mean and median for regression
     */
    public static List<Experiment> baselines(Task task) {
        return switch (task) {
            case CLASSIFICATION -> List.of(new ClassificationBaseline(ClassificationBaseline.Strategy.MOST_FREQUENT),
                    new ClassificationBaseline(ClassificationBaseline.Strategy.STRATIFIED),
                    new ClassificationBaseline(ClassificationBaseline.Strategy.UNIFORM));
            case REGRESSION -> List.of(new RegressionBaseline(RegressionBaseline.Strategy.MEAN),
                    new RegressionBaseline(RegressionBaseline.Strategy.MEDIAN));
        };
    }

    /** @return the experiments in the order they run: the baselines, then the others as given */
    public List<Experiment> experiments() {
        return experiments;
    }

    /**
     * Runs every experiment, then evaluates each model on the test rows once.
     *
     * @return the leaderboard, each experiment's result and every use of the test rows
     */
    public RunnerResult run() {
        Table train = split.set(data, trainSet);
        Table validation = split.set(data, validationSet);
        Table test = split.set(data, testSet);
        List<Trained> trained = new ArrayList<>();
        for (Experiment experiment : experiments) {
            trained.add(train(experiment, train, validation));
        }
        long lastTrainingStep = step;
        List<TestSetAccess> accesses = new ArrayList<>();
        Column truth = test.column(label);
        for (Trained entry : trained) {
            if (entry.result != null) {
                Table predictions = entry.result.model().predict(test);
                entry.testPredictions = predictions;
                accesses.add(new TestSetAccess(entry.spec, test.rowCount(), ++step, lastTrainingStep));
                for (Metric metric : metrics) {
                    entry.test.put(metric.name(), metric.compute(truth, predictions));
                }
                entry.timing = InferenceTiming.measure(entry.result.model(), validation, TIMED_ROWS, WARMUP_ROWS);
            }
            finish(entry);
        }
        Map<String, ExperimentResult> results = new LinkedHashMap<>();
        for (Trained entry : trained) {
            if (entry.result != null) {
                results.put(entry.spec, entry.result);
            }
        }
        return new RunnerResult(leaderboard(trained, truth), results, accesses);
    }

    private Trained train(Experiment experiment, Table train, Table validation) {
        String spec = experiment.spec().toString();
        boolean baseline = experiment instanceof ClassificationBaseline || experiment instanceof RegressionBaseline;
        ActiveRun run = store == null ? null : store.startRun(experimentName, RunSpec.builder().name(spec)
                .seed(seed.value()).param(EXPERIMENT_PARAM, spec).param(LABEL_PARAM, label)
                .tag("mlops.baseline", Boolean.toString(baseline)).build());
        Trained entry = new Trained(spec, baseline, run);
        if (run != null) {
            run.addInput(LineageInput.table("data", data));
            run.logArtifact(SPLIT_ARTIFACT, split.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            entry.result = experiment.run(ExperimentContext.of(train, validation, label, seed, metrics, slices, run));
            step++;
        } catch (RuntimeException e) {
            entry.failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return entry;
    }

    private void finish(Trained entry) {
        ActiveRun run = entry.run;
        if (run == null) {
            return;
        }
        if (entry.result == null) {
            run.fail(Objects.requireNonNull(entry.failure));
            return;
        }
        entry.result.metrics().forEach((name, value) -> run.logMetric("validation." + name, value));
        entry.test.forEach((name, value) -> run.logMetric("test." + name, value));
        InferenceTiming timing = Objects.requireNonNull(entry.timing);
        run.logMetric("inference.p50_micros", timing.p50Micros());
        run.logMetric("inference.p99_micros", timing.p99Micros());
        run.logMetric("model.bytes", entry.result.modelBytes());
        run.finish();
    }

    private Leaderboard leaderboard(List<Trained> trained, Column truth) {
        Metric primary = metrics.get(0);
        boolean higher = primary.higherIsBetter();
        Trained best = null;
        for (Trained entry : trained) {
            double value = entry.result == null ? Double.NaN : entry.test.get(primary.name());
            if (entry.baseline && !Double.isNaN(value) && (best == null
                    || (higher ? value > best.test.get(primary.name()) : value < best.test.get(primary.name())))) {
                best = entry;
            }
        }
        double bestBaseline = best == null ? Double.NaN : best.test.get(primary.name());
        List<LeaderboardRow> rows = new ArrayList<>();
        for (Trained entry : trained) {
            ExperimentResult result = entry.result;
            double value = result == null ? Double.NaN : entry.test.get(primary.name());
            double lift = higher ? value - bestBaseline : bestBaseline - value;
            InferenceTiming timing = entry.timing;
            String mark = best == null || best == entry || result == null ? "" : mark(primary, truth, entry, best);
            rows.add(new LeaderboardRow(entry.spec, entry.baseline, entry.run == null ? null : entry.run.id(),
                    result == null ? Map.of() : result.metrics(), entry.test, lift,
                    timing == null ? Double.NaN : timing.p50Micros(), timing == null ? Double.NaN : timing.p99Micros(),
                    result == null ? -1 : result.modelBytes(), mark, entry.failure));
        }
        Comparator<LeaderboardRow> byPrimary = Comparator.comparingDouble(
                row -> row.test().getOrDefault(primary.name(), Double.NaN));
        rows.sort(Comparator.comparing((LeaderboardRow row) -> row.failure() != null)
                .thenComparing(higher ? byPrimary.reversed() : byPrimary));
        return new Leaderboard(primary.name(), higher, metrics.stream().map(Metric::name).toList(), rows);
    }

    /**
     * Whether an experiment's difference from the best baseline on the test rows may be chance, at
     * {@link #SIGNIFICANCE_LEVEL}: McNemar's exact test on the rows each got right for a
     * classifier, a paired bootstrap interval of the primary metric's difference for a regression
     * model.
     *
     * @return empty when significant; else {@code n.s.} with the test and its p-value or interval
     */
    private String mark(Metric primary, Column truth, Trained entry, Trained best) {
        Table mine = Objects.requireNonNull(entry.testPredictions);
        Table theirs = Objects.requireNonNull(best.testPredictions);
        if (truth instanceof NumericColumn) {
            PairedBootstrapResult compared = PairedBootstrap.of(seed.derive("leaderboard/" + entry.spec))
                    .withLevel(1 - SIGNIFICANCE_LEVEL).compare(primary, truth, mine, theirs);
            BootstrapInterval difference = compared.difference();
            return compared.verdict().significant() ? "" : String.format(Locale.ROOT,
                    "n.s. vs best baseline (bootstrap %.0f%% interval of the %s difference [%.4g, %.4g])",
                    100 * difference.level(), primary.name(), difference.lower(), difference.upper());
        }
        McNemarResult compared = McNemar.test(truth, mine, theirs);
        return compared.verdict(SIGNIFICANCE_LEVEL).significant() ? "" : String.format(Locale.ROOT,
                "n.s. vs best baseline (McNemar p = %.2g)", compared.pValue());
    }

    /** What one experiment produced so far. */
    private static final class Trained {
        private final String spec;
        private final boolean baseline;
        private final @Nullable ActiveRun run;
        private @Nullable ExperimentResult result;
        private @Nullable String failure;
        private final Map<String, Double> test = new LinkedHashMap<>();
        private @Nullable Table testPredictions;
        private @Nullable InferenceTiming timing;

        Trained(String spec, boolean baseline, @Nullable ActiveRun run) {
            this.spec = spec;
            this.baseline = baseline;
            this.run = run;
        }
    }

    /** Builds a runner. */
    public static final class Builder {
        private @Nullable Table data;
        private @Nullable String label;
        private @Nullable Split split;
        private String trainSet = "train";
        private String validationSet = "validation";
        private String testSet = "test";
        private Seed seed = Seed.of(0);
        private List<Metric> metrics = List.of();
        private List<Slice> slices = List.of();
        private final List<Experiment> experiments = new ArrayList<>();
        private @Nullable TrackingStore store;
        private String experimentName = "default";

        private Builder() {
        }

        /**
         * @param table the rows, label included
         * @param labelColumn the label column
         * @param rowSplit the split of the table's rows, with sets {@code train}, {@code validation}, {@code test}
         * @return this builder
         */
        public Builder data(Table table, String labelColumn, Split rowSplit) {
            this.data = Objects.requireNonNull(table, "table");
            this.label = Objects.requireNonNull(labelColumn, "labelColumn");
            this.split = Objects.requireNonNull(rowSplit, "rowSplit");
            return this;
        }

        /**
         * Names the split's sets, when they are not {@code train}, {@code validation} and {@code test}.
         *
         * @param train the training set
         * @param validation the validation set
         * @param test the test set
         * @return this builder
         */
        public Builder sets(String train, String validation, String test) {
            this.trainSet = Objects.requireNonNull(train, "train");
            this.validationSet = Objects.requireNonNull(validation, "validation");
            this.testSet = Objects.requireNonNull(test, "test");
            return this;
        }

        /**
         * @param value the seed every experiment gets (default 0)
         * @return this builder
         */
        public Builder seed(Seed value) {
            this.seed = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param list the metrics, the first the leaderboard's order (default: {@link Metrics#forClassification()}
         *     or {@link Metrics#forRegression()} by the label's type)
         * @return this builder
         */
        public Builder metrics(List<Metric> list) {
            this.metrics = List.copyOf(list);
            return this;
        }

        /**
         * @param list the slices of interest, handed to every experiment
         * @return this builder
         */
        public Builder slices(List<Slice> list) {
            this.slices = List.copyOf(list);
            return this;
        }

        /**
         * Adds experiments; the baselines are always run first and need not be added.
         *
         * @param more the experiments
         * @return this builder
         */
        public Builder experiments(Experiment... more) {
            experiments.addAll(Arrays.asList(more));
            return this;
        }

        /**
         * Tracks each experiment as a run.
         *
         * @param trackingStore the store
         * @param experiment the tracking experiment the runs belong to (created if absent)
         * @return this builder
         */
        public Builder tracking(TrackingStore trackingStore, String experiment) {
            this.store = Objects.requireNonNull(trackingStore, "trackingStore");
            this.experimentName = Objects.requireNonNull(experiment, "experiment");
            return this;
        }

        /**
         * @return the runner
         * @throws IllegalArgumentException if the data, label or split is missing or does not fit, or a
         *     class label has fewer than two classes among the training rows
         */
        public ExperimentRunner build() {
            return new ExperimentRunner(this);
        }
    }
}
