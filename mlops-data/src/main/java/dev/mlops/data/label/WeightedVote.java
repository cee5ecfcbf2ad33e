package dev.mlops.data.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Weighted vote: each label scores the sum of its workers' weights. The weights are given, or
 * learned from gold items as log-odds of each worker's smoothed accuracy on them. Equal by settings.
 *
 * @param settings the weights or gold labels, and the tie settings
 */
record WeightedVote(WeightedVoteSettings settings) implements LabelAggregator {
    /** The type name. */
    static final String TYPE = "weighted-vote";

    WeightedVote {
        Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return spec().toString();
    }

    @Override
    public AggregationResult aggregate(Annotations annotations) {
        Objects.requireNonNull(annotations, "annotations");
        List<WorkerQuality> quality = new ArrayList<>();
        List<WeightedVoteSettings.GoldLabel> gold = settings.gold();
        double[] w = gold == null ? givenWeights(annotations, Objects.requireNonNull(settings.weights()))
                : learnedWeights(annotations, gold, quality);
        Resolution resolution = new Resolution(settings.tiePolicy(), settings.minVotes(), annotations.labels());
        return new AggregationResult(spec(), annotations.labels(), MajorityVote.vote(annotations, w, resolution),
                quality, Map.of(), 0, true);
    }

    private static double[] givenWeights(Annotations annotations, List<WeightedVoteSettings.WorkerWeight> given) {
        Map<String, Double> weights = new HashMap<>();
        for (WeightedVoteSettings.WorkerWeight weight : given) {
            weights.put(weight.worker(), weight.weight());
        }
        List<String> workers = annotations.workers();
        double[] w = new double[workers.size()];
        List<String> without = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            Double weight = weights.get(workers.get(j));
            if (weight == null) {
                without.add(workers.get(j));
            } else {
                w[j] = weight;
            }
        }
        if (!without.isEmpty()) {
            throw new AnnotationException(without.size() + " worker(s) of the annotations have no weight: "
                    + (without.size() <= 10 ? without : without.subList(0, 10) + " ...")
                    + "; give every worker a weight (0 ignores a worker)");
        }
        return w;
    }

    /**
     * Each worker's accuracy on the annotated gold items, smoothed as (correct + 1) / (seen + 2),
     * gives the weight ln((K - 1) * acc / (1 - acc)), at least 0 (K the number of labels, at
     * least 2); a worker who saw no gold item gets the mean weight of those who did.
     */
    private static double[] learnedWeights(Annotations annotations, List<WeightedVoteSettings.GoldLabel> goldLabels,
            List<WorkerQuality> quality) {
        Map<String, String> gold = new HashMap<>();
        for (WeightedVoteSettings.GoldLabel label : goldLabels) {
            gold.put(label.item(), label.label());
        }
        List<String> items = annotations.items();
        List<String> labels = annotations.labels();
        int workers = annotations.workerCount();
        int[] seen = new int[workers];
        int[] correct = new int[workers];
        Map<String, Integer> goldLabelCounts = new TreeMap<>();
        int goldItems = 0;
        for (int i = 0; i < items.size(); i++) {
            String truth = gold.get(items.get(i));
            if (truth == null) {
                continue;
            }
            goldItems++;
            goldLabelCounts.merge(truth, 1, Integer::sum);
            for (int a = annotations.start(i); a < annotations.start(i + 1); a++) {
                int j = annotations.workerIndex(a);
                seen[j]++;
                if (labels.get(annotations.labelIndex(a)).equals(truth)) {
                    correct[j]++;
                }
            }
        }
        if (goldItems == 0) {
            throw new AnnotationException("none of the " + gold.size() + " gold items is among the "
                    + items.size() + " annotated items; weights cannot be learned");
        }
        int mostFrequent = goldLabelCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        double chance = Math.max((double) mostFrequent / goldItems, 1.0 / Math.max(labels.size(), 2));
        double oddsFactor = Math.max(labels.size(), 2) - 1.0;
        double[] w = new double[workers];
        double sum = 0;
        int rated = 0;
        List<String> workerIds = annotations.workers();
        int[] annotationCounts = new int[workers];
        for (int a = 0; a < annotations.size(); a++) {
            annotationCounts[annotations.workerIndex(a)]++;
        }
        for (int j = 0; j < workers; j++) {
            if (seen[j] == 0) {
                continue;
            }
            double smoothed = (correct[j] + 1.0) / (seen[j] + 2.0);
            w[j] = Math.max(0.0, Math.log(oddsFactor * smoothed / (1 - smoothed)));
            sum += w[j];
            rated++;
            quality.add(WorkerQuality.of(workerIds.get(j), annotationCounts[j], (double) correct[j] / seen[j],
                    chance));
        }
        double mean = sum / rated;
        for (int j = 0; j < workers; j++) {
            if (seen[j] == 0) {
                w[j] = mean;
            }
        }
        return w;
    }
}
