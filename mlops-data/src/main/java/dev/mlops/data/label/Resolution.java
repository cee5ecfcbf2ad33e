package dev.mlops.data.label;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns one item's label scores into a {@link ConsolidatedLabel} under a tie policy and a vote minimum. */
final class Resolution {
    private final TiePolicy tiePolicy;
    private final int minVotes;

    /**
     * @param minVotes at least 1, as the settings records check
     * @param labels the annotations' labels
     * @throws AnnotationException if there are labels and a preferred order names one the
     *     annotations do not have (no annotations at all leave nothing to prefer)
     */
    Resolution(TiePolicy tiePolicy, int minVotes, List<String> labels) {
        this.tiePolicy = Objects.requireNonNull(tiePolicy, "tiePolicy");
        this.minVotes = minVotes;
        if (tiePolicy instanceof TiePolicy.PreferredOrder preferred && !labels.isEmpty()) {
            for (String label : preferred.order()) {
                if (!labels.contains(label)) {
                    throw new AnnotationException("tie=prefer names the label '" + label
                            + "', which no annotation gives; the annotations' labels are " + labels);
                }
            }
        }
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
        Map<String, Integer> given = new LinkedHashMap<>();
        for (int l = 0; l < k; l++) {
            if (counts[l] > 0) {
                given.put(labels[l], counts[l]);
            }
        }
        double confidence = total > 0 ? Math.min(1.0, best / total) : 0.0;
        if (votes < minVotes) {
            return ConsolidatedLabel.unresolved(item, UnresolvedReason.TOO_FEW_VOTES, confidence, given, distribution);
        }
        if (maxCount == votes) {
            // every annotation agrees: that label, whatever the scores say
            for (int l = 0; l < k; l++) {
                if (counts[l] == votes) {
                    return ConsolidatedLabel.resolved(item, labels[l],
                            total > 0 ? Math.min(1.0, score[l] / total) : 0.0, given, distribution);
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
            return ConsolidatedLabel.unresolved(item, UnresolvedReason.TIE, confidence, given, distribution);
        }
        return ConsolidatedLabel.resolved(item, labels[chosen], confidence, given, distribution);
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
}
