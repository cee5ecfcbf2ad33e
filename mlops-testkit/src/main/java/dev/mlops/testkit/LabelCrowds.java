package dev.mlops.testkit;

import dev.mlops.data.label.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds random annotations from a seed, for the sweeps of {@link LabelAggregatorContract}: a
 * crowd of workers {@code worker-0} to {@code worker-9} of random accuracy (0.2 to 0.95), items
 * {@code item-000} onwards (always at least {@code item-000} to {@code item-004}), true labels
 * drawn uniformly from the first labels of {@link #LABELS}, and a share of items whose
 * annotations all agree. The same seed and sizes always give the same annotations, in the same
 * order.
 */
final class LabelCrowds {
    /** The workers a crowd may draw from. */
    static final List<String> WORKERS = List.of("worker-0", "worker-1", "worker-2", "worker-3", "worker-4",
            "worker-5", "worker-6", "worker-7", "worker-8", "worker-9");

    /** The labels a crowd may use, non-ASCII ones among them. */
    static final List<String> LABELS = List.of("A", "B", "München", "São Paulo", "東京");

    /** Every crowd has at least this many items. */
    static final int MIN_ITEMS = 5;

    private LabelCrowds() {
    }

    /**
     * Builds a random crowd's annotations.
     *
     * @param seed the seed that decides every choice
     * @param items the number of items, at least {@link #MIN_ITEMS}
     * @param workers the number of workers, 1 to 10
     * @param labels the number of labels, 1 to 5
     * @return the annotations, each (item, worker) pair once, in generation order
     */
    static List<Annotation> annotations(long seed, int items, int workers, int labels) {
        if (items < MIN_ITEMS || workers < 1 || workers > WORKERS.size() || labels < 1 || labels > LABELS.size()) {
            throw new IllegalArgumentException("items must be at least " + MIN_ITEMS + ", workers 1 to 10 and labels 1"
                    + " to 5 but were " + items + ", " + workers + ", " + labels);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] accuracy = new double[workers];
        for (int w = 0; w < workers; w++) {
            accuracy[w] = 0.2 + 0.75 * random.nextDouble();
        }
        int[] order = new int[workers];
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String item = String.format(Locale.ROOT, "item-%03d", i);
            int truth = random.nextInt(labels);
            boolean unanimous = random.nextInt(4) == 0;
            int votes = 1 + random.nextInt(Math.min(workers, 5));
            for (int w = 0; w < workers; w++) {
                order[w] = w;
            }
            for (int v = 0; v < votes; v++) {
                int pick = v + random.nextInt(workers - v);
                int worker = order[pick];
                order[pick] = order[v];
                order[v] = worker;
                int label = unanimous || random.nextDouble() < accuracy[worker] ? truth : random.nextInt(labels);
                annotations.add(Annotation.of(item, WORKERS.get(worker), LABELS.get(label)));
            }
        }
        return annotations;
    }

    /**
     * Returns a copy in a random order.
     *
     * @param annotations the annotations
     * @param seed the seed of the shuffle
     * @return the same annotations, shuffled (Fisher–Yates)
     */
    static List<Annotation> shuffled(List<Annotation> annotations, long seed) {
        List<Annotation> copy = new ArrayList<>(annotations);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Annotation swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }
}
