package dev.mlops.data.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.json.Documents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelAggregatorComponentsTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.defaults();
    private static final String[] NAMES = {"a", "B", "São Paulo", "x y", "quote\"d", "w-1", "12", "true", "[x]"};

    private static String name(SplittableRandom random) {
        return NAMES[random.nextInt(NAMES.length)] + random.nextInt(3);
    }

    private static TiePolicy tiePolicy(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> TiePolicy.unresolved();
            case 1 -> TiePolicy.random(Seed.of(random.nextLong()));
            default -> TiePolicy.preferredOrder(List.of("p" + random.nextInt(5), name(random) + "!"));
        };
    }

    private static LabelAggregator randomAggregator(SplittableRandom random) {
        TiePolicy tie = tiePolicy(random);
        int minVotes = 1 + random.nextInt(5);
        switch (random.nextInt(4)) {
            case 0:
                return LabelAggregators.majorityVote(tie, minVotes);
            case 1: {
                Map<String, Double> weights = new LinkedHashMap<>();
                for (int j = random.nextInt(1, 6); j > 0; j--) {
                    weights.put(name(random), random.nextBoolean() ? random.nextInt(4) : random.nextDouble() * 10);
                }
                return LabelAggregators.weightedVote(weights, tie, minVotes);
            }
            case 2: {
                Map<String, String> gold = new LinkedHashMap<>();
                for (int i = random.nextInt(1, 6); i > 0; i--) {
                    gold.put(name(random), name(random));
                }
                return LabelAggregators.weightedVoteFromGold(gold, tie, minVotes);
            }
            default:
                return LabelAggregators.dawidSkeneBuilder().tiePolicy(tie).minVotes(minVotes)
                        .maxIterations(1 + random.nextInt(500)).tolerance(random.nextDouble() * 1e-3 + 1e-12)
                        .smoothing(random.nextInt(3) == 0 ? 1 : random.nextDouble()).build();
        }
    }

    @Nested
    class RoundTrip {
        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
        void eachAggregatorRoundTripsThroughItsSpecStringAndJson(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> types = new ArrayList<>();
            for (int n = 0; n < 25; n++) {
                LabelAggregator aggregator = randomAggregator(random);
                types.add(aggregator.type());
                String text = aggregator.spec().toString();
                assertThat(REGISTRY.create(LabelAggregator.class, text)).as(text).isEqualTo(aggregator)
                        .hasSameHashCodeAs(aggregator);
                assertThat(REGISTRY.create(LabelAggregator.class, aggregator.spec())).as(text).isEqualTo(aggregator);
                String json = Documents.write(aggregator.spec().toJson());
                assertThat(REGISTRY.read(LabelAggregator.class, Documents.parse(json, "test.json"))).as(json)
                        .isEqualTo(aggregator);
            }
            assertThat(types).as("the sweep built every type").contains("majority-vote", "weighted-vote", "dawid-skene");
        }

        @Test
        void theRegistryBuildsWhatTheFactoriesReturn() {
            assertThat(REGISTRY.create(LabelAggregator.class, "majority-vote(tie=random, seed=7)"))
                    .isEqualTo(LabelAggregators.majorityVote(TiePolicy.random(Seed.of(7)), 1));
            assertThat(REGISTRY.create(LabelAggregator.class, "majority-vote")).isEqualTo(LabelAggregators.majorityVote());
            assertThat(REGISTRY.create(LabelAggregator.class, "dawid-skene")).isEqualTo(LabelAggregators.dawidSkene());
            assertThat(REGISTRY.create(LabelAggregator.class, "weighted-vote(weights=[{worker=w2, weight=1},"
                    + " {worker=\"w 1\", weight=0.5}], tie=prefer, prefer=[x, y], minVotes=2)"))
                    .isEqualTo(LabelAggregators.weightedVote(Map.of("w 1", 0.5, "w2", 1.0),
                            TiePolicy.preferredOrder(List.of("x", "y")), 2));
            assertThat(REGISTRY.create(LabelAggregator.class, "weighted-vote(gold=[{item=i, label=x}])"))
                    .isEqualTo(LabelAggregators.weightedVoteFromGold(Map.of("i", "x")));
        }

        @Test
        void theSpecWritesTheTiePolicyInLowerCaseAndSortsWeights() {
            assertThat(LabelAggregators.majorityVote(TiePolicy.random(Seed.of(7)), 2).spec())
                    .hasToString("majority-vote(tie=random, seed=7, minVotes=2)");
            assertThat(LabelAggregators.weightedVote(Map.of("b", 1.0, "a", 2.0)).spec().toJson().toString())
                    .isEqualTo("{\"type\":\"weighted-vote\",\"weights\":[{\"worker\":\"a\",\"weight\":2.0},"
                            + "{\"worker\":\"b\",\"weight\":1.0}],\"tie\":\"unresolved\",\"minVotes\":1}");
            assertThat(LabelAggregators.dawidSkene().spec()).hasToString(
                    "dawid-skene(tie=unresolved, minVotes=1, maxIterations=100, tolerance=1.0E-6, smoothing=0.01)");
            assertThat(new MajorityVoteSettings(TiePolicy.Kind.RANDOM, null, null, 1).seed()).as("default seed")
                    .isZero();
        }

        @Test
        void theResultNamesTheAggregatorsSpec() {
            Annotations annotations = Annotations.of(List.of(Annotation.of("i", "w1", "x"), Annotation.of("i", "w2", "y")));
            for (LabelAggregator aggregator : List.of(LabelAggregators.majorityVote(),
                    LabelAggregators.weightedVote(Map.of("w1", 1.0, "w2", 2.0)),
                    LabelAggregators.weightedVoteFromGold(Map.of("i", "x")), LabelAggregators.dawidSkene())) {
                assertThat(aggregator.aggregate(annotations).aggregator()).as(aggregator.type())
                        .isEqualTo(aggregator.spec());
            }
        }

        @Test
        void aggregatorsDifferByTheirSettings() {
            assertThat(LabelAggregators.majorityVote(TiePolicy.random(Seed.of(1)), 1))
                    .isNotEqualTo(LabelAggregators.majorityVote(TiePolicy.random(Seed.of(2)), 1))
                    .hasToString("majority-vote(tie=random, seed=1, minVotes=1)");
            assertThat(LabelAggregators.dawidSkeneBuilder().maxIterations(5).build())
                    .isNotEqualTo(LabelAggregators.dawidSkene());
        }
    }

    @Nested
    class BadSettings {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "majority-vote(minVotes=0)|minVotes must be at least 1 but was 0",
            "majority-vote(tie=random, prefer=[x])|prefer applies to tie=prefer only but tie was random",
            "majority-vote(seed=3)|seed applies to tie=random only but tie was unresolved",
            "dawid-skene(tie=random, prefer=[x])|prefer applies to tie=prefer only but tie was random",
            "weighted-vote(weights=[{worker=w, weight=1}], tie=random, prefer=[x])|prefer applies to tie=prefer only but tie was random",
            "majority-vote(tie=prefer)|tie=prefer needs prefer",
            "majority-vote(tie=prefer, prefer=[])|order must not be empty",
            "majority-vote(tie=prefer, prefer=[x, x])|order must not repeat a label but was [x, x]",
            "majority-vote(tie=sometimes)|tie must be one of unresolved, random, prefer but was 'sometimes'",
            "weighted-vote|exactly one of weights (each worker's weight) and gold",
            "weighted-vote(weights=[], gold=[])|but both were",
            "weighted-vote(gold=[])|gold must not be empty",
            "weighted-vote(weights=[{worker=w, weight=-1}])|weights must be finite and not negative but worker 'w' had -1.0",
            "weighted-vote(weights=[{worker=w, weight=1}, {worker=w, weight=2}])|weights must not repeat 'w'",
            "weighted-vote(weights=[{worker=\" \", weight=1}])|a worker in weights must not be blank",
            "weighted-vote(gold=[{item=i, label=\" \"}])|gold must map non-blank items to non-blank labels",
            "dawid-skene(maxIterations=0)|maxIterations must be at least 1 but was 0",
            "dawid-skene(tolerance=0)|tolerance must be positive and finite but was 0.0",
            "dawid-skene(smoothing=-1)|smoothing must be positive and finite but was -1.0",
            "dawid-skene(smothing=1)|unknown setting 'smothing'",
        })
        void areRefusedNamingTheSpecAndTheSetting(String spec, String message) {
            assertThatThrownBy(() -> REGISTRY.create(LabelAggregator.class, spec))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("spec '" + spec + "'")
                    .hasMessageContaining(message);
        }

        @Test
        void aWeightlessWorkerIsRefusedByTheFactory() {
            Map<String, Double> weights = new LinkedHashMap<>();
            weights.put("w", null);
            assertThatThrownBy(() -> LabelAggregators.weightedVote(weights))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(
                            "weights must be finite and not negative but worker 'w' had null");
        }
    }

    @Nested
    class ConsolidatedLabels {
        private final Map<String, Integer> votes = votes();

        private static Map<String, Integer> votes() {
            Map<String, Integer> votes = new LinkedHashMap<>();
            votes.put("x", 3);
            votes.put("y", 1);
            votes.put("z", 0);
            return votes;
        }

        @Test
        void aResolvedLabelsAgreementIsItsShareOfTheVotes() {
            ConsolidatedLabel label = ConsolidatedLabel.resolved("i", "y", 0.7, votes, Map.of("x", 0.3, "y", 0.7));
            assertThat(label.label()).contains("y");
            assertThat(label.agreement()).isEqualTo(0.25);
            assertThat(label.votes()).isEqualTo(4);
            assertThat(label.confidence()).isEqualTo(0.7);
            assertThat(label.unresolved()).isEmpty();
            assertThat(label.distribution()).containsEntry("y", 0.7);
        }

        @Test
        void aLabelWithoutVotesHasNoAgreement() {
            assertThat(ConsolidatedLabel.resolved("i", "w", 0.9, votes, Map.of()).agreement()).isZero();
        }

        @Test
        void anUnresolvedItemsAgreementIsItsMostFrequentLabelsShare() {
            ConsolidatedLabel label = ConsolidatedLabel.unresolved("i", UnresolvedReason.TIE, 0.5, votes, Map.of());
            assertThat(label.label()).isEmpty();
            assertThat(label.unresolved()).contains(UnresolvedReason.TIE);
            assertThat(label.agreement()).isEqualTo(0.75);
            assertThat(label.votes()).isEqualTo(4);
            assertThat(label.confidence()).isEqualTo(0.5);
        }

        @Test
        void badVotesAreRefusedNamingTheItem() {
            assertThatThrownBy(() -> ConsolidatedLabel.resolved("i", "x", 1, Map.of("x", -1), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("votes must be counts of at least 0 but label 'x' had -1 for item 'i'");
            assertThatThrownBy(() -> ConsolidatedLabel.unresolved("i", UnresolvedReason.TIE, 0, Map.of("x", 0), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an item needs at least one vote but item 'i' had {x=0}");
            assertThatThrownBy(() -> ConsolidatedLabel.resolved("i", "x", 1.5, Map.of("x", 1), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence must be in [0, 1]");
        }
    }
}
