package dev.mlops.testkit;

import dev.mlops.data.label.AggregationResult;
import dev.mlops.data.label.ConsolidatedLabel;
import java.util.List;

/** Names the first difference between two aggregation results, for contract failure messages. */
final class AggregationDifference {

    private AggregationDifference() {
        throw new AssertionError("no instances");
    }

    /**
     * @param expected a result
     * @param actual a result that is not equal to it
     * @return the first difference: the aggregator, the labels, the first differing item, the
     *     workers or the rest
     */
    static String first(AggregationResult expected, AggregationResult actual) {
        if (!expected.aggregator().equals(actual.aggregator())) {
            return "the aggregator differs: " + expected.aggregator() + " vs " + actual.aggregator();
        }
        if (!expected.labels().equals(actual.labels())) {
            return "the labels differ: " + expected.labels() + " vs " + actual.labels();
        }
        List<ConsolidatedLabel> items = expected.items();
        List<ConsolidatedLabel> others = actual.items();
        for (int i = 0; i < Math.min(items.size(), others.size()); i++) {
            if (!items.get(i).equals(others.get(i))) {
                return "item " + i + " differs: " + items.get(i) + " vs " + others.get(i);
            }
        }
        if (items.size() != others.size()) {
            return "the results hold " + items.size() + " vs " + others.size() + " items";
        }
        if (!expected.workers().equals(actual.workers())) {
            return "the worker qualities differ: " + expected.workers() + " vs " + actual.workers();
        }
        return "the priors, iterations or convergence differ: " + expected.priors() + ", " + expected.iterations()
                + ", " + expected.converged() + " vs " + actual.priors() + ", " + actual.iterations() + ", "
                + actual.converged();
    }
}
