package dev.mlops.deploy.format;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tribuo.FeatureEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A model the {@link OnnxFormat} read, run by ONNX Runtime: rows are encoded by the saved feature
 * encoder, laid out as the float32 matrix of the model's features (a feature a row does not set is
 * 0, as in Tribuo's linear models), and the model's output matrix becomes the prediction table.
 * A classifier whose scores are probabilities gives them normalised to sum to 1; one whose scores
 * are not gives 1 to the class of the highest score. Thread-safe (ONNX Runtime sessions are). It
 * holds a native session: {@link #close()} it when done with it.
 */
public final class OnnxRuntimePredictor implements Predictor, AutoCloseable {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String input;
    private final byte[] onnxModel;
    private final ModelMetadata metadata;
    private final FeatureEncoder encoder;
    private final Map<String, Integer> featureIds = new HashMap<>();

    private OnnxRuntimePredictor(OrtEnvironment environment, OrtSession session, byte[] onnxModel,
            ModelMetadata metadata) {
        this.environment = environment;
        this.session = session;
        this.input = session.getInputNames().iterator().next();
        this.onnxModel = onnxModel;
        this.metadata = metadata;
        this.encoder = FeatureEncoder.of(metadata.encoder());
        for (int id = 0; id < metadata.features().size(); id++) {
            featureIds.put(metadata.features().get(id), id);
        }
    }

    /**
     * Starts a session on an ONNX model.
     *
     * @param onnxModel the ONNX model's bytes
     * @param metadata what the format recorded beside it
     * @param source the input's name for error messages
     * @return the predictor
     * @throws ModelFormatException if ONNX Runtime cannot load the model, naming the source
     */
    static OnnxRuntimePredictor load(byte[] onnxModel, ModelMetadata metadata, String source) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try {
            return new OnnxRuntimePredictor(environment, environment.createSession(onnxModel), onnxModel.clone(),
                    metadata);
        } catch (OrtException e) {
            throw new ModelFormatException(source, "ONNX Runtime cannot load part '" + OnnxFormat.MODEL_PART + "': "
                    + e.getMessage(), e);
        }
    }

    /** @return what the format recorded beside the ONNX model */
    ModelMetadata metadata() {
        return metadata;
    }

    /** @return the ONNX model's bytes, a copy */
    byte[] onnxModel() {
        return onnxModel.clone();
    }

    @Override
    public Schema inputSchema() {
        return encoder.inputSchema();
    }

    @Override
    public Outputs outputs() {
        return metadata.outputs();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if ONNX Runtime fails to run the model, with its message
     */
    @Override
    public Table predict(Table features) {
        List<Example<Label>> examples = encoder.examples(features, row -> LabelFactory.UNKNOWN_LABEL);
        Outputs outputs = metadata.outputs();
        if (examples.isEmpty()) {
            return outputs.task() == Task.CLASSIFICATION ? outputs.classifications(new double[0][])
                    : outputs.values(new double[0]);
        }
        float[][] matrix = new float[examples.size()][metadata.features().size()];
        for (int row = 0; row < matrix.length; row++) {
            for (Feature feature : examples.get(row)) {
                Integer id = featureIds.get(feature.getName());
                if (id != null) {
                    matrix[row][id] = (float) feature.getValue();
                }
            }
        }
        float[][] scores;
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, matrix);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            scores = (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
        if (outputs.task() == Task.REGRESSION) {
            double[] values = new double[scores.length];
            for (int row = 0; row < values.length; row++) {
                values[row] = scores[row][0];
            }
            return outputs.values(values);
        }
        double[][] rows = new double[scores.length][];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = metadata.probabilities() ? normalised(scores[row]) : oneHot(scores[row]);
        }
        return outputs.classifications(rows);
    }

    /**
     * @param scores a row's class scores
     * @return the scores, negative ones as 0, divided by their sum; equal scores if none is positive
     */
    static double[] normalised(float[] scores) {
        double sum = 0;
        for (float score : scores) {
            sum += Math.max(0, score);
        }
        double[] row = new double[scores.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = sum > 0 ? Math.min(1, Math.max(0, scores[c]) / sum) : 1.0 / row.length;
        }
        return row;
    }

    /**
     * @param scores a row's class scores
     * @return 1 for the class of the highest score (the first on a tie), 0 for the others
     */
    static double[] oneHot(float[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            best = scores[c] > scores[best] ? c : best;
        }
        double[] row = new double[scores.length];
        row[best] = 1;
        return row;
    }

    /**
     * Closes the native session; the predictor cannot predict after.
     *
     * @throws IllegalStateException if ONNX Runtime fails to close it
     */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to close the session: " + e.getMessage(), e);
        }
    }
}
