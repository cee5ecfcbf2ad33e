package dev.mlops.train.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.Split;
import dev.mlops.data.split.Splitters;
import dev.mlops.train.Synthetic;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.RunStatus;
import dev.mlops.train.tracking.TrackingStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

class ExperimentRunnerTest {
    private static final Table DATA = Synthetic.classification(1_500, 0.05, 11);
    private static final Split SPLIT = Splitters.stratified(SizePolicy.guide(), "class", 7).split(DATA);

    /**
     * A user's own experiment, written as the guide's example is: one class that says which
     * trainer to use, plugged into the runner beside the built-in ones.
     */
    static final class ShallowTree extends TribuoExperiment<ShallowTree.Settings> {
        record Settings(int depth) {
        }

        ShallowTree(int depth) {
            super("shallow-tree", new Settings(depth));
        }

        @Override
        protected Trainer<Label> trainer(Seed seed) {
            return new CARTClassificationTrainer(settings().depth());
        }
    }

    /** A shallow tree that logs a parameter through the run its context hands it, when there is one. */
    record Logging(int depth) implements Experiment {
        @Override
        public String type() {
            return "logging";
        }

        @Override
        public Record settings() {
            return this;
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            context.run().ifPresent(run -> run.logParam("logged-through-context", "yes"));
            return new ShallowTree(depth).run(context);
        }
    }

    /** An experiment that always fails. */
    static final class Broken extends TribuoExperiment<Broken.Settings> {
        record Settings() {
        }

        Broken() {
            super("broken", new Settings());
        }

        @Override
        protected Trainer<Label> trainer(Seed seed) {
            throw new IllegalStateException("no trainer today");
        }
    }

    private static ExperimentRunner.Builder runner() {
        return ExperimentRunner.builder().data(DATA, "class", SPLIT).seed(Seed.of(42))
                .metrics(List.of(Metrics.accuracy()));
    }

    @Test
    void runsTheBaselinesFirstThenTheExperimentsAndRanksThemOnTheTestRows() {
        ExperimentRunner runner = runner().experiments(LogisticRegression.defaults(), new ShallowTree(3)).build();

        RunnerResult result = runner.run();

        assertThat(runner.experiments()).extracting(experiment -> experiment.spec().toString()).containsExactly(
                "baseline-classifier(strategy=MOST_FREQUENT)", "baseline-classifier(strategy=STRATIFIED)",
                "baseline-classifier(strategy=UNIFORM)", "logistic-regression(epochs=5, learningRate=1.0, minibatchSize=1)",
                "shallow-tree(depth=3)");
        Leaderboard board = result.leaderboard();
        assertThat(board.rows()).hasSize(5);
        assertThat(board.primaryMetric()).isEqualTo("accuracy");
        assertThat(board.rows().get(0).baseline()).as("a real model beats every baseline").isFalse();
        assertThat(board.bestModel()).isPresent();
        assertThat(board.bestModel().get().lift()).isGreaterThan(0.2);
        List<Double> accuracies = board.rows().stream().map(row -> row.test().get("accuracy")).toList();
        assertThat(accuracies).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        LeaderboardRow mostFrequent = board.rows().stream()
                .filter(row -> row.experiment().contains("MOST_FREQUENT")).findFirst().orElseThrow();
        assertThat(mostFrequent.validation()).containsKey("accuracy");
        assertThat(board.rows()).allSatisfy(row -> {
            assertThat(row.inferenceP50Micros()).isPositive();
            assertThat(row.inferenceP99Micros()).isGreaterThanOrEqualTo(row.inferenceP50Micros());
            assertThat(row.failure()).isNull();
        });
        assertThat(board.toText()).contains("shallow-tree(depth=3)", "[baseline]", "accuracy", "lift");
    }

    @Test
    void theTestRowsAreUsedOnceByEachModelAndOnlyAfterEveryExperimentTrained() {
        RunnerResult result = runner().experiments(new ShallowTree(2)).build().run();

        assertThat(result.testAccesses()).hasSize(4);
        assertThat(result.testAccesses()).extracting(TestSetAccess::step).containsExactly(5L, 6L, 7L, 8L);
        assertThat(result.testAccesses()).extracting(TestSetAccess::lastTrainingStep).containsOnly(4L);
        assertThat(result.testAccesses()).allSatisfy(access -> {
            assertThat(access.afterTraining()).isTrue();
            assertThat(access.rows()).isEqualTo(SPLIT.size("test"));
        });
        assertThat(result.testAccesses()).extracting(TestSetAccess::experiment).doesNotHaveDuplicates();
    }

    @Test
    void theSameSeedAndDataGiveTheSameLeaderboard() {
        Leaderboard first = runner().experiments(LogisticRegression.defaults()).build().run().leaderboard();
        Leaderboard second = runner().experiments(LogisticRegression.defaults()).build().run().leaderboard();

        assertThat(second.rows()).extracting(LeaderboardRow::test).isEqualTo(first.rows().stream()
                .map(LeaderboardRow::test).toList());
    }

