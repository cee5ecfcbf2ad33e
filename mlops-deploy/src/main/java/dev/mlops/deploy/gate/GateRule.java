package dev.mlops.deploy.gate;

import java.util.List;

/**
 * One rule of a {@link QualityGate}: a small value with a name, a text form ({@code toString()})
 * and a verdict on each scope it reads. The rules are {@link MetricRule} (a metric no worse than
 * the reference beyond a margin), {@link SliceRule} (the same on every named slice),
 * {@link LatencyRule} (p95 latency per example below a limit) and {@link SignificanceRule} (the
 * candidate significantly better than the reference or the baseline).
 *
 * <p>The reference is the production model's evaluation; for the first model, which has no
 * production model to beat, it is the baseline's (such as the most-frequent-class baseline), and
 * a gate with neither refuses to run.
 */
public sealed interface GateRule permits MetricRule, SliceRule, LatencyRule, SignificanceRule {

    /** @return the rule's kind, such as {@code metric} or {@code slice}, as JSON names it */
    String name();

    /**
     * Checks the rule; called by the {@link QualityGate}.
     *
     * @param evidence the evaluations compared
     * @return one finding per scope the rule reads, in order
     */
    List<RuleResult> check(GateEvidence evidence);
}
