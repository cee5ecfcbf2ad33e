package dev.mlops.deploy.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Documents;
import dev.mlops.deploy.ab.AbReport.Decision;
import dev.mlops.deploy.ab.OutcomeLog.MetricKind;
import dev.mlops.deploy.strategy.AbStrategy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AbTestTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final AbStrategy HALVES = AbStrategy.of("control:50,treatment:50", "checkout-2026-12");
    private static final AbTest TEST = AbTest.of(0.02 * 0.02, 1000);

    /** A log with the given units and conversions per arm (units c0.., t0..; the first ones convert). */
    private static OutcomeLog conversions(AbStrategy strategy, long[] units, long[] converted) {
        OutcomeLog log = OutcomeLog.inMemory(CLOCK);
        for (int arm = 0; arm < units.length; arm++) {
            String name = strategy.variants().get(arm);
            for (int u = 0; u < units[arm]; u++) {
                log.assign(name + "-" + u, name);
                if (u < converted[arm]) {
                    log.conversion(name + "-" + u, "purchase");
                }
            }
        }
        return log;
    }

    /** The report with the treatment's carried p-value and interval replaced. */
    private static AbReport withCarried(AbReport report, double p, double lower, double upper) {
        AbReport.Comparison c = report.comparison("treatment");
        return new AbReport(report.header(), report.experiment(), report.metric(), report.kind(), report.alpha(),
                report.mixingVariance(), report.plannedUnitsPerArm(), report.minUnitsPerArm(), report.arms(),
                report.srm(), java.util.List.of(new AbReport.Comparison(c.treatment(), c.control(), c.effect(),
                        c.relativeEffect(), c.lower(), c.upper(), c.statistic(), c.fixedP(), p, lower, upper,
                        c.decision())));
    }

    @Nested
    class Conversions {

        @Test
        void aClearWinAtTheHorizonIsTreatmentBetterWithTheFixedTestsOfStatsmodels() {
            OutcomeLog log = conversions(HALVES, new long[] {1000, 1000}, new long[] {100, 160});

            AbReport report = TEST.analyse(HALVES, log, "purchase", CLOCK);

            assertThat(report.kind()).isEqualTo(MetricKind.CONVERSION);
            assertThat(report.arms()).extracting(AbReport.Arm::name, AbReport.Arm::units, AbReport.Arm::outcomes,
                    AbReport.Arm::mean).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("control", 1000L, 100.0, 0.1),
                    org.assertj.core.groups.Tuple.tuple("treatment", 1000L, 160.0, 0.16));
            assertThat(report.srm().mismatch()).isFalse();
            assertThat(report.srm().pValue()).isEqualTo(1.0);
            AbReport.Comparison c = report.comparison("treatment");
            assertThat(c.effect()).isCloseTo(0.06, within(1e-12));
            assertThat(c.relativeEffect()).isCloseTo(0.6, within(1e-12));
            // proportions_ztest([160, 100], [1000, 1000]) -> (3.9893758112510813, 6.624739218326124e-05)
            // confint_proportions_2indep(160, 1000, 100, 1000, method='wald', compare='diff')
            //   -> (0.030639765679345097, 0.0893602343206549)
            assertThat(c.statistic()).isCloseTo(3.9893758112510813, within(1e-9));
            assertThat(c.fixedP()).isCloseTo(6.624739218326124e-05, within(1e-12));
            assertThat(c.lower()).isCloseTo(0.030639765679345097, within(1e-9));
            assertThat(c.upper()).isCloseTo(0.0893602343206549, within(1e-9));
            assertThat(c.alwaysValidP()).isLessThan(0.05);
            assertThat(c.alwaysValidLower()).isPositive().isLessThan(c.lower());
            assertThat(c.decision()).isEqualTo(Decision.TREATMENT_BETTER);
            assertThat(report.header().kind()).isEqualTo("ab-report");
            assertThat(report.header().createdAt()).isEqualTo(CLOCK.instant());
        }

        @Test
        void aLossIsControlBetterAndASmallDifferenceKeepsRunningThenEndsWithNoDifference() {
            assertThat(TEST.analyse(HALVES, conversions(HALVES, new long[] {1000, 1000}, new long[] {160, 100}),
                    "purchase", CLOCK).comparison("treatment").decision()).isEqualTo(Decision.CONTROL_BETTER);
            assertThat(TEST.analyse(HALVES, conversions(HALVES, new long[] {500, 500}, new long[] {50, 55}),
                    "purchase", CLOCK).comparison("treatment").decision()).isEqualTo(Decision.KEEP_RUNNING);
            AbReport horizon = TEST.analyse(HALVES, conversions(HALVES, new long[] {1000, 1000}, new long[] {100, 110}),
                    "purchase", CLOCK);
            assertThat(horizon.comparison("treatment").decision()).isEqualTo(Decision.NO_DIFFERENCE);
            assertThat(horizon.comparison("treatment").lower()).isNegative();
        }

        @Test
        void unitsOffTheSharesAreASampleRatioMismatchWhateverTheEffect() {
            // scipy.stats.chisquare([1000, 1200], f_exp=[1100, 1100]) -> (18.181818181818183, 2.007865612426481e-05)
            AbReport report = TEST.analyse(HALVES, conversions(HALVES, new long[] {1000, 1200}, new long[] {100, 300}),
                    "purchase", CLOCK);

            assertThat(report.srm().chiSquare()).isCloseTo(18.181818181818183, within(1e-9));
            assertThat(report.srm().pValue()).isCloseTo(2.007865612426481e-05, within(1e-15));
            assertThat(report.srm().mismatch()).isTrue();
            assertThat(report.comparison("treatment").decision()).isEqualTo(Decision.SAMPLE_RATIO_MISMATCH);
            assertThat(report.toText()).contains("< 0.001: MISMATCH");
        }

        @Test
        void threeArmsSplitAlphaAndCompareEachTreatmentWithTheControl() {
            AbStrategy three = AbStrategy.of("control:2,a:1,b:1", "three");
            OutcomeLog log = conversions(three, new long[] {2000, 1000, 1000}, new long[] {200, 100, 150});

            AbReport report = TEST.analyse(three, log, "purchase", CLOCK);

            assertThat(report.comparisons()).extracting(AbReport.Comparison::treatment).containsExactly("a", "b");
            assertThat(report.comparison("a").decision()).isEqualTo(Decision.NO_DIFFERENCE);
            assertThat(report.comparison("b").decision()).isEqualTo(Decision.TREATMENT_BETTER);
            // the interval at alpha / 2 is wider than at alpha
            AbStatistics.Fixed atAlpha = AbStatistics.twoProportions(150, 1000, 200, 2000, 0.05);
            assertThat(report.comparison("b").lower()).isLessThan(atAlpha.lower());
            assertThatThrownBy(() -> report.comparison("control")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'control' is not a treatment arm of experiment 'three'");
        }

        @Test
        void twoUnitsPerArmAreEnoughToCompare() {
            AbReport report = TEST.analyse(HALVES, conversions(HALVES, new long[] {2, 2}, new long[] {1, 2}),
                    "purchase", CLOCK);

            assertThat(report.comparison("treatment").effect()).isEqualTo(0.5);
            assertThat(TEST.analyse(HALVES, conversions(HALVES, new long[] {2, 1}, new long[] {1, 1}), "purchase",
                    CLOCK).comparison("treatment").effect()).isNaN();
        }

        @Test
        void aMismatchIsFlaggedOnlyBelowTheThreshold() {
            OutcomeLog log = conversions(HALVES, new long[] {1000, 1200}, new long[] {100, 120});
            double p = AbStatistics.goodnessOfFit(new long[] {1000, 1200}, new double[] {0.5, 0.5})[1];

            assertThat(TEST.withSrmThreshold(p).analyse(HALVES, log, "purchase", CLOCK).srm().mismatch()).isFalse();
            assertThat(TEST.withSrmThreshold(Math.nextUp(p)).analyse(HALVES, log, "purchase", CLOCK).srm().mismatch())
                    .isTrue();
        }

        @Test
        void aCarriedIntervalAboveOrBelowZeroDecidesAndIsShown() {
            OutcomeLog log = conversions(HALVES, new long[] {100, 100}, new long[] {10, 12});
            AbReport first = TEST.analyse(HALVES, log, "purchase", CLOCK);
            AbReport.Comparison c = first.comparison("treatment");

            assertThat(c.decision()).isEqualTo(Decision.KEEP_RUNNING);
            assertThat(c.alwaysValidLower()).isNegative();
            assertThat(c.alwaysValidUpper()).isPositive();
            AbReport.Comparison above = TEST.analyse(HALVES, log, "purchase", CLOCK,
                    withCarried(first, 0.05, 0.001, 0.5)).comparison("treatment");
            assertThat(above.decision()).isEqualTo(Decision.TREATMENT_BETTER);
            assertThat(above.alwaysValidLower()).isEqualTo(0.001);
            assertThat(above.alwaysValidUpper()).isEqualTo(c.alwaysValidUpper());
            assertThat(above.alwaysValidP()).isEqualTo(0.05);
            AbReport.Comparison below = TEST.analyse(HALVES, log, "purchase", CLOCK,
                    withCarried(first, 0.05, c.alwaysValidLower() + 1e-3, -0.001)).comparison("treatment");
            assertThat(below.decision()).isEqualTo(Decision.CONTROL_BETTER);
            assertThat(below.alwaysValidLower()).isEqualTo(c.alwaysValidLower() + 1e-3);
            assertThat(below.alwaysValidUpper()).isEqualTo(-0.001);
        }

        @Test
        void aLookWhoseIntervalIsDisjointFromTheCarriedOneChangesNothing() {
            OutcomeLog log = conversions(HALVES, new long[] {100, 100}, new long[] {10, 12});
            AbReport first = TEST.analyse(HALVES, log, "purchase", CLOCK);

            AbReport.Comparison c = TEST.analyse(HALVES, log, "purchase", CLOCK, withCarried(first, 0.04, 0.9, 0.95))
                    .comparison("treatment");

            assertThat(c.alwaysValidP()).isEqualTo(0.04);
            assertThat(c.alwaysValidLower()).isEqualTo(0.9);
            assertThat(c.alwaysValidUpper()).isEqualTo(0.95);
            assertThat(c.decision()).isEqualTo(Decision.TREATMENT_BETTER);
        }

        @Test
        void oneArmAllConvertedAndTheOtherNoneIsNoEvidenceAtTwoUnits() {
            // review 22 item 1: control 0/2, treatment 2/2 gave always-valid p = 0 and treatment-better
            OutcomeLog log = conversions(HALVES, new long[] {2, 2}, new long[] {0, 2});

            AbReport.Comparison early = TEST.withMinUnitsPerArm(2).analyse(HALVES, log, "purchase", CLOCK)
                    .comparison("treatment");
            AbReport.Comparison gated = TEST.analyse(HALVES, log, "purchase", CLOCK).comparison("treatment");

            // pooled rate 0.5: v = 0.25 * (1/2 + 1/2) = 0.25, d = 1, tau2 = 4e-4:
            // 1 / (sqrt(v/(v+tau2)) * exp(tau2*d*d/(2*v*(v+tau2)))) -> 0.9976073394891576 (python), not 0
            assertThat(early.alwaysValidP()).isCloseTo(0.9976073394891576, within(1e-12));
            assertThat(early.decision()).isEqualTo(Decision.KEEP_RUNNING);
            assertThat(gated.alwaysValidP()).isEqualTo(1.0);
            assertThat(gated.alwaysValidLower()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(gated.alwaysValidUpper()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(gated.decision()).isEqualTo(Decision.KEEP_RUNNING);
        }

        @Test
        void constantValueArmsAreNoEvidence() {
            OutcomeLog log = OutcomeLog.inMemory(CLOCK);
            for (int u = 0; u < 3; u++) {
                log.assign("c" + u, "control");
                log.value("c" + u, "revenue", 1.0);
                log.assign("t" + u, "treatment");
                log.value("t" + u, "revenue", 2.0);
            }

            AbReport.Comparison c = AbTest.of(1.0, 1000).withMinUnitsPerArm(2).analyse(HALVES, log, "revenue", CLOCK)
                    .comparison("treatment");

            assertThat(c.effect()).isEqualTo(1.0);
            assertThat(c.alwaysValidP()).isEqualTo(1.0);
            assertThat(c.decision()).isEqualTo(Decision.KEEP_RUNNING);
        }

        @Test
        void noDecisionButKeepRunningBeforeTheMinimumOfUnitsPerArm() {
            // 10 % against 60 %: overwhelming (tau = 0.1), yet 99 units per arm are fewer than the default 100
            AbTest wide = AbTest.of(0.1 * 0.1, 1000);
            AbReport.Comparison before = wide.analyse(HALVES, conversions(HALVES, new long[] {99, 99},
                    new long[] {10, 60}), "purchase", CLOCK).comparison("treatment");
            AbReport.Comparison at = wide.analyse(HALVES, conversions(HALVES, new long[] {100, 100},
                    new long[] {10, 60}), "purchase", CLOCK).comparison("treatment");
            AbTest shortHorizon = AbTest.of(0.02 * 0.02, 10);

            assertThat(before.decision()).isEqualTo(Decision.KEEP_RUNNING);
            assertThat(before.alwaysValidP()).isEqualTo(1.0);
            assertThat(at.decision()).isEqualTo(Decision.TREATMENT_BETTER);
            assertThat(at.alwaysValidLower()).isPositive();
            assertThat(shortHorizon.analyse(HALVES, conversions(HALVES, new long[] {50, 50}, new long[] {10, 10}),
                    "purchase", CLOCK).comparison("treatment").decision()).isEqualTo(Decision.KEEP_RUNNING);
            assertThat(shortHorizon.analyse(HALVES, conversions(HALVES, new long[] {100, 100}, new long[] {10, 10}),
                    "purchase", CLOCK).comparison("treatment").decision()).isEqualTo(Decision.NO_DIFFERENCE);
        }

        @Test
        void armsWithFewerThanTwoUnitsKeepRunning() {
            OutcomeLog log = conversions(HALVES, new long[] {1, 0}, new long[] {1, 0});

            AbReport report = TEST.analyse(HALVES, log, "purchase", CLOCK);

            AbReport.Comparison c = report.comparison("treatment");
            assertThat(c.decision()).isEqualTo(Decision.KEEP_RUNNING);
            assertThat(c.effect()).isNaN();
            assertThat(c.alwaysValidP()).isEqualTo(1.0);
            assertThat(report.arms().get(1).mean()).isNaN();
            assertThat(Documents.parseTree(report.toJson(), "report").path("comparisons").get(0).path("effect")
                    .asText()).isEqualTo("NaN");
        }
    }

    @Nested
    class Values {

        @Test
        void revenueUsesWelchsTestOnEachUnitsTotal() {
            OutcomeLog log = OutcomeLog.inMemory(CLOCK);
            double[] t = {12.5, 0, 0, 30.25, 7.0, 0, 18.0, 22.5, 0, 5.5};
            double[] c = {0, 9.0, 0, 0, 14.0, 3.5, 0, 0, 11.0, 6.0, 0, 2.0};
            for (int i = 0; i < t.length; i++) {
                log.assign("t" + i, "treatment");
                if (t[i] > 0) {
                    log.value("t" + i, "revenue", t[i] / 2);
                    log.value("t" + i, "revenue", t[i] / 2);
                }
            }
            for (int i = 0; i < c.length; i++) {
                log.assign("c" + i, "control");
                log.value("c" + i, "revenue", c[i]);
            }

            AbReport report = AbTest.of(25.0, 1000).withMinUnitsPerArm(2).analyse(HALVES, log, "revenue", CLOCK);

            // scipy.stats.ttest_ind(t, c, equal_var=False) -> statistic=1.5497453548303708, pvalue=0.14679966079451667
            AbReport.Comparison comparison = report.comparison("treatment");
            assertThat(comparison.statistic()).isCloseTo(1.5497453548303708, within(1e-9));
            assertThat(comparison.fixedP()).isCloseTo(0.14679966079451667, within(1e-9));
            // tconfint_diff(usevar='unequal') -> (-2.3347498856054845, 13.901416552272151)
            assertThat(comparison.lower()).isCloseTo(-2.3347498856054845, within(1e-8));
            assertThat(comparison.upper()).isCloseTo(13.901416552272151, within(1e-8));
            // d = t.mean() - c.mean(); v = t.var(ddof=1)/10 + c.var(ddof=1)/12; tau2 = 25.0
            // min(1, 1/(sqrt(v/(v+tau2)) * exp(tau2*d*d/(2*v*(v+tau2))))) -> 0.7731431869959271
            // d -+ sqrt(v*(v+tau2)/tau2*(log((v+tau2)/v) - 2*log(0.05))) -> -6.553908032079905, 18.120574698746573
            assertThat(comparison.effect()).isCloseTo(5.783333333333333, within(1e-12));
            assertThat(comparison.alwaysValidP()).isCloseTo(0.7731431869959271, within(1e-12));
            assertThat(comparison.alwaysValidLower()).isCloseTo(-6.553908032079905, within(1e-9));
            assertThat(comparison.alwaysValidUpper()).isCloseTo(18.120574698746573, within(1e-9));
            assertThat(report.kind()).isEqualTo(MetricKind.VALUE);
            assertThat(comparison.decision()).isEqualTo(Decision.KEEP_RUNNING);
        }
    }

    @Nested
    class Looks {

        @Test
        void thePreviousReportCarriesTheRunningMinimumOfTheAlwaysValidP() {
            AbReport early = TEST.analyse(HALVES, conversions(HALVES, new long[] {600, 600}, new long[] {60, 90}),
                    "purchase", CLOCK);
            OutcomeLog later = conversions(HALVES, new long[] {700, 700}, new long[] {75, 90});

            AbReport alone = TEST.analyse(HALVES, later, "purchase", CLOCK);
            AbReport carried = TEST.analyse(HALVES, later, "purchase", CLOCK, early);

            double before = early.comparison("treatment").alwaysValidP();
            assertThat(alone.comparison("treatment").alwaysValidP()).isGreaterThan(before);
            assertThat(carried.comparison("treatment").alwaysValidP()).isEqualTo(before);
        }

        @Test
        void aPreviousReportOfAnotherExperimentOrMetricIsRefused() {
            OutcomeLog log = conversions(HALVES, new long[] {10, 10}, new long[] {1, 2});
            AbReport report = TEST.analyse(HALVES, log, "purchase", CLOCK);
            AbStrategy other = AbStrategy.of("control:50,treatment:50", "search");

            assertThatThrownBy(() -> TEST.analyse(other, log, "purchase", CLOCK, report))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the previous report is of experiment 'checkout-2026-12', metric 'purchase', not"
                            + " experiment 'search', metric 'purchase'");
            log.value("control-0", "revenue", 1);
            assertThatThrownBy(() -> TEST.analyse(HALVES, log, "revenue", CLOCK, report))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not experiment"
                            + " 'checkout-2026-12', metric 'revenue'");
        }
    }

    @Nested
    class Refusals {

        @Test
        void aMetricWithoutOutcomesAndArmsTheStrategyLacksAreRefused() {
            OutcomeLog log = conversions(HALVES, new long[] {10, 10}, new long[] {1, 2});

            assertThatThrownBy(() -> TEST.analyse(HALVES, log, "clicks", CLOCK))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'clicks' has no outcome in the log; the metrics with outcomes are [purchase]");
            log.assign("x", "legacy");
            assertThatThrownBy(() -> TEST.analyse(HALVES, log, "purchase", CLOCK))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the log has units in arm 'legacy', which experiment 'checkout-2026-12' does not have"
                            + " (its arms: control, treatment)");
        }

        @Test
        void settingsOutOfRangeAreRefusedNamingThem() {
            assertThatThrownBy(() -> AbTest.of(0.01, 1000).withAlpha(1)).hasMessage("alpha must be in (0, 1) but was 1.0");
            assertThatThrownBy(() -> AbTest.of(0.01, 1000).withAlpha(0)).hasMessage("alpha must be in (0, 1) but was 0.0");
            assertThatThrownBy(() -> AbTest.of(0.01, 1000).withSrmThreshold(0))
                    .hasMessage("srmThreshold must be in (0, 1) but was 0.0");
            assertThatThrownBy(() -> AbTest.of(0.01, 1000).withSrmThreshold(1))
                    .hasMessage("srmThreshold must be in (0, 1) but was 1.0");
            assertThatThrownBy(() -> AbTest.of(0, 1000))
                    .hasMessage("mixingVariance (tau^2) must be positive and finite but was 0.0");
            assertThatThrownBy(() -> AbTest.of(Double.POSITIVE_INFINITY, 1000))
                    .hasMessage("mixingVariance (tau^2) must be positive and finite but was Infinity");
            assertThatThrownBy(() -> AbTest.of(0.01, 1)).hasMessage("plannedUnitsPerArm must be at least 2 but was 1");
            assertThatThrownBy(() -> AbTest.of(0.01, 1000).withMinUnitsPerArm(1))
                    .hasMessage("minUnitsPerArm must be at least 2 but was 1");
            assertThat(AbTest.of(0.01, 2).withAlpha(0.1).withSrmThreshold(0.01))
                    .isEqualTo(new AbTest(0.1, 0.01, 0.01, 2, AbTest.DEFAULT_MIN_UNITS_PER_ARM));
            assertThat(AbTest.of(0.01, 2).withMinUnitsPerArm(2).minUnitsPerArm()).isEqualTo(2);
        }
    }

    @Nested
    class Report {

        @Test
        void jsonHasTheEnvelopeThenTheArmsTheCheckAndTheComparisons() {
            AbReport report = TEST.analyse(HALVES, conversions(HALVES, new long[] {1000, 1000}, new long[] {100, 160}),
                    "purchase", CLOCK);

            JsonNode json = Documents.parseTree(report.toJson(), "report");

            assertThat(json.path("kind").asText()).isEqualTo("ab-report");
            assertThat(json.path("formatVersion").asInt()).isEqualTo(2);
            assertThat(json.path("createdAt").asText()).isEqualTo("2026-12-07T10:00:00Z");
            assertThat(json.path("fingerprint").asText()).isEqualTo(report.header().fingerprint().sha256());
            assertThat(json.path("experiment").asText()).isEqualTo("checkout-2026-12");
            assertThat(json.path("metricKind").asText()).isEqualTo("conversion");
            assertThat(json.path("plannedUnitsPerArm").asLong()).isEqualTo(1000);
            assertThat(json.path("minUnitsPerArm").asLong()).isEqualTo(100);
            assertThat(json.path("arms").get(1).path("mean").asDouble()).isEqualTo(0.16);
            assertThat(json.path("srm").path("mismatch").asBoolean()).isFalse();
            JsonNode comparison = json.path("comparisons").get(0);
            assertThat(comparison.path("decision").asText()).isEqualTo("treatment-better");
            assertThat(comparison.path("interval")).hasSize(2);
            assertThat(comparison.path("confidenceSequence").get(0).asDouble())
                    .isEqualTo(report.comparison("treatment").alwaysValidLower());
            assertThat(comparison.path("alwaysValidP").asDouble()).isEqualTo(report.comparison("treatment")
                    .alwaysValidP());
        }

        @Test
        void theFingerprintFollowsTheOutcomesNotTheOrderOfLogging() {
            OutcomeLog one = conversions(HALVES, new long[] {3, 3}, new long[] {1, 2});
            OutcomeLog other = OutcomeLog.inMemory(CLOCK);
            for (int u = 2; u >= 0; u--) {
                other.assign("treatment-" + u, "treatment");
                other.assign("control-" + u, "control");
            }
            other.conversion("control-0", "purchase");
            other.conversion("treatment-1", "purchase");
            other.conversion("treatment-2", "purchase");

            assertThat(TEST.analyse(HALVES, other, "purchase", CLOCK).header().fingerprint())
                    .isEqualTo(TEST.analyse(HALVES, one, "purchase", CLOCK).header().fingerprint());
            one.conversion("control-2", "purchase");
            assertThat(TEST.analyse(HALVES, other, "purchase", CLOCK).header().fingerprint())
                    .isNotEqualTo(TEST.analyse(HALVES, one, "purchase", CLOCK).header().fingerprint());
        }

        @Test
        void textSaysTheDecisionPerTreatment() {
            AbReport report = TEST.analyse(HALVES, conversions(HALVES, new long[] {1000, 1000}, new long[] {100, 160}),
                    "purchase", CLOCK);

            assertThat(report.toText()).startsWith("A/B test 'checkout-2026-12', metric 'purchase' (conversion),"
                    + " alpha 0.05, tau^2 4.0E-4, planned 1000 units per arm, decisions from 100\n"
                    + "sample ratio: chi-square 0.000, p = 1.000 (ok)\n"
                    + "  control      share 0.500  units 1000  outcomes 100.000  mean 0.100000\n"
                    + "  treatment    share 0.500  units 1000  outcomes 160.000  mean 0.160000\n"
                    + "treatment vs control: effect +0.0600000 (+60.00 %), CI [")
                    .endsWith("-> treatment-better\n").doesNotContain("\r");
        }
    }
}
