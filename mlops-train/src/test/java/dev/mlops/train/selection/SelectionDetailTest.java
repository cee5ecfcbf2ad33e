package dev.mlops.train.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.train.Synthetic;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.LinearRegression;
import dev.mlops.train.metrics.Metrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionDetailTest {

    /** Notes the training and validation rows (by x1) of every context, and delegates. */
    private static final class Recording implements Experiment {
        private final Experiment inner;
        private final List<Set<Double>> train = new ArrayList<>();
        private final List<Set<Double>> validation = new ArrayList<>();

        Recording(Experiment inner) {
            this.inner = inner;
        }

        @Override
        public String type() {
            return inner.type();
        }

        @Override
        public Record settings() {
            return inner.settings();
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            train.add(values(context.train()));
            validation.add(values(context.validation()));
            return inner.run(context);
        }

        private static Set<Double> values(Table table) {
            Set<Double> values = new HashSet<>();
            for (int row = 0; row < table.rowCount(); row++) {
                values.add(table.numericColumn("x1").get(row));
            }
            return values;
        }
    }

    @Test
    void eachFoldTrainsOnTheOtherFoldsOnly() {
        Table data = Synthetic.regression(120, 0.1, 8);
        Recording recording = new Recording(LinearRegression.defaults());

        CrossValidationResult result = CrossValidation.run(recording, data, "y", Folds.random(3, 2), Seed.of(1),
                List.of(Metrics.rmse()));

        assertThat(result.perFold()).hasSize(3);
        Set<Double> all = new HashSet<>();
        for (int fold = 0; fold < 3; fold++) {
            Set<Double> overlap = new HashSet<>(recording.train.get(fold));
            overlap.retainAll(recording.validation.get(fold));
            assertThat(overlap).as("fold %d: no validation row in training", fold).isEmpty();
            assertThat(recording.train.get(fold).size() + recording.validation.get(fold).size()).isEqualTo(120);
            all.addAll(recording.validation.get(fold));
        }
        assertThat(all).hasSize(120);
        double mean = result.perFold().stream().mapToDouble(fold -> fold.get("rmse")).average().orElseThrow();
        double squares = result.perFold().stream().mapToDouble(fold -> Math.pow(fold.get("rmse") - mean, 2)).sum();
        assertThat(result.standardDeviation().get("rmse")).isEqualTo(Math.sqrt(squares / 2));
        assertThat(result.folds()).isEqualTo(Folds.random(3, 2));
    }

    @Test
    void forAMetricWhereLowerIsBetterTheSearchPicksTheLowestMean() {
        Table data = Synthetic.regression(300, 0.1, 9);
        Split split = Splitters.random(SizePolicy.guide(), 4).split(data);

        SearchResult result = ModelSearch.builder().data(data, "y", split).base("linear-regression")
                .grid(Map.of("epochs", List.of(1, 20))).folds(Folds.random(3, 1)).metrics(List.of(Metrics.rmse()))
                .build().run();

        double one = result.trials().get(0).crossValidation().mean().get("rmse");
        double twenty = result.trials().get(1).crossValidation().mean().get("rmse");
        assertThat(result.best().experiment()).isEqualTo(twenty < one ? result.trials().get(1).experiment()
                : result.trials().get(0).experiment());
        assertThat(result.runId()).isNull();
        assertThat(result.trials()).allSatisfy(trial -> assertThat(trial.runId()).isNull());
    }

    @Test
    void aSecondGridReplacesTheFirstAndARandomSearchOfAllOrMoreTriesTheWholeGridInOrder() {
        Table data = Synthetic.classification(200, 0.0, 1);
        Split split = Splitters.stratified(SizePolicy.guide(), "class", 1).split(data);
        ModelSearch.Builder builder = ModelSearch.builder().data(data, "class", split).base("cart")
                .folds(Folds.random(2, 1)).metrics(List.of(Metrics.accuracy()));

        List<String> grid = builder.grid(Map.of("maxDepth", List.of(9))).grid(Map.of("minChildWeight", List.of(1.0, 2.0)))
                .build().trials().stream().map(Object::toString).toList();
        List<String> all = builder.random(Map.of("maxDepth", List.of(2, 3, 4)), 3).build().trials().stream()
                .map(Object::toString).toList();
        List<String> more = builder.random(Map.of("maxDepth", List.of(2, 3, 4)), 5).build().trials().stream()
                .map(Object::toString).toList();
        List<String> gridAfterRandom = builder.random(Map.of("maxDepth", List.of(2, 3, 4)), 1)
                .grid(Map.of("maxDepth", List.of(2, 3))).build().trials().stream().map(Object::toString).toList();

        assertThat(grid).containsExactly("cart(maxDepth=6, minChildWeight=1.0)", "cart(maxDepth=6, minChildWeight=2.0)");
        assertThat(all).containsExactly("cart(maxDepth=2, minChildWeight=5.0)", "cart(maxDepth=3, minChildWeight=5.0)",
                "cart(maxDepth=4, minChildWeight=5.0)");
        assertThat(more).isEqualTo(all);
        assertThat(gridAfterRandom).hasSize(2);
        assertThat(builder.random(Map.of("maxDepth", List.of(2, 3, 4)), 2).build().trials()).hasSize(2);
    }

    /** A metric of a fixed value, or NaN: every trial ties, or none is defined. */
    private static dev.mlops.train.metrics.Metric constant(double value) {
        return new dev.mlops.train.metrics.Metric() {
            @Override
            public String name() {
                return "constant";
            }

            @Override
            public boolean higherIsBetter() {
                return true;
            }

            @Override
            public double compute(dev.mlops.core.table.Column truth, Table predictions) {
                return value;
            }
        };
    }

    @Test
    void onATieOrWhereTheMetricIsUndefinedTheFirstTrialStaysTheBest() {
        Table data = Synthetic.classification(150, 0.0, 3);
        Split split = Splitters.stratified(SizePolicy.guide(), "class", 1).split(data);
        for (double value : new double[] {0.5, Double.NaN}) {
            SearchResult result = ModelSearch.builder().data(data, "class", split).base("cart")
                    .grid(Map.of("maxDepth", List.of(1, 2, 3))).folds(Folds.random(2, 1)).metrics(List.of(constant(value)))
                    .build().run();

            assertThat(result.best().experiment()).as("metric %s", value).isEqualTo(result.trials().get(0).experiment());
            assertThat(result.testAccesses().get(0).step()).isEqualTo(5);
            assertThat(result.testAccesses().get(0).lastTrainingStep()).isEqualTo(4);
        }
    }

    @Test
    void aRandomSearchOfAsManyTrialsAsTheGridHasKeepsTheGridsOrder() {
        Table data = Synthetic.classification(150, 0.0, 3);
        Split split = Splitters.stratified(SizePolicy.guide(), "class", 1).split(data);
        ModelSearch.Builder builder = ModelSearch.builder().data(data, "class", split).base("cart")
                .folds(Folds.random(2, 1)).metrics(List.of(Metrics.accuracy()));

        List<String> grid = builder.grid(Map.of("maxDepth", List.of(1, 2, 3, 4, 5, 6, 7))).build().trials().stream()
                .map(Object::toString).toList();
        List<String> random = builder.random(Map.of("maxDepth", List.of(1, 2, 3, 4, 5, 6, 7)), 7).build().trials()
                .stream().map(Object::toString).toList();
        List<String> fewer = builder.random(Map.of("maxDepth", List.of(1, 2, 3, 4, 5, 6, 7)), 6).build().trials()
                .stream().map(Object::toString).toList();

        assertThat(random).isEqualTo(grid);
        assertThat(fewer).hasSize(6).isNotEqualTo(grid.subList(0, 6));
    }
}
