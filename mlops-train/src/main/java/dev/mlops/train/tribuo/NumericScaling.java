package dev.mlops.train.tribuo;

/**
 * How a {@link FeatureEncoder} scales numeric features. Models trained by gradient descent
 * (logistic and linear regression) need features on comparable scales, or a feature measured in
 * thousands (an amount) swamps one measured in units (a count); trees do not care.
 */
public enum NumericScaling {
    /** The value as it is. */
    NONE,
    /**
     * The value minus the training rows' mean, divided by their standard deviation (with divisor
     * n, as scikit-learn's {@code StandardScaler}), so that each numeric feature has mean 0 and
     * standard deviation 1 over the training rows.
     */
    STANDARDIZE
}
