package dev.mlops.deploy.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.Seed;
import dev.mlops.data.slice.Slice;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.significance.PairedBootstrap;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QualityGateTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    static final LatencyProtocol QUICK = new LatencyProtocol(0, 1, 5);
    static final List<Slice> SLICES = List.of(Slice.of("group_a", "group == \"a\""), Slice.of("group_b",
            "group == \"b\""));
    static final ValidationSet VALIDATION = ValidationSet.of("validation", Scripted.table(400, 7), "class", SLICES);
    /** Wrong on every fifth row: accuracy 0.80 on both groups. */
    static final Scripted PRODUCTION = Scripted.wrongOn(VALIDATION.rows(), row -> row % 5 == 0);
    /** Right on all of group a, wrong on 3 rows of 10 of group b: accuracy 0.85 overall, 0.70 on b. */
    static final Scripted SLICE_REGRESSION = Scripted.wrongOn(VALIDATION.rows(), row -> row >= 200 && row % 10 < 3);

    static Evaluation evaluate(String model, Scripted predictor, ValidationSet set) {
        return Evaluation.of(model, predictor, set, QUICK);
    }

    static QualityGate gate() {
        return QualityGate.defaults(CLOCK);
    }

    @Nested
    class Slices {
        @Test
        void aRegressionOnOneSliceFailsTheGateEvenThoughTheGlobalMetricImproved() {
            GateReport report = gate().check(GateInput.of(evaluate("candidate", SLICE_REGRESSION, VALIDATION))
                    .withProduction(evaluate("production", PRODUCTION, VALIDATION)));

            RuleResult global = report.results().get(0);
            assertThat(global.scope()).isEqualTo("validation");
            assertThat(global.verdict()).isEqualTo(Verdict.PASS);
            assertThat(global.difference()).isPositive();
            RuleResult sliceB = report.results().stream().filter(r -> r.scope().equals("slice group_b")).findFirst()
                    .orElseThrow();
            assertThat(sliceB.candidate()).isCloseTo(0.70, within(1e-12));
            assertThat(sliceB.reference()).isCloseTo(0.80, within(1e-12));
            assertThat(sliceB.difference()).isCloseTo(-0.10, within(1e-12));
            assertThat(sliceB.threshold()).isCloseTo(0.77, within(1e-12));
            assertThat(sliceB.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(report.passed()).isFalse();
            assertThat(report.failures()).containsExactly(sliceB);
            assertThat(sliceB.message()).isEqualTo("accuracy on slice group_b: candidate 0.7000, reference 0.8000,"
                    + " difference -0.1000 (95% CI " + String.format(java.util.Locale.ROOT, "%+.4f",
                            sliceB.interval().lower()) + " to " + String.format(java.util.Locale.ROOT, "%+.4f",
                                    sliceB.interval().upper()) + "); beyond the margin 0.0300");
        }

        @Test
        void aSliceWithNoRowsIsSkippedAndDoesNotFailTheGate() {
            ValidationSet set = ValidationSet.of("validation", VALIDATION.rows(), "class",
                    List.of(Slice.of("group_c", "group == \"c\"")));
            GateReport report = gate().check(GateInput.of(evaluate("candidate", PRODUCTION, set))
                    .withProduction(evaluate("production", PRODUCTION, set)));

            RuleResult skipped = report.results().get(1);
            assertThat(skipped.verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(skipped.interval()).isNull();
            assertThat(skipped.message()).isEqualTo("accuracy on slice group_c: skipped, the slice (group_c = "
                    + Slice.of("group_c", "group == \"c\"").predicate() + ") has no rows in validation");
            assertThat(report.passed()).isTrue();
        }

        @Test
        void aSliceRuleOnASetWithoutSlicesSaysItWasSkipped() {
            ValidationSet set = ValidationSet.of("validation", VALIDATION.rows(), "class", List.of());
            GateReport report = gate().check(GateInput.of(evaluate("candidate", PRODUCTION, set))
                    .withProduction(evaluate("production", PRODUCTION, set)));

            assertThat(report.results()).hasSize(2);
            RuleResult skipped = report.results().get(1);
            assertThat(skipped.rule()).startsWith("no slice's accuracy lower");
            assertThat(skipped.scope()).isEqualTo("validation");
            assertThat(skipped.verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(skipped.message()).isEqualTo("accuracy on slices of validation: skipped, the validation set "
                    + "names no slice");
            assertThat(report.toText()).contains("skipped, the validation set names no slice");
            assertThat(report.passed()).isTrue();
        }

        @Test
        void aSliceRegressionWithinTheMarginPasses() {
            GateReport report = QualityGate.of(List.of(new SliceRule(Metrics.accuracy(), 0.10)),
                    PairedBootstrap.of(Seed.of(1)).withResamples(50), CLOCK).check(GateInput.of(
                            evaluate("candidate", SLICE_REGRESSION, VALIDATION)).withProduction(
                                    evaluate("production", PRODUCTION, VALIDATION)));

            assertThat(report.results()).extracting(RuleResult::verdict).containsExactly(Verdict.PASS, Verdict.PASS);
            assertThat(report.results()).extracting(RuleResult::scope).containsExactly("slice group_a",
                    "slice group_b");
        }
    }

    @Nested
    class Fingerprints {
        @Test
        void aGateRefusesToCompareEvaluationsMadeOnDifferentValidationData() {
            ValidationSet other = ValidationSet.of("validation", Scripted.table(400, 8), "class", SLICES);
            Evaluation candidate = evaluate("candidate", PRODUCTION, VALIDATION);
            Evaluation production = evaluate("production", Scripted.wrongOn(other.rows(), row -> false), other);

            assertThatThrownBy(() -> gate().check(GateInput.of(candidate).withProduction(production)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("refusing to compare evaluations made on different data: candidate 'candidate' was"
                            + " evaluated on 'validation' (fingerprint " + VALIDATION.fingerprint().sha256()
                            + ") but production 'production' on 'validation' (fingerprint "
                            + other.fingerprint().sha256() + "); evaluate both on the same fixed validation set");
            assertThat(VALIDATION.fingerprint()).isNotEqualTo(other.fingerprint());
        }

        @Test
        void aBaselineOnOtherDataIsRefusedToo() {
            ValidationSet other = ValidationSet.of("other", VALIDATION.rows().head(300), "class", SLICES);
            Evaluation baseline = evaluate("baseline", Scripted.wrongOn(VALIDATION.rows(), row -> true), other);

            assertThatThrownBy(() -> gate().check(GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                    .withBaseline(baseline))).hasMessageContaining("but baseline 'baseline' on 'other' (fingerprint "
                            + other.fingerprint().sha256() + ")");
        }

        @Test
        void theRecentSetsEvaluationsMustShareTheirRowsToo() {
            ValidationSet recent = ValidationSet.of("recent", Scripted.table(100, 9), "class", SLICES);
            ValidationSet older = ValidationSet.of("older", Scripted.table(100, 10), "class", SLICES);

            assertThatThrownBy(() -> gate().check(GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                    .withProduction(evaluate("production", PRODUCTION, VALIDATION))
                    .withRecent(evaluate("candidate", Scripted.wrongOn(recent.rows(), row -> false), recent),
                            evaluate("production", Scripted.wrongOn(older.rows(), row -> false), older))))
                    .hasMessageContaining("candidate 'candidate' was evaluated on 'recent' (fingerprint "
                            + recent.fingerprint().sha256() + ") but the reference on the recent set 'production'"
                            + " on 'older' (fingerprint " + older.fingerprint().sha256() + ")");
        }
    }

    @Nested
    class Reference {
        @Test
        void theFirstModelIsComparedWithTheBaseline() {
            Scripted baseline = Scripted.wrongOn(VALIDATION.rows(), row -> row % 2 == 0);
            GateReport report = gate().check(GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                    .withBaseline(evaluate("most-frequent", baseline, VALIDATION)));

            assertThat(report.referenceRole()).isEqualTo(GateReport.BASELINE);
            assertThat(report.reference()).isEqualTo("most-frequent");
            assertThat(report.results().get(0).reference()).isLessThan(report.results().get(0).candidate());
            assertThat(report.passed()).isTrue();
        }

        @Test
        void productionIsTheReferenceWhenBothAreGiven() {
            GateReport report = gate().check(GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                    .withBaseline(evaluate("most-frequent", SLICE_REGRESSION, VALIDATION))
                    .withProduction(evaluate("production", PRODUCTION, VALIDATION)));

            assertThat(report.referenceRole()).isEqualTo(GateReport.PRODUCTION);
            assertThat(report.reference()).isEqualTo("production");
            assertThat(report.results().get(0).difference()).isZero();
            assertThat(report.results().get(0).interval().lower()).isZero();
            assertThat(report.results().get(0).interval().upper()).isZero();
        }

        @Test
        void aGateWithNeitherProductionNorBaselineRefusesToRun() {
            assertThatThrownBy(() -> gate().check(GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the gate has nothing to compare candidate 'candidate' with: there is no production"
                            + " model, so give a baseline's evaluation (GateInput.withBaseline), such as the"
                            + " most-frequent-class baseline's");
        }
    }

    @Nested
    class Recent {
        @Test
        void theMetricAndSliceRulesAlsoReadTheRecentSet() {
            ValidationSet recent = ValidationSet.of("recent", Scripted.table(200, 11), "class", SLICES);
            GateReport report = gate().check(GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                    .withProduction(evaluate("production", PRODUCTION, VALIDATION))
                    .withRecent(evaluate("candidate", Scripted.wrongOn(recent.rows(), row -> row % 2 == 0), recent),
                            evaluate("production", Scripted.wrongOn(recent.rows(), row -> false), recent)));

            assertThat(report.results()).extracting(RuleResult::scope).containsExactly("validation", "recent",
                    "slice group_a", "slice group_b", "recent slice group_a", "recent slice group_b");
            assertThat(report.failures()).extracting(RuleResult::scope).containsExactly("recent",
                    "recent slice group_a", "recent slice group_b");
            assertThat(report.recent()).contains(recent.toString());
        }

        @Test
        void anInputWithHalfARecentSetIsRefused() {
            Evaluation candidate = evaluate("candidate", PRODUCTION, VALIDATION);
            assertThatThrownBy(() -> new GateInput(candidate, null, null, candidate, null))
                    .hasMessage("the recent set needs both the candidate's and the reference's evaluation, but only"
                            + " the candidate's was given");
            assertThatThrownBy(() -> new GateInput(candidate, null, null, null, candidate))
                    .hasMessage("the recent set needs both the candidate's and the reference's evaluation, but only"
                            + " the reference's was given");
        }
    }

    @Nested
    class Directions {
        @Test
        void aLowerIsBetterMetricFailsWhenTheCandidatesValueRises() {
            QualityGate gate = QualityGate.of(List.of(new MetricRule(Metrics.logLoss(), 0.01)),
                    PairedBootstrap.of(Seed.of(3)).withResamples(100), CLOCK);
            GateReport worse = gate.check(GateInput.of(evaluate("candidate", SLICE_REGRESSION, VALIDATION))
                    .withProduction(evaluate("production", Scripted.wrongOn(VALIDATION.rows(), row -> false),
                            VALIDATION)));
            GateReport better = gate.check(GateInput.of(evaluate("candidate", Scripted.wrongOn(VALIDATION.rows(),
                    row -> false), VALIDATION)).withProduction(evaluate("production", SLICE_REGRESSION, VALIDATION)));

            RuleResult failed = worse.results().get(0);
            assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(failed.difference()).isPositive();
            assertThat(failed.threshold()).isCloseTo(failed.reference() + 0.01, within(1e-12));
            assertThat(failed.rule()).isEqualTo("log_loss no higher than the reference by more than 0.0100");
            assertThat(better.passed()).isTrue();
        }

        @Test
        void aDifferenceOfExactlyTheMarginPasses() {
            Scripted exactlyWorse = Scripted.wrongOn(VALIDATION.rows(), row -> row % 5 == 0 || row % 50 == 1);
            GateReport report = QualityGate.of(List.of(new MetricRule(Metrics.accuracy(), 0.02)),
                    PairedBootstrap.of(Seed.of(3)).withResamples(20), CLOCK).check(GateInput.of(
                            evaluate("candidate", exactlyWorse, VALIDATION)).withProduction(
                                    evaluate("production", PRODUCTION, VALIDATION)));

            assertThat(report.results().get(0).difference()).isCloseTo(-0.02, within(1e-12));
            assertThat(report.results().get(0).threshold()).isCloseTo(0.78, within(1e-12));
            assertThat(report.results().get(0).verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void theRoundingOfALowerIsBetterDifferenceAtTheMarginIsForgiven() {
            Metric errorRate = new Metric() {
                @Override
                public String name() {
                    return "error_rate";
                }

                @Override
                public boolean higherIsBetter() {
                    return false;
                }

                @Override
                public double compute(Column truth, Table predictions) {
                    return 1.0 - Metrics.accuracy().compute(truth, predictions);
                }
            };
            // error rates 0.8 and 0.7: the difference in doubles is 0.10000000000000009, above the margin 0.1
            Scripted right20 = Scripted.wrongOn(VALIDATION.rows(), row -> row % 5 != 0);
            Scripted right30 = Scripted.wrongOn(VALIDATION.rows(), row -> row % 10 > 2);
            GateReport report = QualityGate.of(List.of(new MetricRule(errorRate, 0.1)),
                    PairedBootstrap.of(Seed.of(3)).withResamples(20), CLOCK).check(GateInput.of(
                            evaluate("candidate", right20, VALIDATION)).withProduction(
                                    evaluate("production", right30, VALIDATION)));

            assertThat(report.results().get(0).difference()).isGreaterThan(0.1).isCloseTo(0.1, within(1e-12));
            assertThat(report.results().get(0).verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Nested
    class Latencies {
        @Test
        void aSlowCandidateFailsTheLatencyRuleAndAFastOnePasses() {
            Scripted slow = Scripted.slow(VALIDATION.rows(), row -> false, 3);
            QualityGate gate = QualityGate.of(List.of(new LatencyRule(2.0)), PairedBootstrap.of(Seed.of(1)), CLOCK);
            GateReport failed = gate.check(GateInput.of(evaluate("candidate", slow, VALIDATION))
                    .withProduction(evaluate("production", PRODUCTION, VALIDATION)));
            GateReport passed = gate.check(GateInput.of(evaluate("candidate", PRODUCTION, VALIDATION))
                    .withProduction(evaluate("production", slow, VALIDATION)));

            RuleResult result = failed.results().get(0);
            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.candidate()).isGreaterThanOrEqualTo(3.0);
            assertThat(result.threshold()).isEqualTo(2.0);
            assertThat(result.difference()).isCloseTo(result.candidate() - result.reference(), within(1e-12));
            assertThat(result.message()).contains("not below the limit 2.0000 ms (5 predictions timed: 0 warm-up"
                    + " predictions, then 1 passes over at most 5 rows, one row per prediction)");
            assertThat(passed.passed()).isTrue();
            assertThat(passed.results().get(0).message()).contains("; below the limit");
        }

        @Test
        void theProtocolTimesEachRowOfEachPassAfterTheWarmUp() {
            int[] calls = {0};
            Scripted counted = Scripted.wrongOn(VALIDATION.rows(), row -> false);
            dev.mlops.train.predict.Predictor counting = new dev.mlops.train.predict.Predictor() {
                @Override
                public dev.mlops.core.table.Schema inputSchema() {
                    return counted.inputSchema();
                }

                @Override
                public dev.mlops.train.predict.Outputs outputs() {
                    return counted.outputs();
                }

                @Override
                public dev.mlops.core.table.Table predict(dev.mlops.core.table.Table features) {
                    assertThat(features.rowCount()).isEqualTo(1);
                    calls[0]++;
                    return counted.predict(features);
                }
            };
            Latency latency = new LatencyProtocol(7, 3, 4).measure(counting, VALIDATION.features());

            assertThat(calls[0]).isEqualTo(7 + 3 * 4);
            assertThat(latency.p50Millis()).isPositive();
            assertThat(latency.timed()).isEqualTo(12);
            assertThat(latency.p95Millis()).isGreaterThanOrEqualTo(latency.p50Millis());
            assertThat(new LatencyProtocol(0, 2, 1000).measure(PRODUCTION, VALIDATION.features().head(3)).timed())
                    .isEqualTo(6);
        }

    }
}
