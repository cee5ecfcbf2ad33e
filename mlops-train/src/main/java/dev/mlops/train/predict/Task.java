package dev.mlops.train.predict;

/** What a model predicts: one class of several, or a number. */
public enum Task {
    /** One class of a fixed list, with a score (probability) per class. */
    CLASSIFICATION,
    /** A number. */
    REGRESSION
}
