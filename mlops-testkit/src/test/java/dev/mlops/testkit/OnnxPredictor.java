package dev.mlops.testkit;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model from outside Tribuo, as a user would wrap it: an ONNX classifier of numeric features
 * run by ONNX Runtime, whose one input is a float matrix of the features in a given order and
 * whose first output is a matrix of class probabilities.
 */
final class OnnxPredictor implements Predictor, AutoCloseable {
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final List<String> features;
    private final Schema inputSchema;
    private final Outputs outputs;

    OnnxPredictor(Path model, List<String> features, List<String> classes) throws OrtException {
        this.session = environment.createSession(model.toString(), new OrtSession.SessionOptions());
        this.features = List.copyOf(features);
        this.inputSchema = Schema.of(features.stream().map(name -> Field.of(name, ColumnType.NUMERIC)).toList());
        this.outputs = Outputs.classification(classes);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }

    @Override
    public Outputs outputs() {
        return outputs;
    }

    @Override
    public Table predict(Table table) {
        InputCheck.require(inputSchema, table);
        float[][] matrix = new float[table.rowCount()][features.size()];
        for (int f = 0; f < features.size(); f++) {
            NumericColumn column = table.numericColumn(features.get(f));
            for (int row = 0; row < matrix.length; row++) {
                matrix[row][f] = (float) column.get(row);
            }
        }
        String input = session.getInputNames().iterator().next();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, matrix);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            float[][] probabilities = (float[][]) result.get(0).getValue();
            double[][] scores = new double[probabilities.length][];
            for (int row = 0; row < scores.length; row++) {
                double sum = 0;
                for (float p : probabilities[row]) {
                    sum += p;
                }
                scores[row] = new double[probabilities[row].length];
                for (int c = 0; c < scores[row].length; c++) {
                    scores[row][c] = probabilities[row][c] / sum;
                }
            }
            return outputs.classifications(scores);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
