package dev.mlops.data.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MajorityVoteTest {

    private static Annotations votes(String item, String... labels) {
        List<Annotation> annotations = new ArrayList<>();
        for (int w = 0; w < labels.length; w++) {
            annotations.add(Annotation.of(item, "w" + w, labels[w]));
        }
        return Annotations.of(annotations);
    }

    private static ConsolidatedLabel only(LabelAggregator aggregator, Annotations annotations) {
        AggregationResult result = aggregator.aggregate(annotations);
        assertThat(result.items()).hasSize(1);
        return result.items().get(0);
    }

    @Test
    void theMostFrequentLabelWinsWithItsVoteShare() {
        ConsolidatedLabel item = only(LabelAggregators.majorityVote(), votes("i", "x", "y", "x"));
        assertThat(item.label()).contains("x");
        assertThat(item.confidence()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(item.agreement()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(item.votes()).isEqualTo(3);
        assertThat(item.unresolved()).isEmpty();
        assertThat(item.distribution()).containsExactly(Map.entry("x", 2.0 / 3), Map.entry("y", 1.0 / 3));
    }

    @Test
    void ratesNoWorkers() {
        AggregationResult result = LabelAggregators.majorityVote().aggregate(votes("i", "x", "y", "x"));
        assertThat(result.workers()).isEmpty();
        assertThat(result.priors()).isEmpty();
        assertThat(result.iterations()).isZero();
        assertThat(result.converged()).isTrue();
        assertThat(result.aggregator()).hasToString("majority-vote(tie=unresolved, minVotes=1)");
    }

    @Nested
    class Ties {
        private final Annotations tie = votes("i", "x", "y", "y", "x", "z");

        @Test
        void unresolvedPolicyLeavesTheItemWithTheReason() {
            ConsolidatedLabel item = only(LabelAggregators.majorityVote(), tie);
            assertThat(item.label()).isEmpty();
            assertThat(item.unresolved()).contains(UnresolvedReason.TIE);
            assertThat(item.agreement()).isCloseTo(0.4, within(1e-15));
            assertThat(item.confidence()).isCloseTo(0.4, within(1e-15));
        }

        @Test
        void preferredOrderTakesTheFirstTiedLabelInTheList() {
            assertThat(only(LabelAggregators.majorityVote(TiePolicy.preferredOrder(List.of("z", "y", "x")), 1), tie)
                    .label()).contains("y");
            assertThat(only(LabelAggregators.majorityVote(TiePolicy.preferredOrder(List.of("x")), 1), tie).label())
                    .contains("x");
        }

        @Test
        void preferredOrderWithoutATiedLabelLeavesTheItemUnresolved() {
            ConsolidatedLabel item = only(LabelAggregators.majorityVote(TiePolicy.preferredOrder(List.of("z")), 1),
                    tie);
            assertThat(item.unresolved()).contains(UnresolvedReason.TIE);
        }

        @Test
        void aPreferredLabelAbsentFromTheAnnotationsIsAnError() {
            for (LabelAggregator aggregator : List.of(
                    LabelAggregators.majorityVote(TiePolicy.preferredOrder(List.of("z", "q")), 1),
                    LabelAggregators.dawidSkeneBuilder().tiePolicy(TiePolicy.preferredOrder(List.of("q", "x"))).build())) {
                assertThatThrownBy(() -> aggregator.aggregate(tie)).as("%s", aggregator)
                        .isInstanceOf(AnnotationException.class)
                        .hasMessageContaining("prefer names the label 'q'")
                        .hasMessageContaining("[x, y, z]");
            }
        }

        @Test
        void randomPolicyPicksATiedLabelTheSameWayForTheSameSeed() {
            LabelAggregator aggregator = LabelAggregators.majorityVote(TiePolicy.random(Seed.of(11)), 1);
            ConsolidatedLabel first = only(aggregator, tie);
            assertThat(first.label()).get().isIn("x", "y");
            assertThat(first.agreement()).isCloseTo(0.4, within(1e-15));
            assertThat(only(aggregator, tie)).isEqualTo(first);
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 42, 2026})
        void randomPolicyPicksEachTiedLabelAboutEquallyOften(long seed) {
            List<Annotation> annotations = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String item = String.format(Locale.ROOT, "item-%03d", i);
                annotations.add(Annotation.of(item, "a", "x"));
                annotations.add(Annotation.of(item, "b", "y"));
            }
            AggregationResult result = LabelAggregators.majorityVote(TiePolicy.random(Seed.of(seed)), 1)
                    .aggregate(Annotations.of(annotations));
            long x = result.items().stream().filter(item -> item.label().orElseThrow().equals("x")).count();
            // binomial(400, 0.5): mean 200, sd 10; 5 sd either side
            assertThat(x).as("items resolved to x with seed %d", seed).isBetween(150L, 250L);
        }
    }

    @Test
    void itemsWithFewerThanMinVotesAreUnresolved() {
        Annotations annotations = Annotations.of(Annotation.of("thin", "a", "x"), Annotation.of("thin", "b", "x"),
                Annotation.of("thick", "a", "y"), Annotation.of("thick", "b", "y"), Annotation.of("thick", "c", "x"));
        AggregationResult result = LabelAggregators.majorityVote(TiePolicy.unresolved(), 3).aggregate(annotations);
        assertThat(result.item("thin").orElseThrow().unresolved()).contains(UnresolvedReason.TOO_FEW_VOTES);
        assertThat(result.item("thin").orElseThrow().agreement()).isEqualTo(1.0);
        assertThat(result.label("thick")).contains("y");
        assertThat(result.unresolved()).extracting(ConsolidatedLabel::item).containsExactly("thin");
        assertThatThrownBy(() -> LabelAggregators.majorityVote(TiePolicy.unresolved(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minVotes must be at least 1 but was 0");
    }

    @Test
    void lowAgreementListsItemsBelowTheThresholdAndUnresolvedOnes() {
        Annotations annotations = Annotations.of(Annotation.of("a", "w1", "x"), Annotation.of("a", "w2", "x"),
                Annotation.of("b", "w1", "x"), Annotation.of("b", "w2", "y"), Annotation.of("b", "w3", "x"),
                Annotation.of("c", "w1", "x"), Annotation.of("c", "w2", "y"));
        AggregationResult result = LabelAggregators.majorityVote().aggregate(annotations);
        assertThat(result.lowAgreement(0.7)).extracting(ConsolidatedLabel::item).containsExactly("b", "c");
        assertThat(result.lowAgreement(0.5)).extracting(ConsolidatedLabel::item).containsExactly("c");
        assertThatThrownBy(() -> result.lowAgreement(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must be in [0, 1] but was 1.5");
    }

    @Test
    void toTableHoldsOneRowPerItemWithMissingLabelsForUnresolvedItems() {
        Annotations annotations = Annotations.of(Annotation.of("a", "w1", "x"), Annotation.of("a", "w2", "x"),
                Annotation.of("c", "w1", "x"), Annotation.of("c", "w2", "y"));
        Table table = LabelAggregators.majorityVote().aggregate(annotations).toTable();
        assertThat(table.schema().names()).containsExactly("item", "label", "confidence", "agreement", "votes",
                "unresolved");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.categoricalColumn("label").get(0)).isEqualTo("x");
        assertThat(table.column("label").isMissing(1)).isTrue();
        assertThat(table.categoricalColumn("unresolved").get(1)).isEqualTo("TIE");
        assertThat(table.column("unresolved").isMissing(0)).isTrue();
        assertThat(table.numericColumn("agreement").get(1)).isEqualTo(0.5);
        assertThat(table.numericColumn("votes").get(0)).isEqualTo(2.0);
    }
}
