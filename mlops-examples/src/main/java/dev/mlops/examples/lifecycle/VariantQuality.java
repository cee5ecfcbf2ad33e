package dev.mlops.examples.lifecycle;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How well one variant's served predictions turned out once their labels arrived.
 *
 * @param variant the variant's name
 * @param predictions the predictions it served (captured)
 * @param labelled how many of them had a label by the time quality was measured (joined by
 *     inference id)
 * @param pending how many labels were on their way, due after that time
 * @param accuracy the share of labelled predictions that were right; empty with no label
 */
public record VariantQuality(String variant, long predictions, long labelled, long pending, OptionalDouble accuracy) {

    /**
     * Checks the counts.
     *
     * @param variant the variant
     * @param predictions the predictions
     * @param labelled the labelled predictions
     * @param pending the pending labels
     * @param accuracy the accuracy
     */
    public VariantQuality {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(accuracy, "accuracy");
        if (labelled < 0 || pending < 0 || labelled + pending > predictions) {
            throw new IllegalArgumentException("variant " + variant + ": labelled " + labelled + " and pending "
                    + pending + " must be non-negative and at most its " + predictions + " predictions");
        }
    }
}
