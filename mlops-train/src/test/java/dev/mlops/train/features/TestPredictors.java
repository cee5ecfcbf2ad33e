package dev.mlops.train.features;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.ArrayList;
import java.util.List;

/** Small models and metrics with known behaviour, for the feature-value tests. */
final class TestPredictors {

    private TestPredictors() {
    }

    /** A model's output for one row of a features table. */
    interface RowFunction {
        double apply(Table features, int row);
    }

    /** @return x0, x1, ... as numeric fields */
    static Schema numericSchema(int features) {
        List<Field> fields = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            fields.add(Field.of("x" + j, ColumnType.NUMERIC));
        }
        return Schema.of(fields);
    }

    /** A regression model computing f for every row. */
    static Predictor regression(Schema schema, RowFunction f) {
        return new Predictor() {
            @Override
            public Schema inputSchema() {
                return schema;
            }

            @Override
            public Outputs outputs() {
                return Outputs.regression();
            }

            @Override
            public Table predict(Table features) {
                InputCheck.require(schema, features);
                double[] values = new double[features.rowCount()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = f.apply(features, row);
                }
                return outputs().values(values);
            }
        };
    }

    /** A binary classifier over [no, yes] whose score of "yes" is the logistic function of the margin m. */
    static Predictor logistic(Schema schema, RowFunction margin) {
        return new Predictor() {
            @Override
            public Schema inputSchema() {
                return schema;
            }

            @Override
            public Outputs outputs() {
                return Outputs.classification(List.of("no", "yes"));
            }

            @Override
            public Table predict(Table features) {
                InputCheck.require(schema, features);
                double[][] scores = new double[features.rowCount()][];
                for (int row = 0; row < scores.length; row++) {
                    double yes = 1 / (1 + Math.exp(-margin.apply(features, row)));
                    scores[row] = new double[] {1 - yes, yes};
                }
                return outputs().classifications(scores);
            }
        };
    }

    /** A regression model that answers 0 for every row without checking its input. */
    static Predictor unchecked(Schema schema) {
        return new Predictor() {
            @Override
            public Schema inputSchema() {
                return schema;
            }

            @Override
            public Outputs outputs() {
                return Outputs.regression();
            }

            @Override
            public Table predict(Table features) {
                return outputs().values(new double[features.rowCount()]);
            }
        };
    }

    /** The margin {@code bias + sum of w_j x_j} over x0, x1, .... */
    static RowFunction linear(double bias, double... weights) {
        return (features, row) -> {
            double sum = bias;
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * features.numericColumn("x" + j).get(row);
            }
            return sum;
        };
    }

    /** A predictor that records the size of every table it is given. */
    static final class Counting implements Predictor {
        final Predictor inner;
        final List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());

        Counting(Predictor inner) {
            this.inner = inner;
        }

        @Override
        public Schema inputSchema() {
            return inner.inputSchema();
        }

        @Override
        public Outputs outputs() {
            return inner.outputs();
        }

        @Override
        public Table predict(Table features) {
            sizes.add(features.rowCount());
            return inner.predict(features);
        }
    }

    /** Accuracy: the share of rows whose predicted class is the true class; higher is better. */
    static final Metric ACCURACY = new Metric() {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public double compute(Column truth, Table predictions) {
            var predicted = predictions.categoricalColumn(Outputs.PREDICTION);
            var actual = (dev.mlops.core.table.CategoricalColumn) truth;
            int right = 0;
            for (int row = 0; row < truth.size(); row++) {
                right += actual.get(row).equals(predicted.get(row)) ? 1 : 0;
            }
            return (double) right / truth.size();
        }
    };

    /** Mean squared error of a regression; lower is better; NaN for no rows. */
    static final Metric MSE = new Metric() {
        @Override
        public String name() {
            return "mse";
        }

        @Override
        public boolean higherIsBetter() {
            return false;
        }

        @Override
        public double compute(Column truth, Table predictions) {
            var predicted = predictions.numericColumn(Outputs.PREDICTION);
            var actual = (dev.mlops.core.table.NumericColumn) truth;
            double sum = 0;
            for (int row = 0; row < truth.size(); row++) {
                double error = actual.get(row) - predicted.get(row);
                sum += error * error;
            }
            return sum / truth.size();
        }
    };
}
