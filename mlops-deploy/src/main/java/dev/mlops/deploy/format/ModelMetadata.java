package dev.mlops.deploy.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mlops.core.json.Json;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.TribuoPredictor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tribuo.ImmutableFeatureMap;

/**
 * The JSON part the built-in formats write beside the model itself: what our side needs to turn a
 * features table into the model's input and its output into a prediction table.
 *
 * @param outputs the task and classes, in the order of the score columns
 * @param encoder the fitted state of the feature encoder
 * @param features the model's feature names in the order of its feature ids (the columns of an
 *     ONNX model's input matrix)
 * @param probabilities whether the model's scores are probabilities (else a classifier's
 *     prediction table gives 1 to the class it predicts)
 */
record ModelMetadata(Outputs outputs, FeatureEncoder.State encoder, List<String> features, boolean probabilities) {
    /** The part's name in a container. */
    static final String PART = "metadata.json";

    /**
     * Copies the feature names.
     *
     * @param outputs the task and classes
     * @param encoder the encoder's state
     * @param features the model's feature names by id
     * @param probabilities whether the scores are probabilities
     */
    ModelMetadata {
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(encoder, "encoder");
        features = List.copyOf(features);
    }

    /**
     * @param predictor a Tribuo predictor
     * @return what a saved model of it records beside the model
     */
    static ModelMetadata of(TribuoPredictor<?> predictor) {
        ImmutableFeatureMap featureMap = predictor.model().getFeatureIDMap();
        List<String> features = new ArrayList<>(featureMap.size());
        for (int id = 0; id < featureMap.size(); id++) {
            features.add(featureMap.get(id).getName());
        }
        return new ModelMetadata(predictor.outputs(), predictor.encoder().state(), features,
                predictor.model().generatesProbabilities());
    }

    /** @return the JSON, UTF-8 */
    byte[] toBytes() {
        try {
            return Json.writer().writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model's metadata cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param container a container holding the part
     * @param source the input's name for error messages
     * @return the metadata
     * @throws ModelFormatException if the part is missing or not metadata, naming the source
     */
    static ModelMetadata read(Container container, String source) {
        String json = container.text(PART, source);
        try {
            return Json.reader().forType(ModelMetadata.class).readValue(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFormatException(source, "part '" + PART + "' is not a model's metadata: " + e.getMessage(),
                    e);
        }
    }
}
