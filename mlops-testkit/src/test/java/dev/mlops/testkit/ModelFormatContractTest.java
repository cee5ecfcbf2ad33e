package dev.mlops.testkit;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.OnnxFormat;
import dev.mlops.deploy.format.TribuoFormat;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.NumericScaling;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoRegressor;
import dev.mlops.train.tribuo.TribuoTables;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** The built-in model formats and a user's own honour the model format contract. */
class ModelFormatContractTest {
    private static final Table TRAIN = rows(300, 1);
    private static final FeatureEncoder ENCODER = FeatureEncoder.fit(TRAIN, Set.of("label", "y"),
            MissingPolicy.IMPUTE, NumericScaling.STANDARDIZE);
    private static final TribuoClassifier LOGISTIC = TribuoClassifier.of(new LogisticRegressionTrainer().train(
            TribuoTables.classification(TRAIN, "label", ENCODER)), ENCODER);
    private static final TribuoClassifier TREE = TribuoClassifier.of(new CARTClassificationTrainer(5).train(
            TribuoTables.classification(TRAIN, "label", ENCODER)), ENCODER);
    private static final TribuoRegressor LINEAR = TribuoRegressor.of(new LinearSGDTrainer(new SquaredLoss(),
            new AdaGrad(0.1, 0.1), 10, 3).train(TribuoTables.regression(TRAIN, "y", ENCODER)), ENCODER);

    /** Rows of two numbers (one with missing values), a category, a class and a value. */
    private static Table rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[count];
        double[] z = new double[count];
        String[] color = new String[count];
        String[] label = new String[count];
        double[] y = new double[count];
        for (int row = 0; row < count; row++) {
            x[row] = row % 9 == 4 ? Double.NaN : random.nextGaussian() * 100;
            z[row] = random.nextGaussian();
            color[row] = new String[] {"red", "green", "blue"}[random.nextInt(3)];
            double signal = (Double.isNaN(x[row]) ? 0 : x[row] / 100) + z[row];
            label[row] = signal > 0.4 ? "up" : color[row].equals("red") ? "flat" : "down";
            y[row] = 2 * z[row] + (color[row].equals("blue") ? 1 : 0) + random.nextGaussian() * 0.1;
        }
        return Table.of(NumericColumn.of("x", x), NumericColumn.of("z", z), CategoricalColumn.of("color", color),
                CategoricalColumn.of("label", label), NumericColumn.of("y", y));
    }

    /** The tribuo format, on a logistic regression. */
    @Nested
    class TribuoLogistic extends ModelFormatContract {
        @Override
        protected ModelFormat format() {
            return TribuoFormat.defaults();
        }

        @Override
        protected Predictor predictor() {
            return LOGISTIC;
        }

        @Override
        protected Table features() {
            return rows(60, 2);
        }
    }

    /** The tribuo format, on a CART tree, which the onnx format cannot write. */
    @Nested
    class TribuoTree extends TribuoLogistic {
        @Override
        protected Predictor predictor() {
            return TREE;
        }
    }

    /** The tribuo format, on a linear regression. */
    @Nested
    class TribuoLinear extends TribuoLogistic {
        @Override
        protected Predictor predictor() {
            return LINEAR;
        }
    }

    /** The onnx format, on a logistic regression, within its float32 tolerance; a tree is refused. */
    @Nested
    class OnnxLogistic extends ModelFormatContract {
        @Override
        protected ModelFormat format() {
            return OnnxFormat.defaults();
        }

        @Override
        protected Predictor predictor() {
            return LOGISTIC;
        }

        @Override
        protected Table features() {
            return rows(60, 3);
        }

        @Override
        protected double tolerance() {
            return OnnxFormat.TOLERANCE;
        }

        @Override
        protected Predictor unwritable() {
            return TREE;
        }
    }

    /** The onnx format, on a linear regression. */
    @Nested
    class OnnxLinear extends OnnxLogistic {
        @Override
        protected Predictor predictor() {
            return LINEAR;
        }
    }

    /** A user's own format, registered through META-INF/services of the tests. */
    @Nested
    class UsersOwnFormat extends ModelFormatContract {
        @Override
        protected ModelFormat format() {
            return new ThresholdRuleFormat();
        }

        @Override
        protected Predictor predictor() {
            return new ThresholdRule("x", 12.5, "small", "large");
        }

        @Override
        protected Table features() {
            return Table.of(NumericColumn.of("x", -3, 12.5, 12.4999, 40));
        }

        @Override
        protected Predictor unwritable() {
            return LOGISTIC;
        }
    }
}
