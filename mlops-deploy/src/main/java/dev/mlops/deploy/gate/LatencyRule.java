package dev.mlops.deploy.gate;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The candidate's p95 latency per example, measured on the validation set by the evaluation's
 * {@link LatencyProtocol}, below a limit; the reference's p95 is reported beside it for
 * comparison but does not decide. The latency is wall-clock time on the machine that runs the
 * gate: set the limit for that machine, and read a failure on a busy CI runner with that in mind.
 *
 * @param maxP95Millis the limit, in milliseconds, finite and above 0
 */
public record LatencyRule(double maxP95Millis) implements GateRule {
    /** The rule's kind. */
    public static final String NAME = "latency";

    /**
     * Checks the limit.
     *
     * @param maxP95Millis the limit, finite and above 0
     * @throws IllegalArgumentException if the limit is not a finite number above 0
     */
    public LatencyRule {
        if (!(maxP95Millis > 0.0) || Double.isInfinite(maxP95Millis)) {
            throw new IllegalArgumentException("maxP95Millis must be a finite number above 0 but was " + maxP95Millis);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RuleResult> check(GateEvidence evidence) {
        Latency candidate = evidence.candidate().latency();
        Latency reference = evidence.reference().latency();
        boolean holds = candidate.p95Millis() < maxP95Millis;
        String message = "p95 latency per example on " + GateInput.VALIDATION + ": candidate "
                + Texts.number(candidate.p95Millis()) + " ms, reference " + Texts.number(reference.p95Millis())
                + " ms; " + (holds ? "below" : "not below") + " the limit " + Texts.number(maxP95Millis) + " ms ("
                + candidate.timed() + " predictions timed: " + candidate.protocol() + ")";
        return List.of(new RuleResult(toString(), GateInput.VALIDATION, candidate.p95Millis(), reference.p95Millis(),
                candidate.p95Millis() - reference.p95Millis(), null, OptionalDouble.empty(), maxP95Millis,
                holds ? Verdict.PASS : Verdict.FAIL, message));
    }

    /** @return the rule in words, such as {@code p95 latency per example below 5.0000 ms} */
    @Override
    public String toString() {
        return "p95 latency per example below " + Texts.number(maxP95Millis) + " ms";
    }
}
