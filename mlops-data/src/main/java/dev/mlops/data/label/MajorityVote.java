package dev.mlops.data.label;

import java.util.List;
import java.util.Map;

/** Majority vote: the label most annotations give; confidence is its vote share. */
final class MajorityVote implements LabelAggregator {
    private final Resolution resolution;

    MajorityVote(TiePolicy tiePolicy, int minVotes) {
        this.resolution = new Resolution(tiePolicy, minVotes);
    }

    @Override
    public String name() {
        return "majority-vote(" + resolution.describe() + ")";
    }

    @Override
    public AggregationResult aggregate(Annotations annotations) {
        double[] weights = new double[annotations.workerCount()];
        java.util.Arrays.fill(weights, 1.0);
        return new AggregationResult(name(), annotations.labels(), vote(annotations, weights, resolution), List.of(),
                Map.of(), 0, true);
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
