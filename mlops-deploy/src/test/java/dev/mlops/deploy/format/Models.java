package dev.mlops.deploy.format;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.NumericScaling;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoRegressor;
import dev.mlops.train.tribuo.TribuoTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.SplittableRandom;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.math.optimisers.AdaGrad;

/** Small trained models of every kind the built-in formats write, on seeded rows with all feature types. */
final class Models {
    static final String LABEL = "label";
    static final String TARGET = "target";

    private Models() {
    }

    /**
     * Rows with a numeric, a categorical and a boolean feature, some missing, a class label and a
     * numeric target.
     */
    static Table rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[count];
        double[] z = new double[count];
        String[] city = new String[count];
        Boolean[] owner = new Boolean[count];
        String[] label = new String[count];
        double[] target = new double[count];
        String[] cities = {"Berlin", "Hamburg", "Köln"};
        for (int row = 0; row < count; row++) {
            x[row] = row % 17 == 5 ? Double.NaN : random.nextGaussian() * 10 + 50;
            z[row] = random.nextGaussian();
            city[row] = row % 13 == 7 ? null : cities[random.nextInt(cities.length)];
            owner[row] = row % 11 == 3 ? null : random.nextBoolean();
            double signal = (Double.isNaN(x[row]) ? 0 : (x[row] - 50) / 10) - 0.5 * z[row]
                    + ("Berlin".equals(city[row]) ? 0.8 : 0);
            label[row] = signal > 0.3 ? "yes" : signal < -0.8 ? "maybe" : "no";
            target[row] = 3 * z[row] + ("Köln".equals(city[row]) ? 2 : 0) + random.nextGaussian() * 0.1;
        }
        return Table.of(NumericColumn.of("x", x), NumericColumn.of("z", z), CategoricalColumn.of("city", city),
                BooleanColumn.of("owner", owner), CategoricalColumn.of(LABEL, label), NumericColumn.of(TARGET, target));
    }

    static FeatureEncoder encoder(Table train) {
        return FeatureEncoder.fit(train, Set.of(LABEL, TARGET), MissingPolicy.IMPUTE, NumericScaling.STANDARDIZE);
    }

    /** Multinomial logistic regression: probabilities, ONNX-exportable. */
    static TribuoClassifier logistic() {
        Table train = rows(300, 1);
        FeatureEncoder encoder = encoder(train);
        return TribuoClassifier.of(new LogisticRegressionTrainer().train(
                TribuoTables.classification(train, LABEL, encoder)), encoder);
    }

    /** A linear SVM (hinge loss): no probabilities, ONNX-exportable. */
    static TribuoClassifier hinge() {
        Table train = rows(300, 2);
        FeatureEncoder encoder = encoder(train);
        return TribuoClassifier.of(new LinearSGDTrainer(new Hinge(), new AdaGrad(0.1, 0.1), 5, 7).train(
                TribuoTables.classification(train, LABEL, encoder)), encoder);
    }

    /** A CART tree: Tribuo cannot export it to ONNX. */
    static TribuoClassifier tree() {
        Table train = rows(300, 3);
        FeatureEncoder encoder = encoder(train);
        return TribuoClassifier.of(new CARTClassificationTrainer(4).train(
                TribuoTables.classification(train, LABEL, encoder)), encoder);
    }

    /** Linear regression by SGD, ONNX-exportable. */
    static TribuoRegressor linear() {
        Table train = rows(300, 4);
        FeatureEncoder encoder = encoder(train);
        return TribuoRegressor.of(new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
                new org.tribuo.regression.sgd.objectives.SquaredLoss(), new AdaGrad(0.1, 0.1), 10, 5).train(
                TribuoTables.regression(train, TARGET, encoder)), encoder);
    }

    static byte[] write(ModelFormat format, Predictor predictor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(predictor, out);
        return out.toByteArray();
    }

    static Predictor read(ModelFormat format, byte[] bytes) {
        return format.read(new ByteArrayInputStream(bytes), "test bytes");
    }
}
