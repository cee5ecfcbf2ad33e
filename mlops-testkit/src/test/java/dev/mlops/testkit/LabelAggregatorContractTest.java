package dev.mlops.testkit;

import dev.mlops.core.Seed;
import dev.mlops.data.label.LabelAggregator;
import dev.mlops.data.label.LabelAggregators;
import dev.mlops.data.label.TiePolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** Runs the {@link LabelAggregatorContract} against every built-in aggregator and tie policy. */
class LabelAggregatorContractTest {

    @Nested
    class MajorityVoteWithDefaults extends LabelAggregatorContract {
        @Override
        protected LabelAggregator aggregator() {
            return LabelAggregators.majorityVote();
        }
    }

    @Nested
    class MajorityVoteWithRandomTiesAndMinVotes extends LabelAggregatorContract {
        @Override
        protected LabelAggregator aggregator() {
            return LabelAggregators.majorityVote(TiePolicy.random(Seed.of(17)), 2);
        }
    }

    @Nested
    class MajorityVoteWithPreferredOrder extends LabelAggregatorContract {
        @Override
        protected LabelAggregator aggregator() {
            return LabelAggregators.majorityVote(TiePolicy.preferredOrder(List.of("B", "A")), 1);
        }
    }

    @Nested
    class WeightedVoteWithGivenWeights extends LabelAggregatorContract {
        @Override
        protected LabelAggregator aggregator() {
            Map<String, Double> weights = new HashMap<>();
            List<String> workers = workerIds();
            for (int w = 0; w < workers.size(); w++) {
                weights.put(workers.get(w), w % 3 == 0 ? 0.0 : 0.5 * w);
            }
            return LabelAggregators.weightedVote(weights, TiePolicy.random(Seed.of(3)), 1);
        }
    }

    @Nested
    class WeightedVoteFromGold extends LabelAggregatorContract {
        @Override
        protected LabelAggregator aggregator() {
            List<String> items = alwaysPresentItems();
            return LabelAggregators.weightedVoteFromGold(Map.of(items.get(0), "A", items.get(1), "B",
                    items.get(2), "A"));
        }
    }

    @Nested
    class DawidSkeneWithDefaults extends LabelAggregatorContract {
        @Override
        protected LabelAggregator aggregator() {
            return LabelAggregators.dawidSkene();
        }

        @Override
        protected boolean ratesEveryWorker() {
            return true;
        }
    }

    @Nested
    class DawidSkeneWithRandomTiesAndFewIterations extends LabelAggregatorContract {
        @Override
        protected LabelAggregator aggregator() {
            return LabelAggregators.dawidSkeneBuilder().tiePolicy(TiePolicy.random(Seed.of(5))).maxIterations(3)
                    .minVotes(2).build();
        }

        @Override
        protected boolean ratesEveryWorker() {
            return true;
        }
    }
}
