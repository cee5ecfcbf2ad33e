package dev.mlops.deploy.gate;

import dev.mlops.data.slice.Slice;
import dev.mlops.train.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * No named slice's metric dropping more than a margin below the reference's on the same rows:
 * {@link MetricRule}'s comparison on each slice of the validation set and, if given, of the
 * recent set, so a regression on one slice fails the gate even when the whole set improved. A
 * slice with no rows in a set is skipped there, and says so.
 *
 * @param metric the metric, such as {@code Metrics.accuracy()}
 * @param margin how much worse the candidate may be on a slice, finite, at least 0
 */
public record SliceRule(Metric metric, double margin) implements GateRule {
    /** The rule's kind. */
    public static final String NAME = "slice";

    /**
     * Checks the parts.
     *
     * @param metric the metric
     * @param margin the margin, finite, at least 0
     * @throws IllegalArgumentException if the margin is negative or not finite
     */
    public SliceRule {
        Objects.requireNonNull(metric, "metric");
        Texts.requireMargin(margin);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RuleResult> check(GateEvidence evidence) {
        List<RuleResult> results = new ArrayList<>();
        for (GateEvidence.Scope scope : evidence.scopes()) {
            if (scope.candidate().set().slices().isEmpty()) {
                results.add(new RuleResult(toString(), scope.name(), Double.NaN, Double.NaN, Double.NaN, null,
                        OptionalDouble.empty(), Double.NaN, Verdict.SKIPPED, metric.name() + " on slices of "
                                + scope.candidate().set().name() + ": skipped, the validation set names no slice"));
            }
            for (Slice slice : scope.candidate().set().slices()) {
                int[] members = slice.predicate().matchingRows(scope.candidate().set().rows());
                GateEvidence.Pair pair = scope.slice(slice, members);
                if (members.length == 0) {
                    results.add(new RuleResult(toString(), pair.scope(), Double.NaN, Double.NaN, Double.NaN, null,
                            OptionalDouble.empty(), Double.NaN, Verdict.SKIPPED, metric.name() + " on "
                                    + pair.scope() + ": skipped, the slice (" + slice + ") has no rows in "
                                    + scope.candidate().set().name()));
                } else {
                    results.add(MetricRule.compare(toString(), metric, margin, pair, evidence));
                }
            }
        }
        return results;
    }

    /** @return the rule in words, such as {@code no slice's accuracy lower than the reference's by more than 0.0300} */
    @Override
    public String toString() {
        return "no slice's " + metric.name() + " " + (metric.higherIsBetter() ? "lower" : "higher")
                + " than the reference's by more than " + Texts.number(margin);
    }
}
