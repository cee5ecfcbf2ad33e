package dev.mlops.train.metrics;

import static dev.mlops.train.metrics.PredictionTables.oneHot;
import static dev.mlops.train.metrics.PredictionTables.scored;
import static dev.mlops.train.metrics.PredictionTables.truth;
import static dev.mlops.train.metrics.PredictionTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.metrics.PredictionTables.Fixture;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in metrics against scikit-learn 1.2.1 (Debian 12's python3-sklearn, numpy 1.24.2):
 * every expected value below was printed by {@code /usr/bin/python3 oracle.py} (in this package's
 * test resources, which also wrote the seeded fixtures binary.csv, multiclass.csv and
 * regression.csv), with the call beside it.
 */
class MetricsTest {
    private static final double CLOSE = 1e-12;
    private static final List<String> ABC = List.of("a", "b", "c");

    static Stream<Metric> classification() {
        return Metrics.forClassification().stream();
    }

    static Stream<Metric> regression() {
        return Metrics.forRegression().stream();
    }

    @Nested
    class Names {
        @Test
        void eachMetricHasItsStableNameAndDirection() {
            assertThat(Metrics.forClassification()).extracting(Metric::name)
                    .containsExactly("accuracy", "macro_f1", "auc", "log_loss");
            assertThat(Metrics.forClassification()).extracting(Metric::higherIsBetter)
                    .containsExactly(true, true, true, false);
            assertThat(Metrics.forRegression()).extracting(Metric::name).containsExactly("rmse", "mae", "r2");
            assertThat(Metrics.forRegression()).extracting(Metric::higherIsBetter).containsExactly(false, false, true);
        }

        @Test
        void theFactoriesGiveTheListsMembers() {
            assertThat(Metrics.forClassification())
                    .containsExactly(Metrics.accuracy(), Metrics.macroF1(), Metrics.auc(), Metrics.logLoss());
            assertThat(Metrics.forRegression()).containsExactly(Metrics.rmse(), Metrics.mae(), Metrics.r2());
        }

        @Test
        void aMetricPrintsAsItsName() {
            assertThat(Metrics.auc()).hasToString("auc");
            assertThat(Metrics.r2()).hasToString("r2");
        }
    }

    @Nested
    class FixedCasesAgainstSklearn {
        @Test
        void aBooleanTruthIsTheClassesTrueAndFalse() {
            // accuracy_score(["true","false","true"], ["true","true","true"]) -> 0.6666666666666666
            Table predictions = oneHot(List.of("false", "true"), "true", "true", "true");
            Column booleans = dev.mlops.core.table.BooleanColumn.of("ok", true, false, true);

            assertThat(Metrics.accuracy().compute(booleans, predictions)).isCloseTo(0.6666666666666666, within(CLOSE));
            assertThat(Metrics.macroF1().compute(booleans, predictions))
                    .isEqualTo(Metrics.macroF1().compute(truth("true", "false", "true"), predictions));
        }

        @Test
        void accuracy() {
            // accuracy_score(["a","a","b","b","b","c"], ["a","b","b","b","c","c"]) -> 0.6666666666666666
            assertThat(Metrics.accuracy().compute(truth("a", "a", "b", "b", "b", "c"),
                    oneHot(List.of("a", "b", "c", "d"), "a", "b", "b", "b", "c", "c"))).isCloseTo(0.6666666666666666, within(CLOSE));
        }

        @Test
        void macroF1LeavesOutAClassNeitherTrueNorPredicted() {
            // f1_score(["a","a","b","b","b","c"], ["a","b","b","b","c","c"], average="macro") -> 0.6666666666666666
            // (class d of the outputs is in neither list, so sklearn never sees it)
            assertThat(Metrics.macroF1().compute(truth("a", "a", "b", "b", "b", "c"),
                    oneHot(List.of("a", "b", "c", "d"), "a", "b", "b", "b", "c", "c"))).isCloseTo(0.6666666666666666, within(CLOSE));
        }

        @Test
        void macroF1CountsAClassOnlyPredictedAsZero() {
            // f1_score(["a","a","b","b"], ["a","c","b","b"], average="macro") -> 0.5555555555555555
            assertThat(Metrics.macroF1().compute(truth("a", "a", "b", "b"), oneHot(ABC, "a", "c", "b", "b")))
                    .isCloseTo(0.5555555555555555, within(CLOSE));
        }

        @Test
        void binaryAucCountsTiesAsHalf() {
            // roc_auc_score(["bad","good","good","bad","good","bad"], [0.1, 0.4, 0.35, 0.8, 0.8, 0.4]) -> 0.5555555555555556
            Table predictions = scored(List.of("bad", "good"), new double[] {0.9, 0.1}, new double[] {0.6, 0.4},
                    new double[] {0.65, 0.35}, new double[] {0.2, 0.8}, new double[] {0.2, 0.8}, new double[] {0.6, 0.4});
            assertThat(Metrics.auc().compute(truth("bad", "good", "good", "bad", "good", "bad"), predictions))
                    .isCloseTo(0.5555555555555556, within(CLOSE));
        }

        @Test
        void oneVersusRestAucAveragesTheClasses() {
            // roc_auc_score(["a","b","c","a","b","c"], [[0.6,0.3,0.1],[0.2,0.5,0.3],[0.1,0.2,0.7],
            //     [0.3,0.4,0.3],[0.5,0.25,0.25],[0.2,0.2,0.6]], multi_class="ovr") -> 0.875
            Table predictions = scored(ABC, new double[] {0.6, 0.3, 0.1}, new double[] {0.2, 0.5, 0.3},
                    new double[] {0.1, 0.2, 0.7}, new double[] {0.3, 0.4, 0.3}, new double[] {0.5, 0.25, 0.25},
                    new double[] {0.2, 0.2, 0.6});
            assertThat(Metrics.auc().compute(truth("a", "b", "c", "a", "b", "c"), predictions))
                    .isCloseTo(0.875, within(CLOSE));
        }

        @Test
        void logLossClipsAScoreOfZero() {
            // log_loss(["a","b","c"], [[1,0,0],[1,0,0],[0.2,0.3,0.5]], labels=["a","b","c"]) -> 12.245600189892366
            Table predictions = scored(ABC, new double[] {1, 0, 0}, new double[] {1, 0, 0}, new double[] {0.2, 0.3, 0.5});
            assertThat(Metrics.logLoss().compute(truth("a", "b", "c"), predictions))
                    .isCloseTo(12.245600189892366, within(CLOSE));
        }

        @Test
        void logLossDividesEachRowByItsSum() {
            // log_loss(["a","b"], [[0.2,0.2],[0.9,0.3]], labels=["a","b"]) -> 1.0397207708399179
            Table predictions = scored(List.of("a", "b"), new double[] {0.2, 0.2}, new double[] {0.9, 0.3});
            assertThat(Metrics.logLoss().compute(truth("a", "b"), predictions))
                    .isCloseTo(1.0397207708399179, within(CLOSE));
        }

        @Test
        void regression() {
            // y = [3, -0.5, 2, 7], predicted = [2.5, 0, 2, 8]
            Column y = truth(3.0, -0.5, 2.0, 7.0);
            Table predicted = values(2.5, 0.0, 2.0, 8.0);
            // mean_squared_error(y, predicted, squared=False) -> 0.6123724356957945
            assertThat(Metrics.rmse().compute(y, predicted)).isCloseTo(0.6123724356957945, within(CLOSE));
            // mean_absolute_error(y, predicted) -> 0.5
            assertThat(Metrics.mae().compute(y, predicted)).isCloseTo(0.5, within(CLOSE));
            // r2_score(y, predicted) -> 0.9486081370449679
            assertThat(Metrics.r2().compute(y, predicted)).isCloseTo(0.9486081370449679, within(CLOSE));
        }

        @Test
        void rSquaredOfAConstantTruthIsOneWhenExactAndZeroOtherwise() {
            // r2_score([2,2,2], [2,2,2]) -> 1.0; r2_score([2,2,2], [2,2,3]) -> 0.0
            assertThat(Metrics.r2().compute(truth(2.0, 2.0, 2.0), values(2.0, 2.0, 2.0))).isEqualTo(1.0);
            assertThat(Metrics.r2().compute(truth(2.0, 2.0, 2.0), values(2.0, 2.0, 3.0))).isEqualTo(0.0);
        }

        @Test
        void rSquaredOfOneRowIsNaN() {
            // r2_score([2.0], [3.0]) -> nan (UndefinedMetricWarning)
            assertThat(Metrics.r2().compute(truth(2.0), values(3.0))).isNaN();
            // r2_score([2.0, 4.0], [2.5, 3.0]) -> 0.375: two rows are enough
            assertThat(Metrics.r2().compute(truth(2.0, 4.0), values(2.5, 3.0))).isCloseTo(0.375, within(CLOSE));
        }

        @Test
        void rSquaredOfExactPredictionsIsOne() {
            assertThat(Metrics.r2().compute(truth(1.0, 2.0, 4.0), values(1.0, 2.0, 4.0))).isEqualTo(1.0);
        }
    }

    @Nested
    class SeededFixturesAgainstSklearn {
        @Test
        void twoClasses() {
            Fixture f = PredictionTables.read("binary.csv");
            // binary.csv accuracy_score -> 0.74
            assertThat(Metrics.accuracy().compute(f.truth(), f.predictions())).isCloseTo(0.74, within(CLOSE));
            // binary.csv f1_score(average='macro') -> 0.7362012987012987
            assertThat(Metrics.macroF1().compute(f.truth(), f.predictions())).isCloseTo(0.7362012987012987, within(CLOSE));
            // binary.csv roc_auc_score(truth, scores[:, 1]) -> 0.8254870129870131
            assertThat(Metrics.auc().compute(f.truth(), f.predictions())).isCloseTo(0.8254870129870131, within(CLOSE));
            // binary.csv log_loss(labels=classes) -> 0.6828495158676136
            assertThat(Metrics.logLoss().compute(f.truth(), f.predictions())).isCloseTo(0.6828495158676136, within(CLOSE));
        }

        @Test
        void threeClasses() {
            Fixture f = PredictionTables.read("multiclass.csv");
            // multiclass.csv accuracy_score -> 0.7533333333333333
            assertThat(Metrics.accuracy().compute(f.truth(), f.predictions())).isCloseTo(0.7533333333333333, within(CLOSE));
            // multiclass.csv f1_score(average='macro') -> 0.7211612041355279
            assertThat(Metrics.macroF1().compute(f.truth(), f.predictions())).isCloseTo(0.7211612041355279, within(CLOSE));
            // multiclass.csv roc_auc_score(multi_class='ovr') -> 0.8930744703561214
            assertThat(Metrics.auc().compute(f.truth(), f.predictions())).isCloseTo(0.8930744703561214, within(CLOSE));
            // multiclass.csv log_loss(labels=classes) -> 0.623645178105168
            assertThat(Metrics.logLoss().compute(f.truth(), f.predictions())).isCloseTo(0.623645178105168, within(CLOSE));
        }

        @Test
        void theOrderOfTheScoreColumnsDoesNotMatter() {
            Fixture f = PredictionTables.read("multiclass.csv");
            Table reordered = f.predictions().select("score@São Paulo", "prediction", "score@Berlin", "score@München");
            for (Metric metric : Metrics.forClassification()) {
                assertThat(metric.compute(f.truth(), reordered)).as(metric.name())
                        .isCloseTo(metric.compute(f.truth(), f.predictions()), within(CLOSE));
            }
        }

        @Test
        void regression() {
            Fixture f = PredictionTables.read("regression.csv");
            // regression.csv mean_squared_error(squared=False) -> 5.8656033621898604
            assertThat(Metrics.rmse().compute(f.truth(), f.predictions())).isCloseTo(5.8656033621898604, within(CLOSE));
            // regression.csv mean_absolute_error -> 4.580922547978599
            assertThat(Metrics.mae().compute(f.truth(), f.predictions())).isCloseTo(4.580922547978599, within(CLOSE));
            // regression.csv r2_score -> 0.7876133469227493
            assertThat(Metrics.r2().compute(f.truth(), f.predictions())).isCloseTo(0.7876133469227493, within(CLOSE));
        }
    }

    @Nested
    class Conventions {
        @Test
        void binaryAucReadsOnlyTheSecondClassesScore() {
            Column truth = truth("a", "b", "a", "b");
            Table predictions = Table.builder().categorical("prediction", "a", "a", "a", "a")
                    .numeric("score@a", 1.0, 1.0, 0.0, 0.0).numeric("score@b", 0.1, 0.2, 0.3, 0.4).build();
            // pairs (b, a): (0.2, 0.1) win, (0.2, 0.3) loss, (0.4, 0.1) win, (0.4, 0.3) win
            assertThat(Metrics.auc().compute(truth, predictions)).isEqualTo(0.75);
        }

        @Test
        void aucIsNaNWhenAClassIsAbsentFromTheTruth() {
            assertThat(Metrics.auc().compute(truth("a", "a"), scored(List.of("a", "b"), new double[] {0.6, 0.4},
                    new double[] {0.3, 0.7}))).isNaN();
            assertThat(Metrics.auc().compute(truth("b", "b"), scored(List.of("a", "b"), new double[] {0.6, 0.4},
                    new double[] {0.3, 0.7}))).isNaN();
            assertThat(Metrics.auc().compute(truth("a", "b", "a"), scored(ABC, new double[] {0.6, 0.3, 0.1},
                    new double[] {0.2, 0.5, 0.3}, new double[] {0.4, 0.3, 0.3}))).isNaN();
        }

        @Test
        void perfectAndReversedScores() {
            Column truth = truth("a", "a", "b", "b");
            assertThat(Metrics.auc().compute(truth, scored(List.of("a", "b"), new double[] {0.9, 0.1},
                    new double[] {0.8, 0.2}, new double[] {0.3, 0.7}, new double[] {0.1, 0.9}))).isEqualTo(1.0);
            assertThat(Metrics.auc().compute(truth, scored(List.of("a", "b"), new double[] {0.1, 0.9},
                    new double[] {0.2, 0.8}, new double[] {0.7, 0.3}, new double[] {0.9, 0.1}))).isEqualTo(0.0);
        }

        @Test
        void aucWithManyTiedNegativesBelowAndAt() {
            // positives 0.5, 0.5, 0.9; negatives 0.1, 0.5, 0.5, 0.9: wins 1+1+3, ties 2+2+1 -> (5 + 2.5) / 12
            Column truth = truth("b", "b", "b", "a", "a", "a", "a");
            Table predictions = Table.builder().categorical("prediction", "a", "a", "a", "a", "a", "a", "a")
                    .numeric("score@a", 0, 0, 0, 0, 0, 0, 0).numeric("score@b", 0.5, 0.5, 0.9, 0.1, 0.5, 0.5, 0.9)
                    .build();
            assertThat(Metrics.auc().compute(truth, predictions)).isCloseTo(7.5 / 12, within(CLOSE));
        }

        @Test
        void logLossOfCertainRightAnswersIsTheClippedFloor() {
            // -ln(1 - 2^-52) / (1 - 2^-52 + 2^-52) is about 2.2e-16
            double loss = Metrics.logLoss().compute(truth("a", "b"), scored(List.of("a", "b"), new double[] {1, 0},
                    new double[] {0, 1}));
            assertThat(loss).isCloseTo(2.220446049250313e-16, within(1e-20));
        }

        @Test
        void logLossOfACertainWrongAnswerIsMinusLnEpsilon() {
            double loss = Metrics.logLoss().compute(truth("a"), scored(List.of("a", "b"), new double[] {0, 1}));
            assertThat(loss).isCloseTo(-Math.log(0x1.0p-52), within(CLOSE));
        }

        @Test
        void macroF1OfAClassTrueButNeverPredictedCountsZero() {
            // a: p = 2/3, r = 1, f = 0.8; b: p = 0 (0/0), r = 0 -> 0; mean 0.4
            assertThat(Metrics.macroF1().compute(truth("a", "a", "b"), oneHot(List.of("a", "b"), "a", "a", "a")))
                    .isCloseTo(0.4, within(CLOSE));
        }

        @Test
        void accuracyCountsTheRightRows() {
            assertThat(Metrics.accuracy().compute(truth("a", "b", "b", "a"), oneHot(List.of("a", "b"), "a", "b", "a", "b")))
                    .isEqualTo(0.5);
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void aClassificationMetricOfNoRowsIsNaN(Metric metric) {
            assertThat(metric.compute(truth(new String[0]), oneHot(ABC))).isNaN();
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#regression")
        void aRegressionMetricOfNoRowsIsNaN(Metric metric) {
            assertThat(metric.compute(truth(new double[0]), values())).isNaN();
        }
    }

    @Nested
    class BadInput {
        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void lengthsThatDiffer(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth("a", "b", "c"), oneHot(ABC, "a", "b")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": the truth column 'class' has 3 rows, but the predictions have 2");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void aMissingTruth(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth("a", null, "c"), oneHot(ABC, "a", "b", "c")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": column 'class' is missing a value at row 1; every row needs one");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void aTruthClassNotAmongTheOutputs(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth("a", "b", "z"), oneHot(ABC, "a", "b", "c")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(metric.name()
                            + ": column 'class' holds class 'z' at row 2, which is not one of the outputs' classes [a, b, c]");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void aPredictedClassNotAmongTheOutputs(Metric metric) {
            Table predictions = Table.builder().categorical("prediction", "a", "q").numeric("score@a", 1, 0)
                    .numeric("score@b", 0, 1).build();
            assertThatThrownBy(() -> metric.compute(truth("a", "b"), predictions))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(metric.name()
                            + ": column 'prediction' holds class 'q' at row 1, which is not one of the outputs' classes [a, b]");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void aMissingPrediction(Metric metric) {
            Table predictions = Table.builder().categorical("prediction", "a", null).numeric("score@a", 1, 0)
                    .numeric("score@b", 0, 1).build();
            assertThatThrownBy(() -> metric.compute(truth("a", "b"), predictions))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": column 'prediction' is missing a value at row 1; every row needs one");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void aNumericTruth(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth(1.0, 0.0), oneHot(ABC, "a", "b")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": the truth column 'y' is numeric, but a categorical column was expected");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void aRegressionTableForAClassifier(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth("a", "b"), values(1.0, 0.0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(metric.name()
                            + ": the predictions' column 'prediction' is numeric, but a categorical column was expected");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void noPredictionColumn(Metric metric) {
            Table predictions = Table.builder().numeric("score@a", 1, 0).numeric("score@b", 0, 1).build();
            assertThatThrownBy(() -> metric.compute(truth("a", "b"), predictions))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": the predictions have no column 'prediction', only [score@a, score@b]");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#classification")
        void fewerThanTwoScoreColumns(Metric metric) {
            Table predictions = Table.builder().categorical("prediction", "a", "a").numeric("score@a", 1, 1).build();
            assertThatThrownBy(() -> metric.compute(truth("a", "a"), predictions))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(metric.name()
                            + ": the predictions have 1 score columns, but a classifier's outputs have one 'score@<class>'"
                            + " column per class, at least two; columns are [prediction, score@a]");
        }

        @Test
        void aScoreOutsideTheUnitInterval() {
            Table predictions = Table.builder().categorical("prediction", "a", "b").numeric("score@a", 1, 0)
                    .numeric("score@b", 0, 1.5).build();
            for (Metric metric : List.of(Metrics.auc(), Metrics.logLoss())) {
                assertThatThrownBy(() -> metric.compute(truth("a", "b"), predictions))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(metric.name() + ": column 'score@b' holds 1.5 at row 1, but a score lies in [0, 1]");
            }
        }

        @Test
        void aNegativeOrNaNScore() {
            Table negative = Table.builder().categorical("prediction", "a", "b").numeric("score@a", -0.25, 0)
                    .numeric("score@b", 0, 1).build();
            assertThatThrownBy(() -> Metrics.logLoss().compute(truth("a", "b"), negative))
                    .hasMessage("log_loss: column 'score@a' holds -0.25 at row 0, but a score lies in [0, 1]");
            Table nan = Table.builder().categorical("prediction", "a", "b").numeric("score@a", 1, 0)
                    .numeric("score@b", 0, Double.NaN).build();
            assertThatThrownBy(() -> Metrics.auc().compute(truth("a", "b"), nan))
                    .hasMessage("auc: column 'score@b' holds NaN at row 1, but a score lies in [0, 1]");
        }

        @Test
        void aMissingScore() {
            Table predictions = Table.builder().categorical("prediction", "a", "b")
                    .add(NumericColumn.builder("score@a").add(1).addMissing().build()).numeric("score@b", 0, 1).build();
            assertThatThrownBy(() -> Metrics.logLoss().compute(truth("a", "b"), predictions))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("log_loss: column 'score@a' is missing a value at row 1; every row needs one");
        }

        @Test
        void aScoreColumnThatIsNotNumeric() {
            Table predictions = Table.builder().categorical("prediction", "a", "b").numeric("score@a", 1, 0)
                    .categorical("score@b", "x", "y").build();
            assertThatThrownBy(() -> Metrics.auc().compute(truth("a", "b"), predictions))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("auc: the predictions' column 'score@b' is categorical, but a numeric column was expected");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#regression")
        void regressionLengthsThatDiffer(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth(1.0, 2.0), values(1.0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": the truth column 'y' has 2 rows, but the predictions have 1");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#regression")
        void aCategoricalTruthForRegression(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth("a", "b"), values(1.0, 2.0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": the truth column 'class' is categorical, but a numeric column was expected");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#regression")
        void aClassifiersTableForRegression(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth(1.0, 2.0), oneHot(ABC, "a", "b")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(metric.name()
                            + ": the predictions' column 'prediction' is categorical, but a numeric column was expected");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#regression")
        void aMissingTruthValue(Metric metric) {
            Column y = NumericColumn.builder("y").add(1.0).addMissing().build();
            assertThatThrownBy(() -> metric.compute(y, values(1.0, 2.0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": column 'y' is missing a value at row 1; every row needs one");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.train.metrics.MetricsTest#regression")
        void aNonFiniteValue(Metric metric) {
            assertThatThrownBy(() -> metric.compute(truth(1.0, Double.NaN), values(1.0, 2.0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(metric.name() + ": column 'y' holds NaN at row 1, but only finite values can be measured");
            assertThatThrownBy(() -> metric.compute(truth(1.0, 2.0), values(Double.NEGATIVE_INFINITY, 2.0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(metric.name()
                            + ": column 'prediction' holds -Infinity at row 0, but only finite values can be measured");
        }

        @Test
        void aViewOfATruthColumnNamesItsOwnRows() {
            CategoricalColumn truth = CategoricalColumn.of("class", "a", "b", "zz", "a");
            assertThatThrownBy(() -> Metrics.accuracy().compute(truth.select(new int[] {0, 2}), oneHot(ABC, "a", "b")))
                    .hasMessageContaining("holds class 'zz' at row 1");
        }
    }
}