    @Test
    void aFailingExperimentIsRecordedAndTheOthersGoOn(@TempDir Path dir) {
        TrackingStore store = TrackingStore.open(dir.resolve("store"));
        try {
            RunnerResult result = runner().experiments(new Broken(), new ShallowTree(2)).tracking(store, "credit")
                    .build().run();

            LeaderboardRow broken = result.leaderboard().rows().get(result.leaderboard().rows().size() - 1);
            assertThat(broken.experiment()).isEqualTo("broken()");
            assertThat(broken.failure()).contains("no trainer today");
            assertThat(result.leaderboard().toText()).contains("failed: IllegalStateException: no trainer today");
            assertThat(result.results()).doesNotContainKey("broken()").containsKey("shallow-tree(depth=2)");
            RunRecord failed = store.require(broken.runId());
            assertThat(failed.info().status()).isEqualTo(RunStatus.FAILED);
            List<RunRecord> runs = store.search(RunQuery.in("credit").build());
            assertThat(runs).hasSize(5);
            RunRecord tree = store.require(result.leaderboard().rows().stream()
                    .filter(row -> row.experiment().equals("shallow-tree(depth=2)")).findFirst().orElseThrow().runId());
            assertThat(tree.metrics()).containsKeys("validation.accuracy", "test.accuracy",
                    "inference.p50_micros", "model.bytes");
            assertThat(tree.params()).containsEntry("experiment", "shallow-tree(depth=2)");
            assertThat(Split.fromJson(new String(store.readArtifact(tree.id(), ExperimentRunner.SPLIT_ARTIFACT),
                    java.nio.charset.StandardCharsets.UTF_8)).rows("test")).isEqualTo(SPLIT.rows("test"));
            assertThat(tree.inputs()).hasSize(1);
            assertThat(tree.params()).doesNotContainKey("encoding.dropped.x1");
            assertThat(tree.info().status()).isEqualTo(RunStatus.FINISHED);
        } finally {
            store.close();
        }
    }

    @Test
    void anExperimentLogsToItsOwnRunThroughItsContext(@TempDir Path dir) {
        TrackingStore store = TrackingStore.open(dir.resolve("store"));
        try {
            RunnerResult result = runner().experiments(new Logging(2)).tracking(store, "credit").build().run();

            LeaderboardRow logging = result.leaderboard().rows().stream()
                    .filter(row -> row.experiment().startsWith("logging")).findFirst().orElseThrow();
            assertThat(store.require(logging.runId()).params()).containsEntry("logged-through-context", "yes");
            assertThat(new Logging(2).run(ExperimentContext.of(SPLIT.set(DATA, "train"), SPLIT.set(DATA, "validation"),
                    "class", Seed.of(1), List.of(Metrics.accuracy()), List.of(), null)).metrics()).isNotEmpty();
        } finally {
            store.close();
        }
    }

    @Test
    void eachRunRecordsWhatTheEncodingLeftOutAndImputed(@TempDir Path dir) {
        double[] constant = new double[DATA.rowCount()];
        double[] gappy = new double[DATA.rowCount()];
        for (int row = 0; row < gappy.length; row++) {
            gappy[row] = row % 10 == 0 ? Double.NaN : row;
        }
        java.util.List<dev.mlops.core.table.Column> columns = new java.util.ArrayList<>(DATA.columns());
        columns.add(dev.mlops.core.table.NumericColumn.of("k", constant));
        columns.add(dev.mlops.core.table.NumericColumn.of("gappy", gappy));
        Table data = Table.of(columns);
        TrackingStore store = TrackingStore.open(dir.resolve("store"));
        try {
            RunnerResult result = ExperimentRunner.builder().data(data, "class",
                    Splitters.stratified(SizePolicy.guide(), "class", 7).split(data)).metrics(
                    List.of(Metrics.accuracy())).experiments(new ShallowTree(2)).tracking(store, "e").build().run();

            RunRecord tree = store.require(result.leaderboard().rows().stream()
                    .filter(row -> row.experiment().equals("shallow-tree(depth=2)")).findFirst().orElseThrow().runId());
            assertThat(tree.params()).containsEntry("encoding.dropped.k", "constant in the training rows");
            assertThat(tree.metrics()).containsKey("encoding.missing.gappy");
            assertThat(tree.metric("encoding.missing.gappy")).hasValueSatisfying(count -> assertThat(count)
                    .isGreaterThan(50.0));
        } finally {
            store.close();
        }
    }

