package dev.mlops.train.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.SchemaException;
import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

    private static final int ROWS = 400;

    /** x0 and x1 standard normal, x2 uniform: the class is "yes" when x0 + 0.3·x1 > 0. */
    static Table features() {
        SplittableRandom random = new SplittableRandom(20_261_206L);
        double[][] x = new double[3][ROWS];
        for (int row = 0; row < ROWS; row++) {
            x[0][row] = gaussian(random);
            x[1][row] = gaussian(random);
            x[2][row] = random.nextDouble();
        }
        return Table.of(NumericColumn.of("x0", x[0]), NumericColumn.of("x1", x[1]), NumericColumn.of("x2", x[2]));
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The classifier that knows the rule; it ignores x2. */
    static Predictor rule() {
        return TestPredictors.logistic(TestPredictors.numericSchema(3), TestPredictors.linear(0, 30, 9, 0));
    }

    static Column truth(Table features) {
        CategoricalColumn.Builder truth = CategoricalColumn.builder("label");
        for (int row = 0; row < features.rowCount(); row++) {
            truth.add(features.numericColumn("x0").get(row) + 0.3 * features.numericColumn("x1").get(row) > 0
                    ? "yes" : "no");
        }
        return truth.build();
    }

    @Nested
    class Importance {
        @Test
        void usedFeaturesMatterAndAnIgnoredOneIsExactlyZero() {
            Table features = features();
            ImportanceReport report = PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(5))
                    .compute(features, truth(features));
            assertThat(report.metric()).isEqualTo("accuracy");
            assertThat(report.baseline()).isEqualTo(1.0);
            assertThat(report.repeats()).isEqualTo(PermutationImportance.DEFAULT_REPEATS).isEqualTo(10);
            assertThat(report.confidence()).isEqualTo(PermutationImportance.DEFAULT_CONFIDENCE).isEqualTo(0.95);
            assertThat(report.seed()).isEqualTo(Seed.of(5));
            assertThat(report.features()).extracting(FeatureImportance::feature).containsExactly("x0", "x1", "x2");
            FeatureImportance x0 = report.feature("x0");
            FeatureImportance x1 = report.feature("x1");
            // shuffling x0 leaves about half the rows right
            assertThat(x0.mean()).isBetween(0.35, 0.55);
            assertThat(x1.mean()).isBetween(0.03, 0.2);
            assertThat(x0.lower()).isGreaterThan(x1.upper());
            FeatureImportance x2 = report.feature("x2");
            assertThat(x2.drops()).hasSize(10).containsOnly(0.0);
            assertThat(x2.mean()).isZero();
            assertThat(x2.standardDeviation()).isZero();
            assertThat(x2.lower()).isZero();
            assertThat(x2.upper()).isZero();
        }

        @Test
        void theIntervalIsStudentsTOverTheRepeats() {
            Table features = features();
            FeatureImportance x1 = PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(5))
                    .compute(features, truth(features)).feature("x1");
            double mean = x1.drops().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double squares = x1.drops().stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
            double deviation = Math.sqrt(squares / 9);
            assertThat(x1.mean()).isCloseTo(mean, within(1e-15));
            assertThat(x1.standardDeviation()).isCloseTo(deviation, within(1e-15)).isPositive();
            // scipy.stats.t.ppf(0.975, 9) = 2.2621571627409915 (scipy 1.10.1, Debian python3-scipy)
            double half = 2.2621571627409915 * deviation / Math.sqrt(10);
            assertThat(x1.lower()).isCloseTo(mean - half, within(1e-12));
            assertThat(x1.upper()).isCloseTo(mean + half, within(1e-12));
        }

        @Test
        void anotherLevelAndRepeatCountChangeTheInterval() {
            Table features = features();
            PermutationImportance settings = PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(5))
                    .withRepeats(2).withConfidence(0.5);
            assertThat(settings.repeats()).isEqualTo(2);
            assertThat(settings.confidence()).isEqualTo(0.5);
            FeatureImportance x1 = settings.compute(features, truth(features)).feature("x1");
            assertThat(x1.drops()).hasSize(2);
            // scipy.stats.t.ppf(0.75, 1) = 1.0000000000133888 (scipy 1.10.1; exactly tan(pi/4) = 1):
            // half = sd / sqrt(2)
            double half = x1.standardDeviation() / Math.sqrt(2);
            assertThat(x1.upper() - x1.mean()).isCloseTo(half, within(1e-12));
            assertThat(x1.mean() - x1.lower()).isCloseTo(half, within(1e-12));
        }

        @Test
        void aLowerIsBetterMetricStillGivesPositiveDrops() {
            Table features = features();
            Predictor model = TestPredictors.regression(TestPredictors.numericSchema(3),
                    TestPredictors.linear(0, 3, 0, 0));
            double[] shifted = model.predict(features).numericColumn("prediction").toArray();
            for (int row = 0; row < shifted.length; row++) {
                shifted[row] += 1;
            }
            Column truth = NumericColumn.of("y", shifted);
            ImportanceReport report = PermutationImportance.of(model, TestPredictors.MSE, Seed.of(1))
                    .compute(features, truth);
            assertThat(report.baseline()).isCloseTo(1.0, within(1e-12));
            // shuffled x0: E[(3x + 1 - 3x')^2] = 18 + 1, a drop of 18
            assertThat(report.feature("x0").mean()).isBetween(14.0, 22.0);
            assertThat(report.feature("x1").mean()).isZero();
            assertThat(report.features().get(0).feature()).isEqualTo("x0");
        }

        @Test
        void resultsAreSortedByImportanceWhateverTheSchemaOrder() {
            Table features = features();
            Predictor model = TestPredictors.regression(TestPredictors.numericSchema(3),
                    TestPredictors.linear(0, 0, 1, 3));
            Column truth = model.predict(features).column("prediction");
            ImportanceReport report = PermutationImportance.of(model, TestPredictors.MSE, Seed.of(1))
                    .compute(features, truth);
            assertThat(report.features()).extracting(FeatureImportance::feature).containsExactly("x1", "x2", "x0");
        }
    }

    @Nested
    class Seeds {
        @Test
        void repeatRDrawsFromTheNamedStream() {
            Table features = features();
            Column truth = truth(features);
            FeatureImportance x1 = PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(9))
                    .compute(features, truth).feature("x1");
            for (int r = 0; r < 10; r++) {
                int[] order = Shuffle.order(ROWS, Seed.of(9).derive("permutation-importance/x1/" + r).random());
                List<Column> columns = new ArrayList<>(features.columns());
                columns.set(1, features.column(1).select(order));
                double shuffled = TestPredictors.ACCURACY.compute(truth, rule().predict(Table.of(columns)));
                assertThat(x1.drops().get(r)).as("repeat %d", r).isEqualTo(1.0 - shuffled);
            }
        }

        @Test
        void theSameSeedGivesTheSameReportAndAnotherSeedAnother() {
            Table features = features();
            Column truth = truth(features);
            ImportanceReport one = PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(3))
                    .compute(features, truth);
            assertThat(PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(3)).compute(features, truth))
                    .isEqualTo(one);
            assertThat(PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(4)).compute(features, truth)
                    .feature("x0").drops()).isNotEqualTo(one.feature("x0").drops());
        }

        @Test
        void shuffleDrawsEveryOrderOfThreeAboutEquallyOften() {
            SplittableRandom random = new SplittableRandom(1);
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            for (int i = 0; i < 6000; i++) {
                counts.merge(java.util.Arrays.toString(Shuffle.order(3, random)), 1, Integer::sum);
            }
            assertThat(counts).hasSize(6);
            assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
        }
    }

    @Nested
    class BadInput {
        @Test
        void fewerThanTwoRepeatsAreRefused() {
            PermutationImportance settings = PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(1));
            assertThatThrownBy(() -> settings.withRepeats(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("repeats must be at least 2 but was 1");
        }

        @Test
        void aConfidenceOutsideZeroToOneIsRefused() {
            PermutationImportance settings = PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(1));
            for (double bad : new double[] {0, 1, Double.NaN}) {
                assertThatThrownBy(() -> settings.withConfidence(bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("confidence must lie in (0, 1) but was " + bad);
            }
        }

        @Test
        void aTruthOfAnotherLengthIsRefused() {
            Table features = features();
            Column truth = truth(features.head(10));
            assertThatThrownBy(() -> PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(1))
                    .compute(features, truth)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the truth 'label' has 10 rows, but the features have 400");
        }

        @Test
        void featuresThatDoNotFitTheModelAreRefused() {
            Table features = features().select("x0", "x1");
            assertThatThrownBy(() -> PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(1))
                    .compute(features, truth(features))).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("column 'x2' (numeric) is absent");
        }

        @Test
        void featuresAreCheckedEvenForAModelThatDoesNotCheckThem() {
            Table features = features().select("x0", "x1");
            assertThatThrownBy(() -> PermutationImportance.of(TestPredictors.unchecked(TestPredictors.numericSchema(3)),
                    TestPredictors.MSE, Seed.of(1)).compute(features, NumericColumn.of("y", new double[ROWS])))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("the features do not fit the model's input: column 'x2' (numeric) is absent");
        }

        @Test
        void anUndefinedBaselineIsRefused() {
            Table features = features().head(0);
            Predictor model = TestPredictors.regression(TestPredictors.numericSchema(3),
                    TestPredictors.linear(0, 1, 1, 1));
            assertThatThrownBy(() -> PermutationImportance.of(model, TestPredictors.MSE, Seed.of(1))
                    .compute(features, NumericColumn.of("y"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'mse' is not defined (NaN) on the unshuffled rows, so no drop can be measured");
        }

        @Test
        void anUnmeasuredFeatureIsNamed() {
            Table features = features();
            ImportanceReport report = PermutationImportance.of(rule(), TestPredictors.ACCURACY, Seed.of(1))
                    .compute(features, truth(features));
            assertThatThrownBy(() -> report.feature("x9")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature 'x9' was not measured; the features are [x0, x1, x2]");
        }
    }
}
