package dev.mlops.train;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.predict.Outputs;

/** Two small metrics of the tests' own, so that training tests do not depend on the built-in ones. */
public final class TestMetrics {

    private TestMetrics() {
    }

    /** @return the share of rows whose predicted class is the true one */
    public static Metric accuracy() {
        return new Metric() {
            @Override
            public String name() {
                return "test_accuracy";
            }

            @Override
            public boolean higherIsBetter() {
                return true;
            }

            @Override
            public double compute(Column truth, Table predictions) {
                CategoricalColumn predicted = predictions.categoricalColumn(Outputs.PREDICTION);
                int right = 0;
                for (int row = 0; row < truth.size(); row++) {
                    right += truth.format(row).equals(predicted.get(row)) ? 1 : 0;
                }
                return right / (double) truth.size();
            }
        };
    }

    /** @return the root mean squared error of a numeric prediction */
    public static Metric rmse() {
        return new Metric() {
            @Override
            public String name() {
                return "test_rmse";
            }

            @Override
            public boolean higherIsBetter() {
                return false;
            }

            @Override
            public double compute(Column truth, Table predictions) {
                NumericColumn predicted = predictions.numericColumn(Outputs.PREDICTION);
                double sum = 0;
                for (int row = 0; row < truth.size(); row++) {
                    double error = ((NumericColumn) truth).get(row) - predicted.get(row);
                    sum += error * error;
                }
                return Math.sqrt(sum / truth.size());
            }
        };
    }
}
