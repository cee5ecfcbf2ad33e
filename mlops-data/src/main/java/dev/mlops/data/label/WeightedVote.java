package dev.mlops.data.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Weighted vote: each label scores the sum of its workers' weights. The weights are given, or
 * learned from gold items as log-odds of each worker's smoothed accuracy on them.
 */
final class WeightedVote implements LabelAggregator {
    private final Map<String, Double> weights;
    private final Map<String, String> gold;
    private final Resolution resolution;

    private WeightedVote(Map<String, Double> weights, Map<String, String> gold, TiePolicy tiePolicy, int minVotes) {
        this.weights = weights;
        this.gold = gold;
        this.resolution = new Resolution(tiePolicy, minVotes);
    }

    static WeightedVote withWeights(Map<String, Double> weights, TiePolicy tiePolicy, int minVotes) {
        Objects.requireNonNull(weights, "weights");
        Map<String, Double> copy = new TreeMap<>();
        weights.forEach((worker, weight) -> {
            Objects.requireNonNull(worker, "a worker in weights");
            if (weight == null || !Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("weights must be finite and not negative but worker '" + worker
                        + "' had " + weight);
            }
            copy.put(worker, weight);
        });
        return new WeightedVote(Map.copyOf(copy), Map.of(), tiePolicy, minVotes);
    }

    static WeightedVote fromGold(Map<String, String> gold, TiePolicy tiePolicy, int minVotes) {
        Objects.requireNonNull(gold, "goldLabels");
        if (gold.isEmpty()) {
            throw new IllegalArgumentException("goldLabels must not be empty");
        }
        gold.forEach((item, label) -> {
            if (item == null || item.isBlank() || label == null || label.isBlank()) {
                throw new IllegalArgumentException("goldLabels must map non-blank items to non-blank labels but held '"
                        + item + "' -> '" + label + "'");
            }
        });
        return new WeightedVote(Map.of(), Map.copyOf(gold), tiePolicy, minVotes);
    }

    @Override
    public String name() {
        return (gold.isEmpty() ? "weighted-vote(" + weights.size() + " given weights, "
                : "weighted-vote(weights from " + gold.size() + " gold items, ") + resolution.describe() + ")";
    }

    @Override
    public AggregationResult aggregate(Annotations annotations) {
        Objects.requireNonNull(annotations, "annotations");
        List<WorkerQuality> quality = new ArrayList<>();
        double[] w = gold.isEmpty() ? givenWeights(annotations) : learnedWeights(annotations, quality);
        return new AggregationResult(name(), annotations.labels(), MajorityVote.vote(annotations, w, resolution),
                quality, Map.of(), 0, true);
    }

    private double[] givenWeights(Annotations annotations) {
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
    private double[] learnedWeights(Annotations annotations, List<WorkerQuality> quality) {
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
