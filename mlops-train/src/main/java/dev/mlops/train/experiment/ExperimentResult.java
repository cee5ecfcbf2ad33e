package dev.mlops.train.experiment;

import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Experiment} returns: the trained model, its predictions of the validation rows
 * and their metrics.
 *
 * @param model the trained model
 * @param validationPredictions the model's predictions of the context's validation rows, in order
 * @param metrics the validation metrics by name, in the order the context listed them
 * @param modelBytes the model's serialized size in bytes, or -1 when the experiment cannot tell
 */
public record ExperimentResult(Predictor model, Table validationPredictions, Map<String, Double> metrics,
        long modelBytes) {
    /**
     * Checks and copies the parts.
     *
     * @param model the trained model
     * @param validationPredictions the validation predictions
     * @param metrics the validation metrics, at least one
     * @param modelBytes the serialized size, or -1
     * @throws IllegalArgumentException if there is no metric or the size is below -1
     */
    public ExperimentResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(validationPredictions, "validationPredictions");
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metrics, "metrics")));
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("an experiment's result names at least one metric");
        }
        if (modelBytes < -1) {
            throw new IllegalArgumentException("modelBytes must be -1 (unknown) or a size, but was " + modelBytes);
        }
    }
}
