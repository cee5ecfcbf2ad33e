package dev.mlops.train.features;

import java.util.List;
import java.util.Objects;

/**
 * The Shapley values of one prediction: how much each feature moves the explained output from
 * its mean over the background to its value for this row.
 *
 * <p>Efficiency: the values sum to {@code output − expected} up to the estimate's error, since
 * each sample's contributions telescope to {@code output − f(z)} for the background row
 * {@code z} it drew; the gap is the sampled background rows' mean output minus
 * {@code expected}, with standard error {@link #sumStandardError()}.
 *
 * @param row the 0-based row of the explained table
 * @param output the explained output for this row, f(x)
 * @param expected the mean explained output over the whole background, E[f]
 * @param sumStandardError the standard error of {@code sum of values − (output − expected)}
 * @param samples how many samples (antithetic pairs of permutations) the estimate drew
 * @param values one value per feature, in the predictor's input-schema order
 */
public record Explanation(int row, double output, double expected, double sumStandardError, int samples,
        List<ShapleyValue> values) {

    /**
     * Copies the values.
     *
     * @param row the 0-based row of the explained table
     * @param output the explained output for this row
     * @param expected the mean explained output over the background
     * @param sumStandardError the standard error of the sum's gap
     * @param samples how many samples the estimate drew
     * @param values one value per feature
     */
    public Explanation {
        values = List.copyOf(values);
    }

    /** @return the sum of the values, which estimates {@code output − expected} */
    public double sum() {
        double sum = 0;
        for (ShapleyValue value : values) {
            sum += value.value();
        }
        return sum;
    }

    /**
     * Finds one feature's value.
     *
     * @param feature a feature of the predictor's input
     * @return its Shapley value
     * @throws IllegalArgumentException if the feature was not explained
     */
    public ShapleyValue value(String feature) {
        Objects.requireNonNull(feature, "feature");
        for (ShapleyValue value : values) {
            if (value.feature().equals(feature)) {
                return value;
            }
        }
        throw new IllegalArgumentException("feature '" + feature + "' was not explained; the features are "
                + values.stream().map(ShapleyValue::feature).toList());
    }
}
