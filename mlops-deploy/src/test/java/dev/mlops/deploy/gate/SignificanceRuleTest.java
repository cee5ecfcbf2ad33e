package dev.mlops.deploy.gate;

import static dev.mlops.deploy.gate.QualityGateTest.CLOCK;
import static dev.mlops.deploy.gate.QualityGateTest.PRODUCTION;
import static dev.mlops.deploy.gate.QualityGateTest.VALIDATION;
import static dev.mlops.deploy.gate.QualityGateTest.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.Seed;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.significance.McNemar;
import dev.mlops.train.significance.PairedBootstrap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignificanceRuleTest {
    /** Right on every row but the 40 production also gets wrong: b = 40, c = 0. */
    static final Scripted PERFECT = Scripted.wrongOn(VALIDATION.rows(), row -> false);
    /** Wrong on every other row. */
    static final Scripted COIN = Scripted.wrongOn(VALIDATION.rows(), row -> row % 2 == 0);

    static GateReport check(SignificanceRule rule, GateInput input) {
        return QualityGate.of(List.of(rule), PairedBootstrap.of(Seed.of(5)).withResamples(200), CLOCK).check(input);
    }

    @Test
    void mcNemarPassesACandidateSignificantlyBetterThanProduction() {
        GateReport report = check(SignificanceRule.mcnemar(SignificanceRule.Against.REFERENCE),
                GateInput.of(evaluate("candidate", PERFECT, VALIDATION))
                        .withProduction(evaluate("production", PRODUCTION, VALIDATION)));

        RuleResult result = report.results().get(0);
        // production is wrong on 80 rows (id % 5 == 0), the candidate on none: b = 80, c = 0;
        // statsmodels.stats.contingency_tables.mcnemar([[320, 80], [0, 0]], exact=True).pvalue = 1.6543612251060553e-24
        assertThat(result.pValue()).hasValueCloseTo(McNemar.test(80, 0).pValue(), within(1e-30));
        assertThat(result.pValue().getAsDouble()).isCloseTo(1.6543612251060553e-24, within(1e-36));
        assertThat(result.candidate()).isEqualTo(1.0);
        assertThat(result.reference()).isCloseTo(0.8, within(1e-12));
        assertThat(result.interval()).isNotNull();
        assertThat(result.interval().level()).isCloseTo(0.95, within(1e-12));
        assertThat(result.threshold()).isEqualTo(0.05);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.rule()).isEqualTo("significantly better than the reference (mcnemar-exact, level 0.05)");
        assertThat(result.message()).startsWith("mcnemar-exact of 'candidate' against 'production' on validation:"
                + " accuracy 1.0000 against 0.8000, difference +0.2000 (95% CI ").endsWith(", p = 0.0000;"
                        + " significantly better at level 0.05");
    }

    @Test
    void aCandidateNoBetterThanProductionFailsAndSoDoesAWorseOne() {
        GateReport same = check(SignificanceRule.mcnemar(SignificanceRule.Against.REFERENCE),
                GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                        .withProduction(evaluate("production", PRODUCTION, VALIDATION)));
        GateReport worse = check(SignificanceRule.bootstrap(Metrics.accuracy(), SignificanceRule.Against.REFERENCE),
                GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                        .withProduction(evaluate("production", PERFECT, VALIDATION)));

        assertThat(same.results().get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(same.results().get(0).pValue()).hasValue(1.0);
        assertThat(same.results().get(0).message()).endsWith("; not significantly better at level 0.05");
        RuleResult result = worse.results().get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.interval().upper()).isNegative();
        assertThat(result.pValue()).isEmpty();
    }

    @Test
    void theBootstrapAgainstTheBaselineReadsTheBaselineEvenWithProduction() {
        GateReport report = check(SignificanceRule.bootstrap(Metrics.macroF1(), SignificanceRule.Against.BASELINE),
                GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                        .withProduction(evaluate("production", PERFECT, VALIDATION))
                        .withBaseline(evaluate("coin", COIN, VALIDATION)));

        RuleResult result = report.results().get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.interval().lower()).isPositive();
        assertThat(result.message()).startsWith("paired-bootstrap of 'candidate' against 'coin'");
        assertThat(result.rule()).isEqualTo("significantly better than the baseline (paired bootstrap of macro_f1,"
                + " level 0.05)");
    }

    @Test
    void aLevelChangesTheIntervalOfTheBootstrap() {
        SignificanceRule rule = new SignificanceRule(SignificanceRule.Test.PAIRED_BOOTSTRAP, Metrics.accuracy(),
                SignificanceRule.Against.REFERENCE, 0.2);
        GateReport report = check(rule, GateInput.of(evaluate("candidate", PERFECT, VALIDATION))
                .withProduction(evaluate("production", PRODUCTION, VALIDATION)));

        assertThat(report.results().get(0).interval().level()).isCloseTo(0.8, within(1e-12));
        assertThat(report.results().get(0).threshold()).isEqualTo(0.2);
    }

    @Test
    void aRuleAgainstTheBaselineRefusesAnInputWithoutOne() {
        SignificanceRule rule = SignificanceRule.mcnemar(SignificanceRule.Against.BASELINE);
        assertThatThrownBy(() -> check(rule, GateInput.of(evaluate("candidate", PERFECT, VALIDATION))
                .withProduction(evaluate("production", PRODUCTION, VALIDATION))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule 'significantly better than the baseline (mcnemar-exact, level 0.05)' needs a"
                        + " baseline's evaluation, but the gate's input has none; add one with GateInput.withBaseline");
    }

    @Test
    void aLevelOutsideZeroToOneIsRefused() {
        for (double level : new double[] {0.0, 1.0, Double.NaN}) {
            assertThatThrownBy(() -> new SignificanceRule(SignificanceRule.Test.MCNEMAR, Metrics.accuracy(),
                    SignificanceRule.Against.REFERENCE, level)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("level must be in (0, 1) but was " + level);
        }
        assertThat(SignificanceRule.mcnemar(SignificanceRule.Against.REFERENCE).name()).isEqualTo("significance");
    }

    @Test
    void mcNemarJudgesAccuracyOnly() {
        assertThatThrownBy(() -> new SignificanceRule(SignificanceRule.Test.MCNEMAR, Metrics.macroF1(),
                SignificanceRule.Against.REFERENCE, 0.05)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("McNemar's test compares which rows each model gets right, so it judges accuracy only, "
                        + "not macro_f1; use the paired bootstrap for macro_f1");
        assertThat(new SignificanceRule(SignificanceRule.Test.PAIRED_BOOTSTRAP, Metrics.macroF1(),
                SignificanceRule.Against.REFERENCE, 0.05).metric()).isEqualTo(Metrics.macroF1());
    }
}
