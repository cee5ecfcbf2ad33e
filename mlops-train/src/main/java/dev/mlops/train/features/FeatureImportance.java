package dev.mlops.train.features;

import java.util.List;
import java.util.Objects;

/**
 * How much a metric worsens when one feature's values are shuffled across rows: the feature's
 * permutation importance, over several repeats.
 *
 * @param feature the feature's column
 * @param mean the mean drop over the repeats, positive when shuffling the feature makes the
 *     predictions worse (in the metric's own direction), 0 when the model ignores the feature
 * @param standardDeviation the sample standard deviation of the drops
 * @param lower the lower end of the confidence interval of the mean (Student's t over the repeats)
 * @param upper the upper end of that interval
 * @param drops the drop of each repeat, in repeat order
 */
public record FeatureImportance(String feature, double mean, double standardDeviation, double lower, double upper,
        List<Double> drops) {

    /**
     * Copies the drops.
     *
     * @param feature the feature's column
     * @param mean the mean drop
     * @param standardDeviation the sample standard deviation of the drops
     * @param lower the lower end of the confidence interval
     * @param upper the upper end of the confidence interval
     * @param drops the drop of each repeat
     */
    public FeatureImportance {
        Objects.requireNonNull(feature, "feature");
        drops = List.copyOf(drops);
    }
}