    @Test
    void byDefaultTheLeaderboardShowsTheBuiltInMetricsAndMarksADifferenceThatMayBeChance() {
        RunnerResult result = ExperimentRunner.builder().data(DATA, "class", SPLIT).seed(Seed.of(3))
                .experiments(new ShallowTree(3), new Broken()).build().run();

        Leaderboard board = result.leaderboard();
        assertThat(board.metrics()).containsExactly("accuracy", "macro_f1", "auc", "log_loss");
        LeaderboardRow tree = board.rows().get(0);
        assertThat(tree.experiment()).isEqualTo("shallow-tree(depth=3)");
        assertThat(tree.mark()).as("far better than every baseline on 225 test rows").isEmpty();
        LeaderboardRow bestBaseline = board.rows().stream().filter(LeaderboardRow::baseline).findFirst().orElseThrow();
        assertThat(bestBaseline.mark()).as("the best baseline is the reference").isEmpty();
        assertThat(bestBaseline.lift()).isZero();
        assertThat(board.rows().get(board.rows().size() - 1).mark()).as("a failed experiment").isEmpty();
        assertThat(board.rows()).filteredOn(row -> row.baseline() && row != bestBaseline)
                .allSatisfy(row -> assertThat(row.mark()).satisfiesAnyOf(
                        mark -> assertThat(mark).isEmpty(),
                        mark -> assertThat(mark).matches("n\\.s\\. vs best baseline \\(McNemar p = [0-9.e-]+\\)")));
    }

    @Test
    void aDifferenceWithinChanceIsMarkedWithItsPValue() {
        Table noise = Synthetic.classification(400, 0.5, 4);
        Split split = Splitters.stratified(SizePolicy.guide(), "class", 2).split(noise);

        RunnerResult result = ExperimentRunner.builder().data(noise, "class", split).seed(Seed.of(1))
                .experiments(new ShallowTree(1)).build().run();

        LeaderboardRow tree = result.leaderboard().rows().stream()
                .filter(row -> row.experiment().equals("shallow-tree(depth=1)")).findFirst().orElseThrow();
        assertThat(tree.mark()).startsWith("n.s. vs best baseline (McNemar p = ");
        assertThat(result.leaderboard().toText()).contains("n.s. vs best baseline");
    }

    @Test
    void regressionMarksADifferenceWithinChanceWithTheBootstrapInterval() {
        Table noise = Synthetic.regression(200, 50.0, 6);
        Split split = Splitters.random(SizePolicy.guide(), 1).split(noise);

        RunnerResult result = ExperimentRunner.builder().data(noise, "y", split).seed(Seed.of(2))
                .experiments(new RegressionBaseline(RegressionBaseline.Strategy.MEAN)).build().run();

        assertThat(result.leaderboard().metrics()).containsExactly("rmse", "mae", "r2");
        assertThat(result.leaderboard().rows()).as("the mean against the median on noise").filteredOn(
                row -> !row.mark().isEmpty()).hasSize(1).allSatisfy(row -> assertThat(
                row.mark()).matches("n\\.s\\. vs best baseline \\(bootstrap 95% interval of the rmse difference "
                        + "\\[.*, .*\\]\\)"));
    }

    @Test
    void regressionRunsTheMeanAndMedianBaselines() {
        Table data = Synthetic.regression(600, 0.2, 3);
        Split split = Splitters.random(SizePolicy.guide(), 5).split(data);

        RunnerResult result = ExperimentRunner.builder().data(data, "y", split).metrics(List.of(Metrics.rmse()))
                .experiments(LinearRegression.defaults()).build().run();

        assertThat(result.leaderboard().rows()).extracting(LeaderboardRow::experiment).containsExactly(
                "linear-regression(epochs=10, learningRate=1.0)", "baseline-regressor(strategy=MEDIAN)",
                "baseline-regressor(strategy=MEAN)");
        assertThat(result.leaderboard().higherIsBetter()).isFalse();
        assertThat(result.leaderboard().rows().get(0).lift()).isPositive();
    }

    @Test
    void badSetupIsRefused() {
        assertThatThrownBy(() -> runner().sets("train", "dev", "test").build())
                .hasMessageContaining("no set 'dev'");
        assertThatThrownBy(() -> runner().data(DATA.head(10), "class", SPLIT).build())
                .hasMessageContaining("the split was made for other data");
        assertThatThrownBy(() -> ExperimentRunner.builder().build()).hasMessageContaining("data");
        Table oneClass = Table.of(dev.mlops.core.table.NumericColumn.of("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                dev.mlops.core.table.CategoricalColumn.of("class", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a"));
        Split random = Splitters.random(SizePolicy.guide(), 1).split(oneClass);
        assertThatThrownBy(() -> ExperimentRunner.builder().data(oneClass, "class", random)
                .metrics(List.of(Metrics.accuracy())).build())
                .hasMessageContaining("label column 'class' has one class 'a' in the train rows");
    }
}
