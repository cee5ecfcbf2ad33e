package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Table;
import dev.mlops.data.label.AggregationResult;
import dev.mlops.data.label.Annotation;
import dev.mlops.data.label.AnnotationException;
import dev.mlops.data.label.Annotations;
import dev.mlops.data.label.ConsolidatedLabel;
import dev.mlops.data.label.LabelAggregator;
import dev.mlops.data.label.UnresolvedReason;
import dev.mlops.data.label.WorkerQuality;
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.EmptyInput;
import dev.mlops.testkit.kit.Runs;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import dev.mlops.testkit.kit.Sweep;
import dev.mlops.testkit.kit.ThreadSafe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of {@link LabelAggregator} as a JUnit 5 test: extend this class, say how to make
 * your aggregator, and every test here runs against it.
 *
 * <pre>{@code
 * class MyAggregatorContractTest extends LabelAggregatorContract {
 *     @Override
 *     protected LabelAggregator aggregator() {
 *         return new MyAggregator();
 *     }
 *
 *     @Override
 *     protected boolean ratesEveryWorker() {
 *         return true;
 *     }
 * }
 * }</pre>
 *
 * <p>What the tests check, for any implementation, on a fixture and on a sweep of random crowds
 * drawn from one fixed master seed (1 to 5 labels, non-ASCII ones among them; 1 to 10 workers of
 * random accuracy; 1 to 5 annotations per item; a quarter of the items unanimous):
 * <ul>
 *   <li>exactly one result per item of the annotations, in the annotations' item order, with the
 *       item's number of annotations as its vote count;</li>
 *   <li>every consolidated label is one of the annotations' labels;</li>
 *   <li>confidence and agreement are in [0, 1], and agreement is the share of the item's
 *       annotations that give the chosen label (of its most frequent label when unresolved);</li>
 *   <li>an item whose annotations all agree gets that label with agreement 1, unless it is
 *       unresolved for {@link UnresolvedReason#TOO_FEW_VOTES};</li>
 *   <li>an unresolved item has no label and says why;</li>
 *   <li>any seeded shuffle of the same annotations gives an equal result; a failure names the
 *       first differing item;</li>
 *   <li>every rated worker is a worker of the annotations, with their annotation count and an
 *       accuracy and chance in [0, 1]; if {@link #ratesEveryWorker()}, every worker is rated;</li>
 *   <li>{@link AggregationResult#toTable()} has one row per item, the label missing exactly
 *       where the item is unresolved;</li>
 *   <li>the result names the aggregator's spec (provenance).</li>
 * </ul>
 *
 * <p>And, from the kit's pieces ({@link dev.mlops.testkit.kit}), each a nested group:
 * <ul>
 *   <li>determinism: the fixture gives equal results, from one aggregator run twice and from two
 *       made alike; a failure names the first differing item;</li>
 *   <li>thread safety: one aggregator used from 8 threads at once gives, on every run, the result
 *       it gives on one thread;</li>
 *   <li>empty input: no annotations are refused with an
 *       {@link dev.mlops.data.label.AnnotationException};</li>
 *   <li>settings round trip: the aggregator's type is registered in {@link #registry()}, and the
 *       aggregator rebuilt from its spec string or its JSON is equal to it and aggregates the
 *       fixture alike.</li>
 * </ul>
 *
 * <p>Crowds use workers {@code worker-0} to {@code worker-9} and always include items
 * {@code item-000} to {@code item-004}, so an aggregator that needs per-worker weights or gold
 * items can be configured for every case. A failure names the case's seed and sizes. An
 * aggregator may refuse a random crowd with an {@link AnnotationException} (a {@code tie=prefer}
 * naming a label the crowd lacks); at least half of the sweep's cases must be exercised.
 */
public abstract class LabelAggregatorContract {
    /** The seed from which every sweep case is drawn; changing it changes every case. */
    static final long MASTER_SEED = 0x1ABE_15A6_6E6AL;
    private static final int SWEEP_CASES = 25;
    private static final int MAX_ITEMS = 60;
    private static final int SHUFFLES = 3;
    private static final long THREAD_SAFETY_SEED = 0x7EAD_5AFEL;

    /** Creates the contract test; subclasses supply the aggregator under test. */
    protected LabelAggregatorContract() {
    }

    /**
     * Returns the aggregator under test.
     *
     * @return the aggregator
     */
    protected abstract LabelAggregator aggregator();

    /**
     * Tells whether the aggregator rates every worker of the annotations. The default is false:
     * an aggregator that rates none, or some, passes as long as what it reports is consistent.
     *
     * @return true if every worker must get a {@link WorkerQuality}
     */
    protected boolean ratesEveryWorker() {
        return false;
    }

    /**
     * Returns the registry through which the settings round trip rebuilds the aggregator; the
     * default, {@link ComponentRegistry#defaults()}, finds every type listed in
     * {@code META-INF/services} on the class path. Override it for a type of the tests alone.
     *
     * @return the registry that knows the aggregator's type
     */
    protected ComponentRegistry registry() {
        return ComponentRegistry.defaults();
    }

    /** @return the ids of the workers that the contract's crowds draw from */
    protected static List<String> workerIds() {
        return LabelCrowds.WORKERS;
    }

    /** @return the ids of the items that every crowd of the contract holds */
    protected static List<String> alwaysPresentItems() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < LabelCrowds.MIN_ITEMS; i++) {
            items.add(String.format(Locale.ROOT, "item-%03d", i));
        }
        return List.copyOf(items);
    }

    /** A small fixture: a unanimous item, a clear majority, a two-way split, a single vote. */
    @Test
    @DisplayName("a fixture of unanimous, majority, split and single-vote items honours every rule")
    void fixtureHonoursTheContract() {
        assertContract(fixture(), "the fixture");
    }

    /**
     * The least share of the sweeps' cases that must be exercised: an aggregator may refuse a
     * crowd that lacks a label its settings name (see {@link #randomCrowdsHonourTheContract}).
     */
    static final double MIN_EXERCISED_SHARE = 0.5;

    /** @return the fixture: a unanimous item, a clear majority, a two-way split, a single vote, non-ASCII labels */
    private static List<Annotation> fixture() {
        return List.of(
                Annotation.of("item-000", "worker-0", "A"), Annotation.of("item-000", "worker-1", "A"),
                Annotation.of("item-000", "worker-2", "A"),
                Annotation.of("item-001", "worker-0", "B"), Annotation.of("item-001", "worker-1", "B"),
                Annotation.of("item-001", "worker-2", "A"),
                Annotation.of("item-002", "worker-0", "A"), Annotation.of("item-002", "worker-3", "München"),
                Annotation.of("item-003", "worker-4", "São Paulo"),
                Annotation.of("item-004", "worker-1", "B"), Annotation.of("item-004", "worker-2", "B"),
                Annotation.of("item-004", "worker-3", "B"), Annotation.of("item-004", "worker-4", "A"));
    }

    /**
     * Random crowds, each from its own seed drawn from {@link #MASTER_SEED}, honour every rule.
     * An aggregator may refuse a crowd only with an {@link AnnotationException}, as one whose
     * {@code tie=prefer} names a label the crowd lacks does; at least
     * {@value #MIN_EXERCISED_SHARE} of the cases must be exercised.
     *
     * @return one dynamic test per case, then the coverage test
     */
    @TestFactory
    @DisplayName("random crowds from a fixed master seed honour every rule")
    Stream<DynamicTest> randomCrowdsHonourTheContract() {
        return Sweep.of(sweepCases(), SweepCase::toString, c -> {
            try {
                assertContract(LabelCrowds.annotations(c.seed(), c.items(), c.workers(), c.labels()), c.toString());
            } catch (AnnotationException refused) {
                return Sweep.Outcome.REFUSED;
            }
            return Sweep.Outcome.EXERCISED;
        }, MIN_EXERCISED_SHARE);
    }

    /**
     * Shuffling the annotations never changes the result; a failure names the first differing item.
     *
     * @return one dynamic test per case, then the coverage test
     */
    @TestFactory
    @DisplayName("seeded shuffles of the annotations give an equal result")
    Stream<DynamicTest> orderOfAnnotationsDoesNotMatter() {
        return Sweep.of(sweepCases(), SweepCase::toString, c -> {
            List<Annotation> annotations = LabelCrowds.annotations(c.seed(), c.items(), c.workers(), c.labels());
            LabelAggregator aggregator = aggregator();
            AggregationResult expected;
            try {
                expected = aggregator.aggregate(Annotations.of(annotations));
            } catch (AnnotationException refused) {
                return Sweep.Outcome.REFUSED;
            }
            SplittableRandom shuffles = new SplittableRandom(c.seed());
            for (int round = 0; round < SHUFFLES; round++) {
                long shuffleSeed = shuffles.nextLong();
                AggregationResult actual = aggregator.aggregate(Annotations.of(LabelCrowds.shuffled(annotations,
                        shuffleSeed)));
                if (!actual.equals(expected)) {
                    throw new AssertionError("the annotations shuffled with seed " + shuffleSeed
                            + " give another result: " + AggregationDifference.first(expected, actual));
                }
            }
            return Sweep.Outcome.EXERCISED;
        }, MIN_EXERCISED_SHARE);
    }

    /**
     * A case of the sweep: its 1-based number, the crowd's seed, its item count, worker count and
     * label count.
     */
    record SweepCase(int number, long seed, int items, int workers, int labels) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "case %d of %d (master seed %d): crowd seed %d, %d items, %d workers,"
                    + " %d labels", number, SWEEP_CASES, MASTER_SEED, seed, items, workers, labels);
        }
    }

    /**
     * The cases of the seeded sweep, drawn from {@link #MASTER_SEED}: item counts 5 to 60, worker
     * counts 1 to 10, label counts 1 to 5.
     *
     * @return the cases, the same in every run
     */
    static List<SweepCase> sweepCases() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<SweepCase> cases = new ArrayList<>(SWEEP_CASES);
        for (int number = 1; number <= SWEEP_CASES; number++) {
            cases.add(new SweepCase(number, master.nextLong(), master.nextInt(LabelCrowds.MIN_ITEMS, MAX_ITEMS + 1),
                    master.nextInt(1, LabelCrowds.WORKERS.size() + 1), master.nextInt(1, LabelCrowds.LABELS.size() + 1)));
        }
        return cases;
    }

    /** The result names the aggregator's spec. */
    @Test
    @DisplayName("the result names the aggregator's type and settings")
    void namesItsSpec() {
        LabelAggregator aggregator = aggregator();
        assertThat(aggregator.type()).as("type()").isNotBlank();
        AggregationResult result = aggregator.aggregate(Annotations.of(fixture()));
        assertThat(result.aggregator()).as("the result's aggregator").isEqualTo(aggregator.spec());
    }

    private void assertContract(List<Annotation> list, String context) {
        Annotations annotations = Annotations.of(list);
        LabelAggregator aggregator = aggregator();
        AggregationResult result = aggregator.aggregate(annotations);
        List<String> items = annotations.items();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(result.items()).as("%s: the items of the result", context).extracting(ConsolidatedLabel::item)
                .containsExactlyElementsOf(items);
        softly.assertThat(result.labels()).as("%s: the labels of the result", context)
                .containsExactlyElementsOf(annotations.labels());
        int n = Math.min(items.size(), result.items().size());
        for (int i = 0; i < n; i++) {
            assertItem(softly, annotations, i, result.items().get(i), context);
        }
        assertWorkers(softly, annotations, result, context);
        Table table = result.toTable();
        softly.assertThat(table.rowCount()).as("%s: rows of toTable()", context).isEqualTo(items.size());
        for (int row = 0; row < Math.min(table.rowCount(), n); row++) {
            softly.assertThat(table.column("label").isMissing(row)).as("%s: toTable() label missing in row %d", context,
                    row).isEqualTo(!result.items().get(row).isResolved());
        }
        softly.assertAll();
    }

    private static void assertItem(SoftAssertions softly, Annotations annotations, int i, ConsolidatedLabel result,
            String context) {
        int start = annotations.start(i);
        int end = annotations.start(i + 1);
        int votes = end - start;
        int[] counts = new int[annotations.labelCount()];
        for (int a = start; a < end; a++) {
            counts[annotations.labelIndex(a)]++;
        }
        int maxCount = 0;
        for (int count : counts) {
            maxCount = Math.max(maxCount, count);
        }
        String where = context + ": item '" + result.item() + "' " + result;
        softly.assertThat(result.votes()).as("%s: votes", where).isEqualTo(votes);
        softly.assertThat(result.confidence()).as("%s: confidence", where).isBetween(0.0, 1.0);
        softly.assertThat(result.agreement()).as("%s: agreement", where).isBetween(0.0, 1.0);
        softly.assertThat(result.label().isPresent()).as("%s: a label or a reason, not both", where)
                .isNotEqualTo(result.unresolved().isPresent());
        if (result.label().isPresent()) {
            String label = result.label().get();
            int index = annotations.labels().indexOf(label);
            softly.assertThat(index).as("%s: the label is one of the annotations' labels %s", where,
                    annotations.labels()).isNotNegative();
            if (index >= 0) {
                softly.assertThat(result.agreement()).as("%s: agreement is the share of votes for the label", where)
                        .isCloseTo((double) counts[index] / votes, within(1e-12));
            }
        } else {
            softly.assertThat(result.agreement()).as("%s: agreement of an unresolved item is the top vote share", where)
                    .isCloseTo((double) maxCount / votes, within(1e-12));
        }
        if (maxCount == votes && result.unresolved().filter(r -> r == UnresolvedReason.TOO_FEW_VOTES).isEmpty()) {
            String unanimous = annotations.labels().get(annotations.labelIndex(start));
            softly.assertThat(result.label()).as("%s: a unanimous item gets its label", where).contains(unanimous);
            softly.assertThat(result.agreement()).as("%s: a unanimous item's agreement", where).isEqualTo(1.0);
        }
    }

    private void assertWorkers(SoftAssertions softly, Annotations annotations, AggregationResult result,
            String context) {
        int[] counts = new int[annotations.workerCount()];
        for (int a = 0; a < annotations.size(); a++) {
            counts[annotations.workerIndex(a)]++;
        }
        Set<String> rated = new HashSet<>();
        for (WorkerQuality quality : result.workers()) {
            int index = annotations.workers().indexOf(quality.worker());
            String where = context + ": worker " + quality;
            softly.assertThat(index).as("%s: a worker of the annotations", where).isNotNegative();
            if (index >= 0) {
                softly.assertThat(quality.annotations()).as("%s: annotation count", where).isEqualTo(counts[index]);
            }
            softly.assertThat(quality.accuracy()).as("%s: accuracy", where).isBetween(0.0, 1.0);
            softly.assertThat(quality.chance()).as("%s: chance", where).isBetween(0.0, 1.0);
            rated.add(quality.worker());
        }
        if (ratesEveryWorker()) {
            softly.assertThat(rated).as("%s: the rated workers", context)
                    .containsExactlyInAnyOrderElementsOf(annotations.workers());
        }
    }

    /** The aggregator under test and how two of its results differ, for the determinism and thread-safety pieces. */
    private abstract class OfTheAggregator implements Runs<LabelAggregator, AggregationResult> {
        @Override
        public LabelAggregator subject() {
            return aggregator();
        }

        @Override
        public String firstDifference(AggregationResult expected, AggregationResult actual) {
            return AggregationDifference.first(expected, actual);
        }
    }

    /** The same annotations give equal results, from one aggregator and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism extends OfTheAggregator implements Deterministic<LabelAggregator, AggregationResult> {
        @Override
        public AggregationResult run(LabelAggregator aggregator) {
            return aggregator.aggregate(Annotations.of(fixture()));
        }
    }

    /** One aggregator used from 8 threads at once gives the result it gives on one thread. */
    @Nested
    @DisplayName("thread safety")
    class ThreadSafety extends OfTheAggregator implements ThreadSafe<LabelAggregator, AggregationResult> {
        private final Annotations crowd = Annotations.of(LabelCrowds.annotations(THREAD_SAFETY_SEED, MAX_ITEMS,
                LabelCrowds.WORKERS.size(), LabelCrowds.LABELS.size()));

        @Override
        public AggregationResult run(LabelAggregator aggregator) {
            return aggregator.aggregate(crowd);
        }
    }

    /** No annotations are refused with an AnnotationException before there is anything to aggregate. */
    @Nested
    @DisplayName("empty input")
    class Empty implements EmptyInput<LabelAggregator, AggregationResult> {
        @Override
        public LabelAggregator subject() {
            return aggregator();
        }

        @Override
        public AggregationResult runOnEmptyInput(LabelAggregator aggregator) {
            return aggregator.aggregate(Annotations.of(List.of()));
        }

        @Override
        public Class<AnnotationException> refusal() {
            return AnnotationException.class;
        }

        @Override
        public void checkEmptyResult(AggregationResult result) {
            throw new AssertionError("no annotations must be refused with an AnnotationException but gave " + result);
        }
    }

    /** The aggregator is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<LabelAggregator, AggregationResult> {
        @Override
        public LabelAggregator component() {
            return aggregator();
        }

        @Override
        public Class<LabelAggregator> kind() {
            return LabelAggregator.class;
        }

        @Override
        public ComponentRegistry registry() {
            return LabelAggregatorContract.this.registry();
        }

        @Override
        public AggregationResult behaviour(LabelAggregator aggregator) {
            return aggregator.aggregate(Annotations.of(fixture()));
        }

        @Override
        public String behaviourDifference(AggregationResult expected, AggregationResult actual) {
            return AggregationDifference.first(expected, actual);
        }
    }
}
