package dev.mlops.train.analysis;

import java.util.Objects;

/**
 * A kind of mistake: rows of one true class predicted as another.
 *
 * @param truth the true class
 * @param predicted the class predicted instead
 * @param count how many rows
 * @param share the count's share of the rows of the true class
 */
public record ConfusionPair(String truth, String predicted, long count, double share) {
    /**
     * Checks the parts.
     *
     * @param truth the true class
     * @param predicted the predicted class, another one
     * @param count at least 1
     * @param share in (0, 1]
     */
    public ConfusionPair {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (truth.equals(predicted)) {
            throw new IllegalArgumentException("a confusion pair is two different classes, but both are '" + truth + "'");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, but was " + count);
        }
    }
}
