package dev.mlops.train.troubleshoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.Synthetic;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.experiment.ClassificationBaseline;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.LinearRegression;
import dev.mlops.train.experiment.LogisticRegression;
import dev.mlops.train.experiment.TribuoExperiment;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;

class TroubleshootingTest {
    private static final Table DATA = Synthetic.classification(400, 0.0, 21);
    private static final ClassificationTree DEEP_TREE = new ClassificationTree(new ClassificationTree.Settings(12, 1.0));

    @Test
    void aDeepTreeOverfitsTenRowsDrawnWithEveryClass() {
        OverfitReport report = OverfitCheck.check(DEEP_TREE, DATA, "class", OverfitCheck.DEFAULT_ROWS,
                OverfitCheck.DEFAULT_THRESHOLD, Seed.of(1));

        assertThat(report.passed()).isTrue();
        assertThat(report.fit()).isEqualTo(1.0);
        assertThat(report.rows()).hasSize(10).doesNotHaveDuplicates().isSorted();
        assertThat(report.likelyCauses()).isEmpty();
        assertThat(DATA.rows(report.rows().stream().mapToInt(Integer::intValue).toArray()).categoricalColumn("class")
                .levels()).containsExactlyInAnyOrder("yes", "no");
        assertThat(OverfitCheck.check(DEEP_TREE, DATA, "class", 10, 0.99, Seed.of(1)).rows()).as("seeded")
                .isEqualTo(report.rows());
    }

    @Test
    void aBaselineCannotOverfitAndTheReportSaysWhy() {
        OverfitReport report = OverfitCheck.check(new ClassificationBaseline(ClassificationBaseline.Strategy.MOST_FREQUENT),
                DATA, "class", 10, 0.99, Seed.of(2));

        assertThat(report.passed()).isFalse();
        assertThat(report.fit()).isLessThan(0.99);
        assertThat(report.likelyCauses()).anyMatch(cause -> cause.contains("baseline"))
                .anyMatch(cause -> cause.contains("labels may not line up"));
    }

    @Test
    void rowsWithTheSameFeaturesButDifferentLabelsAreNamed() {
        Table conflicting = Table.of(NumericColumn.of("x", 1, 1, 2, 3), CategoricalColumn.of("class", "a", "b", "a", "b"));

        OverfitReport report = OverfitCheck.check(DEEP_TREE, conflicting, "class", 4, 0.99, Seed.of(3));

        assertThat(report.passed()).isFalse();
        assertThat(report.likelyCauses().get(0)).contains("same features but different labels");
    }

    @Test
    void constantFeaturesAreNamedAndRegressionIsMeasuredByRSquared() {
        Table flat = Table.of(NumericColumn.of("x", 1, 1, 1, 1), CategoricalColumn.of("class", "a", "b", "a", "b"));
        OverfitReport failed = OverfitCheck.check(DEEP_TREE, flat, "class", 4, 0.99, Seed.of(3));
        assertThat(failed.fit()).isNaN();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.likelyCauses().get(0)).startsWith("training failed: no feature is left");
        assertThat(failed.likelyCauses()).anyMatch(cause -> cause.contains("every feature is constant"));

        OverfitReport line = OverfitCheck.check(LinearRegression.defaults(), Synthetic.regression(100, 0, 4), "y", 10,
                0.5, Seed.of(4));
        assertThat(line.fit()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    }

    @Test
    void overfitArgumentsAreChecked() {
        assertThatThrownBy(() -> OverfitCheck.check(DEEP_TREE, DATA, "class", 1, 0.99, Seed.of(1)))
                .hasMessageContaining("rows must be at least 2");
        assertThatThrownBy(() -> OverfitCheck.check(DEEP_TREE, DATA, "class", 10, 0, Seed.of(1)))
                .hasMessageContaining("threshold must lie in (0, 1]");
        assertThatThrownBy(() -> OverfitCheck.check(DEEP_TREE, DATA.head(5), "class", 10, 0.99, Seed.of(1)))
                .hasMessageContaining("5 rows, fewer than the 10");
    }

    /** An experiment whose random step ignores the context's seed: each run draws a new one. */
    static final class Unseeded extends TribuoExperiment<Unseeded.Settings> {
        private static final AtomicLong RUNS = new AtomicLong();

        record Settings() {
        }

        Unseeded() {
            super("unseeded", new Settings());
        }

        @Override
        protected Trainer<Label> trainer(Seed seed) {
            return DummyClassifierTrainer.createUniformTrainer(RUNS.incrementAndGet());
        }
    }

    private static ExperimentContext context() {
        return ExperimentContext.of(DATA.head(300), DATA.rows(java.util.stream.IntStream.range(300, 400).toArray()),
                "class", Seed.of(5), List.of(Metrics.accuracy()), List.of(), null);
    }

    @Test
    void theSameSeedGivesTheSamePredictionsUnlessAStepIgnoresIt() {
        assertThat(ReproducibilityCheck.check(LogisticRegression.defaults(), context()).reproducible()).isTrue();

        ReproducibilityReport report = ReproducibilityCheck.check(new Unseeded(), context());

        assertThat(report.reproducible()).isFalse();
        assertThat(report.experiment()).isEqualTo("unseeded()");
        assertThat(report.difference()).containsAnyOf("the metrics differ", "validation row");
    }

    @Test
    void aLearningCurveGrowsNestedSubsetsAndSaysWhetherMoreDataHelps() {
        LearningCurve curve = LearningCurve.of(LogisticRegression.defaults(), context(), LearningCurve.DEFAULT_SHARES);

        assertThat(curve.points()).extracting(LearningCurve.Point::rows).containsExactly(30, 75, 150, 225, 300);
        assertThat(curve.metric()).isEqualTo("accuracy");
        assertThat(curve.points().get(4).validation()).isGreaterThan(0.85);
        assertThat(curve.improvementPerDoubling()).isFinite();
        assertThat(curve.moreDataWouldHelp(1.0)).isFalse();
        LearningCurve one = LearningCurve.of(LogisticRegression.defaults(), context(), List.of(1.0));
        assertThat(one.improvementPerDoubling()).isNaN();
        assertThatThrownBy(() -> LearningCurve.of(LogisticRegression.defaults(), context(), List.of(0.5, 0.5)))
                .hasMessageContaining("shares must increase");
        assertThatThrownBy(() -> LearningCurve.of(LogisticRegression.defaults(), context(), List.of()))
                .hasMessageContaining("at least one share");
    }
}
