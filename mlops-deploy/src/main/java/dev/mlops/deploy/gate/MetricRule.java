package dev.mlops.deploy.gate;

import dev.mlops.train.metrics.Metric;
import dev.mlops.train.significance.BootstrapInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A metric of the candidate no worse than the reference's by more than a margin, on the whole
 * validation set and, if given, on the recent set: for a higher-is-better metric the candidate
 * passes when {@code candidate - reference >= -margin}, for a lower-is-better one when
 * {@code candidate - reference <= margin} (each within 1e-12, the rounding of the
 * subtraction). The verdict reads the difference on the rows
 * themselves; the report adds its paired bootstrap interval (the gate's seeded
 * {@link dev.mlops.train.significance.PairedBootstrap}). A difference that is NaN (the metric
 * undefined on the rows) fails.
 *
 * @param metric the metric, such as {@code Metrics.macroF1()}
 * @param margin how much worse the candidate may be, finite, at least 0
 */
public record MetricRule(Metric metric, double margin) implements GateRule {
    /** The rule's kind. */
    public static final String NAME = "metric";
    /** The rounding error forgiven at the margin, so that 0.70 - 0.80 is not worse than a margin of 0.10. */
    static final double ROUNDING = 1e-12;

    /**
     * Checks the parts.
     *
     * @param metric the metric
     * @param margin the margin, finite, at least 0
     * @throws IllegalArgumentException if the margin is negative or not finite
     */
    public MetricRule {
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
            results.add(compare(toString(), metric, margin, scope.whole(), evidence));
        }
        return results;
    }

    /** Compares the two models of a pair on a metric, the candidate allowed to be worse by the margin. */
    static RuleResult compare(String rule, Metric metric, double margin, GateEvidence.Pair pair,
            GateEvidence evidence) {
        BootstrapInterval difference = pair.compare(metric, evidence.bootstrap()).difference();
        double candidate = metric.compute(pair.truth(), pair.candidate());
        double reference = metric.compute(pair.truth(), pair.reference());
        double delta = difference.estimate();
        double threshold = metric.higherIsBetter() ? reference - margin : reference + margin;
        boolean holds = metric.higherIsBetter() ? delta >= -margin - ROUNDING : delta <= margin + ROUNDING;
        String message = metric.name() + " on " + pair.scope() + ": candidate " + Texts.number(candidate)
                + ", reference " + Texts.number(reference) + ", difference " + Texts.signed(delta) + " ("
                + Texts.percent(difference.level()) + " CI "
                + Texts.signed(difference.lower()) + " to " + Texts.signed(difference.upper()) + "); "
                + (holds ? "within" : "beyond") + " the margin " + Texts.number(margin);
        return new RuleResult(rule, pair.scope(), candidate, reference, delta, difference, OptionalDouble.empty(),
                threshold, holds ? Verdict.PASS : Verdict.FAIL, message);
    }

    /** @return the rule in words, such as {@code macro_f1 no lower than the reference by more than 0.0100} */
    @Override
    public String toString() {
        return metric.name() + " no " + (metric.higherIsBetter() ? "lower" : "higher")
                + " than the reference by more than " + Texts.number(margin);
    }
}
