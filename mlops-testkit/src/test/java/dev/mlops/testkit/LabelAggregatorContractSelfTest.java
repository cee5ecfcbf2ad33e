package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.label.AggregationResult;
import dev.mlops.data.label.Annotations;
import dev.mlops.data.label.ConsolidatedLabel;
import dev.mlops.data.label.LabelAggregator;
import dev.mlops.data.label.LabelAggregators;
import dev.mlops.data.label.WorkerQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The contract catches broken aggregators: each case wraps majority vote and breaks one rule,
 * and the contract's fixture test must fail naming that rule.
 */
class LabelAggregatorContractSelfTest {

    /** Majority vote with its result passed through a change. */
    private static LabelAggregator broken(UnaryOperator<AggregationResult> change) {
        LabelAggregator majority = LabelAggregators.majorityVote();
        return new LabelAggregator() {
            @Override
            public String type() {
                return majority.type();
            }

            @Override
            public Record settings() {
                return majority.settings();
            }

            @Override
            public AggregationResult aggregate(Annotations annotations) {
                return change.apply(majority.aggregate(annotations));
            }
        };
    }

    private static LabelAggregatorContract contract(LabelAggregator aggregator, boolean ratesEveryWorker) {
        return new LabelAggregatorContract() {
            @Override
            protected LabelAggregator aggregator() {
                return aggregator;
            }

            @Override
            protected boolean ratesEveryWorker() {
                return ratesEveryWorker;
            }
        };
    }

    private static AggregationResult withItems(AggregationResult result, List<ConsolidatedLabel> items) {
        return new AggregationResult(result.aggregator(), result.labels(), items, result.workers(), result.priors(),
                result.iterations(), result.converged());
    }

    private static AggregationResult mapItems(AggregationResult result, UnaryOperator<ConsolidatedLabel> change) {
        return withItems(result, result.items().stream().map(change).toList());
    }

    @Test
    void majorityVoteItselfPasses() {
        assertThatCode(() -> contract(broken(UnaryOperator.identity()), false).fixtureHonoursTheContract())
                .doesNotThrowAnyException();
    }

    @Test
    void aDroppedItemFails() {
        LabelAggregator aggregator = broken(result -> withItems(result, result.items().subList(1, result.items().size())));
        assertThatThrownBy(() -> contract(aggregator, false).fixtureHonoursTheContract())
                .isInstanceOf(AssertionError.class).hasMessageContaining("the items of the result");
    }

    @Test
    void aLabelFromNowhereFails() {
        LabelAggregator aggregator = broken(result -> mapItems(result, item -> item.isResolved()
                ? new ConsolidatedLabel(item.item(), Optional.of("invented"), item.confidence(), item.agreement(),
                        item.votes(), Optional.empty(), item.distribution())
                : item));
        assertThatThrownBy(() -> contract(aggregator, false).fixtureHonoursTheContract())
                .isInstanceOf(AssertionError.class).hasMessageContaining("one of the annotations' labels");
    }

    @Test
    void aUnanimousItemGivenAnotherLabelFails() {
        // item-000 of the fixture has three votes for "A"; "B" has none of them, so agreement 0 is consistent
        LabelAggregator aggregator = broken(result -> mapItems(result, item -> item.item().equals("item-000")
                ? new ConsolidatedLabel(item.item(), Optional.of("B"), item.confidence(), 0.0, item.votes(),
                        Optional.empty(), item.distribution())
                : item));
        assertThatThrownBy(() -> contract(aggregator, false).fixtureHonoursTheContract())
                .isInstanceOf(AssertionError.class).hasMessageContaining("a unanimous item gets its label");
    }

    @Test
    void confidenceReportedAsAgreementFails() {
        LabelAggregator aggregator = broken(result -> mapItems(result, item -> new ConsolidatedLabel(item.item(),
                item.label(), item.confidence(), item.agreement() / 2, item.votes(), item.unresolved(),
                item.distribution())));
        assertThatThrownBy(() -> contract(aggregator, false).fixtureHonoursTheContract())
                .isInstanceOf(AssertionError.class).hasMessageContaining("agreement");
    }

    @Test
    void aWrongVoteCountFails() {
        LabelAggregator aggregator = broken(result -> mapItems(result, item -> new ConsolidatedLabel(item.item(),
                item.label(), item.confidence(), item.agreement(), item.votes() + 1, item.unresolved(),
                item.distribution())));
        assertThatThrownBy(() -> contract(aggregator, false).fixtureHonoursTheContract())
                .isInstanceOf(AssertionError.class).hasMessageContaining("votes");
    }

    @Test
    void anAggregatorThatChangesBetweenCallsFails() {
        AtomicInteger calls = new AtomicInteger();
        LabelAggregator aggregator = broken(result -> calls.incrementAndGet() % 2 == 0
                ? withItems(result, new ArrayList<>(result.items()).stream().map(item -> new ConsolidatedLabel(
                        item.item(), item.label(), item.confidence() / 2, item.agreement(), item.votes(),
                        item.unresolved(), item.distribution())).toList())
                : result);
        assertThatThrownBy(() -> contract(aggregator, false).new Determinism().oneInstanceGivesEqualResults())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("two runs of one instance on the same input differ: item 0 differs:"
                        + " ConsolidatedLabel[item=item-000");
    }

    @Test
    void aWorkerWithAWrongCountOrAMissingRatingFails() {
        LabelAggregator miscounted = broken(result -> new AggregationResult(result.aggregator(), result.labels(),
                result.items(), List.of(WorkerQuality.of("worker-0", 99, 0.9, 0.5)), result.priors(), 0, true));
        assertThatThrownBy(() -> contract(miscounted, false).fixtureHonoursTheContract())
                .isInstanceOf(AssertionError.class).hasMessageContaining("annotation count");
        assertThatThrownBy(() -> contract(broken(UnaryOperator.identity()), true).fixtureHonoursTheContract())
                .isInstanceOf(AssertionError.class).hasMessageContaining("the rated workers");
    }
}
