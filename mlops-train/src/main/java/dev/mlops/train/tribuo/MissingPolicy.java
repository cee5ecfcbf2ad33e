package dev.mlops.train.tribuo;

/**
 * What a {@link FeatureEncoder} does with a missing feature value (a missing cell, or NaN in a
 * numeric column). The encoder counts what it did per column in its {@link EncodingReport}.
 */
public enum MissingPolicy {
    /** Refuse: a missing value is an error naming its row and column. */
    REFUSE,
    /**
     * Impute (the default): a numeric value becomes the training rows' mean of the column, a
     * boolean the training rows' most frequent value, and a category the indicator feature
     * {@code name@<missing>}, learned like any other level.
     */
    IMPUTE,
    /**
     * Omit: the feature is left out of the example. Tribuo reads an absent feature as 0 in linear
     * models and as absent in trees; choose this only when that is what the value means.
     */
    OMIT
}
