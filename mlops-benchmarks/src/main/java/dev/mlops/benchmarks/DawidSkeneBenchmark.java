package dev.mlops.benchmarks;

import dev.mlops.data.label.AggregationResult;
import dev.mlops.data.label.Annotation;
import dev.mlops.data.label.Annotations;
import dev.mlops.data.label.LabelAggregator;
import dev.mlops.data.label.LabelAggregators;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Consolidates a synthetic crowd's labels with Dawid–Skene EM and, for scale, with majority
 * vote: {@code annotations} annotations (default 1,000,000) of 5 workers per item, drawn from
 * 50 workers of mixed quality (a fifth of them spammers) over 4 classes with unequal priors,
 * from a fixed seed.
 *
 * <ul>
 *   <li>{@link #index()}: building the indexed {@link Annotations} from the annotation list;
 *   <li>{@link #dawidSkene()}: EM to convergence (tolerance 1e-6, at most 100 iterations) on the
 *       indexed annotations;
 *   <li>{@link #majorityVote()}: majority vote on the same annotations.
 * </ul>
 *
 * <p>The score is seconds per operation. The target: Dawid–Skene on 1,000,000
 * annotations under 10 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DawidSkeneBenchmark {
    private static final int WORKERS_PER_ITEM = 5;
    private static final int WORKERS = 50;
    private static final String[] CLASSES = {"cat", "dog", "bird", "fox"};
    private static final double[] PRIORS = {0.4, 0.3, 0.2, 0.1};

    /** How many annotations the crowd makes. */
    @Param("1000000")
    public int annotations;

    private List<Annotation> crowd = List.of();
    private Annotations indexed = Annotations.of(new Annotation("i", "w", "l"));
    private final LabelAggregator dawidSkene = LabelAggregators.dawidSkene();
    private final LabelAggregator majority = LabelAggregators.majorityVote();

    /** Draws the crowd from a fixed seed. */
    @Setup
    public void drawCrowd() {
        SplittableRandom random = new SplittableRandom(20_261_125L);
        double[] accuracy = new double[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            accuracy[w] = w % 5 == 0 ? 1.0 / CLASSES.length : 0.6 + 0.35 * random.nextDouble();
        }
        int items = annotations / WORKERS_PER_ITEM;
        List<Annotation> drawn = new ArrayList<>(items * WORKERS_PER_ITEM);
        for (int item = 0; item < items; item++) {
            int truth = draw(random);
            String itemId = "item-" + item;
            int first = random.nextInt(WORKERS);
            for (int k = 0; k < WORKERS_PER_ITEM; k++) {
                int worker = (first + k * 7) % WORKERS;
                int label = random.nextDouble() < accuracy[worker] ? truth : random.nextInt(CLASSES.length);
                drawn.add(new Annotation(itemId, "worker-" + worker, CLASSES[label]));
            }
        }
        crowd = List.copyOf(drawn);
        indexed = Annotations.of(crowd);
        AggregationResult result = dawidSkene.aggregate(indexed);
        System.out.printf(Locale.ROOT, "%n# %d annotations, %d items; Dawid-Skene: %d iterations, converged %s%n",
                crowd.size(), items, result.iterations(), result.converged());
    }

    private static int draw(SplittableRandom random) {
        double u = random.nextDouble();
        for (int c = 0; c < PRIORS.length - 1; c++) {
            u -= PRIORS[c];
            if (u < 0) {
                return c;
            }
        }
        return PRIORS.length - 1;
    }

    /** @return the indexed annotations */
    @Benchmark
    public Annotations index() {
        return Annotations.of(crowd);
    }

    /** @return Dawid–Skene's consolidated labels */
    @Benchmark
    public AggregationResult dawidSkene() {
        return dawidSkene.aggregate(indexed);
    }

    /** @return majority vote's consolidated labels */
    @Benchmark
    public AggregationResult majorityVote() {
        return majority.aggregate(indexed);
    }
}
