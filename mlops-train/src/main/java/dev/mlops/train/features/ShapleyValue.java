package dev.mlops.train.features;

import java.util.Objects;

/**
 * One feature's estimated Shapley value for one prediction, with the estimate's standard error.
 *
 * @param feature the feature's column
 * @param value the estimated Shapley value, in the units of the explained output
 * @param standardError the standard error of the estimate from its sampling variance, shrinking
 *     as 1/sqrt(samples); NaN when only one sample was drawn
 */
public record ShapleyValue(String feature, double value, double standardError) {

    /**
     * Checks the feature.
     *
     * @param feature the feature's column
     * @param value the estimated Shapley value
     * @param standardError the estimate's standard error
     */
    public ShapleyValue {
        Objects.requireNonNull(feature, "feature");
    }
}
