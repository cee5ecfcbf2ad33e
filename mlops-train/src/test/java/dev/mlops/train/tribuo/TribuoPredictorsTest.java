package dev.mlops.train.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.Synthetic;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Task;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;

class TribuoPredictorsTest {

    @Test
    void aLogisticRegressionLearnsTheSyntheticRuleAndScoresSumToOne() {
        Table train = Synthetic.classification(2_000, 0.0, 1);
        Table test = Synthetic.classification(500, 0.0, 2);
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("class"), MissingPolicy.IMPUTE);
        MutableDataset<Label> dataset = TribuoTables.classification(train, "class", encoder);

        TribuoClassifier predictor = TribuoClassifier.of(new LogisticRegressionTrainer().train(dataset), encoder);
        Table predictions = predictor.predict(test);

        assertThat(dataset.size()).isEqualTo(2_000);
        assertThat(predictor.outputs().task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(predictor.outputs().classes()).containsExactlyInAnyOrder("yes", "no");
        assertThat(predictor.inputSchema()).isEqualTo(encoder.inputSchema());
        assertThat(predictions.schema()).isEqualTo(predictor.outputs().schema());
        assertThat(Metrics.accuracy().compute(test.column("class"), predictions)).isGreaterThan(0.9);
        for (int row = 0; row < predictions.rowCount(); row++) {
            double sum = 0;
            for (String label : predictor.outputs().classes()) {
                sum += predictions.numericColumn(Outputs.scoreColumn(label)).get(row);
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(predictor.model()).isNotNull();
        assertThat(predictor.encoder()).isSameAs(encoder);
    }

    @Test
    void aModelWithoutProbabilitiesScoresItsPredictedClassOne() {
        Table train = Synthetic.classification(500, 0.0, 3);
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("class"), MissingPolicy.IMPUTE);
        Model<Label> hinge = new LinearSGDTrainer(new Hinge(), new AdaGrad(1.0, 0.1), 3, -1, 1, 7)
                .train(TribuoTables.classification(train, "class", encoder));

        Table predictions = TribuoClassifier.of(hinge, encoder).predict(train.head(20));

        for (int row = 0; row < 20; row++) {
            String predicted = predictions.categoricalColumn(Outputs.PREDICTION).get(row);
            assertThat(predictions.numericColumn(Outputs.scoreColumn(predicted)).get(row)).isEqualTo(1.0);
        }
    }

    @Test
    void aTreeOnBooleanLabelsPredictsTrueAndFalse() {
        Table train = Table.of(NumericColumn.of("x", 1, 2, 3, 4, 5, 6, 7, 8),
                BooleanColumn.of("big", false, false, false, false, true, true, true, true));
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("big"), MissingPolicy.IMPUTE);
        TribuoClassifier tree = TribuoClassifier.of(new CARTClassificationTrainer(3, 1f, 0f, 1f, false,
                new org.tribuo.classification.dtree.impurity.GiniIndex(), 1).train(
                TribuoTables.classification(train, "big", encoder)), encoder);

        Table predictions = tree.predict(Table.of(NumericColumn.of("x", 1.5, 7.5)));

        assertThat(predictions.categoricalColumn(Outputs.PREDICTION).get(0)).isEqualTo("false");
        assertThat(predictions.categoricalColumn(Outputs.PREDICTION).get(1)).isEqualTo("true");
    }

    @Test
    void aLinearRegressionLearnsTheSyntheticLine() {
        Table train = Synthetic.regression(2_000, 0.1, 4);
        Table test = Synthetic.regression(200, 0.1, 5);
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("y"), MissingPolicy.IMPUTE);
        MutableDataset<Regressor> dataset = TribuoTables.regression(train, "y", encoder);
        Model<Regressor> model = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
                new org.tribuo.regression.sgd.objectives.SquaredLoss(), new AdaGrad(1.0, 0.1), 10, -1, 1, 1).train(dataset);

        TribuoRegressor predictor = TribuoRegressor.of(model, encoder);
        Table predictions = predictor.predict(test);

        assertThat(predictor.outputs()).isEqualTo(Outputs.regression());
        assertThat(Metrics.rmse().compute(test.column("y"), predictions)).isLessThan(0.3);
        assertThat(predictor.model()).isSameAs(model);
        assertThat(predictor.encoder()).isSameAs(encoder);
        assertThat(predictor.inputSchema()).isEqualTo(encoder.inputSchema());
    }

    @Test
    void labelsAndTargetsAreChecked() {
        Table oneClass = Table.of(NumericColumn.of("x", 1, 2), CategoricalColumn.of("class", "a", "a"));
        FeatureEncoder encoder = FeatureEncoder.fit(oneClass, Set.of("class"), MissingPolicy.IMPUTE);
        assertThatThrownBy(() -> TribuoTables.classification(oneClass, "class", encoder))
                .hasMessageContaining("one class 'a'").hasMessageContaining("at least two");
        Table missingLabel = Table.of(NumericColumn.of("x", 1, 2), CategoricalColumn.of("class", "a", null));
        assertThatThrownBy(() -> TribuoTables.classification(missingLabel, "class", encoder))
                .hasMessageContaining("row 1: the label 'class' is missing");
        assertThatThrownBy(() -> TribuoTables.classification(oneClass, "x", encoder))
                .hasMessageContaining("label column 'x' is NUMERIC");
        assertThatThrownBy(() -> TribuoTables.classification(oneClass, "nope", encoder))
                .hasMessageContaining("label column 'nope' is not in the table");
        Table badTarget = Table.of(NumericColumn.of("x", 1, 2), NumericColumn.of("y", 1, Double.NaN));
        assertThatThrownBy(() -> TribuoTables.regression(badTarget, "y", encoder))
                .hasMessageContaining("row 1: the target 'y' is NaN");
        assertThatThrownBy(() -> TribuoTables.regression(oneClass, "class", encoder))
                .hasMessageContaining("target column 'class' must be a numeric column");
        assertThat(List.of(encoder.policy())).containsExactly(MissingPolicy.IMPUTE);
    }

    @Test
    void aSplitOfTheTableAppliesToItsDatasetThroughTribuoSplits() {
        Table table = Synthetic.classification(300, 0.0, 6);
        dev.mlops.data.split.Split split = dev.mlops.data.split.Splitters.stratified(
                dev.mlops.data.split.SizePolicy.guide(), "class", 2).split(table);
        FeatureEncoder encoder = FeatureEncoder.fit(split.set(table, "train"), Set.of("class"), MissingPolicy.IMPUTE);

        dev.mlops.train.TribuoSplit<Label> sets = dev.mlops.train.TribuoSplits.apply(
                TribuoTables.classification(table, "class", encoder), split);

        for (String set : split.setNames()) {
            assertThat(sets.set(set).size()).as(set).isEqualTo(split.size(set));
        }
        int firstTest = split.rows("test")[0];
        assertThat(sets.set("test").getExample(0).getOutput().getLabel())
                .isEqualTo(table.categoricalColumn("class").get(firstTest));
    }
}
