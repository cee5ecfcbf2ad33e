package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.deploy.gate.GateRule;
import dev.mlops.deploy.gate.LatencyRule;
import dev.mlops.deploy.gate.MetricRule;
import dev.mlops.deploy.gate.QualityGate;
import dev.mlops.deploy.gate.SignificanceRule;
import dev.mlops.deploy.gate.SliceRule;
import dev.mlops.train.metrics.Metrics;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateRuleSpecsTest {
    private static final List<GateRule> DEFAULTS = QualityGate.defaults(Clock.systemUTC()).rules();

    @Test
    void noSpecMeansTheDefaults() {
        assertThat(GateRuleSpecs.parse(List.of(), DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void readsEachKindOfRuleAndTheDefaultsOnce() {
        List<GateRule> rules = GateRuleSpecs.parse(List.of("metric(metric=accuracy, margin=0.02)",
                "slice(metric=macro_f1, margin=0.05)", " latency(p95=4.5) ",
                "significance(test=paired_bootstrap, metric=auc, against=BASELINE, level=0.01)",
                "significance(test=mcnemar, metric=accuracy, against=reference)", "defaults", "defaults"), DEFAULTS);

        assertThat(rules).startsWith(new MetricRule(Metrics.accuracy(), 0.02), new SliceRule(Metrics.macroF1(), 0.05),
                new LatencyRule(4.5), new SignificanceRule(SignificanceRule.Test.PAIRED_BOOTSTRAP, Metrics.auc(),
                        SignificanceRule.Against.BASELINE, 0.01), new SignificanceRule(SignificanceRule.Test.MCNEMAR,
                        Metrics.accuracy(), SignificanceRule.Against.REFERENCE, 0.05));
        assertThat(rules).endsWith(DEFAULTS.toArray(new GateRule[0])).hasSize(5 + DEFAULTS.size());
    }

    @Test
    void aBadSpecIsRefusedQuotingItWithWhatIsWrong() {
        assertRefused("size(max=3)", "unknown rule 'size'");
        assertRefused("metric(margin=0.1)", "the setting 'metric' is missing");
        assertRefused("metric(metric=accuracy, margin=small)", "the setting 'margin' must be a number, not \"small\"");
        assertRefused("latency(p95=5, p99=9)", "rule 'latency' has no setting 'p99'");
        assertRefused("significance(test=t, metric=accuracy, against=baseline)",
                "the setting 'test' is 't', not one of [mcnemar, paired_bootstrap]");
        assertRefused("metric(metric=rmsle, margin=1)", "unknown metric 'rmsle'; the metrics are [");
        assertRefused("latency(p95=-1)", "");
        assertRefused("metric(", "");
    }

    private static void assertRefused(String spec, String problem) {
        assertThatThrownBy(() -> GateRuleSpecs.parse(List.of(spec), DEFAULTS)).isInstanceOf(
                IllegalArgumentException.class).hasMessageStartingWith("--rule '" + spec + "': " + problem)
                .hasMessageEndingWith("; a rule is " + GateRuleSpecs.SYNTAX);
    }
}
