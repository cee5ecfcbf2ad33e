package dev.mlops.data.label;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Majority vote: the label most annotations give; confidence is its vote share. Equal by settings.
 *
 * @param settings the tie policy and vote minimum
 */
record MajorityVote(MajorityVoteSettings settings) implements LabelAggregator {
    /** The type name. */
    static final String TYPE = "majority-vote";

    MajorityVote {
        Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AggregationResult aggregate(Annotations annotations) {
        double[] weights = new double[annotations.workerCount()];
        java.util.Arrays.fill(weights, 1.0);
        Resolution resolution = new Resolution(settings.tiePolicy(), settings.minVotes(), annotations.labels());
        return new AggregationResult(spec(), annotations.labels(), vote(annotations, weights, resolution), List.of(),
                Map.of(), 0, true);
    }

    @Override
    public String toString() {
        return spec().toString();
    }

    /** Weighted votes per item; with all weights 1 this is majority vote. */
    static List<ConsolidatedLabel> vote(Annotations annotations, double[] weights, Resolution resolution) {
        String[] labels = annotations.labels().toArray(new String[0]);
        List<String> items = annotations.items();
        int k = labels.length;
        double[] score = new double[k];
        int[] counts = new int[k];
        ConsolidatedLabel[] results = new ConsolidatedLabel[items.size()];
        for (int i = 0; i < results.length; i++) {
            java.util.Arrays.fill(score, 0.0);
            java.util.Arrays.fill(counts, 0);
            int start = annotations.start(i);
            int end = annotations.start(i + 1);
            for (int a = start; a < end; a++) {
                int l = annotations.labelIndex(a);
                score[l] += weights[annotations.workerIndex(a)];
                counts[l]++;
            }
            results[i] = resolution.resolve(labels, items.get(i), score, counts, end - start, true);
        }
        return List.of(results);
    }
}
