package dev.mlops.data.label;

import dev.mlops.core.Seed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic crowd: items with a true label drawn from unequal priors, each annotated by
 * distinct workers drawn at random; a worker answers the truth with their accuracy and otherwise
 * one of the other labels uniformly, a random spammer answers uniformly at random, a constant
 * spammer always gives the same label.
 */
final class SyntheticCrowd {
    static final List<String> LABELS = List.of("cat", "dog", "fox");
    static final double[] PRIORS = {0.5, 0.3, 0.2};

    /** A worker: accuracy in [0, 1], or a negative accuracy for a spammer; constant is the spammer's label or null. */
    record Worker(String id, double accuracy, String constant) {
    }

    final Annotations annotations;
    final Map<String, String> truth = new HashMap<>();

    private SyntheticCrowd(Annotations annotations) {
        this.annotations = annotations;
    }

    /** The crowd of the issue: 3 good workers (0.9), 4 mediocre (0.7), 2 uniform spammers, 1 always "fox". */
    static List<Worker> mixedWorkers() {
        return List.of(new Worker("good-1", 0.9, ""), new Worker("good-2", 0.9, ""), new Worker("good-3", 0.9, ""),
                new Worker("mediocre-1", 0.7, ""), new Worker("mediocre-2", 0.7, ""),
                new Worker("mediocre-3", 0.7, ""), new Worker("mediocre-4", 0.7, ""),
                new Worker("spammer-random-1", -1, ""), new Worker("spammer-random-2", -1, ""),
                new Worker("spammer-constant", -1, "fox"));
    }

    static SyntheticCrowd generate(Seed seed, List<Worker> workers, int items, int perItem) {
        SplittableRandom random = seed.derive("synthetic-crowd").random();
        List<Annotation> annotations = new ArrayList<>(items * perItem);
        int[] order = new int[workers.size()];
        Map<String, String> truth = new HashMap<>();
        for (int i = 0; i < items; i++) {
            String item = String.format(Locale.ROOT, "item-%05d", i);
            int truthIndex = draw(random);
            truth.put(item, LABELS.get(truthIndex));
            for (int w = 0; w < order.length; w++) {
                order[w] = w;
            }
            for (int v = 0; v < perItem; v++) {
                int pick = v + random.nextInt(order.length - v);
                int chosen = order[pick];
                order[pick] = order[v];
                order[v] = chosen;
                Worker worker = workers.get(chosen);
                annotations.add(Annotation.of(item, worker.id(), answer(worker, truthIndex, random)));
            }
        }
        SyntheticCrowd crowd = new SyntheticCrowd(Annotations.of(annotations));
        crowd.truth.putAll(truth);
        return crowd;
    }

    private static int draw(SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < PRIORS.length - 1; k++) {
            cumulative += PRIORS[k];
            if (u < cumulative) {
                return k;
            }
        }
        return PRIORS.length - 1;
    }

    private static String answer(Worker worker, int truth, SplittableRandom random) {
        if (!worker.constant().isEmpty()) {
            return worker.constant();
        }
        if (worker.accuracy() < 0) {
            return LABELS.get(random.nextInt(LABELS.size()));
        }
        if (random.nextDouble() < worker.accuracy()) {
            return LABELS.get(truth);
        }
        int other = random.nextInt(LABELS.size() - 1);
        return LABELS.get(other >= truth ? other + 1 : other);
    }

    /** The share of items whose consolidated label is the truth; unresolved items count as wrong. */
    double accuracy(AggregationResult result) {
        int right = 0;
        for (ConsolidatedLabel item : result.items()) {
            if (item.label().map(truth.get(item.item())::equals).orElse(false)) {
                right++;
            }
        }
        return (double) right / result.items().size();
    }
}
