package dev.mlops.testkit;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoRegressor;
import dev.mlops.train.tribuo.TribuoTables;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** Tribuo's classifiers and regression models, wrapped, honour the predictor contract. */
class TribuoPredictorContractTest {

    /** Rows of two numbers, a category and the labels: a class and a value. */
    private static Table rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[count];
        double[] z = new double[count];
        String[] color = new String[count];
        String[] label = new String[count];
        double[] y = new double[count];
        for (int row = 0; row < count; row++) {
            x[row] = random.nextGaussian();
            z[row] = random.nextGaussian();
            color[row] = new String[] {"red", "green", "blue"}[random.nextInt(3)];
            label[row] = x[row] + z[row] > 0 ? "up" : color[row].equals("red") ? "flat" : "down";
            y[row] = 2 * x[row] - z[row] + random.nextGaussian() * 0.1;
        }
        return Table.of(NumericColumn.of("x", x), NumericColumn.of("z", z), CategoricalColumn.of("color", color),
                CategoricalColumn.of("label", label), NumericColumn.of("y", y));
    }

    /** A three-class logistic regression. */
    @Nested
    class Classifier extends PredictorContract {
        @Override
        protected Predictor predictor() {
            Table train = rows(300, 1);
            FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("label", "y"), MissingPolicy.IMPUTE);
            return TribuoClassifier.of(new LogisticRegressionTrainer().train(
                    TribuoTables.classification(train, "label", encoder)), encoder);
        }

        @Override
        protected Table features() {
            return rows(40, 2);
        }
    }

    /** A linear regression. */
    @Nested
    class Regressor extends PredictorContract {
        @Override
        protected Predictor predictor() {
            Table train = rows(300, 3);
            FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("label", "y"), MissingPolicy.IMPUTE);
            return TribuoRegressor.of(new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(1.0, 0.1), 5, -1, 1, 1)
                    .train(TribuoTables.regression(train, "y", encoder)), encoder);
        }

        @Override
        protected Table features() {
            return rows(40, 4);
        }
    }
}
