package dev.mlops.data.label;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Settings of majority vote, the {@code majority-vote} aggregator: what to do on a tie and the
 * fewest votes an item needs, as in {@code majority-vote(tie=random, seed=7, minVotes=2)}.
 * Immutable.
 *
 * @param tie the kind of {@link TiePolicy}; {@code unresolved} when absent
 * @param seed the seed of {@code tie=random}, 0 when absent; given with {@code tie=random} only
 * @param prefer the labels in order of preference, given with (and needed by) {@code tie=prefer} only
 * @param minVotes the fewest annotations an item needs to get a label, at least 1; 1 when absent
 */
public record MajorityVoteSettings(TiePolicy.Kind tie, @Nullable Long seed, @Nullable List<String> prefer,
        Integer minVotes) {

    /**
     * Fills in the defaults and checks the settings.
     *
     * @param tie the kind of {@link TiePolicy}; {@code unresolved} when absent
     * @param seed the seed of {@code tie=random}, 0 when absent; given with {@code tie=random} only
     * @param prefer the labels in order of preference, given with (and needed by) {@code tie=prefer} only
     * @param minVotes the fewest annotations an item needs to get a label, at least 1; 1 when absent
     * @throws IllegalArgumentException if a tie setting is missing for the kind or given for
     *     another kind, the order is empty or repeats a label, or minVotes is less than 1; the
     *     message names the setting and its value
     */
    public MajorityVoteSettings {
        tie = Resolutions.tie(tie);
        seed = Resolutions.seed(tie, seed);
        prefer = Resolutions.prefer(prefer);
        Resolutions.check(tie, seed, prefer);
        minVotes = Resolutions.minVotes(minVotes);
    }

    /**
     * Settings from a tie policy.
     *
     * @param tiePolicy what to do when labels tie
     * @param minVotes the fewest annotations an item needs to get a label, at least 1
     * @throws IllegalArgumentException if minVotes is less than 1
     */
    public MajorityVoteSettings(TiePolicy tiePolicy, int minVotes) {
        this(tiePolicy.kind(), Resolutions.seedOf(tiePolicy), Resolutions.preferOf(tiePolicy), minVotes);
    }

    /** @return the tie policy these settings describe */
    public TiePolicy tiePolicy() {
        return TiePolicy.of(tie, seed, prefer);
    }
}
