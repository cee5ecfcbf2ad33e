package dev.mlops.train.features;

import dev.mlops.core.Seed;
import java.util.List;
import java.util.Objects;

/**
 * The permutation importance of every feature of a model, most important first.
 *
 * @param metric the metric's name
 * @param baseline the metric on the unshuffled features
 * @param repeats how many times each feature was shuffled
 * @param confidence the confidence level of each interval, such as 0.95
 * @param seed the master seed the shuffles were derived from
 * @param features one entry per feature of the model's input schema, by mean drop, largest
 *     first, ties in schema order
 */
public record ImportanceReport(String metric, double baseline, int repeats, double confidence, Seed seed,
        List<FeatureImportance> features) {

    /**
     * Copies the features.
     *
     * @param metric the metric's name
     * @param baseline the metric on the unshuffled features
     * @param repeats how many times each feature was shuffled
     * @param confidence the confidence level of each interval
     * @param seed the master seed
     * @param features the features' importances, most important first
     */
    public ImportanceReport {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(seed, "seed");
        features = List.copyOf(features);
    }

    /**
     * Finds one feature's importance.
     *
     * @param feature a feature of the model
     * @return its importance
     * @throws IllegalArgumentException if the feature was not measured
     */
    public FeatureImportance feature(String feature) {
        for (FeatureImportance importance : features) {
            if (importance.feature().equals(feature)) {
                return importance;
            }
        }
        throw new IllegalArgumentException("feature '" + feature + "' was not measured; the features are "
                + features.stream().map(FeatureImportance::feature).toList());
    }
}
