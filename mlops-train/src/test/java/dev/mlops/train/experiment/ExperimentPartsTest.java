package dev.mlops.train.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.slice.Slice;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.train.Synthetic;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentPartsTest {
    private static final Table DATA = Synthetic.classification(600, 0.0, 41);

    private static ExperimentContext context(List<Slice> slices) {
        return ExperimentContext.of(DATA.head(400), DATA.rows(java.util.stream.IntStream.range(400, 600).toArray()),
                "class", Seed.of(1), List.of(Metrics.accuracy()), slices, null);
    }

    @Test
    void aContextHoldsWhatItWasGiven() {
        List<Slice> slices = List.of(Slice.of("red", "color == \"red\""));
        ExperimentContext context = context(slices);

        assertThat(context.slices()).isEqualTo(slices);
        assertThat(context.run()).isEmpty();
        assertThat(context.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(context.label()).isEqualTo("class");
        assertThat(context.seed()).isEqualTo(Seed.of(1));
    }

    @Test
    void aContextRefusesWhatNoExperimentCanRunOn() {
        Table times = Table.of(TimestampColumn.of("t", Instant.EPOCH), NumericColumn.of("x", 1));
        assertThatThrownBy(() -> ExperimentContext.of(times, times, "t", Seed.of(1), List.of(Metrics.accuracy()),
                List.of(), null)).hasMessageContaining("label column 't' is TIMESTAMP");
        assertThatThrownBy(() -> ExperimentContext.of(DATA, DATA.head(0), "class", Seed.of(1),
                List.of(Metrics.accuracy()), List.of(), null)).hasMessageContaining("has 600 and 0");
        assertThatThrownBy(() -> ExperimentContext.of(DATA.head(0), DATA, "class", Seed.of(1),
                List.of(Metrics.accuracy()), List.of(), null)).hasMessageContaining("has 0 and 600");
        assertThatThrownBy(() -> ExperimentContext.of(DATA, DATA.select("class", "x1"), "class", Seed.of(1),
                List.of(Metrics.accuracy()), List.of(), null)).hasMessageContaining("schema");
        assertThatThrownBy(() -> ExperimentContext.of(DATA, DATA, "class", Seed.of(1), List.of(), List.of(), null))
                .hasMessageContaining("at least one metric");
        assertThatThrownBy(() -> ExperimentContext.of(DATA, DATA, "nope", Seed.of(1), List.of(Metrics.accuracy()),
                List.of(), null)).hasMessageContaining("label column 'nope' is not in the table");
        assertThatThrownBy(() -> LinearRegression.defaults().run(context(List.of())))
                .hasMessageContaining("this experiment does REGRESSION");
    }

    @Test
    void aTribuoModelsSizeIsItsProtobufSize() {
        ExperimentResult result = LogisticRegression.defaults().run(context(List.of()));

        assertThat(result.modelBytes()).isGreaterThan(100);
    }

    @Test
    void settingsAcceptTheirSmallestValuesAndRefuseLess() {
        assertThat(new LogisticRegression.Settings(1, Double.MIN_VALUE, 1).epochs()).isEqualTo(1);
        assertThatThrownBy(() -> new LogisticRegression.Settings(0, null, null)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new LogisticRegression.Settings(null, 0.0, null)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new LogisticRegression.Settings(null, Double.POSITIVE_INFINITY, null))
                .hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new LogisticRegression.Settings(null, null, 0)).hasMessageContaining("minibatchSize");
        assertThat(new LinearRegression.Settings(1, Double.MIN_VALUE).epochs()).isEqualTo(1);
        assertThatThrownBy(() -> new LinearRegression.Settings(0, null)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new LinearRegression.Settings(null, 0.0)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new LinearRegression.Settings(null, Double.NaN)).hasMessageContaining("learningRate");
        assertThat(new ClassificationTree.Settings(1, Double.MIN_VALUE).maxDepth()).isEqualTo(1);
        assertThatThrownBy(() -> new ClassificationTree.Settings(0, null)).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> new ClassificationTree.Settings(null, 0.0)).hasMessageContaining("minChildWeight");
        assertThatThrownBy(() -> new ClassificationTree.Settings(null, Double.POSITIVE_INFINITY))
                .hasMessageContaining("minChildWeight");
        assertThat(new ClassificationBaseline.Settings(null).strategy())
                .isEqualTo(ClassificationBaseline.Strategy.MOST_FREQUENT);
        assertThat(new RegressionBaseline.Settings(null).strategy()).isEqualTo(RegressionBaseline.Strategy.MEAN);
    }

    @Test
    void inferenceIsTimedOnAtMostTheGivenRowsAndPercentilesAreNearestRank() {
        InferenceTiming timing = InferenceTiming.measure(new ConstantModel(), DATA.head(3), 100, 2);

        assertThat(timing.rows()).isEqualTo(3);
        assertThat(timing.p99Micros()).isGreaterThanOrEqualTo(timing.p50Micros()).isPositive();
        assertThat(InferenceTiming.measure(new ConstantModel(), DATA, 7, 0).rows()).isEqualTo(7);
    }

    @Test
    void theLiftIsTheDifferenceFromTheBestBaselineInTheMetricsDirection() {
        Split split = Splitters.stratified(SizePolicy.guide(), "class", 3).split(DATA);
        RunnerResult result = ExperimentRunner.builder().data(DATA, "class", split).seed(Seed.of(2))
                .metrics(List.of(Metrics.accuracy())).experiments(ClassificationTree.defaults()).build().run();

        Map<String, LeaderboardRow> rows = new java.util.HashMap<>();
        result.leaderboard().rows().forEach(row -> rows.put(row.experiment(), row));
        double best = result.leaderboard().rows().stream().filter(LeaderboardRow::baseline)
                .mapToDouble(row -> row.test().get("accuracy")).max().orElseThrow();
        LeaderboardRow tree = rows.get("cart(maxDepth=6, minChildWeight=5.0)");
        assertThat(tree.lift()).isEqualTo(tree.test().get("accuracy") - best);
        LeaderboardRow mostFrequent = rows.get("baseline-classifier(strategy=MOST_FREQUENT)");
        assertThat(mostFrequent.lift()).isEqualTo(mostFrequent.test().get("accuracy") - best);
        assertThat(result.leaderboard().rows()).filteredOn(LeaderboardRow::baseline)
                .anySatisfy(row -> assertThat(row.lift()).isZero());
        assertThat(result.leaderboard().higherIsBetter()).isTrue();
    }

    @Test
    void forAMetricWhereLowerIsBetterTheLiftIsTheBestBaselineMinusTheModel() {
        Table data = Synthetic.regression(400, 0.1, 5);
        Split split = Splitters.random(SizePolicy.guide(), 1).split(data);
        RunnerResult result = ExperimentRunner.builder().data(data, "y", split).metrics(List.of(Metrics.rmse()))
                .experiments(LinearRegression.defaults()).build().run();

        double best = result.leaderboard().rows().stream().filter(LeaderboardRow::baseline)
                .mapToDouble(row -> row.test().get("rmse")).min().orElseThrow();
        LeaderboardRow linear = result.leaderboard().rows().get(0);
        assertThat(linear.experiment()).startsWith("linear-regression");
        assertThat(linear.lift()).isEqualTo(best - linear.test().get("rmse"));
    }

    @Test
    void aFailedBaselineIsLeftOutOfTheBestBaseline() {
        Table one = Table.of(NumericColumn.of("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20),
                CategoricalColumn.of("class", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a",
                        "b", "a", "b", "a", "b"));
        Split split = Splitters.stratified(SizePolicy.guide(), "class", 1).split(one);
        RunnerResult result = ExperimentRunner.builder().data(one, "class", split).metrics(List.of(Metrics.accuracy()))
                .build().run();

        assertThat(result.leaderboard().rows()).hasSize(3).allSatisfy(row -> assertThat(row.failure()).isNull());
    }
}
