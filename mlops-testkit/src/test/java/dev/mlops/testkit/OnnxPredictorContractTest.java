package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * A model from outside Tribuo plugs in through {@link Predictor}: a logistic regression exported
 * to ONNX and run by ONNX Runtime passes the predictor contract and predicts what the Tribuo
 * model it came from predicts.
 */
class OnnxPredictorContractTest extends PredictorContract {
    private static Path directory;
    private static TribuoClassifier tribuo;
    private static OnnxPredictor onnx;

    private static Table rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[count];
        double[] z = new double[count];
        String[] label = new String[count];
        for (int row = 0; row < count; row++) {
            x[row] = random.nextGaussian();
            z[row] = random.nextGaussian();
            label[row] = x[row] - 0.5 * z[row] > 0.2 ? "yes" : "no";
        }
        return Table.of(NumericColumn.of("x", x), NumericColumn.of("z", z), CategoricalColumn.of("label", label));
    }

    @BeforeAll
    static void exportAndLoad() throws Exception {
        directory = Files.createTempDirectory("onnx-predictor");
        Table train = rows(500, 1);
        FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("label"), MissingPolicy.REFUSE);
        tribuo = TribuoClassifier.of(new LogisticRegressionTrainer().train(
                TribuoTables.classification(train, "label", encoder)), encoder);
        Path file = directory.resolve("model.onnx");
        ((ONNXExportable) tribuo.model()).saveONNXModel("dev.mlops.test", 1, file);
        ImmutableFeatureMap featureMap = tribuo.model().getFeatureIDMap();
        List<String> features = new ArrayList<>();
        for (int id = 0; id < featureMap.size(); id++) {
            features.add(featureMap.get(id).getName());
        }
        onnx = new OnnxPredictor(file, features, tribuo.outputs().classes());
    }

    @AfterAll
    static void closeAndDelete() throws Exception {
        onnx.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    protected Predictor predictor() {
        return onnx;
    }

    @Override
    protected Table features() {
        return rows(50, 2);
    }

    @Test
    void predictsWhatTheTribuoModelItCameFromPredicts() {
        Table features = rows(200, 3);

        Table fromOnnx = onnx.predict(features);
        Table fromTribuo = tribuo.predict(features);

        assertThat(onnx.outputs()).isEqualTo(tribuo.outputs());
        for (String label : tribuo.outputs().classes()) {
            NumericColumn expected = fromTribuo.numericColumn(Outputs.scoreColumn(label));
            NumericColumn actual = fromOnnx.numericColumn(Outputs.scoreColumn(label));
            for (int row = 0; row < features.rowCount(); row++) {
                assertThat(actual.get(row)).as("row %d, class %s", row, label)
                        .isCloseTo(expected.get(row), org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }
}
