package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.ThreadSafe;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Predictor} as a JUnit 5 test: extend this class, give a predictor and
 * rows it accepts, and every test here runs against it.
 *
 * <pre>{@code
 * class OnnxPredictorContractTest extends PredictorContract {
 *     @Override
 *     protected Predictor predictor() {
 *         return OnnxPredictor.load(Path.of("model.onnx"));
 *     }
 *
 *     @Override
 *     protected Table features() {
 *         return CsvFormat.defaults().read(Path.of("features.csv"));
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: one prediction row per input row in the shape of {@code outputs().schema()};
 * a classifier's scores in [0, 1] summing to 1 within 1e-9 and its prediction one of its classes;
 * each row predicted as it is alone (an endpoint predicts one row at a time); extra columns
 * ignored; every input column, absent or of another type, refused with a
 * {@link SchemaException} naming it; the same input giving the same output, from one thread and
 * from eight at once.
 */
public abstract class PredictorContract {

    /** Creates the contract test; subclasses supply the predictor under test. */
    protected PredictorContract() {
    }

    /** @return the predictor under test; called more than once */
    protected abstract Predictor predictor();

    /** @return at least 10 rows with the predictor's input columns */
    protected abstract Table features();

    @Test
    void predictsOneRowPerInputRowInTheShapeOfItsOutputs() {
        Predictor predictor = predictor();
        Table features = features();

        Table predictions = predictor.predict(features);

        assertThat(features.rowCount()).as("the contract needs at least 10 rows of features").isGreaterThanOrEqualTo(10);
        assertThat(predictions.rowCount()).isEqualTo(features.rowCount());
        assertThat(predictions.schema()).isEqualTo(predictor.outputs().schema());
        if (predictor.outputs().task() == Task.CLASSIFICATION) {
            checkScores(predictor.outputs(), predictions);
        }
    }

    private static void checkScores(Outputs outputs, Table predictions) {
        CategoricalColumn predicted = predictions.categoricalColumn(Outputs.PREDICTION);
        for (int row = 0; row < predictions.rowCount(); row++) {
            assertThat(predicted.isMissing(row)).as("row %d has a prediction", row).isFalse();
            assertThat(outputs.classes()).as("row %d's prediction", row).contains(predicted.get(row));
            double sum = 0;
            for (String label : outputs.classes()) {
                double score = predictions.numericColumn(Outputs.scoreColumn(label)).get(row);
                assertThat(score).as("row %d, score of '%s'", row, label).isBetween(0.0, 1.0);
                sum += score;
            }
            assertThat(sum).as("row %d's scores sum to 1", row).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void predictsEachRowAsItWouldAlone() {
        Predictor predictor = predictor();
        Table features = features();
        Table all = predictor.predict(features);

        for (int row : IntStream.range(0, Math.min(10, features.rowCount())).toArray()) {
            Table alone = predictor.predict(features.rows(row));
            TableDifference.between(all.rows(row), alone).ifPresent(difference -> fail("row " + row
                    + " predicted alone differs from its prediction among all rows: " + difference));
        }
    }

    @Test
    void ignoresExtraColumns() {
        Predictor predictor = predictor();
        Table features = features();
        List<Column> columns = new ArrayList<>(features.columns());
        columns.add(NumericColumn.of("contract_extra_column", new double[features.rowCount()]));

        assertThat(predictor.predict(Table.of(columns))).isEqualTo(predictor.predict(features));
    }

    @Test
    void refusesEachAbsentInputColumnNamingIt() {
        Predictor predictor = predictor();
        Table features = features();
        for (Field field : predictor.inputSchema().fields()) {
            List<Column> without = new ArrayList<>(features.columns());
            without.removeIf(column -> column.name().equals(field.name()));
            assertThatThrownBy(() -> predictor.predict(Table.of(without))).as("without column '%s'", field.name())
                    .isInstanceOf(SchemaException.class).hasMessageContaining(field.name());
        }
    }

    @Test
    void refusesAnInputColumnOfAnotherTypeNamingIt() {
        Predictor predictor = predictor();
        Table features = features();
        for (Field field : predictor.inputSchema().fields()) {
            List<Column> changed = new ArrayList<>();
            for (Column column : features.columns()) {
                changed.add(column.name().equals(field.name()) ? otherType(column) : column);
            }
            assertThatThrownBy(() -> predictor.predict(Table.of(changed))).as("column '%s' retyped", field.name())
                    .isInstanceOf(SchemaException.class).hasMessageContaining(field.name());
        }
    }

    /** A column of the same name and rows but another type: numbers as text, anything else as numbers. */
    private static Column otherType(Column column) {
        if (column instanceof NumericColumn) {
            String[] texts = new String[column.size()];
            for (int row = 0; row < texts.length; row++) {
                texts[row] = column.isMissing(row) ? null : column.format(row);
            }
            return CategoricalColumn.of(column.name(), texts);
        }
        return NumericColumn.of(column.name(), new double[column.size()]);
    }

    /** The same features give equal predictions, from one predictor and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism implements Deterministic<Predictor, Table> {
        @Override
        public Predictor subject() {
            return predictor();
        }

        @Override
        public Table run(Predictor predictor) {
            return predictor.predict(features());
        }

        @Override
        public String firstDifference(Table expected, Table actual) {
            return TableDifference.between(expected, actual).orElse("equal tables that are not equal");
        }
    }

    /** One predictor used from 8 threads at once predicts as on one thread. */
    @Nested
    @DisplayName("thread safety")
    class ThreadSafety implements ThreadSafe<Predictor, Table> {
        private final Table features = features();

        @Override
        public Predictor subject() {
            return predictor();
        }

        @Override
        public Table run(Predictor predictor) {
            return predictor.predict(features);
        }

        @Override
        public String firstDifference(Table expected, Table actual) {
            return TableDifference.between(expected, actual).orElse("equal tables that are not equal");
        }
    }
}
