package dev.mlops.data.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Settings of weighted vote, the {@code weighted-vote} aggregator: exactly one of the workers'
 * {@code weights} or the {@code gold} labels to learn them from, and the tie settings, as in
 * {@code weighted-vote(weights=[{worker=w1, weight=2.0}, {worker=w2, weight=0.5}], tie=random, seed=3)}.
 * Weights and gold labels are lists of records, so any worker or item id round-trips through a
 * spec string; they are kept sorted by worker and item. Immutable.
 *
 * @param weights each worker's weight, or null when learned from gold labels
 * @param gold the true label of some items, or null when the weights are given
 * @param tie the kind of {@link TiePolicy}; {@code unresolved} when absent
 * @param seed the seed of {@code tie=random}, 0 when absent; given with {@code tie=random} only
 * @param prefer the labels in order of preference, given with (and needed by) {@code tie=prefer} only
 * @param minVotes the fewest annotations an item needs to get a label, at least 1; 1 when absent
 */
public record WeightedVoteSettings(@Nullable List<WorkerWeight> weights, @Nullable List<GoldLabel> gold,
        TiePolicy.Kind tie, @Nullable Long seed, @Nullable List<String> prefer, Integer minVotes) {

    /**
     * Fills in the defaults, sorts the weights and gold labels, and checks the settings.
     *
     * @param weights each worker's weight, or null when learned from gold labels
     * @param gold the true label of some items, or null when the weights are given
     * @param tie the kind of {@link TiePolicy}; {@code unresolved} when absent
     * @param seed the seed of {@code tie=random}, 0 when absent; given with {@code tie=random} only
     * @param prefer the labels in order of preference, given with (and needed by) {@code tie=prefer} only
     * @param minVotes the fewest annotations an item needs to get a label, at least 1; 1 when absent
     * @throws IllegalArgumentException if not exactly one of weights and gold is given, gold is
     *     empty, a worker or item repeats, a tie setting is missing for the kind or given for
     *     another kind, or minVotes is less than 1; the message names the setting and its value
     */
    public WeightedVoteSettings {
        if ((weights == null) == (gold == null)) {
            throw new IllegalArgumentException("exactly one of weights (each worker's weight) and gold (known labels"
                    + " to learn the weights from) must be given but " + (weights == null ? "neither was" : "both were"));
        }
        weights = weights == null ? null : sorted("weights", weights, WorkerWeight::worker);
        gold = gold == null ? null : sorted("gold", gold, GoldLabel::item);
        if (gold != null && gold.isEmpty()) {
            throw new IllegalArgumentException("gold must not be empty");
        }
        tie = Resolutions.tie(tie);
        seed = Resolutions.seed(tie, seed);
        prefer = Resolutions.prefer(prefer);
        Resolutions.check(tie, seed, prefer);
        minVotes = Resolutions.minVotes(minVotes);
    }

    /**
     * Settings with given weights.
     *
     * @param weights each worker's weight, finite and not negative (0 ignores the worker)
     * @param tiePolicy what to do when labels tie
     * @param minVotes the fewest annotations an item needs to get a label, at least 1
     * @return the settings
     * @throws IllegalArgumentException if a weight is negative or not finite, or minVotes is less than 1
     */
    public static WeightedVoteSettings withWeights(Map<String, Double> weights, TiePolicy tiePolicy, int minVotes) {
        List<WorkerWeight> list = new ArrayList<>();
        Objects.requireNonNull(weights, "weights").forEach((worker, weight) -> {
            if (weight == null) {
                throw new IllegalArgumentException("weights must be finite and not negative but worker '" + worker
                        + "' had null");
            }
            list.add(new WorkerWeight(worker, weight));
        });
        return new WeightedVoteSettings(list, null, tiePolicy.kind(), Resolutions.seedOf(tiePolicy),
                Resolutions.preferOf(tiePolicy), minVotes);
    }

    /**
     * Settings with weights learned from gold labels.
     *
     * @param gold the true label of some items
     * @param tiePolicy what to do when labels tie
     * @param minVotes the fewest annotations an item needs to get a label, at least 1
     * @return the settings
     * @throws IllegalArgumentException if the map is empty or holds a blank item or label, or
     *     minVotes is less than 1
     */
    public static WeightedVoteSettings fromGold(Map<String, String> gold, TiePolicy tiePolicy, int minVotes) {
        List<GoldLabel> list = new ArrayList<>();
        Objects.requireNonNull(gold, "gold").forEach((item, label) -> list.add(new GoldLabel(item, label)));
        return new WeightedVoteSettings(null, list, tiePolicy.kind(), Resolutions.seedOf(tiePolicy),
                Resolutions.preferOf(tiePolicy), minVotes);
    }

    /** @return the tie policy these settings describe */
    public TiePolicy tiePolicy() {
        return TiePolicy.of(tie, seed, prefer);
    }

    private static <T> List<T> sorted(String name, List<T> values, Function<T, String> id) {
        List<T> copy = new ArrayList<>(values);
        for (T value : copy) {
            Objects.requireNonNull(value, () -> "an element of " + name);
        }
        copy.sort(Comparator.comparing(id));
        for (int i = 1; i < copy.size(); i++) {
            if (id.apply(copy.get(i - 1)).equals(id.apply(copy.get(i)))) {
                throw new IllegalArgumentException(name + " must not repeat '" + id.apply(copy.get(i)) + "'");
            }
        }
        return List.copyOf(copy);
    }

    /**
     * One worker's weight.
     *
     * @param worker the worker's id, not blank
     * @param weight the weight, finite and not negative (0 ignores the worker)
     */
    public record WorkerWeight(String worker, double weight) {
        /**
         * Checks the weight.
         *
         * @param worker the worker's id, not blank
         * @param weight the weight, finite and not negative (0 ignores the worker)
         * @throws IllegalArgumentException if the worker is blank or the weight negative or not finite
         */
        public WorkerWeight {
            if (worker == null || worker.isBlank()) {
                throw new IllegalArgumentException("a worker in weights must not be blank but was '" + worker + "'");
            }
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weights must be finite and not negative but worker '" + worker
                        + "' had " + weight);
            }
        }
    }

    /**
     * One item's known label.
     *
     * @param item the item's id, not blank
     * @param label its true label, not blank
     */
    public record GoldLabel(String item, String label) {
        /**
         * Checks the parts.
         *
         * @param item the item's id, not blank
         * @param label its true label, not blank
         * @throws IllegalArgumentException if the item or label is blank
         */
        public GoldLabel {
            if (item == null || item.isBlank() || label == null || label.isBlank()) {
                throw new IllegalArgumentException("gold must map non-blank items to non-blank labels but held '"
                        + item + "' -> '" + label + "'");
            }
        }
    }
}
