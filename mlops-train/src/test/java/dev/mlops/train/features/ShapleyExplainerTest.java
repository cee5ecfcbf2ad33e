package dev.mlops.train.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.SchemaException;
import dev.mlops.core.Seed;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapleyExplainerTest {

    private static final double[] WEIGHTS = {2, -1, 0.5, 0, 3};
    private static final double[] MEANS = {1, -2, 0, 4, 0.5};
    private static final double[] SPREADS = {1, 2, 0.5, 1, 1.5};

    /** Independent normal features x0..x4 with the given means and standard deviations. */
    static Table draw(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NumericColumn> columns = new ArrayList<>();
        for (int j = 0; j < MEANS.length; j++) {
            double[] values = new double[rows];
            for (int row = 0; row < rows; row++) {
                values[row] = MEANS[j] + SPREADS[j] * PermutationImportanceTest.gaussian(random);
            }
            columns.add(NumericColumn.of("x" + j, values));
        }
        return Table.of(columns);
    }

    static Predictor linear() {
        return TestPredictors.regression(TestPredictors.numericSchema(5), TestPredictors.linear(1, WEIGHTS));
    }

    static double mean(NumericColumn column) {
        double sum = 0;
        for (int row = 0; row < column.size(); row++) {
            sum += column.get(row);
        }
        return sum / column.size();
    }

    static double deviation(NumericColumn column) {
        double mean = mean(column);
        double squares = 0;
        for (int row = 0; row < column.size(); row++) {
            squares += (column.get(row) - mean) * (column.get(row) - mean);
        }
        return Math.sqrt(squares / (column.size() - 1));
    }

    /** The closed form for a model additive in x0..x4 with these weights: w_j·(x_j − background mean of x_j). */
    static double closedForm(Table background, Table rows, int row, int j, double[] weights) {
        String name = "x" + j;
        return weights[j] * (rows.numericColumn(name).get(row) - mean(background.numericColumn(name)));
    }

    /**
     * Exact interventional Shapley values of one row by enumerating every coalition S of the d
     * numeric features: v(S) is the mean output over the background with the features of S set
     * to the row's values.
     */
    static double[] bruteForce(Predictor model, ExplainedOutput output, Table background, Table rows, int row) {
        List<String> names = model.inputSchema().names();
        int d = names.size();
        int b = background.rowCount();
        double[] worth = new double[1 << d];
        for (int coalition = 0; coalition < worth.length; coalition++) {
            List<NumericColumn> columns = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                double[] values = background.numericColumn(names.get(j)).toArray();
                if ((coalition & (1 << j)) != 0) {
                    java.util.Arrays.fill(values, rows.numericColumn(names.get(j)).get(row));
                }
                columns.add(NumericColumn.of(names.get(j), values));
            }
            double sum = 0;
            for (double value : output.read(model.predict(Table.of(columns)))) {
                sum += value;
            }
            worth[coalition] = sum / b;
        }
        double[] shapley = new double[d];
        for (int j = 0; j < d; j++) {
            for (int coalition = 0; coalition < worth.length; coalition++) {
                if ((coalition & (1 << j)) == 0) {
                    int size = Integer.bitCount(coalition);
                    double weight = factorial(size) * factorial(d - size - 1) / factorial(d);
                    shapley[j] += weight * (worth[coalition | (1 << j)] - worth[coalition]);
                }
            }
        }
        return shapley;
    }

    private static double factorial(int n) {
        double product = 1;
        for (int k = 2; k <= n; k++) {
            product *= k;
        }
        return product;
    }

    @Nested
    class LinearModel {
        @ParameterizedTest(name = "seed {0}, {1} samples")
        @CsvSource({"1, 32", "2, 32", "3, 64", "4, 64", "5, 256", "6, 256", "7, 1024"})
        void everyValueIsWithinFourStandardErrorsOfTheClosedForm(long seed, int samples) {
            Table background = draw(200, 11);
            Table rows = draw(8, 12);
            ShapleyExplainer explainer = ShapleyExplainer.builder(linear(), background, Seed.of(seed))
                    .samples(samples).build();
            List<Explanation> explanations = explainer.explain(rows);
            assertThat(explanations).hasSize(8);
            for (Explanation explanation : explanations) {
                assertThat(explanation.samples()).isEqualTo(samples);
                for (int j = 0; j < 5; j++) {
                    ShapleyValue value = explanation.values().get(j);
                    double exact = closedForm(background, rows, explanation.row(), j, WEIGHTS);
                    assertThat(value.feature()).isEqualTo("x" + j);
                    assertThat(Math.abs(value.value() - exact))
                            .as("seed %d, %d samples, row %d, x%d", seed, samples, explanation.row(), j)
                            .isLessThanOrEqualTo(4 * value.standardError());
                    if (WEIGHTS[j] == 0) {
                        assertThat(value.value()).isZero();
                        assertThat(value.standardError()).isZero();
                    } else {
                        assertThat(value.standardError()).isPositive();
                    }
                }
            }
        }

        @Test
        void theStatedErrorIsTheSpreadOfOneSampleOverTheRootOfTheBudget() {
            Table background = draw(200, 11);
            Table rows = draw(8, 12);
            for (int samples : new int[] {64, 1024}) {
                List<Explanation> explanations = ShapleyExplainer.builder(linear(), background, Seed.of(3))
                        .samples(samples).build().explain(rows);
                for (Explanation explanation : explanations) {
                    for (int j : new int[] {0, 1, 2, 4}) {
                        // one sample's value is w_j·(x_j − z_j): its spread is |w_j|·sd(background x_j)
                        double sigma = Math.abs(WEIGHTS[j]) * deviation(background.numericColumn("x" + j));
                        assertThat(explanation.values().get(j).standardError() * Math.sqrt(samples))
                                .as("%d samples, row %d, x%d", samples, explanation.row(), j)
                                .isCloseTo(sigma, within(sigma * (samples == 64 ? 0.3 : 0.1)));
                    }
                }
            }
        }

        @Test
        void theErrorShrinksAsOneOverTheRootOfTheBudget() {
            Table background = draw(200, 11);
            Table rows = draw(20, 13);
            double[] rms = new double[2];
            double[] stated = new double[2];
            int[] budgets = {64, 1024};
            for (int b = 0; b < 2; b++) {
                List<Explanation> explanations = ShapleyExplainer.builder(linear(), background, Seed.of(8))
                        .samples(budgets[b]).build().explain(rows);
                int count = 0;
                for (Explanation explanation : explanations) {
                    for (int j : new int[] {0, 1, 2, 4}) {
                        double sigma = Math.abs(WEIGHTS[j]) * deviation(background.numericColumn("x" + j));
                        double error = explanation.values().get(j).value()
                                - closedForm(background, rows, explanation.row(), j, WEIGHTS);
                        rms[b] += (error / sigma) * (error / sigma);
                        stated[b] += explanation.values().get(j).standardError() / sigma;
                        count++;
                    }
                }
                rms[b] = Math.sqrt(rms[b] / count);
                stated[b] /= count;
            }
            // sixteen times the budget: a quarter of the error
            assertThat(rms[0] / rms[1]).isBetween(2.5, 6.4);
            assertThat(stated[0] / stated[1]).isBetween(3.6, 4.4);
            assertThat(rms[0]).isCloseTo(1 / Math.sqrt(64), within(0.5 / Math.sqrt(64)));
        }

        @Test
        void theValuesSumToTheOutputMinusTheExpectedOutputWithinTheStatedError() {
            Table background = draw(200, 11);
            Table rows = draw(8, 12);
            ShapleyExplainer explainer = ShapleyExplainer.builder(linear(), background, Seed.of(4)).samples(100)
                    .build();
            double expected = 1;
            for (int j = 0; j < 5; j++) {
                expected += WEIGHTS[j] * mean(background.numericColumn("x" + j));
            }
            assertThat(explainer.expected()).isCloseTo(expected, within(1e-12));
            double[] outputs = linear().predict(rows).numericColumn("prediction").toArray();
            for (Explanation explanation : explainer.explain(rows)) {
                assertThat(explanation.output()).isEqualTo(outputs[explanation.row()]);
                assertThat(explanation.expected()).isEqualTo(explainer.expected());
                assertThat(explanation.sumStandardError()).isPositive();
                double gap = explanation.sum() - (explanation.output() - explanation.expected());
                assertThat(Math.abs(gap)).isLessThanOrEqualTo(4 * explanation.sumStandardError());
                double sum = 0;
                for (ShapleyValue value : explanation.values()) {
                    sum += value.value();
                }
                assertThat(explanation.sum()).isEqualTo(sum);
            }
        }

        @Test
        void aSingleFeatureTakesTheWholeDifference() {
            Table background = draw(50, 11).select("x0");
            Table rows = draw(3, 12).select("x0");
            Predictor model = TestPredictors.regression(TestPredictors.numericSchema(1), TestPredictors.linear(0, 2));
            for (Explanation explanation : ShapleyExplainer.builder(model, background, Seed.of(1)).samples(400)
                    .build().explain(rows)) {
                ShapleyValue value = explanation.values().get(0);
                double exact = closedForm(background, rows, explanation.row(), 0, new double[] {2});
                assertThat(Math.abs(value.value() - exact)).isLessThanOrEqualTo(4 * value.standardError());
                // the sum's gap is the same sampling error as the value's
                assertThat(explanation.sumStandardError()).isCloseTo(value.standardError(), within(1e-12));
            }
        }
    }

    @Nested
    class ModelsWithInteractions {
        /** x0·x1 + 2·x2 − x1·x2·x3 + sin(x0): the order in which features arrive matters. */
        static Predictor interacting() {
            return TestPredictors.regression(TestPredictors.numericSchema(4), (features, row) -> {
                double x0 = features.numericColumn("x0").get(row);
                double x1 = features.numericColumn("x1").get(row);
                double x2 = features.numericColumn("x2").get(row);
                double x3 = features.numericColumn("x3").get(row);
                return x0 * x1 + 2 * x2 - x1 * x2 * x3 + Math.sin(x0);
            });
        }

        @ParameterizedTest(name = "seed {0}")
        @CsvSource({"1", "2", "3"})
        void valuesAreWithinFourStandardErrorsOfTheEnumeratedShapleyValues(long seed) {
            Table background = draw(60, 21).select("x0", "x1", "x2", "x3");
            Table rows = draw(5, 22).select("x0", "x1", "x2", "x3");
            Predictor model = interacting();
            List<Explanation> explanations = ShapleyExplainer.builder(model, background, Seed.of(seed)).samples(300)
                    .build().explain(rows);
            for (Explanation explanation : explanations) {
                double[] exact = bruteForce(model, ExplainedOutput.value(), background, rows, explanation.row());
                for (int j = 0; j < 4; j++) {
                    ShapleyValue value = explanation.values().get(j);
                    assertThat(Math.abs(value.value() - exact[j]))
                            .as("seed %d, row %d, x%d: exact %s", seed, explanation.row(), j, exact[j])
                            .isLessThanOrEqualTo(4 * value.standardError());
                }
            }
        }

        @Test
        void theEstimateIsUnbiasedOverManySamples() {
            Table background = draw(30, 21).select("x0", "x1", "x2", "x3");
            Table rows = draw(1, 23).select("x0", "x1", "x2", "x3");
            Predictor model = interacting();
            Explanation explanation = ShapleyExplainer.builder(model, background, Seed.of(1)).samples(20_000)
                    .build().explain(rows, 0);
            double[] exact = bruteForce(model, ExplainedOutput.value(), background, rows, 0);
            for (int j = 0; j < 4; j++) {
                assertThat(explanation.values().get(j).value()).isCloseTo(exact[j], within(0.1));
            }
        }
    }

    @Nested
    class Classifiers {
        private final double[] weights = {1.5, -0.5, 0.25, 0};

        private Predictor model() {
            return TestPredictors.logistic(TestPredictors.numericSchema(4), TestPredictors.linear(-0.3, weights));
        }

        @ParameterizedTest(name = "seed {0}")
        @CsvSource({"1", "2", "3"})
        void logOddsAreExplainedByTheMarginsClosedForm(long seed) {
            Table background = draw(150, 31).select("x0", "x1", "x2", "x3");
            Table rows = draw(6, 32).select("x0", "x1", "x2", "x3");
            ShapleyExplainer explainer = ShapleyExplainer.builder(model(), background, Seed.of(seed))
                    .output(ExplainedOutput.logOdds("yes")).samples(128).build();
            assertThat(explainer.output()).isEqualTo(ExplainedOutput.logOdds("yes"));
            double[] margins = new double[background.rowCount()];
            double expected = 0;
            for (int row = 0; row < margins.length; row++) {
                expected += TestPredictors.linear(-0.3, weights).apply(background, row) / margins.length;
            }
            assertThat(explainer.expected()).isCloseTo(expected, within(1e-9));
            for (Explanation explanation : explainer.explain(rows)) {
                assertThat(explanation.output()).isCloseTo(
                        TestPredictors.linear(-0.3, weights).apply(rows, explanation.row()), within(1e-9));
                for (int j = 0; j < 4; j++) {
                    ShapleyValue value = explanation.values().get(j);
                    double exact = closedForm(background, rows, explanation.row(), j, weights);
                    assertThat(Math.abs(value.value() - exact)).isLessThanOrEqualTo(4 * value.standardError() + 1e-9);
                }
            }
        }

        @Test
        void theOtherClassesLogOddsAreTheNegatives() {
            Table background = draw(150, 31).select("x0", "x1", "x2", "x3");
            Table rows = draw(2, 32).select("x0", "x1", "x2", "x3");
            Explanation yes = ShapleyExplainer.builder(model(), background, Seed.of(1))
                    .output(ExplainedOutput.logOdds("yes")).samples(32).build().explain(rows, 1);
            Explanation no = ShapleyExplainer.builder(model(), background, Seed.of(1))
                    .output(ExplainedOutput.logOdds("no")).samples(32).build().explain(rows, 1);
            for (int j = 0; j < 4; j++) {
                assertThat(no.values().get(j).value()).isCloseTo(-yes.values().get(j).value(), within(1e-9));
            }
        }

        @Test
        void scoresAreExplainedAgainstTheEnumeratedShapleyValues() {
            Table background = draw(40, 31).select("x0", "x1", "x2", "x3");
            Table rows = draw(4, 33).select("x0", "x1", "x2", "x3");
            ShapleyExplainer explainer = ShapleyExplainer.builder(model(), background, Seed.of(2))
                    .output(ExplainedOutput.score("yes")).samples(400).build();
            for (Explanation explanation : explainer.explain(rows)) {
                double margin = TestPredictors.linear(-0.3, weights).apply(rows, explanation.row());
                assertThat(explanation.output()).isCloseTo(1 / (1 + Math.exp(-margin)), within(1e-12));
                double[] exact = bruteForce(model(), ExplainedOutput.score("yes"), background, rows,
                        explanation.row());
                for (int j = 0; j < 4; j++) {
                    ShapleyValue value = explanation.values().get(j);
                    assertThat(Math.abs(value.value() - exact[j])).isLessThanOrEqualTo(4 * value.standardError());
                }
                double gap = explanation.sum() - (explanation.output() - explanation.expected());
                assertThat(Math.abs(gap)).isLessThanOrEqualTo(4 * explanation.sumStandardError());
            }
        }

        @Test
        void logOddsOfScoresZeroAndOneAreClampedToFiniteValues() {
            Table predictions = Outputs.classification(List.of("no", "yes"))
                    .classifications(new double[][] {{0, 1}, {1, 0}, {0.5, 0.5}, {0.25, 0.75}});
            double[] logOdds = ExplainedOutput.logOdds("yes").read(predictions);
            // ln(1e15) = 34.539; the clamped score 1 − 1e-15 rounds to 1 − 9.99e-16 in binary
            assertThat(logOdds[0]).isCloseTo(34.54, within(0.002));
            assertThat(logOdds[1]).isCloseTo(-34.54, within(0.002));
            assertThat(logOdds[2]).isZero();
            assertThat(logOdds[3]).isCloseTo(Math.log(3), within(1e-15));
            assertThat(ExplainedOutput.score("yes").read(predictions)).containsExactly(1, 0, 0.5, 0.75);
            assertThat(ExplainedOutput.EPSILON).isEqualTo(1e-15);
        }
    }

    @Nested
    class EveryColumnType {
        private final Schema schema = Schema.of(Field.of("num", ColumnType.NUMERIC),
                Field.of("city", ColumnType.CATEGORICAL), Field.of("flag", ColumnType.BOOLEAN),
                Field.of("at", ColumnType.TIMESTAMP), Field.of("note", ColumnType.TEXT));

        /** An additive model with one term per column, each with its own value for a missing cell. */
        private final Predictor model = TestPredictors.regression(schema, (features, row) -> terms(features, row)[0]
                + terms(features, row)[1] + terms(features, row)[2] + terms(features, row)[3]
                + terms(features, row)[4]);

        private double[] terms(Table features, int row) {
            var num = features.numericColumn("num");
            var city = features.categoricalColumn("city");
            var flag = features.booleanColumn("flag");
            var at = features.timestampColumn("at");
            var note = features.textColumn("note");
            return new double[] {
                num.isMissing(row) ? 5 : num.get(row),
                city.isMissing(row) ? 0.5 : city.get(row).equals("München") ? 2 : -1,
                flag.isMissing(row) ? -3 : flag.get(row) ? 1 : 0,
                at.isMissing(row) ? 0 : at.get(row).getEpochSecond() / 86_400.0,
                note.isMissing(row) ? 10 : note.get(row).length()};
        }

        private Table table(long seed, int rows) {
            SplittableRandom random = new SplittableRandom(seed);
            NumericColumn.Builder num = NumericColumn.builder("num");
            String[] cities = new String[rows];
            Boolean[] flags = new Boolean[rows];
            Instant[] ats = new Instant[rows];
            String[] notes = new String[rows];
            String[] levels = {"München", "São Paulo", "Lyon"};
            for (int row = 0; row < rows; row++) {
                boolean missing = random.nextInt(5) == 0;
                if (missing) {
                    num.addMissing();
                } else {
                    num.add(random.nextDouble() * 4);
                }
                cities[row] = random.nextInt(5) == 0 ? null : levels[random.nextInt(3)];
                flags[row] = random.nextInt(5) == 0 ? null : random.nextBoolean();
                ats[row] = random.nextInt(5) == 0 ? null : Instant.ofEpochSecond(random.nextInt(10) * 86_400L);
                notes[row] = random.nextInt(5) == 0 ? null : "x".repeat(random.nextInt(6));
            }
            return Table.builder().add(num.build()).categorical("city", cities).bool("flag", flags)
                    .timestamp("at", ats).text("note", notes).build();
        }

        @Test
        void valuesOfEveryTypeAndMissingCellsReachTheModel() {
            Table background = table(41, 80);
            Table rows = table(42, 12);
            List<Explanation> explanations = ShapleyExplainer.builder(model, background, Seed.of(3)).samples(200)
                    .build().explain(rows);
            double[] means = new double[5];
            for (int row = 0; row < background.rowCount(); row++) {
                double[] terms = terms(background, row);
                for (int j = 0; j < 5; j++) {
                    means[j] += terms[j] / background.rowCount();
                }
            }
            for (Explanation explanation : explanations) {
                double[] terms = terms(rows, explanation.row());
                for (int j = 0; j < 5; j++) {
                    ShapleyValue value = explanation.values().get(j);
                    assertThat(value.feature()).isEqualTo(schema.names().get(j));
                    assertThat(Math.abs(value.value() - (terms[j] - means[j])))
                            .as("row %d, %s", explanation.row(), value.feature())
                            .isLessThanOrEqualTo(4 * value.standardError() + 1e-12);
                }
            }
        }

        @Test
        void stackKeepsEveryValueAndEveryMissingCell() {
            Table top = table(43, 7);
            Table bottom = table(44, 9);
            Table stacked = Stack.of(top, bottom);
            assertThat(stacked.schema()).isEqualTo(top.schema());
            assertThat(stacked.rows(0, 1, 2, 3, 4, 5, 6)).isEqualTo(top);
            assertThat(stacked.rows(7, 8, 9, 10, 11, 12, 13, 14, 15)).isEqualTo(bottom);
        }
    }

    @Nested
    class SeedsAndBatches {
        @Test
        void aRowsExplanationDoesNotDependOnTheOtherRowsOrTheBatchSize() {
            Table background = draw(100, 11);
            Table rows = draw(6, 12);
            List<Explanation> all = ShapleyExplainer.builder(linear(), background, Seed.of(5)).samples(20).build()
                    .explain(rows);
            for (int batchRows : new int[] {1, 9, 20, 100}) {
                ShapleyExplainer explainer = ShapleyExplainer.builder(linear(), background, Seed.of(5))
                        .samples(20).batchRows(batchRows).build();
                assertThat(explainer.batchRows()).isEqualTo(batchRows);
                assertThat(explainer.explain(rows)).as("batches of %d", batchRows).isEqualTo(all);
            }
            ShapleyExplainer explainer = ShapleyExplainer.builder(linear(), background, Seed.of(5)).samples(20)
                    .build();
            assertThat(explainer.explain(rows, 3)).isEqualTo(all.get(3));
            assertThat(explainer.explain(rows, 3).row()).isEqualTo(3);
            assertThat(ShapleyExplainer.builder(linear(), background, Seed.of(6)).samples(20).build()
                    .explain(rows, 3)).isNotEqualTo(all.get(3));
        }

        @Test
        void rowIDrawsFromItsNamedStream() {
            Table background = draw(100, 11);
            Table rows = draw(4, 12);
            Explanation explanation = ShapleyExplainer.builder(linear(), background, Seed.of(5)).samples(1).build()
                    .explain(rows, 2);
            // one sample: the background row z and the order come from seed.derive("shapley/row-2")
            SplittableRandom random = Seed.of(5).derive("shapley/row-2").random();
            int z = random.nextInt(100);
            for (int j = 0; j < 5; j++) {
                double contribution = WEIGHTS[j] * (rows.numericColumn("x" + j).get(2)
                        - background.numericColumn("x" + j).get(z));
                assertThat(explanation.values().get(j).value()).isCloseTo(contribution, within(1e-12));
                assertThat(explanation.values().get(j).standardError()).isNaN();
            }
            assertThat(explanation.sumStandardError()).isNaN();
        }

        @Test
        void thePredictorIsCalledOncePerBatchOfAtMostBatchRows() {
            Table background = draw(100, 11);
            Table rows = draw(6, 12);
            TestPredictors.Counting counting = new TestPredictors.Counting(linear());
            // 5 features: 9 rows per sample, 4 samples per call of at most 40 rows
            ShapleyExplainer.builder(counting, background, Seed.of(5)).samples(10).batchRows(40).build()
                    .explain(rows);
            assertThat(counting.sizes.subList(0, 2)).containsExactly(100, 6);
            List<Integer> batches = counting.sizes.subList(2, counting.sizes.size());
            // 60 samples in calls of 4 samples
            assertThat(batches).hasSize(15).containsOnly(36);
            counting.sizes.clear();
            ShapleyExplainer.builder(counting, background, Seed.of(5)).samples(10).batchRows(50).build()
                    .explain(rows);
            assertThat(counting.sizes.subList(2, counting.sizes.size())).hasSize(12).startsWith(45)
                    .endsWith(45);
            counting.sizes.clear();
            ShapleyExplainer.builder(counting, background, Seed.of(5)).samples(7).build().explain(rows);
            assertThat(counting.sizes).containsExactly(100, 6, 6 * 7 * 9);
            assertThat(ShapleyExplainer.DEFAULT_BATCH_ROWS).isEqualTo(65_536);
            assertThat(ShapleyExplainer.builder(linear(), background, Seed.of(1)).build().samples())
                    .isEqualTo(ShapleyExplainer.DEFAULT_SAMPLES).isEqualTo(256);
        }

        @Test
        void anExplainerWithADefaultOutputExplainsTheValue() {
            Table background = draw(10, 11);
            ShapleyExplainer explainer = ShapleyExplainer.builder(linear(), background, Seed.of(1)).build();
            assertThat(explainer.output()).isEqualTo(ExplainedOutput.value());
            assertThat(explainer.explain(draw(0, 12))).isEmpty();
        }
    }

    @Nested
    class Global {
        @Test
        void meanAbsoluteShapleyRanksTheFeatures() {
            Table background = draw(200, 11);
            Table rows = draw(30, 12);
            ShapleyExplainer explainer = ShapleyExplainer.builder(linear(), background, Seed.of(2)).samples(64)
                    .build();
            GlobalExplanation global = explainer.global(rows);
            assertThat(global.rows()).isEqualTo(explainer.explain(rows));
            // |w_j|·sd_j: x4 4.5, x0 2, x1 2, x2 0.25, x3 0
            assertThat(global.importances()).extracting(GlobalExplanation.Importance::feature)
                    .startsWith("x4").endsWith("x2", "x3");
            for (GlobalExplanation.Importance importance : global.importances()) {
                int j = Integer.parseInt(importance.feature().substring(1));
                double absolute = 0;
                double variance = 0;
                for (Explanation explanation : global.rows()) {
                    absolute += Math.abs(explanation.values().get(j).value());
                    variance += Math.pow(explanation.values().get(j).standardError(), 2);
                }
                assertThat(importance.meanAbsolute()).isCloseTo(absolute / 30, within(1e-12));
                assertThat(importance.standardError()).isCloseTo(Math.sqrt(variance) / 30, within(1e-12));
            }
            GlobalExplanation.Importance last = global.importances().get(4);
            assertThat(last.meanAbsolute()).isZero();
            assertThat(last.standardError()).isZero();
        }

        @Test
        void anEmptyTableIsRefused() {
            ShapleyExplainer explainer = ShapleyExplainer.builder(linear(), draw(10, 11), Seed.of(1)).build();
            assertThatThrownBy(() -> explainer.global(draw(0, 12))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the table has no rows to explain; mean |SHAP| needs at least one");
        }
    }

    @Nested
    class BadInput {
        private final Table background = draw(20, 11);

        @Test
        void aBudgetBelowOneIsRefused() {
            var builder = ShapleyExplainer.builder(linear(), background, Seed.of(1));
            assertThatThrownBy(() -> builder.samples(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("samples must be at least 1 but was 0");
            assertThat(builder.samples(1).build().samples()).isEqualTo(1);
        }

        @Test
        void aBatchBelowOneRowIsRefused() {
            var builder = ShapleyExplainer.builder(linear(), background, Seed.of(1));
            assertThatThrownBy(() -> builder.batchRows(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batchRows must be at least 1 but was 0");
        }

        @Test
        void anEmptyBackgroundIsRefused() {
            assertThatThrownBy(() -> ShapleyExplainer.builder(linear(), background.head(0), Seed.of(1)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the background has no rows; Shapley values need at least one background row to "
                            + "stand for absent feature values");
        }

        @Test
        void aBackgroundOrRowsThatDoNotFitTheModelAreRefused() {
            assertThatThrownBy(() -> ShapleyExplainer.builder(linear(), background.select("x0", "x1", "x2", "x3"),
                    Seed.of(1)).build()).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("column 'x4' (numeric) is absent");
            ShapleyExplainer explainer = ShapleyExplainer.builder(linear(), background, Seed.of(1)).build();
            Table wrong = Table.builder().numeric("x0", 1).numeric("x1", 1).numeric("x2", 1).numeric("x3", 1)
                    .categorical("x4", "a").build();
            assertThatThrownBy(() -> explainer.explain(wrong, 0)).isInstanceOf(SchemaException.class)
                    .hasMessageContaining("column 'x4' is categorical, but the model expects numeric");
            assertThatThrownBy(() -> explainer.explain(wrong)).isInstanceOf(SchemaException.class);
            assertThatThrownBy(() -> explainer.global(wrong)).isInstanceOf(SchemaException.class);
            assertThatThrownBy(() -> explainer.explain(background, 20)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void aClassifierNeedsANamedClass() {
            Predictor classifier = TestPredictors.logistic(TestPredictors.numericSchema(5),
                    TestPredictors.linear(0, WEIGHTS));
            assertThatThrownBy(() -> ShapleyExplainer.builder(classifier, background, Seed.of(1)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the predictor is a classifier over [no, yes]: name the class to explain, as "
                            + "ExplainedOutput.score(\"yes\") or ExplainedOutput.logOdds(\"yes\")");
            assertThatThrownBy(() -> ShapleyExplainer.builder(classifier, background, Seed.of(1))
                    .output(ExplainedOutput.logOdds("maybe")).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("class 'maybe' is not one of the predictor's classes [no, yes]");
        }

        @Test
        void aRegressionModelHasNoClassToExplain() {
            assertThatThrownBy(() -> ShapleyExplainer.builder(linear(), background, Seed.of(1))
                    .output(ExplainedOutput.score("yes")).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the predictor is a regression model, which has no class 'yes' to explain; explain "
                            + "its value with ExplainedOutput.value()");
        }

        @Test
        void anExplainedOutputNamesAClassExactlyForScores() {
            assertThatThrownBy(() -> new ExplainedOutput(ExplainedOutput.Scale.VALUE, Optional.of("yes")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a regression value has no class, but got yes");
            assertThatThrownBy(() -> new ExplainedOutput(ExplainedOutput.Scale.LOG_ODDS, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the LOG_ODDS scale explains a named class, but none was given");
            assertThat(ExplainedOutput.score("yes").scale()).isEqualTo(ExplainedOutput.Scale.SCORE);
            assertThat(ExplainedOutput.score("yes").label()).contains("yes");
        }

        @Test
        void aPredictorThatLosesRowsIsCaught() {
            Predictor lossy = TestPredictors.regression(TestPredictors.numericSchema(5), (features, row) -> 0);
            Predictor broken = new Predictor() {
                @Override
                public Schema inputSchema() {
                    return lossy.inputSchema();
                }

                @Override
                public Outputs outputs() {
                    return lossy.outputs();
                }

                @Override
                public Table predict(Table features) {
                    return lossy.predict(features.head(1));
                }
            };
            assertThatThrownBy(() -> ShapleyExplainer.builder(broken, background, Seed.of(1)).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the predictor returned 1 rows for 20 rows of features");
        }

        @Test
        void rowsAreCheckedEvenForAModelThatDoesNotCheckThem() {
            Predictor unchecked = TestPredictors.unchecked(TestPredictors.numericSchema(5));
            ShapleyExplainer explainer = ShapleyExplainer.builder(unchecked, background, Seed.of(1)).build();
            Table wrong = Table.builder().numeric("x0", 1).numeric("x1", 1).numeric("x2", 1).numeric("x3", 1)
                    .categorical("x4", "a").build();
            String message = "the features do not fit the model's input: column 'x4' is categorical, but the model "
                    + "expects numeric";
            assertThatThrownBy(() -> explainer.explain(wrong, 0)).isInstanceOf(SchemaException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> explainer.explain(wrong)).isInstanceOf(SchemaException.class).hasMessage(message);
        }

        @Test
        void anUnexplainedFeatureIsNamed() {
            Explanation explanation = ShapleyExplainer.builder(linear(), background, Seed.of(1)).samples(2).build()
                    .explain(background, 0);
            assertThat(explanation.value("x2")).isEqualTo(explanation.values().get(2));
            assertThatThrownBy(() -> explanation.value("x9")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature 'x9' was not explained; the features are [x0, x1, x2, x3, x4]");
        }
    }
}
