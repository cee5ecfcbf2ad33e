package dev.mlops.train.troubleshoot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.predict.Outputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TroubleshootingDetailTest {
    private static final ClassificationTree TREE = new ClassificationTree(new ClassificationTree.Settings(12, 1.0));

    @Test
    void drawsOneRowOfEachClassFirstThenOthersAllDistinct() {
        Table data = Table.of(NumericColumn.of("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                CategoricalColumn.of("class", "a", "a", "a", "a", "a", "a", "a", "b", "c", "c"));

        OverfitReport three = OverfitCheck.check(TREE, data, "class", 3, 0.5, Seed.of(1));
        OverfitReport all = OverfitCheck.check(TREE, data, "class", 10, 0.5, Seed.of(1));
        OverfitReport two = OverfitCheck.check(TREE, data, "class", 2, 0.5, Seed.of(1));

        assertThat(data.rows(three.rows().stream().mapToInt(Integer::intValue).toArray()).categoricalColumn("class")
                .levels()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(all.rows()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(two.rows()).hasSize(2).doesNotHaveDuplicates();
        assertThat(three.experiment()).isEqualTo(TREE.spec().toString());
        assertThat(three.threshold()).isEqualTo(0.5);
    }

    @Test
    void aFitExactlyAtTheThresholdPassesAndTheDataMayHoldExactlyTheRowsDrawn() {
        Table data = Table.of(NumericColumn.of("x", 1, 2), CategoricalColumn.of("class", "a", "b"));

        OverfitReport report = OverfitCheck.check(TREE, data, "class", 2, 1.0, Seed.of(2));

        assertThat(report.fit()).isEqualTo(1.0);
        assertThat(report.passed()).isTrue();
        assertThat(new OverfitReport("e", List.of(), 0.5, 0.5, List.of()).passed()).isTrue();
        assertThat(new OverfitReport("e", List.of(), 0.49, 0.5, List.of()).passed()).isFalse();
    }

    @Test
    void onlyEveryFeatureConstantIsNamedAsSuch() {
        Table oneConstant = Table.of(NumericColumn.of("k", 1, 1, 1, 1), NumericColumn.of("x", 1, 1, 2, 3),
                CategoricalColumn.of("class", "a", "b", "a", "b"));

        OverfitReport report = OverfitCheck.check(TREE, oneConstant, "class", 4, 0.99, Seed.of(3));

        assertThat(report.passed()).isFalse();
        assertThat(report.likelyCauses()).noneMatch(cause -> cause.contains("every feature is constant"))
                .anyMatch(cause -> cause.contains("rows 0 and 1"));
    }

    /** An experiment whose validation metric is a known function of its training rows: log2(rows) / 10. */
    private static final class Known implements Experiment {
        private final List<Integer> trainedOn = new ArrayList<>();

        @Override
        public String type() {
            return "known";
        }

        /** No settings. */
        private record None() {
        }

        @Override
        public Record settings() {
            return new None();
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            Table train = context.train();
            trainedOn.add(train.rowCount());
            for (int row = 1; row < train.rowCount(); row++) {
                assertThat(train.numericColumn("x").get(row)).as("rows in their order").isGreaterThan(
                        train.numericColumn("x").get(row - 1));
            }
            double[][] scores = new double[context.validation().rowCount()][];
            for (int row = 0; row < scores.length; row++) {
                scores[row] = new double[] {1, 0};
            }
            Outputs outputs = Outputs.classification(List.of("a", "b"));
            return new ExperimentResult(new dev.mlops.train.predict.Predictor() {
                @Override
                public dev.mlops.core.table.Schema inputSchema() {
                    return dev.mlops.core.table.Schema.of();
                }

                @Override
                public Outputs outputs() {
                    return outputs;
                }

                @Override
                public Table predict(Table features) {
                    double[][] all = new double[features.rowCount()][];
                    for (int row = 0; row < all.length; row++) {
                        all[row] = new double[] {1, 0};
                    }
                    return outputs.classifications(all);
                }
            }, outputs.classifications(scores), Map.of("accuracy", Math.log(train.rowCount()) / Math.log(2) / 10),
                    -1);
        }
    }

    @Test
    void theImprovementPerDoublingIsTheLastStepsChangeOverItsDoublings() {
        double[] x = new double[100];
        String[] classes = new String[100];
        for (int row = 0; row < 100; row++) {
            x[row] = row;
            classes[row] = row % 2 == 0 ? "a" : "b";
        }
        Table table = Table.of(NumericColumn.of("x", x), CategoricalColumn.of("class", classes));
        ExperimentContext context = ExperimentContext.of(table.head(80), table.rows(java.util.stream.IntStream
                .range(80, 100).toArray()), "class", Seed.of(4), List.of(Metrics.accuracy()), List.of(), null);
        Known known = new Known();

        LearningCurve curve = LearningCurve.of(known, context, List.of(0.25, 1.0));

        assertThat(known.trainedOn).containsExactly(20, 80);
        assertThat(curve.points().get(1).validation()).isEqualTo(Math.log(80) / Math.log(2) / 10);
        assertThat(curve.improvementPerDoubling()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(curve.moreDataWouldHelp(0.099)).isTrue();
        assertThat(curve.moreDataWouldHelp(0.1 + 1e-9)).isFalse();
        LearningCurve exact = new LearningCurve("e", "m", true, List.of(new LearningCurve.Point(1, 0, 0),
                new LearningCurve.Point(2, 0, 0.5)));
        assertThat(exact.improvementPerDoubling()).isEqualTo(0.5);
        assertThat(exact.moreDataWouldHelp(0.5)).as("more than the tolerance, not as much").isFalse();
        assertThat(exact.moreDataWouldHelp(0.4999)).isTrue();
        LearningCurve lower = new LearningCurve("e", "rmse", false, curve.points());
        assertThat(lower.improvementPerDoubling()).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(curve.points().get(1).train()).as("all 80 rows, half of them a").isEqualTo(0.5);
    }

    @Test
    void reproducibilityNamesTheFirstDifference() {
        Outputs outputs = Outputs.classification(List.of("a", "b"));
        Table one = outputs.classifications(new double[][] {{1, 0}, {0, 1}});
        Table other = outputs.classifications(new double[][] {{1, 0}, {1, 0}});
        dev.mlops.train.predict.Predictor none = new dev.mlops.train.predict.Predictor() {
            @Override
            public dev.mlops.core.table.Schema inputSchema() {
                return dev.mlops.core.table.Schema.of();
            }

            @Override
            public Outputs outputs() {
                return outputs;
            }

            @Override
            public Table predict(Table features) {
                return one;
            }
        };
        ExperimentResult first = new ExperimentResult(none, one, Map.of("m", 1.0), -1);

        assertThat(ReproducibilityCheck.difference(first, new ExperimentResult(none, one, Map.of("m", 1.0), 5))).isNull();
        assertThat(ReproducibilityCheck.difference(first, new ExperimentResult(none, one, Map.of("m", 2.0), -1)))
                .isEqualTo("the metrics differ: {m=1.0} then {m=2.0}");
        assertThat(ReproducibilityCheck.difference(first, new ExperimentResult(none, other, Map.of("m", 1.0), -1)))
                .isEqualTo("validation row 1, column 'prediction': b then a");
        assertThat(ReproducibilityCheck.difference(first, new ExperimentResult(none, one.head(1), Map.of("m", 1.0), -1)))
                .startsWith("the predictions' shape differs");
        assertThat(ReproducibilityCheck.difference(first, new ExperimentResult(none, Outputs.regression()
                .values(new double[] {1, 2}), Map.of("m", 1.0), -1))).startsWith("the predictions' shape differs");
        assertThat(new ReproducibilityReport("e", null).reproducible()).isTrue();
    }
}
