package dev.mlops.data.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DawidSkeneTest {
    private static final double ALPHA = 0.01;

    @Nested
    class Bias {
        /**
         * 300 items, true class a or b with equal chance; five workers right 85 % of the time, w-always
         * answering a, w-mostly answering a 95 % of the time, and w-only-a, right every time but given
         * only items of class a.
         */
        private final AggregationResult result = LabelAggregators.dawidSkene().aggregate(crowd());

        private static Annotations crowd() {
            SplittableRandom random = new SplittableRandom(16);
            List<Annotation> annotations = new java.util.ArrayList<>();
            for (int item = 0; item < 300; item++) {
                String id = String.format(java.util.Locale.ROOT, "i%03d", item);
                boolean a = random.nextBoolean();
                String truth = a ? "a" : "b";
                String other = a ? "b" : "a";
                for (int worker = 0; worker < 5; worker++) {
                    annotations.add(Annotation.of(id, "w" + worker, random.nextDouble() < 0.85 ? truth : other));
                }
                annotations.add(Annotation.of(id, "w-always", "a"));
                annotations.add(Annotation.of(id, "w-mostly", random.nextDouble() < 0.95 ? "a" : "b"));
                if (a) {
                    annotations.add(Annotation.of(id, "w-only-a", "a"));
                }
            }
            return Annotations.of(annotations);
        }

        @Test
        void workersWhoseOneAnswerDominatesWhateverTheClassAreBiasedTowardIt() {
            assertThat(result.worker("w-always").orElseThrow().biasedToward()).isEqualTo("a");
            assertThat(result.worker("w-mostly").orElseThrow().biasedToward()).isEqualTo("a");
            assertThat(result.biasedWorkers()).extracting(WorkerQuality::worker).containsExactly("w-always", "w-mostly");
        }

        @Test
        void goodWorkersAndOneWhoSawOnlyOneClassAreNot() {
            for (String worker : List.of("w0", "w1", "w2", "w3", "w4", "w-only-a")) {
                assertThat(result.worker(worker).orElseThrow().biasedToward()).as(worker).isNull();
            }
        }

        @Test
        void aWorkerWithFewerThanTenAnswersIsNeverCalledBiased() {
            List<Annotation> annotations = new java.util.ArrayList<>();
            for (int item = 0; item < 9; item++) {
                String truth = item % 2 == 0 ? "a" : "b";
                annotations.add(Annotation.of("i" + item, "x", truth));
                annotations.add(Annotation.of("i" + item, "y", truth));
                annotations.add(Annotation.of("i" + item, "lazy", "a"));
            }

            AggregationResult small = LabelAggregators.dawidSkene().aggregate(Annotations.of(annotations));

            assertThat(small.worker("lazy").orElseThrow().biasedToward()).isNull();
        }

        @Test
        void majorityVoteEstimatesNoBias() {
            assertThat(LabelAggregators.majorityVote().aggregate(crowd()).biasedWorkers()).isEmpty();
        }
    }

    @Nested
    class OneIterationByHand {
        // i1: a=x, b=x; i2: a=x, b=y. Majority-vote start: i1 = (1, 0), i2 = (0.5, 0.5).
        private final Annotations annotations = Annotations.of(Annotation.of("i1", "a", "x"),
                Annotation.of("i1", "b", "x"), Annotation.of("i2", "a", "x"), Annotation.of("i2", "b", "y"));
        private final AggregationResult result = LabelAggregators.dawidSkeneBuilder().maxIterations(1)
                .smoothing(ALPHA).build().aggregate(annotations);

        @Test
        void priorsAreTheSmoothedSumsOfTheStartingShares() {
            assertThat(result.priors()).containsOnlyKeys("x", "y");
            assertThat(result.priors().get("x")).isCloseTo(1.51 / 2.02, within(1e-12));
            assertThat(result.priors().get("y")).isCloseTo(0.51 / 2.02, within(1e-12));
        }

        @Test
        void confusionMatricesAreTheSmoothedSoftCounts() {
            WorkerQuality b = result.worker("b").orElseThrow();
            // b, true x: gave x on i1 (share 1) and y on i2 (share 0.5); true y: gave y on i2 (share 0.5)
            assertThat(b.confusion().get(0).get(0)).isCloseTo(1.01 / 1.52, within(1e-12));
            assertThat(b.confusion().get(0).get(1)).isCloseTo(0.51 / 1.52, within(1e-12));
            assertThat(b.confusion().get(1).get(0)).isCloseTo(0.01 / 0.52, within(1e-12));
            assertThat(b.confusion().get(1).get(1)).isCloseTo(0.51 / 0.52, within(1e-12));
            assertThat(b.annotations()).isEqualTo(2);
            assertThat(b.accuracy()).isCloseTo(1.51 / 2.02 * 1.01 / 1.52 + 0.51 / 2.02 * 0.51 / 0.52, within(1e-12));
            assertThat(b.chance()).isCloseTo(1.51 / 2.02, within(1e-12));
        }

        @Test
        void posteriorIsTheNormalisedProductOfPriorAndConfusions() {
            double x = 1.51 / 2.02 * (1.51 / 1.52) * (0.51 / 1.52);
            double y = 0.51 / 2.02 * (0.51 / 0.52) * (0.51 / 0.52);
            ConsolidatedLabel i2 = result.item("i2").orElseThrow();
            assertThat(i2.distribution().get("x")).isCloseTo(x / (x + y), within(1e-12));
            assertThat(i2.label()).contains("x");
            assertThat(i2.confidence()).isCloseTo(x / (x + y), within(1e-12)).isCloseTo(0.5064, within(1e-4));
            assertThat(i2.agreement()).isEqualTo(0.5);
            assertThat(result.iterations()).isEqualTo(1);
            assertThat(result.converged()).isFalse();
        }
    }

    @Nested
    class Ties {
        // a single item with two workers who disagree is symmetric: the posteriors are exactly equal
        private final Annotations annotations = Annotations.of(Annotation.of("i", "a", "x"),
                Annotation.of("i", "b", "y"));

        @Test
        void anExactTieIsUnresolvedByDefault() {
            ConsolidatedLabel item = LabelAggregators.dawidSkene().aggregate(annotations).items().get(0);
            assertThat(item.unresolved()).contains(UnresolvedReason.TIE);
            assertThat(item.label()).isEmpty();
            assertThat(item.confidence()).isEqualTo(0.5);
            assertThat(item.agreement()).isEqualTo(0.5);
        }

        @Test
        void aPreferredOrderBreaksIt() {
            ConsolidatedLabel item = LabelAggregators.dawidSkeneBuilder()
                    .tiePolicy(TiePolicy.preferredOrder(List.of("y", "x"))).build().aggregate(annotations).items().get(0);
            assertThat(item.label()).contains("y");
        }

        @Test
        void minVotesLeavesThinItemsUnresolved() {
            ConsolidatedLabel item = LabelAggregators.dawidSkeneBuilder().minVotes(3).build().aggregate(annotations)
                    .items().get(0);
            assertThat(item.unresolved()).contains(UnresolvedReason.TOO_FEW_VOTES);
        }
    }

    @Test
    void unanimousCrowdConvergesAtOnceWithCertainLabels() {
        Annotations annotations = Annotations.of(Annotation.of("i1", "a", "x"), Annotation.of("i1", "b", "x"),
                Annotation.of("i2", "a", "y"), Annotation.of("i2", "b", "y"));
        AggregationResult result = LabelAggregators.dawidSkene().aggregate(annotations);
        assertThat(result.converged()).isTrue();
        assertThat(result.label("i1")).contains("x");
        assertThat(result.label("i2")).contains("y");
        assertThat(result.items()).allSatisfy(item -> {
            assertThat(item.agreement()).isEqualTo(1.0);
            assertThat(item.confidence()).isGreaterThan(0.99);
        });
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY})
    void badSettingsAreRefusedNamingTheValue(double value) {
        assertThatThrownBy(() -> LabelAggregators.dawidSkeneBuilder().tolerance(value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance").hasMessageContaining(
                        String.valueOf(value));
        assertThatThrownBy(() -> LabelAggregators.dawidSkeneBuilder().smoothing(value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smoothing");
        assertThatThrownBy(() -> LabelAggregators.dawidSkeneBuilder().maxIterations(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIterations must be at least 1 but was 0");
    }

    /**
     * Smaller crowds of the same mix, each from its own seed drawn from one master seed: EM
     * always beats majority vote clearly and flags exactly the spammers.
     *
     * @param seed the crowd's seed
     */
    @ParameterizedTest(name = "crowd seed {0}")
    @MethodSource("crowdSeeds")
    void dawidSkeneBeatsMajorityVoteOnEverySeededCrowd(long seed) {
        SyntheticCrowd crowd = SyntheticCrowd.generate(Seed.of(seed), SyntheticCrowd.mixedWorkers(), 2_000, 5);
        AggregationResult ds = LabelAggregators.dawidSkene().aggregate(crowd.annotations);
        AggregationResult mv = LabelAggregators.majorityVote(TiePolicy.random(Seed.of(seed)), 1)
                .aggregate(crowd.annotations);
        assertThat(crowd.accuracy(ds)).as("DS accuracy with crowd seed %d (MV %s)", seed, crowd.accuracy(mv))
                .isGreaterThan(crowd.accuracy(mv) + 0.05);
        assertThat(ds.workersAtOrBelowChance()).as("flagged workers with crowd seed %d", seed)
                .extracting(WorkerQuality::worker)
                .containsExactly("spammer-constant", "spammer-random-1", "spammer-random-2");
    }

    static Stream<Long> crowdSeeds() {
        SplittableRandom master = new SplittableRandom(0x5EED_C0DEL);
        return Stream.generate(master::nextLong).limit(5);
    }

    /**
     * The crowd of the issue: 10 workers (3 at 0.9, 4 at 0.7, 2 answering uniformly at random,
     * 1 always answering "fox"), 3 labels with priors 0.5, 0.3, 0.2, 5 distinct workers per
     * item, 10,000 items.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SyntheticCrowdOfTenThousandItems {
        private SyntheticCrowd crowd;
        private AggregationResult ds;
        private AggregationResult mv;

        @BeforeAll
        void aggregate() {
            crowd = SyntheticCrowd.generate(Seed.of(2026), SyntheticCrowd.mixedWorkers(), 10_000, 5);
            ds = LabelAggregators.dawidSkene().aggregate(crowd.annotations);
            mv = LabelAggregators.majorityVote(TiePolicy.random(Seed.of(7)), 1).aggregate(crowd.annotations);
        }

        @Test
        void dawidSkeneIsClearlyMoreAccurateThanMajorityVote() {
            double dsAccuracy = crowd.accuracy(ds);
            double mvAccuracy = crowd.accuracy(mv);
            assertThat(dsAccuracy).as("Dawid-Skene accuracy (majority vote %s)", mvAccuracy)
                    .isGreaterThan(mvAccuracy + 0.05).isGreaterThan(0.9);
            assertThat(ds.converged()).isTrue();
            assertThat(ds.unresolved()).isEmpty();
        }

        @Test
        void estimatesTheGoodWorkersAccuracyWithinThreePoints() {
            for (String good : List.of("good-1", "good-2", "good-3")) {
                assertThat(ds.worker(good).map(WorkerQuality::accuracy)).as(good).hasValueSatisfying(
                        accuracy -> assertThat(accuracy).isCloseTo(0.9, within(0.03)));
            }
            for (int m = 1; m <= 4; m++) {
                assertThat(ds.worker("mediocre-" + m).orElseThrow().accuracy()).isCloseTo(0.7, within(0.03));
            }
        }

        @Test
        void flagsExactlyTheSpammersAsAtOrBelowChance() {
            assertThat(ds.workersAtOrBelowChance()).extracting(WorkerQuality::worker)
                    .containsExactly("spammer-constant", "spammer-random-1", "spammer-random-2");
            assertThat(ds.workers()).allSatisfy(w -> assertThat(w.chance()).isCloseTo(0.5, within(0.02)));
        }

        @Test
        void workersTableHoldsOneRowPerWorkerWithTheFlag() {
            Table table = ds.workersTable();
            assertThat(table.schema().names()).containsExactly("worker", "annotations", "accuracy", "chance",
                    "at_or_below_chance");
            assertThat(table.rowCount()).isEqualTo(10);
            assertThat(table.categoricalColumn("worker").get(7)).isEqualTo("spammer-constant");
            assertThat(table.booleanColumn("at_or_below_chance").get(7)).isTrue();
            assertThat(table.booleanColumn("at_or_below_chance").get(0)).isFalse();
            double annotations = 0;
            for (int row = 0; row < table.rowCount(); row++) {
                annotations += table.numericColumn("annotations").get(row);
            }
            assertThat(annotations).isEqualTo(50_000.0);
        }

        @Test
        void estimatesThePriorsAndStatesConfusionRowsThatSumToOne() {
            assertThat(ds.priors().get("cat")).isCloseTo(0.5, within(0.02));
            assertThat(ds.priors().get("dog")).isCloseTo(0.3, within(0.02));
            assertThat(ds.priors().get("fox")).isCloseTo(0.2, within(0.02));
            assertThat(ds.workers()).allSatisfy(w -> assertThat(w.confusion()).hasSize(3).allSatisfy(
                    row -> assertThat(row.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12))));
            assertThat(ds.worker("spammer-constant").flatMap(w -> Optional.of(w.confusion().get(0).get(2))))
                    .hasValueSatisfying(p -> assertThat(p).isGreaterThan(0.999));
        }

        @Test
        void listsTheLowAgreementItemsToRelabel() {
            assertThat(ds.lowAgreement(0.5)).isNotEmpty().allSatisfy(item -> assertThat(item.agreement()).isLessThan(0.5));
            assertThat(ds.lowAgreement(1.0).size()).isGreaterThan(ds.lowAgreement(0.5).size());
        }
    }
}
