package dev.mlops.data.label;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The consolidated label of one item, or the reason there is none.
 *
 * <p>{@code agreement} is the share of the item's annotations that give the chosen label (for an
 * unresolved item, the share of its most frequent label); it counts votes, unweighted, whatever
 * the method. {@code confidence} is the method's own score of the chosen label (of the best
 * candidate when unresolved): the vote share for majority vote, the weight share for weighted
 * vote, the posterior probability for Dawid–Skene. {@code distribution} holds that score for
 * every label that has one, in label order, summing to 1 (or empty when no label scored).
 *
 * <p>An aggregator builds its results with {@link #resolved} and {@link #unresolved}, which
 * compute agreement and votes from the item's vote counts as defined here; the canonical
 * constructor takes them as given. Immutable.
 *
 * @param item the item's id
 * @param label the consolidated label, empty when the item is unresolved
 * @param confidence the method's score of the label, in [0, 1]
 * @param agreement the share of the item's annotations for the label, in [0, 1]
 * @param votes how many annotations the item has
 * @param unresolved why the item has no label, empty when it has one
 * @param distribution the method's score of each label, unmodifiable
 */
public record ConsolidatedLabel(String item, Optional<String> label, double confidence, double agreement, int votes,
        Optional<UnresolvedReason> unresolved, Map<String, Double> distribution) {

    /**
     * Checks and copies the parts.
     *
     * @param item the item's id
     * @param label the consolidated label, empty when the item is unresolved
     * @param confidence the method's score of the label, in [0, 1]
     * @param agreement the share of the item's annotations for the label, in [0, 1]
     * @param votes how many annotations the item has
     * @param unresolved why the item has no label, empty when it has one
     * @param distribution the method's score of each label, unmodifiable
     * @throws IllegalArgumentException if exactly one of label and unresolved is not present, a
     *     share is outside [0, 1] or votes is not positive
     */
    public ConsolidatedLabel {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unresolved, "unresolved");
        Objects.requireNonNull(distribution, "distribution");
        if (label.isPresent() == unresolved.isPresent()) {
            throw new IllegalArgumentException("exactly one of label and unresolved must be present but label was "
                    + label + " and unresolved was " + unresolved + " for item '" + item + "'");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence + " for item '"
                    + item + "'");
        }
        if (!(agreement >= 0 && agreement <= 1)) {
            throw new IllegalArgumentException("agreement must be in [0, 1] but was " + agreement + " for item '"
                    + item + "'");
        }
        if (votes <= 0) {
            throw new IllegalArgumentException("votes must be positive but was " + votes + " for item '" + item + "'");
        }
        distribution = Collections.unmodifiableMap(new LinkedHashMap<>(distribution));
    }

    /**
     * Returns an item's consolidated label; agreement is the share of the votes that give it
     * (0 when none does, as a Dawid–Skene posterior may choose an unvoted label).
     *
     * @param item the item's id
     * @param label the consolidated label
     * @param confidence the method's score of the label, in [0, 1]
     * @param votes how many annotations of the item give each label; the labels without a vote may be left out
     * @param distribution the method's score of each label, in label order, or an empty map
     * @return the result
     * @throws IllegalArgumentException if confidence is outside [0, 1], or the votes are empty or
     *     hold a negative count; the message names the item
     */
    public static ConsolidatedLabel resolved(String item, String label, double confidence, Map<String, Integer> votes,
            Map<String, Double> distribution) {
        Objects.requireNonNull(label, "label");
        int total = total(item, votes);
        return new ConsolidatedLabel(item, Optional.of(label), confidence, agreement(votes.getOrDefault(label, 0), total),
                total, Optional.empty(), distribution);
    }

    /**
     * Returns an item left without a label; agreement is the share of the votes that give its
     * most frequent label.
     *
     * @param item the item's id
     * @param reason why it has no label
     * @param confidence the method's score of its best candidate, in [0, 1]
     * @param votes how many annotations of the item give each label; the labels without a vote may be left out
     * @param distribution the method's score of each label, in label order, or an empty map
     * @return the result
     * @throws IllegalArgumentException if confidence is outside [0, 1], or the votes are empty or
     *     hold a negative count; the message names the item
     */
    public static ConsolidatedLabel unresolved(String item, UnresolvedReason reason, double confidence,
            Map<String, Integer> votes, Map<String, Double> distribution) {
        Objects.requireNonNull(reason, "reason");
        int total = total(item, votes);
        int most = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new ConsolidatedLabel(item, Optional.empty(), confidence, agreement(most, total), total,
                Optional.of(reason), distribution);
    }

    /** The contract's definition: the share of an item's annotations that give a label. */
    private static double agreement(int forLabel, int votes) {
        return (double) forLabel / votes;
    }

    private static int total(String item, Map<String, Integer> votes) {
        Objects.requireNonNull(item, "item");
        int total = 0;
        for (Map.Entry<String, Integer> entry : Objects.requireNonNull(votes, "votes").entrySet()) {
            Integer count = entry.getValue();
            if (count == null || count < 0) {
                throw new IllegalArgumentException("votes must be counts of at least 0 but label '" + entry.getKey()
                        + "' had " + count + " for item '" + item + "'");
            }
            total += count;
        }
        if (total == 0) {
            throw new IllegalArgumentException("an item needs at least one vote but item '" + item + "' had " + votes);
        }
        return total;
    }

    /** @return true if the item has a consolidated label */
    public boolean isResolved() {
        return label.isPresent();
    }
}
