package dev.mlops.train.selection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.TestSetAccess;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tracking.RunSpec;
import dev.mlops.train.tracking.TrackingStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A grid or random search over an experiment's settings: each trial is the base experiment with
 * some settings changed, cross-validated on the split's training and validation rows (a child
 * run of the search's run when tracked, tagged {@value #PARENT_TAG}); the best trial by the
 * first metric's mean over the folds is then trained on the training rows, measured on the
 * validation rows, and evaluated on the test rows — the only use of the test rows, once.
 *
 * <pre>{@code
 * SearchResult result = ModelSearch.builder()
 *         .data(table, "class", split)
 *         .base("cart")
 *         .grid(Map.of("maxDepth", List.of(2, 4, 8), "minChildWeight", List.of(1.0, 5.0)))
 *         .folds(Folds.stratified(5, "class", 42))
 *         .metrics(Metrics.forClassification())
 *         .build()
 *         .run();
 * }</pre>
 *
 * Trials are made through a {@link ComponentRegistry}, so the base must be a registered
 * experiment type and each value a JSON value its setting accepts. Not thread-safe; build one
 * search per run.
 */
public final class ModelSearch {
    /** The tag a trial's run carries, holding the search run's id (MLflow calls it {@code mlflow.parentRunId}). */
    public static final String PARENT_TAG = "mlops.parentRunId";

    private final Table data;
    private final String label;
    private final Split split;
    private final ComponentSpec base;
    private final List<ComponentSpec> trials;
    private final Folds folds;
    private final List<Metric> metrics;
    private final Seed seed;
    private final ComponentRegistry registry;
    private final @Nullable TrackingStore store;
    private final String experimentName;

    private ModelSearch(Builder builder) {
        this.data = Objects.requireNonNull(builder.data, "data: call data(table, label, split)");
        this.label = Objects.requireNonNull(builder.label, "label");
        this.split = Objects.requireNonNull(builder.split, "split");
        this.base = Objects.requireNonNull(builder.base, "base: call base(spec)");
        this.folds = Objects.requireNonNull(builder.folds, "folds: call folds(...)");
        this.metrics = List.copyOf(builder.metrics);
        this.seed = builder.seed;
        this.registry = builder.registry;
        this.store = builder.store;
        this.experimentName = builder.experimentName;
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one metric: call metrics(...)");
        }
        for (String set : List.of("train", "validation", "test")) {
            if (!split.setNames().contains(set)) {
                throw new IllegalArgumentException("the split has no set '" + set + "'; its sets are " + split.setNames());
            }
        }
        List<ComponentSpec> canonical = new ArrayList<>();
        for (ComponentSpec trial : trials(base, builder.values, builder.randomTrials, seed.derive("search/trials"))) {
            canonical.add(registry.create(Experiment.class, trial).spec());
        }
        this.trials = List.copyOf(canonical);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the trials' specs with every setting spelt out, in the order they run */
    public List<ComponentSpec> trials() {
        return trials;
    }

    private static List<ComponentSpec> trials(ComponentSpec base, Map<String, List<?>> values, int randomTrials,
            Seed seed) {
        List<ObjectNode> grid = new ArrayList<>();
        grid.add(base.settings().deepCopy());
        for (Map.Entry<String, List<?>> setting : values.entrySet()) {
            if (setting.getValue().isEmpty()) {
                throw new IllegalArgumentException("setting '" + setting.getKey() + "' has no value to try");
            }
            List<ObjectNode> next = new ArrayList<>();
            for (ObjectNode settings : grid) {
                for (Object value : setting.getValue()) {
                    ObjectNode copy = settings.deepCopy();
                    copy.set(setting.getKey(), Json.toTree(value));
                    next.add(copy);
                }
            }
            grid = next;
        }
        List<ComponentSpec> specs = new ArrayList<>();
        for (ObjectNode settings : grid) {
            specs.add(new ComponentSpec(base.type(), settings));
        }
        if (randomTrials > 0 && randomTrials < specs.size()) {
            SplittableRandom random = seed.random();
            for (int i = specs.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                ComponentSpec swap = specs.get(i);
                specs.set(i, specs.get(j));
                specs.set(j, swap);
            }
            return List.copyOf(specs.subList(0, randomTrials));
        }
        return List.copyOf(specs);
    }

