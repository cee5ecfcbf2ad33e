package dev.mlops.data.label;

import java.util.List;
import java.util.Objects;

/**
 * A method's estimate of one worker's reliability.
 *
 * <p>{@code accuracy} is the estimated probability that the worker gives an item's true label.
 * {@code chance} is the accuracy of a worker who always answers the most frequent label (the
 * largest class prior; at least 1/K for K labels), so a worker who answers at random or always
 * the same label has an accuracy at or below it. {@code confusion}, where the method estimates
 * one, has one row per true label and one column per given label, in label order; each row sums
 * to 1.
 *
 * @param worker the worker's id
 * @param annotations how many annotations the worker gave
 * @param accuracy the estimated accuracy, in [0, 1]
 * @param chance the accuracy of always answering the most frequent label, in [0, 1]
 * @param atOrBelowChance whether {@code accuracy <= chance}
 * @param confusion the estimated confusion matrix, or an empty list
 */
public record WorkerQuality(String worker, int annotations, double accuracy, double chance, boolean atOrBelowChance,
        List<List<Double>> confusion) {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a share is outside [0, 1], the flag disagrees with the
     *     shares or the count is negative
     */
    public WorkerQuality {
        Objects.requireNonNull(worker, "worker");
        if (annotations < 0) {
            throw new IllegalArgumentException("annotations must not be negative but was " + annotations);
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1] but was " + accuracy + " for worker '"
                    + worker + "'");
        }
        if (!(chance >= 0 && chance <= 1)) {
            throw new IllegalArgumentException("chance must be in [0, 1] but was " + chance + " for worker '"
                    + worker + "'");
        }
        if (atOrBelowChance != (accuracy <= chance)) {
            throw new IllegalArgumentException("atOrBelowChance must be " + (accuracy <= chance) + " for accuracy "
                    + accuracy + " and chance " + chance + " but was " + atOrBelowChance);
        }
        confusion = Objects.requireNonNull(confusion, "confusion").stream().map(List::copyOf).toList();
    }

    /**
     * Returns a quality without a confusion matrix, its flag computed.
     *
     * @param worker the worker's id
     * @param annotations how many annotations the worker gave
     * @param accuracy the estimated accuracy
     * @param chance the chance level
     * @return the quality
     */
    public static WorkerQuality of(String worker, int annotations, double accuracy, double chance) {
        return new WorkerQuality(worker, annotations, accuracy, chance, accuracy <= chance, List.of());
    }
}
