package dev.mlops.train.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputsTest {

    @Test
    void aClassifiersTableHoldsThePredictedClassAndAScorePerClass() {
        Outputs outputs = Outputs.classification(List.of("bad", "good"));

        Table table = outputs.classifications(new double[][] {{0.2, 0.8}, {0.5, 0.5}, {1, 0}});

        assertThat(table.schema()).isEqualTo(Schema.of(Field.of("prediction", ColumnType.CATEGORICAL),
                Field.of("score@bad", ColumnType.NUMERIC), Field.of("score@good", ColumnType.NUMERIC)));
        assertThat(table.schema()).isEqualTo(outputs.schema());
        assertThat(table.categoricalColumn("prediction").get(0)).isEqualTo("good");
        assertThat(table.categoricalColumn("prediction").get(1)).as("a tie goes to the first class").isEqualTo("bad");
        assertThat(table.categoricalColumn("prediction").get(2)).isEqualTo("bad");
        assertThat(table.numericColumn("score@good").get(0)).isEqualTo(0.8);
    }

    @Test
    void aRegressionTableHoldsTheValues() {
        double[] values = {1.5, -2};
        Table table = Outputs.regression().values(values);
        values[0] = 99;

        assertThat(table.schema()).isEqualTo(Schema.of(Field.of("prediction", ColumnType.NUMERIC)));
        assertThat(table.numericColumn("prediction").get(0)).as("a copy").isEqualTo(1.5);
    }

    @Test
    void classesMustFitTheTask() {
        assertThatThrownBy(() -> Outputs.classification(List.of("only"))).hasMessageContaining("at least two classes");
        assertThatThrownBy(() -> Outputs.classification(List.of("a", "a"))).hasMessageContaining("'a' is listed twice");
        assertThatThrownBy(() -> Outputs.classification(List.of("a", " "))).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> new Outputs(Task.REGRESSION, List.of("a"))).hasMessageContaining("regression has no");
    }

    @Test
    void badScoresAreRefusedNamingTheRow() {
        Outputs outputs = Outputs.classification(List.of("a", "b"));

        assertThatThrownBy(() -> outputs.classifications(new double[][] {{0.5, 0.5}, {1}}))
                .hasMessageContaining("row 1 has 1 scores").hasMessageContaining("2 classes");
        assertThatThrownBy(() -> outputs.classifications(new double[][] {{1.5, -0.5}}))
                .hasMessageContaining("row 0 scores class 'a' 1.5");
        assertThatThrownBy(() -> outputs.classifications(new double[][] {{Double.NaN, 1}}))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> outputs.values(new double[] {1})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Outputs.regression().classifications(new double[][] {{1}}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scoreColumnsUseTribuosNameAtValueStyle() {
        assertThat(Outputs.scoreColumn("good")).isEqualTo("score@good");
    }
}
