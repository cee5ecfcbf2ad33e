package dev.mlops.data.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.Seed;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeightedVoteTest {

    @Nested
    class GivenWeights {
        private final Annotations annotations = Annotations.of(Annotation.of("i", "w1", "x"),
                Annotation.of("i", "w2", "y"), Annotation.of("i", "w3", "y"));

        @Test
        void aHeavyWorkerOutvotesTwoLightOnes() {
            ConsolidatedLabel item = LabelAggregators.weightedVote(Map.of("w1", 3.0, "w2", 1.0, "w3", 1.0))
                    .aggregate(annotations).items().get(0);
            assertThat(item.label()).contains("x");
            assertThat(item.confidence()).isCloseTo(0.6, within(1e-15));
            assertThat(item.agreement()).isCloseTo(1.0 / 3, within(1e-15));
        }

        @Test
        void equalWeightsAreMajorityVote() {
            ConsolidatedLabel item = LabelAggregators.weightedVote(Map.of("w1", 1.5, "w2", 1.5, "w3", 1.5))
                    .aggregate(annotations).items().get(0);
            assertThat(item.label()).contains("y");
            assertThat(item.confidence()).isCloseTo(2.0 / 3, within(1e-15));
        }

        @Test
        void equalWeightSumsAreATie() {
            ConsolidatedLabel item = LabelAggregators.weightedVote(Map.of("w1", 2.0, "w2", 1.0, "w3", 1.0))
                    .aggregate(annotations).items().get(0);
            assertThat(item.unresolved()).contains(UnresolvedReason.TIE);
        }

        @Test
        void aWorkerWithoutAWeightIsRefusedByName() {
            assertThatThrownBy(() -> LabelAggregators.weightedVote(Map.of("w1", 1.0, "w3", 1.0)).aggregate(annotations))
                    .isInstanceOf(AnnotationException.class).hasMessageContaining("[w2]")
                    .hasMessageContaining("no weight");
        }

        @Test
        void aNegativeOrNonFiniteWeightIsRefused() {
            assertThatThrownBy(() -> LabelAggregators.weightedVote(Map.of("w1", -1.0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("worker 'w1' had -1.0");
            assertThatThrownBy(() -> LabelAggregators.weightedVote(Map.of("w1", Double.NaN)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        }
    }

    @Nested
    class WeightsFromGold {
        // gold g1 = x, g2 = y. a is right on both, b wrong on both, c right once. K = 2 labels.
        private final Annotations annotations = Annotations.of(
                Annotation.of("g1", "a", "x"), Annotation.of("g1", "b", "y"), Annotation.of("g1", "c", "x"),
                Annotation.of("g2", "a", "y"), Annotation.of("g2", "b", "x"), Annotation.of("g2", "c", "x"),
                Annotation.of("q", "a", "x"), Annotation.of("q", "b", "y"), Annotation.of("q", "c", "y"));
        private final AggregationResult result = LabelAggregators.weightedVoteFromGold(Map.of("g1", "x", "g2", "y"))
                .aggregate(annotations);

        @Test
        void aReliableWorkerOutvotesTwoUnreliableOnes() {
            // weights: a ln(3/4 / 1/4) = ln 3; b ln(1/4 / 3/4) < 0 -> 0; c ln(1/2 / 1/2) = 0
            ConsolidatedLabel q = result.item("q").orElseThrow();
            assertThat(q.label()).contains("x");
            assertThat(q.confidence()).isEqualTo(1.0);
            assertThat(q.agreement()).isCloseTo(1.0 / 3, within(1e-15));
            assertThat(LabelAggregators.majorityVote().aggregate(annotations).label("q")).contains("y");
        }

        @Test
        void reportsEachWorkersAccuracyOnTheGoldItems() {
            assertThat(result.workers()).extracting(WorkerQuality::worker).containsExactly("a", "b", "c");
            assertThat(result.workers()).extracting(WorkerQuality::accuracy).containsExactly(1.0, 0.0, 0.5);
            assertThat(result.workers()).extracting(WorkerQuality::annotations).containsExactly(3, 3, 3);
            assertThat(result.workers()).allSatisfy(w -> assertThat(w.chance()).isEqualTo(0.5));
            assertThat(result.workersAtOrBelowChance()).extracting(WorkerQuality::worker).containsExactly("b", "c");
        }

        @Test
        void aWorkerWithoutGoldGetsTheMeanWeight() {
            // gold g = x: a right (2/3 -> ln 2), b wrong (1/3 -> 0); d saw no gold: weight ln 2 / 2
            Annotations more = Annotations.of(Annotation.of("g", "a", "x"), Annotation.of("g", "b", "y"),
                    Annotation.of("q", "a", "x"), Annotation.of("q", "b", "y"), Annotation.of("q", "d", "y"));
            ConsolidatedLabel q = LabelAggregators.weightedVoteFromGold(Map.of("g", "x")).aggregate(more).item("q")
                    .orElseThrow();
            assertThat(q.label()).contains("x");
            assertThat(q.confidence()).isCloseTo(Math.log(2) / (Math.log(2) * 1.5), within(1e-15));
        }

        @Test
        void goldFromATenthOfASyntheticCrowdBeatsMajorityVote() {
            SyntheticCrowd crowd = SyntheticCrowd.generate(Seed.of(2026), SyntheticCrowd.mixedWorkers(), 10_000, 5);
            Map<String, String> gold = new HashMap<>();
            crowd.truth.forEach((item, label) -> {
                if (item.compareTo("item-01000") < 0) {
                    gold.put(item, label);
                }
            });
            assertThat(gold).hasSize(1_000);
            AggregationResult weighted = LabelAggregators.weightedVoteFromGold(gold, TiePolicy.random(Seed.of(7)), 1)
                    .aggregate(crowd.annotations);
            AggregationResult mv = LabelAggregators.majorityVote(TiePolicy.random(Seed.of(7)), 1)
                    .aggregate(crowd.annotations);
            assertThat(crowd.accuracy(weighted)).as("weighted accuracy (majority vote %s)", crowd.accuracy(mv))
                    .isGreaterThan(crowd.accuracy(mv) + 0.03);
            assertThat(weighted.worker("good-1").orElseThrow().accuracy()).isCloseTo(0.9, within(0.05));
            assertThat(weighted.workersAtOrBelowChance()).extracting(WorkerQuality::worker)
                    .containsExactly("spammer-constant", "spammer-random-1", "spammer-random-2");
        }

        @Test
        void goldForNoAnnotatedItemIsRefused() {
            assertThatThrownBy(() -> LabelAggregators.weightedVoteFromGold(Map.of("elsewhere", "x"))
                    .aggregate(annotations)).isInstanceOf(AnnotationException.class)
                    .hasMessageContaining("none of the 1 gold items");
            assertThatThrownBy(() -> LabelAggregators.weightedVoteFromGold(Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("gold must not be empty");
            assertThatThrownBy(() -> LabelAggregators.weightedVoteFromGold(Map.of("g", " ")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'g' -> ' '");
        }
    }
}
