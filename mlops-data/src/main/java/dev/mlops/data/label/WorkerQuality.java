package dev.mlops.data.label;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * <p>{@code biasedToward}, where the method estimates each item's class, names the answer that
 * dominates the worker's annotations regardless of the estimated class. The rule, exactly: a
 * worker is biased toward label {@code l} when (1) they gave at least {@value #BIAS_MIN_ANNOTATIONS}
 * annotations, (2) {@code l} is at least {@value #BIAS_DOMINANT_SHARE} of their answers, and (3)
 * the estimated classes of the items they annotated are mixed: at least
 * {@value #BIAS_OTHER_CLASS_SHARE} of their annotations are on items whose estimated class (the
 * label of highest posterior probability, the first in label order on a draw) is not {@code l}.
 * A worker who mostly answers {@code l} because they were mostly given items of class {@code l}
 * fails (3) and is not biased; a worker with few answers fails (1).
 *
 * @param worker the worker's id
 * @param annotations how many annotations the worker gave
 * @param accuracy the estimated accuracy, in [0, 1]
 * @param chance the accuracy of always answering the most frequent label, in [0, 1]
 * @param atOrBelowChance whether {@code accuracy <= chance}
 * @param confusion the estimated confusion matrix, or an empty list
 * @param biasedToward the answer the worker is biased toward by the rule above, or null when
 *     there is none or the method does not estimate it
 */
public record WorkerQuality(String worker, int annotations, double accuracy, double chance, boolean atOrBelowChance,
        List<List<Double>> confusion, @Nullable String biasedToward) {
    /** Condition (1) of the bias rule: the fewest annotations a worker called biased has given. */
    public static final int BIAS_MIN_ANNOTATIONS = 10;
    /** Condition (2) of the bias rule: the least share of the worker's answers the dominant one has. */
    public static final double BIAS_DOMINANT_SHARE = 0.9;
    /** Condition (3) of the bias rule: the least share of the worker's annotations on items of another class. */
    public static final double BIAS_OTHER_CLASS_SHARE = 0.2;

    /**
     * Checks and copies the parts.
     *
     * @param worker the worker's id
     * @param annotations how many annotations the worker gave
     * @param accuracy the estimated accuracy, in [0, 1]
     * @param chance the accuracy of always answering the most frequent label, in [0, 1]
     * @param atOrBelowChance whether {@code accuracy <= chance}
     * @param confusion the estimated confusion matrix, or an empty list
     * @param biasedToward the answer the worker is biased toward by the rule above, or null when
     *     there is none or the method does not estimate it
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
     * A quality without a bias estimate.
     *
     * @param worker the worker's id
     * @param annotations how many annotations the worker gave
     * @param accuracy the estimated accuracy, in [0, 1]
     * @param chance the accuracy of always answering the most frequent label, in [0, 1]
     * @param atOrBelowChance whether {@code accuracy <= chance}
     * @param confusion the estimated confusion matrix, or an empty list
     * @throws IllegalArgumentException as the canonical constructor
     */
    public WorkerQuality(String worker, int annotations, double accuracy, double chance, boolean atOrBelowChance,
            List<List<Double>> confusion) {
        this(worker, annotations, accuracy, chance, atOrBelowChance, confusion, null);
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
