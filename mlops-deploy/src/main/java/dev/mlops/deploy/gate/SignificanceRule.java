package dev.mlops.deploy.gate;

import dev.mlops.deploy.gate.GateEvidence.Pair;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.significance.BootstrapInterval;
import dev.mlops.train.significance.McNemar;
import dev.mlops.train.significance.McNemarResult;
import dev.mlops.train.significance.PairedBootstrapResult;
import dev.mlops.train.significance.Significance;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The candidate significantly better than the reference (production, or the baseline for the
 * first model) or than the baseline, on the validation set, by one of mlops-train's tests:
 * McNemar's exact test of the rows only one model gets right (classification; the metric
 * reported beside it is accuracy unless another is given), or the paired bootstrap of a
 * metric's difference, significant at level {@code α} when its {@code 1 - α} interval leaves out
 * 0. The rule passes when the difference is significant and in the candidate's favour.
 *
 * @param test the test
 * @param metric the metric compared (and, for the bootstrap, tested)
 * @param against what the candidate must beat
 * @param level the significance level, in (0, 1); {@link Significance#DEFAULT_LEVEL} by default
 */
public record SignificanceRule(Test test, Metric metric, Against against, double level) implements GateRule {
    /** The rule's kind. */
    public static final String NAME = "significance";

    /** The test the rule runs. */
    public enum Test {
        /** McNemar's exact test ({@link McNemar}); classification only. */
        MCNEMAR,
        /** The paired bootstrap of the metric's difference ({@link dev.mlops.train.significance.PairedBootstrap}). */
        PAIRED_BOOTSTRAP
    }

    /** What the candidate must beat. */
    public enum Against {
        /** The reference: production, or the baseline when there is no production model. */
        REFERENCE,
        /** The baseline, which the gate's input must then hold. */
        BASELINE
    }

    /**
     * Checks the parts.
     *
     * @param test the test
     * @param metric the metric
     * @param against what the candidate must beat
     * @param level the significance level, in (0, 1)
     * @throws IllegalArgumentException if the level is outside (0, 1), or McNemar's test is asked to
     *     judge a metric other than accuracy (it compares which rows each model gets right, so it
     *     tests accuracy only; the paired bootstrap tests any metric)
     */
    public SignificanceRule {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(against, "against");
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1) but was " + level);
        }
        if (test == Test.MCNEMAR && !metric.name().equals(Metrics.accuracy().name())) {
            throw new IllegalArgumentException("McNemar's test compares which rows each model gets right, so it "
                    + "judges accuracy only, not " + metric.name() + "; use the paired bootstrap for "
                    + metric.name());
        }
    }

    /**
     * @param against what the candidate must beat
     * @return McNemar's test at level 0.05, accuracy reported beside it
     */
    public static SignificanceRule mcnemar(Against against) {
        return new SignificanceRule(Test.MCNEMAR, Metrics.accuracy(), against, Significance.DEFAULT_LEVEL);
    }

    /**
     * @param metric the metric whose difference is resampled
     * @param against what the candidate must beat
     * @return the paired bootstrap at level 0.05
     */
    public static SignificanceRule bootstrap(Metric metric, Against against) {
        return new SignificanceRule(Test.PAIRED_BOOTSTRAP, metric, against, Significance.DEFAULT_LEVEL);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RuleResult> check(GateEvidence evidence) {
        Evaluation opponent = evidence.reference();
        if (against == Against.BASELINE) {
            Evaluation baseline = evidence.baseline();
            if (baseline == null) {
                throw new IllegalArgumentException("rule '" + this + "' needs a baseline's evaluation, but the gate's"
                        + " input has none; add one with GateInput.withBaseline");
            }
            opponent = baseline;
        }
        Evaluation candidate = evidence.candidate();
        Pair pair = new Pair(GateInput.VALIDATION, candidate.set().truth(), candidate.predictions(),
                opponent.predictions());
        PairedBootstrapResult compared = pair.compare(metric, evidence.bootstrap().withLevel(1.0 - level));
        Significance verdict;
        OptionalDouble pValue;
        if (test == Test.MCNEMAR) {
            McNemarResult mcnemar = McNemar.test(pair.truth(), pair.candidate(), pair.reference());
            verdict = mcnemar.verdict(level);
            pValue = OptionalDouble.of(mcnemar.pValue());
        } else {
            verdict = compared.verdict();
            pValue = OptionalDouble.empty();
        }
        boolean holds = verdict.significant() && verdict.better() == Significance.Better.FIRST;
        BootstrapInterval difference = compared.difference();
        String message = verdict.test() + " of '" + candidate.model() + "' against '" + opponent.model() + "' on "
                + GateInput.VALIDATION + ": " + metric.name() + " " + Texts.number(compared.first().estimate())
                + " against " + Texts.number(compared.second().estimate()) + ", difference "
                + Texts.signed(difference.estimate()) + " (" + Texts.percent(difference.level()) + " CI "
                + Texts.signed(difference.lower()) + " to " + Texts.signed(difference.upper()) + ")"
                + (pValue.isPresent() ? ", p = " + Texts.number(pValue.getAsDouble()) : "") + "; "
                + (holds ? "significantly better" : "not significantly better") + " at level " + level;
        return List.of(new RuleResult(toString(), GateInput.VALIDATION, compared.first().estimate(),
                compared.second().estimate(), difference.estimate(), difference, pValue, level,
                holds ? Verdict.PASS : Verdict.FAIL, message));
    }

    /** @return the rule in words, such as {@code significantly better than the baseline (mcnemar, level 0.05)} */
    @Override
    public String toString() {
        return "significantly better than the " + (against == Against.BASELINE ? "baseline" : "reference") + " ("
                + (test == Test.MCNEMAR ? McNemar.METHOD : "paired bootstrap of " + metric.name()) + ", level "
                + level + ")";
    }
}
