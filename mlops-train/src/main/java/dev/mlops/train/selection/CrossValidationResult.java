package dev.mlops.train.selection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An experiment's metrics over the folds of a cross-validation.
 *
 * @param experiment the experiment's spec
 * @param folds how the rows were cut
 * @param perFold each fold's validation metrics, in fold order
 * @param mean each metric's mean over the folds
 * @param standardDeviation each metric's sample standard deviation over the folds
 */
public record CrossValidationResult(String experiment, Folds folds, List<Map<String, Double>> perFold,
        Map<String, Double> mean, Map<String, Double> standardDeviation) {
    /**
     * Copies the parts.
     *
     * @param experiment the spec
     * @param folds the folds
     * @param perFold the metrics per fold
     * @param mean the means
     * @param standardDeviation the standard deviations
     */
    public CrossValidationResult {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(folds, "folds");
        perFold = perFold.stream().map(map -> Collections.unmodifiableMap(new LinkedHashMap<>(map))).toList();
        mean = Collections.unmodifiableMap(new LinkedHashMap<>(mean));
        standardDeviation = Collections.unmodifiableMap(new LinkedHashMap<>(standardDeviation));
    }
}
