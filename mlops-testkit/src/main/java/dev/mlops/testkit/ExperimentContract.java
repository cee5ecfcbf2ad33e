package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.ExperimentRunner;
import dev.mlops.train.experiment.RunnerResult;
import dev.mlops.train.experiment.TestSetAccess;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Experiment} as a JUnit 5 test: extend this class, give your experiment
 * (and, for regression, say so), and every test here runs against it on seeded synthetic data —
 * for classification two numbers, a category and a three-class label; for regression two numbers
 * and a numeric target.
 *
 * <pre>{@code
 * class DeepForestContractTest extends ExperimentContract {
 *     @Override
 *     protected Experiment experiment() {
 *         return new DeepForest(new DeepForest.Settings(50));
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: the same data and seed give the same metrics and predictions, from one
 * instance and from two made alike; the result names every metric of the context, in order, and
 * its predictions have one row per validation row in the shape of the model's outputs; a run does
 * not depend on an earlier run of the same instance; through an {@link ExperimentRunner} the
 * experiment sees only training and validation rows, never a test row, and its model predicts the
 * test rows once, after every experiment trained; the experiment is a registered component that
 * its spec and JSON rebuild, behaving the same.
 */
public abstract class ExperimentContract {
    /** The label column of the contract's data. */
    protected static final String LABEL = "label";
    private static final int ROWS = 300;

    /** Creates the contract test; subclasses supply the experiment under test. */
    protected ExperimentContract() {
    }

    /** @return the experiment under test; called more than once, each call an instance made alike */
    protected abstract Experiment experiment();

    /** @return the task the experiment does: classification unless overridden */
    protected Task task() {
        return Task.CLASSIFICATION;
    }

    /** @return the metrics of every context: the built-in ones of the task unless overridden */
    protected List<Metric> metrics() {
        return task() == Task.CLASSIFICATION ? Metrics.forClassification() : Metrics.forRegression();
    }

    /**
     * The contract's rows: seeded, distinct, with a categorical label of three classes or a
     * numeric one.
     *
     * @param seed the seed
     * @return the rows
     */
    protected Table data(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[ROWS];
        double[] z = new double[ROWS];
        String[] color = new String[ROWS];
        String[] classes = new String[ROWS];
        double[] values = new double[ROWS];
        for (int row = 0; row < ROWS; row++) {
            x[row] = random.nextGaussian();
            z[row] = random.nextGaussian();
            color[row] = new String[] {"red", "green", "blue"}[random.nextInt(3)];
            classes[row] = x[row] + z[row] > 0.5 ? "high" : x[row] + z[row] < -0.5 ? "low" : "mid";
            values[row] = 2 * x[row] - z[row] + (color[row].equals("red") ? 1 : 0) + 0.1 * random.nextGaussian();
        }
        Column label = task() == Task.CLASSIFICATION ? CategoricalColumn.of(LABEL, classes)
                : NumericColumn.of(LABEL, values);
        return Table.of(NumericColumn.of("x", x), NumericColumn.of("z", z), CategoricalColumn.of("color", color), label);
    }

    private Split split(Table table) {
        return (task() == Task.CLASSIFICATION ? Splitters.stratified(SizePolicy.guide(), LABEL, 5)
                : Splitters.random(SizePolicy.guide(), 5)).split(table);
    }

    private ExperimentContext context(long seed) {
        Table table = data(seed);
        Split split = split(table);
        return ExperimentContext.of(split.set(table, "train"), split.set(table, "validation"), LABEL, Seed.of(seed),
                metrics(), List.of(), null);
    }

    /** What one run gives, compared whole. */
    private record Outcome(Map<String, Double> metrics, Table predictions) {
        static Outcome of(ExperimentResult result) {
            return new Outcome(result.metrics(), result.validationPredictions());
        }
    }

    private static String difference(Outcome expected, Outcome actual) {
        if (!expected.metrics().equals(actual.metrics())) {
            return "metrics " + expected.metrics() + " then " + actual.metrics();
        }
        return TableDifference.between(expected.predictions(), actual.predictions())
                .orElse("equal outcomes that are not equal");
    }

    @Test
    void theResultNamesEveryMetricAndPredictsEveryValidationRow() {
        ExperimentContext context = context(1);

        ExperimentResult result = experiment().run(context);

        assertThat(result.metrics().keySet()).containsExactlyElementsOf(metrics().stream().map(Metric::name).toList());
        assertThat(result.validationPredictions().rowCount()).isEqualTo(context.validation().rowCount());
        assertThat(result.validationPredictions().schema()).isEqualTo(result.model().outputs().schema());
        assertThat(result.model().outputs().task()).isEqualTo(task());
    }

    @Test
    void aRunDoesNotDependOnAnEarlierRunOfTheSameInstance() {
        Experiment experiment = experiment();
        Outcome first = Outcome.of(experiment.run(context(2)));
        experiment.run(context(3));

        Outcome again = Outcome.of(experiment.run(context(2)));

        assertThat(again).as("the same context after a run on other data: %s", first.equals(again) ? ""
                : difference(first, again)).isEqualTo(first);
    }

    @Test
    void seesNoTestRowAndItsModelPredictsTheTestRowsOnceAfterTraining() {
        Table table = data(4);
        Split split = split(table);
        Set<String> testRows = rows(split.set(table, "test"));
        List<String> seen = new ArrayList<>();
        Experiment watched = new Watched(experiment(), testRows, seen);

        RunnerResult result = ExperimentRunner.builder().data(table, LABEL, split).seed(Seed.of(4)).metrics(metrics())
                .experiments(watched).build().run();

        assertThat(seen).as("test rows the experiment saw in its context").isEmpty();
        assertThat(result.testAccesses()).as("one use of the test rows per model: the baselines' and this one's")
                .hasSize(result.leaderboard().rows().size());
        assertThat(result.testAccesses()).extracting(TestSetAccess::experiment).contains(watched.spec().toString());
        assertThat(result.testAccesses()).allSatisfy(access -> {
            assertThat(access.afterTraining()).as("after every experiment trained").isTrue();
            assertThat(access.rows()).isEqualTo(split.size("test"));
        });
    }

    /** Each row as text, all cells: the contract's rows are distinct. */
    private static Set<String> rows(Table table) {
        Set<String> rows = new HashSet<>();
        for (int row = 0; row < table.rowCount(); row++) {
            rows.add(row(table, row));
        }
        return rows;
    }

    private static String row(Table table, int row) {
        StringBuilder text = new StringBuilder();
        for (Column column : table.columns()) {
            text.append(column.format(row)).append('\u0000');
        }
        return text.toString();
    }

    /** The experiment under test, noting every test row its contexts hold. */
    private static final class Watched implements Experiment {
        private final Experiment experiment;
        private final Set<String> testRows;
        private final List<String> seen;

        Watched(Experiment experiment, Set<String> testRows, List<String> seen) {
            this.experiment = experiment;
            this.testRows = testRows;
            this.seen = seen;
        }

        @Override
        public String type() {
            return experiment.type();
        }

        @Override
        public Record settings() {
            return experiment.settings();
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            for (Table table : List.of(context.train(), context.validation())) {
                for (int row = 0; row < table.rowCount(); row++) {
                    if (testRows.contains(row(table, row))) {
                        seen.add(row(table, row));
                    }
                }
            }
            return experiment.run(context);
        }
    }

    /** The same data and seed give equal metrics and predictions, from one instance and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism implements Deterministic<Experiment, Outcome> {
        @Override
        public Experiment subject() {
            return experiment();
        }

        @Override
        public Outcome run(Experiment experiment) {
            return Outcome.of(experiment.run(context(5)));
        }

        @Override
        public String firstDifference(Outcome expected, Outcome actual) {
            return difference(expected, actual);
        }
    }

    /** The experiment is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<Experiment, Outcome> {
        @Override
        public Experiment component() {
            return experiment();
        }

        @Override
        public Class<Experiment> kind() {
            return Experiment.class;
        }

        @Override
        public Outcome behaviour(Experiment experiment) {
            return Outcome.of(experiment.run(context(6)));
        }

        @Override
        public String behaviourDifference(Outcome expected, Outcome actual) {
            return difference(expected, actual);
        }
    }
}
