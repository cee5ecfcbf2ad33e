package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The predictor contract passes a sound predictor and fails each kind of broken one. */
class PredictorContractSelfTest {
    private static final Schema INPUT = Schema.of(Field.of("x", ColumnType.NUMERIC));
    private static final Outputs OUTPUTS = Outputs.classification(List.of("small", "big"));
    private static final Table FEATURES = Table.of(NumericColumn.of("x", -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6));

    /** A logistic rule on x, with a change to its scores and whether it checks its input or reads what it finds. */
    private static Predictor rule(UnaryOperator<double[][]> change, boolean checksInput) {
        return new Predictor() {
            @Override
            public Schema inputSchema() {
                return INPUT;
            }

            @Override
            public Outputs outputs() {
                return OUTPUTS;
            }

            @Override
            public Table predict(Table features) {
                if (checksInput) {
                    InputCheck.require(INPUT, features);
                }
                // a lenient predictor reads a missing or mistyped x as 0: a wrong prediction, no error
                NumericColumn x = features.schema().contains("x") && features.column("x") instanceof NumericColumn numbers
                        ? numbers : null;
                double[][] scores = new double[features.rowCount()][];
                for (int row = 0; row < scores.length; row++) {
                    double big = 1 / (1 + Math.exp(-(x == null ? 0 : x.get(row))));
                    scores[row] = new double[] {1 - big, big};
                }
                return OUTPUTS.classifications(change.apply(scores));
            }
        };
    }

    private static PredictorContract contract(Predictor predictor) {
        return new PredictorContract() {
            @Override
            protected Predictor predictor() {
                return predictor;
            }

            @Override
            protected Table features() {
                return FEATURES;
            }
        };
    }

    @Test
    void aSoundPredictorPasses() {
        PredictorContract contract = contract(rule(scores -> scores, true));

        assertThatCode(() -> {
            contract.predictsOneRowPerInputRowInTheShapeOfItsOutputs();
            contract.predictsEachRowAsItWouldAlone();
            contract.ignoresExtraColumns();
            contract.refusesEachAbsentInputColumnNamingIt();
            contract.refusesAnInputColumnOfAnotherTypeNamingIt();
        }).doesNotThrowAnyException();
    }

    @Test
    void scoresThatDoNotSumToOneFail() {
        PredictorContract contract = contract(rule(scores -> {
            for (double[] row : scores) {
                row[0] = row[0] / 2;
            }
            return scores;
        }, true));

        assertThatThrownBy(contract::predictsOneRowPerInputRowInTheShapeOfItsOutputs).isInstanceOf(AssertionError.class)
                .hasMessageContaining("sum to 1");
    }

    @Test
    void aPredictionThatDependsOnTheOtherRowsFails() {
        PredictorContract contract = contract(rule(scores -> {
            double shift = scores.length > 1 ? 0.01 : 0;
            for (double[] row : scores) {
                row[0] = Math.max(0, row[0] - shift);
                row[1] = 1 - row[0];
            }
            return scores;
        }, true));

        assertThatThrownBy(contract::predictsEachRowAsItWouldAlone).isInstanceOf(AssertionError.class)
                .hasMessageContaining("predicted alone differs");
    }

    @Test
    void aPredictorThatDoesNotCheckItsInputFails() {
        PredictorContract contract = contract(rule(scores -> scores, false));

        assertThatThrownBy(contract::refusesEachAbsentInputColumnNamingIt).isInstanceOf(AssertionError.class);
        assertThatThrownBy(contract::refusesAnInputColumnOfAnotherTypeNamingIt).isInstanceOf(AssertionError.class);
    }
}
