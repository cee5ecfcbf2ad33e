package dev.mlops.data.label;

import java.util.Map;

/**
 * The built-in {@link LabelAggregator}s.
 *
 * <ul>
 *   <li>Majority vote: the label most annotations give; confidence is its vote share. It does
 *       not rate workers.</li>
 *   <li>Weighted vote: each label scores the sum of its workers' weights; confidence is its
 *       share of the item's total weight. Weights are given, or learned from gold items: a
 *       worker's accuracy on the annotated gold items, smoothed as (correct + 1) / (seen + 2),
 *       gives the weight max(0, ln((K − 1) · acc / (1 − acc))) for K labels (at least 2), the
 *       optimal weight when errors spread evenly over the other labels; a worker who saw no gold
 *       item gets the mean weight of those who did. Gold items are consolidated like the others.
 *       Learning reports each rated worker's raw accuracy on the gold items, with chance the
 *       share of the most frequent gold label (at least 1/K).</li>
 *   <li>Dawid–Skene: EM over per-worker confusion matrices and class priors (Dawid and Skene,
 *       1979), started from majority-vote shares; see {@link DawidSkeneBuilder}. The M-step adds
 *       the smoothing pseudo-count to every confusion cell and class count; the E-step works in
 *       log space. EM stops when no posterior changed by the tolerance or more, or after the
 *       iteration limit ({@link AggregationResult#converged()} says which). A worker's accuracy
 *       is Σ<sub>k</sub> prior<sub>k</sub> · confusion<sub>kk</sub>; chance is the largest
 *       prior, the accuracy of always answering the most frequent label (never less than 1/K).
 *       A worker who answers at random, or always a label other than the most frequent, lands
 *       clearly below it; one who always answers the most frequent label lands on it, and the
 *       smoothing moves the estimate by about 1e-5 either way, so such a worker may or may not
 *       be flagged.</li>
 * </ul>
 *
 * <p>An item whose annotations all give the same label gets that label (with agreement 1),
 * whatever the method's scores; its confidence is still the method's score of that label, so a
 * Dawid–Skene posterior that doubts a unanimous but unreliable crowd shows as low confidence.
 * Labels tie when their scores are exactly equal (as doubles); the {@link TiePolicy} decides
 * then, among the labels that have a vote (for Dawid–Skene, among all labels). An item with
 * fewer annotations than {@code minVotes} is unresolved with
 * {@link UnresolvedReason#TOO_FEW_VOTES}. The defaults leave ties unresolved and need 1 vote.
 *
 * <p>Each factory returns a component equal to the one
 * {@link dev.mlops.core.component.ComponentRegistry} builds from the same settings, such as
 * {@code majority-vote(tie=random, seed=7)}.
 */
public final class LabelAggregators {

    private LabelAggregators() {
    }

    /** @return majority vote that leaves ties unresolved and needs 1 vote per item */
    public static LabelAggregator majorityVote() {
        return majorityVote(TiePolicy.unresolved(), 1);
    }

    /**
     * Returns majority vote with a tie policy and a vote minimum.
     *
     * @param tiePolicy what to do when labels tie
     * @param minVotes the fewest annotations an item needs to get a label, at least 1
     * @return the aggregator
     * @throws IllegalArgumentException if minVotes is less than 1
     */
    public static LabelAggregator majorityVote(TiePolicy tiePolicy, int minVotes) {
        return new MajorityVote(new MajorityVoteSettings(tiePolicy, minVotes));
    }

    /**
     * Returns weighted vote with the given weights, leaving ties unresolved.
     *
     * @param weights each worker's weight, finite and not negative (0 ignores the worker)
     * @return the aggregator; it refuses annotations by a worker without a weight
     * @throws IllegalArgumentException if a weight is negative or not finite
     */
    public static LabelAggregator weightedVote(Map<String, Double> weights) {
        return weightedVote(weights, TiePolicy.unresolved(), 1);
    }

    /**
     * Returns weighted vote with the given weights.
     *
     * @param weights each worker's weight, finite and not negative (0 ignores the worker)
     * @param tiePolicy what to do when labels tie
     * @param minVotes the fewest annotations an item needs to get a label, at least 1
     * @return the aggregator; it refuses annotations by a worker without a weight
     * @throws IllegalArgumentException if a weight is negative or not finite, or minVotes is less than 1
     */
    public static LabelAggregator weightedVote(Map<String, Double> weights, TiePolicy tiePolicy, int minVotes) {
        return new WeightedVote(WeightedVoteSettings.withWeights(weights, tiePolicy, minVotes));
    }

    /**
     * Returns weighted vote with weights learned from gold items, leaving ties unresolved.
     *
     * @param goldLabels the true label of some items
     * @return the aggregator; it refuses annotations of none of the gold items
     * @throws IllegalArgumentException if the map is empty or holds a blank item or label
     */
    public static LabelAggregator weightedVoteFromGold(Map<String, String> goldLabels) {
        return weightedVoteFromGold(goldLabels, TiePolicy.unresolved(), 1);
    }

    /**
     * Returns weighted vote with weights learned from gold items.
     *
     * @param goldLabels the true label of some items
     * @param tiePolicy what to do when labels tie
     * @param minVotes the fewest annotations an item needs to get a label, at least 1
     * @return the aggregator; it refuses annotations of none of the gold items
     * @throws IllegalArgumentException if the map is empty or holds a blank item or label, or
     *     minVotes is less than 1
     */
    public static LabelAggregator weightedVoteFromGold(Map<String, String> goldLabels, TiePolicy tiePolicy,
            int minVotes) {
        return new WeightedVote(WeightedVoteSettings.fromGold(goldLabels, tiePolicy, minVotes));
    }

    /** @return Dawid–Skene with the defaults of {@link DawidSkeneBuilder} */
    public static LabelAggregator dawidSkene() {
        return dawidSkeneBuilder().build();
    }

    /**
     * Returns majority vote with its settings.
     *
     * @param settings the settings
     * @return the aggregator
     */
    public static LabelAggregator majorityVote(MajorityVoteSettings settings) {
        return new MajorityVote(settings);
    }

    /**
     * Returns weighted vote with its settings.
     *
     * @param settings the settings
     * @return the aggregator
     */
    public static LabelAggregator weightedVote(WeightedVoteSettings settings) {
        return new WeightedVote(settings);
    }

    /**
     * Returns Dawid–Skene with its settings.
     *
     * @param settings the settings
     * @return the aggregator
     */
    public static LabelAggregator dawidSkene(DawidSkeneSettings settings) {
        return new DawidSkene(settings);
    }

    /** @return a builder of Dawid–Skene settings */
    public static DawidSkeneBuilder dawidSkeneBuilder() {
        return new DawidSkeneBuilder();
    }
}
