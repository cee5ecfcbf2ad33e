package dev.mlops.train.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorAnalysisTest {
    private static final Outputs ABC = Outputs.classification(List.of("a", "b", "c"));

    private static Table rows() {
        return Table.of(NumericColumn.of("x", 10, 20, 30, 40, 50), CategoricalColumn.of("class", "a", "b", "c", "a", "b"));
    }

    private static Table predictions() {
        return ABC.classifications(new double[][] {
            {0.9, 0.05, 0.05}, {0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.2, 0.7}});
    }

    @Test
    void theWorstRowsAreThoseWhoseTrueClassScoredLowestWithTheirFeatures() {
        Table worst = ErrorAnalysis.worst(rows(), "class", predictions(), 3);

        assertThat(worst.schema().names()).containsExactly("row", "x", "class", "prediction", "true_class_score");
        assertThat(worst.numericColumn("row").get(0)).isEqualTo(2.0);
        assertThat(worst.numericColumn("true_class_score").get(0)).isEqualTo(0.1);
        assertThat(worst.numericColumn("x").get(0)).isEqualTo(30.0);
        assertThat(worst.categoricalColumn("prediction").get(0)).isEqualTo("b");
        assertThat(worst.numericColumn("row").get(1)).isEqualTo(1.0);
        assertThat(worst.numericColumn("row").get(2)).as("0.2 twice: the earlier row first").isEqualTo(3.0);
        assertThat(ErrorAnalysis.worst(rows(), "class", predictions(), 99).rowCount()).isEqualTo(5);
    }

    @Test
    void forRegressionTheWorstRowsHaveTheLargestAbsoluteError() {
        Table rows = Table.of(NumericColumn.of("x", 1, 2, 3), NumericColumn.of("y", 10, 20, 30));
        Table predictions = Outputs.regression().values(new double[] {11, 14, 30.5});

        Table worst = ErrorAnalysis.worst(rows, "y", predictions, 2);

        assertThat(worst.numericColumn("row").get(0)).isEqualTo(1.0);
        assertThat(worst.numericColumn("error").get(0)).isEqualTo(-6.0);
        assertThat(worst.numericColumn("row").get(1)).isEqualTo(0.0);
    }

    @Test
    void confusionPairsAreRankedByCountWithTheirShareOfTheTrueClass() {
        Table rows = Table.of(CategoricalColumn.of("class", "a", "a", "a", "b", "b", "c"));
        Table predictions = ABC.classifications(new double[][] {
            {0, 1, 0}, {0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {0, 1, 0}, {1, 0, 0}});

        List<ConfusionPair> pairs = ErrorAnalysis.confusionPairs(rows.column("class"), predictions);

        assertThat(pairs).containsExactly(new ConfusionPair("a", "b", 2, 2 / 3.0), new ConfusionPair("b", "c", 1, 0.5),
                new ConfusionPair("c", "a", 1, 1.0));
    }

    @Test
    void booleanLabelsAreClassesToo() {
        Table rows = Table.of(BooleanColumn.of("ok", true, false));
        Table predictions = Outputs.classification(List.of("false", "true")).classifications(new double[][] {
            {0.6, 0.4}, {0.9, 0.1}});

        assertThat(ErrorAnalysis.worst(rows, "ok", predictions, 1).numericColumn("row").get(0)).isEqualTo(0.0);
        assertThat(ErrorAnalysis.confusionPairs(rows.column("ok"), predictions))
                .containsExactly(new ConfusionPair("true", "false", 1, 1.0));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> ErrorAnalysis.worst(rows(), "class", predictions(), 0)).hasMessageContaining("k must");
        assertThatThrownBy(() -> ErrorAnalysis.worst(rows(), "nope", predictions(), 1))
                .hasMessageContaining("label column 'nope'");
        assertThatThrownBy(() -> ErrorAnalysis.worst(rows().head(2), "class", predictions(), 1))
                .hasMessageContaining("2 rows but the predictions 5");
        assertThatThrownBy(() -> ErrorAnalysis.worst(rows(), "x", predictions(), 1))
                .hasMessageContaining("label column 'x' is NUMERIC");
        Table missing = Table.of(NumericColumn.of("x", 1), CategoricalColumn.of("class", (String) null));
        assertThatThrownBy(() -> ErrorAnalysis.worst(missing, "class", predictions().head(1), 1))
                .hasMessageContaining("row 0: the truth 'class' is missing");
        Table unknown = Table.of(CategoricalColumn.of("class", "z"));
        assertThatThrownBy(() -> ErrorAnalysis.worst(unknown, "class", predictions().head(1), 1))
                .hasMessageContaining("the true class 'z' is not one of the model's classes");
        assertThatThrownBy(() -> ErrorAnalysis.confusionPairs(NumericColumn.of("y", 1),
                Outputs.regression().values(new double[] {1}))).hasMessageContaining("need a classifier's predictions");
        assertThatThrownBy(() -> new ConfusionPair("a", "a", 1, 1)).hasMessageContaining("both are 'a'");
        assertThatThrownBy(() -> new ConfusionPair("a", "b", 0, 1)).hasMessageContaining("count must");
    }

    @Test
    void confusionPairsOfEqualCountAreOrderedByTrueThenPredictedClass() {
        Table rows = Table.of(CategoricalColumn.of("class", "c", "b", "a", "a"));
        Table predictions = ABC.classifications(new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 0, 1}, {0, 1, 0}});

        assertThat(ErrorAnalysis.confusionPairs(rows.column("class"), predictions)).extracting(pair -> pair.truth()
                + ">" + pair.predicted()).containsExactly("a>b", "a>c", "b>c", "c>a");
        assertThatThrownBy(() -> ErrorAnalysis.confusionPairs(rows.column("class"), predictions.head(3)))
                .hasMessageContaining("4 rows but the predictions 3");
    }

    @Test
    void regressionErrorsOfEqualSizeKeepTheRowOrder() {
        Table rows = Table.of(NumericColumn.of("y", 0, 0, 0));
        Table predictions = Outputs.regression().values(new double[] {1, -2, 2});

        Table worst = ErrorAnalysis.worst(rows, "y", predictions, 3);

        assertThat(worst.numericColumn("row").get(0)).isEqualTo(1.0);
        assertThat(worst.numericColumn("row").get(1)).isEqualTo(2.0);
        assertThat(worst.numericColumn("row").get(2)).isEqualTo(0.0);
        Table text = Table.of(CategoricalColumn.of("y", "a", "b", "c"));
        assertThatThrownBy(() -> ErrorAnalysis.worst(text, "y", predictions, 1))
                .hasMessageContaining("label column 'y' is CATEGORICAL").hasMessageContaining("regression model's");
    }
}
