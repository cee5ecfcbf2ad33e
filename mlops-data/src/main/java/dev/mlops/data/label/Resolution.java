package dev.mlops.data.label;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns one item's label scores into a {@link ConsolidatedLabel} under a tie policy and a vote minimum. */
final class Resolution {
    private final TiePolicy tiePolicy;
    private final int minVotes;

    Resolution(TiePolicy tiePolicy, int minVotes) {
        this.tiePolicy = Objects.requireNonNull(tiePolicy, "tiePolicy");
        if (minVotes < 1) {
            throw new IllegalArgumentException("minVotes must be at least 1 but was " + minVotes);
        }
        this.minVotes = minVotes;
    }

    static String describe(TiePolicy policy) {
        if (policy instanceof TiePolicy.Random random) {
            return "random(seed " + random.seed().value() + ")";
        } else if (policy instanceof TiePolicy.PreferredOrder preferred) {
            return "preferred" + preferred.order();
        }
        return "unresolved";
    }

    String describe() {
        return "ties " + describe(tiePolicy) + ", minVotes " + minVotes;
    }

    /**
     * Resolves one item.
     *
     * @param labels the labels, in index order
     * @param item the item's id
     * @param score each label's score, not negative
     * @param counts each label's vote count
     * @param votes the item's number of annotations
     * @param onlyVoted whether only labels with a vote may be chosen
     */
    ConsolidatedLabel resolve(String[] labels, String item, double[] score, int[] counts, int votes,
            boolean onlyVoted) {
        int k = labels.length;
        double total = 0;
        double best = Double.NEGATIVE_INFINITY;
        int maxCount = 0;
        for (int l = 0; l < k; l++) {
            maxCount = Math.max(maxCount, counts[l]);
            if (onlyVoted && counts[l] == 0) {
                continue;
            }
            total += score[l];
            best = Math.max(best, score[l]);
        }
        Map<String, Double> distribution = new LinkedHashMap<>();
        if (total > 0) {
            for (int l = 0; l < k; l++) {
                if (score[l] > 0 && (!onlyVoted || counts[l] > 0)) {
                    distribution.put(labels[l], score[l] / total);
                }
            }
        }
        double confidence = total > 0 ? Math.min(1.0, best / total) : 0.0;
        if (votes < minVotes) {
            return unresolved(item, confidence, maxCount, votes, UnresolvedReason.TOO_FEW_VOTES, distribution);
        }
        if (maxCount == votes) {
            // every annotation agrees: that label, whatever the scores say
            for (int l = 0; l < k; l++) {
                if (counts[l] == votes) {
                    return new ConsolidatedLabel(item, Optional.of(labels[l]), total > 0 ? Math.min(1.0, score[l] / total)
                            : 0.0, 1.0, votes, Optional.empty(), distribution);
                }
            }
        }
        int tied = 0;
        for (int l = 0; l < k; l++) {
            if (score[l] == best && (!onlyVoted || counts[l] > 0)) {
                tied++;
            }
        }
        int chosen = -1;
        if (tied == 1) {
            chosen = candidate(score, counts, best, onlyVoted, 0);
        } else if (tiePolicy instanceof TiePolicy.Random random) {
            int pick = random.seed().derive("tie/" + item).random().nextInt(tied);
            chosen = candidate(score, counts, best, onlyVoted, pick);
        } else if (tiePolicy instanceof TiePolicy.PreferredOrder preferred) {
            for (String label : preferred.order()) {
                int l = Arrays.binarySearch(labels, label);
                if (l >= 0 && score[l] == best && (!onlyVoted || counts[l] > 0)) {
                    chosen = l;
                    break;
                }
            }
        }
        if (chosen < 0) {
            return unresolved(item, confidence, maxCount, votes, UnresolvedReason.TIE, distribution);
        }
        return new ConsolidatedLabel(item, Optional.of(labels[chosen]), confidence, (double) counts[chosen] / votes,
                votes, Optional.empty(), distribution);
    }

    private static int candidate(double[] score, int[] counts, double best, boolean onlyVoted, int rank) {
        int seen = 0;
        for (int l = 0; l < score.length; l++) {
            if (score[l] == best && (!onlyVoted || counts[l] > 0)) {
                if (seen == rank) {
                    return l;
                }
                seen++;
            }
        }
        throw new IllegalStateException("no candidate of rank " + rank);
    }

    private static ConsolidatedLabel unresolved(String item, double confidence, int maxCount, int votes,
            UnresolvedReason reason, Map<String, Double> distribution) {
        return new ConsolidatedLabel(item, Optional.empty(), confidence, (double) maxCount / votes, votes,
                Optional.of(reason), distribution);
    }
}