    /**
     * Runs every trial, picks the best and evaluates it on the test rows once.
     *
     * @return each trial's cross-validation, the best, and its validation and test metrics
     */
    public SearchResult run() {
        int[] selectable = IntStream.concat(Arrays.stream(split.rows("train")), Arrays.stream(split.rows("validation")))
                .sorted().toArray();
        Table candidates = data.rows(selectable);
        ActiveRun parent = store == null ? null : store.startRun(experimentName, RunSpec.builder()
                .name("search " + base).seed(seed.value()).param("base", base.toString())
                .param("folds", folds.toString()).build());
        List<SearchResult.Trial> results = new ArrayList<>();
        Metric primary = metrics.get(0);
        SearchResult.Trial best = null;
        for (ComponentSpec spec : trials) {
            Experiment experiment = registry.create(Experiment.class, spec);
            ActiveRun child = parent == null ? null : Objects.requireNonNull(store).startRun(experimentName,
                    RunSpec.builder().name(spec.toString()).seed(seed.value()).param("experiment", spec.toString())
                            .tag(PARENT_TAG, parent.id()).build());
            CrossValidationResult cv = CrossValidation.run(experiment, candidates, label, folds, seed, metrics);
            if (child != null) {
                cv.mean().forEach((name, value) -> child.logMetric("cv." + name + ".mean", value));
                cv.standardDeviation().forEach((name, value) -> child.logMetric("cv." + name + ".std", value));
                child.finish();
            }
            SearchResult.Trial trial = new SearchResult.Trial(spec.toString(), cv, child == null ? null : child.id());
            results.add(trial);
            if (best == null || better(primary, cv.mean().get(primary.name()), best.crossValidation().mean()
                    .get(primary.name()))) {
                best = trial;
            }
        }
        SearchResult.Trial chosen = Objects.requireNonNull(best);
        Experiment winner = registry.create(Experiment.class, ComponentSpec.parse(chosen.experiment()));
        Table test = split.set(data, "test");
        ExperimentResult trained = winner.run(ExperimentContext.of(split.set(data, "train"), split.set(data, "validation"),
                label, seed, metrics, List.of(), parent));
        Table predictions = trained.model().predict(test);
        Column truth = test.column(label);
        Map<String, Double> testMetrics = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            testMetrics.put(metric.name(), metric.compute(truth, predictions));
        }
        TestSetAccess access = new TestSetAccess(chosen.experiment(), test.rowCount(), trials.size() + 2L,
                trials.size() + 1L);
        if (parent != null) {
            parent.logParam("best", chosen.experiment());
            trained.metrics().forEach((name, value) -> parent.logMetric("validation." + name, value));
            testMetrics.forEach((name, value) -> parent.logMetric("test." + name, value));
            parent.finish();
        }
        return new SearchResult(results, chosen, trained.metrics(), testMetrics, List.of(access),
                parent == null ? null : parent.id());
    }

    private static boolean better(Metric metric, double candidate, double incumbent) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        return Double.isNaN(incumbent) || (metric.higherIsBetter() ? candidate > incumbent : candidate < incumbent);
    }

    /** Builds a search. */
    public static final class Builder {
        private @Nullable Table data;
        private @Nullable String label;
        private @Nullable Split split;
        private @Nullable ComponentSpec base;
        private final Map<String, List<?>> values = new LinkedHashMap<>();
        private int randomTrials;
        private @Nullable Folds folds;
        private List<Metric> metrics = List.of();
        private Seed seed = Seed.of(0);
        private ComponentRegistry registry = ComponentRegistry.defaults();
        private @Nullable TrackingStore store;
        private String experimentName = "default";

        private Builder() {
        }

        /**
         * @param table the rows, label included
         * @param labelColumn the label column
         * @param rowSplit the split, with sets {@code train}, {@code validation} and {@code test}
         * @return this builder
         */
        public Builder data(Table table, String labelColumn, Split rowSplit) {
            this.data = Objects.requireNonNull(table, "table");
            this.label = Objects.requireNonNull(labelColumn, "labelColumn");
            this.split = Objects.requireNonNull(rowSplit, "rowSplit");
            return this;
        }

        /**
         * @param spec the experiment every trial starts from, such as {@code cart} or {@code cart(maxDepth=4)}
         * @return this builder
         */
        public Builder base(String spec) {
            this.base = ComponentSpec.parse(spec);
            return this;
        }

        /**
         * Tries every combination of the values.
         *
         * @param grid each setting's values to try, in order
         * @return this builder
         */
        public Builder grid(Map<String, ? extends List<?>> grid) {
            values.clear();
            values.putAll(grid);
            randomTrials = 0;
            return this;
        }

        /**
         * Tries a seeded random sample of the combinations of the values.
         *
         * @param space each setting's values
         * @param trials how many combinations to try, at least 1 (all of them if there are fewer)
         * @return this builder
         */
        public Builder random(Map<String, ? extends List<?>> space, int trials) {
            if (trials < 1) {
                throw new IllegalArgumentException("trials must be at least 1, but was " + trials);
            }
            values.clear();
            values.putAll(space);
            randomTrials = trials;
            return this;
        }

        /**
         * @param cut how the training and validation rows are cut for cross-validation
         * @return this builder
         */
        public Builder folds(Folds cut) {
            this.folds = Objects.requireNonNull(cut, "cut");
            return this;
        }

        /**
         * @param list the metrics; the first chooses the best trial
         * @return this builder
         */
        public Builder metrics(List<Metric> list) {
            this.metrics = List.copyOf(list);
            return this;
        }

        /**
         * @param value the seed of the trials' order and of every experiment (default 0)
         * @return this builder
         */
        public Builder seed(Seed value) {
            this.seed = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param types the registry the trials are made from (default {@link ComponentRegistry#defaults()})
         * @return this builder
         */
        public Builder registry(ComponentRegistry types) {
            this.registry = Objects.requireNonNull(types, "types");
            return this;
        }

        /**
         * Tracks the search as a run and each trial as its child run.
         *
         * @param trackingStore the store
         * @param experiment the tracking experiment
         * @return this builder
         */
        public Builder tracking(TrackingStore trackingStore, String experiment) {
            this.store = Objects.requireNonNull(trackingStore, "trackingStore");
            this.experimentName = Objects.requireNonNull(experiment, "experiment");
            return this;
        }

        /**
         * @return the search
         * @throws IllegalArgumentException if a part is missing, a setting has no value, or a trial
         *     cannot be made (an unknown type or setting, a value out of range)
         */
        public ModelSearch build() {
            return new ModelSearch(this);
        }
    }
}
