package dev.mlops.deploy.serving;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;

/** Small predictors over one numeric feature {@code x} (and a categorical {@code plan}) for endpoint tests. */
final class Models {
    static final Schema INPUT = Schema.of(Field.of("x", ColumnType.NUMERIC), Field.of("plan", ColumnType.CATEGORICAL));
    static final Outputs YES_NO = Outputs.classification(List.of("no", "yes"));

    private Models() {
    }

    /** A classifier answering "yes" when x is above the threshold; counts its calls. */
    static class Threshold implements Predictor {
        final AtomicInteger calls = new AtomicInteger();
        private final double threshold;

        Threshold(double threshold) {
            this.threshold = threshold;
        }

        @Override
        public Schema inputSchema() {
            return INPUT;
        }

        @Override
        public Outputs outputs() {
            return YES_NO;
        }

        @Override
        public Table predict(Table features) {
            calls.incrementAndGet();
            InputCheck.require(INPUT, features);
            double[][] scores = new double[features.rowCount()][];
            for (int row = 0; row < scores.length; row++) {
                boolean yes = features.numericColumn("x").get(row) > threshold;
                scores[row] = yes ? new double[] {0.2, 0.8} : new double[] {0.9, 0.1};
            }
            return YES_NO.classifications(scores);
        }
    }

    /** A regressor of x. */
    static Predictor regressor(DoubleUnaryOperator f) {
        return new Predictor() {
            @Override
            public Schema inputSchema() {
                return INPUT;
            }

            @Override
            public Outputs outputs() {
                return Outputs.regression();
            }

            @Override
            public Table predict(Table features) {
                double[] values = new double[features.rowCount()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = f.applyAsDouble(features.numericColumn("x").get(row));
                }
                return Outputs.regression().values(values);
            }
        };
    }

    /** A classifier that runs an action before answering (blocks, sleeps, throws) as the threshold 0 would. */
    static Predictor around(Runnable before) {
        Threshold answer = new Threshold(0);
        return new Predictor() {
            @Override
            public Schema inputSchema() {
                return INPUT;
            }

            @Override
            public Outputs outputs() {
                return YES_NO;
            }

            @Override
            public Table predict(Table features) {
                before.run();
                return answer.predict(features);
            }
        };
    }
}
