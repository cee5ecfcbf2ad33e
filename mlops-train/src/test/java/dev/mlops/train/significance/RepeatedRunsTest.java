package dev.mlops.train.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.Seed;
import dev.mlops.train.metrics.Metrics;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Welch's t-test over repeated runs against scipy 1.10.1 and statsmodels 0.13.5 (Debian 12), as
 * printed by {@code /usr/bin/python3 oracle.py} in this package's test resources:
 * {@code scipy.stats.ttest_ind(a, b, equal_var=False)} for t and p, and
 * {@code statsmodels.stats.weightstats.ttest_ind(a, b, usevar="unequal")[2]} for the degrees of
 * freedom (scipy 1.10 does not report them).
 */
class RepeatedRunsTest {
    private static final double CLOSE = 1e-12;

    @Nested
    class AgainstScipy {
        @Test
        void fiveSeedsEach() {
            // ttest_ind(a, b, equal_var=False) -> t=3.4193548387096846 p=0.010732301660029586;
            // statsmodels ttest_ind(a, b, usevar="unequal") -> df=7.1743926230121255;
            // mean 0.8172, 0.796; std(ddof=1) 0.01134460224071338, 0.00796868872525462
            WelchResult r = RepeatedRuns.compare(Metrics.accuracy(), new double[] {0.812, 0.825, 0.801, 0.830, 0.818},
                    new double[] {0.795, 0.790, 0.808, 0.788, 0.799});
            assertThat(r.t()).isCloseTo(3.4193548387096846, within(CLOSE));
            assertThat(r.pValue()).isCloseTo(0.010732301660029586, within(CLOSE));
            assertThat(r.degreesOfFreedom()).isCloseTo(7.1743926230121255, within(1e-10));
            assertThat(r.firstMean()).isCloseTo(0.8172, within(CLOSE));
            assertThat(r.secondMean()).isCloseTo(0.796, within(CLOSE));
            assertThat(r.firstStandardDeviation()).isCloseTo(0.01134460224071338, within(CLOSE));
            assertThat(r.secondStandardDeviation()).isCloseTo(0.00796868872525462, within(CLOSE));
            assertThat(r.firstCount()).isEqualTo(5);
            assertThat(r.secondCount()).isEqualTo(5);
            assertThat(r.metric()).isEqualTo("accuracy");
            assertThat(r.higherIsBetter()).isTrue();
        }

        @Test
        void unequalSizesAndVariances() {
            // ttest_ind(a, b, equal_var=False) -> t=-1.9115887184672786 p=0.09569249330786334;
            // statsmodels ttest_ind(a, b, usevar="unequal") -> df=7.321967325098194
            WelchResult r = RepeatedRuns.compare(Metrics.accuracy(),
                    new double[] {0.71, 0.74, 0.69, 0.77, 0.72, 0.70, 0.75, 0.73}, new double[] {0.745, 0.741, 0.748, 0.744});
            assertThat(r.t()).isCloseTo(-1.9115887184672786, within(CLOSE));
            assertThat(r.pValue()).isCloseTo(0.09569249330786334, within(CLOSE));
            assertThat(r.degreesOfFreedom()).isCloseTo(7.321967325098194, within(1e-10));
            assertThat(r.firstCount()).isEqualTo(8);
            assertThat(r.secondCount()).isEqualTo(4);
        }

        @Test
        void aDifferenceThatIsChance() {
            // ttest_ind(a, b, equal_var=False) -> t=0.16151457061744606 p=0.8777734459701517;
            // statsmodels ttest_ind(a, b, usevar="unequal") -> df=5.203278688524592
            WelchResult r = RepeatedRuns.compare(Metrics.logLoss(), new double[] {0.5, 0.52, 0.49, 0.51},
                    new double[] {0.505, 0.515, 0.495, 0.5});
            assertThat(r.t()).isCloseTo(0.16151457061744606, within(CLOSE));
            assertThat(r.pValue()).isCloseTo(0.8777734459701517, within(CLOSE));
            assertThat(r.degreesOfFreedom()).isCloseTo(5.203278688524592, within(1e-10));
            Significance s = r.verdict();
            assertThat(s.significant()).isFalse();
            assertThat(s.mark()).isEqualTo("n.s.");
        }
    }

    @Nested
    class Verdicts {
        @Test
        void aClearlyBetterFirstModel() {
            WelchResult r = RepeatedRuns.compare(Metrics.accuracy(), new double[] {0.812, 0.825, 0.801, 0.830, 0.818},
                    new double[] {0.795, 0.790, 0.808, 0.788, 0.799});
            Significance s = r.verdict();
            assertThat(s.significant()).isTrue();
            assertThat(s.better()).isEqualTo(Significance.Better.FIRST);
            assertThat(s.test()).isEqualTo("welch-t");
            assertThat(s.pValue()).hasValue(r.pValue());
            assertThat(s.level()).isEqualTo(0.05);
            assertThat(r.verdict(r.pValue() / 2).significant()).isFalse();
            assertThat(r.verdict(r.pValue() / 2).level()).isEqualTo(r.pValue() / 2);
        }

        @Test
        void aLowerLossIsBetter() {
            WelchResult r = RepeatedRuns.compare(Metrics.logLoss(), new double[] {0.31, 0.30, 0.32},
                    new double[] {0.41, 0.40, 0.43});
            assertThat(r.verdict().better()).isEqualTo(Significance.Better.FIRST);
            assertThat(r.verdict().significant()).isTrue();
        }

        @Test
        void constantValuesOnBothSides() {
            WelchResult same = RepeatedRuns.compare(Metrics.r2(), new double[] {0.9, 0.9}, new double[] {0.9, 0.9, 0.9});
            assertThat(same.t()).isZero();
            assertThat(same.pValue()).isEqualTo(1.0);
            assertThat(same.degreesOfFreedom()).isNaN();
            assertThat(same.verdict().better()).isEqualTo(Significance.Better.NEITHER);
            WelchResult apart = RepeatedRuns.compare(Metrics.r2(), new double[] {0.8, 0.8}, new double[] {0.9, 0.9});
            assertThat(apart.t()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(apart.pValue()).isZero();
            assertThat(apart.verdict().better()).isEqualTo(Significance.Better.SECOND);
            assertThat(apart.verdict().significant()).isTrue();
        }

        @Test
        void anOverflowingVarianceHasNoPValue() {
            WelchResult r = RepeatedRuns.compare(Metrics.rmse(), new double[] {1e200, -1e200, 1e200},
                    new double[] {1.0, 2.0});
            assertThat(r.pValue()).isNaN();
            assertThat(r.verdict().significant()).isFalse();
            assertThat(r.verdict().pValue()).isEmpty();
        }
    }

    @Nested
    class Seeds {
        @Test
        void eachRunsSeedIsDerivedByItsNumber() {
            List<Seed> seeds = RepeatedRuns.seeds(Seed.of(42), 3);
            assertThat(seeds).containsExactly(Seed.of(42).derive("repeat/0"), Seed.of(42).derive("repeat/1"),
                    Seed.of(42).derive("repeat/2"));
            assertThat(RepeatedRuns.seeds(Seed.of(42), 2)).isEqualTo(seeds.subList(0, 2));
        }

        @Test
        void fewerThanTwoRuns() {
            assertThatThrownBy(() -> RepeatedRuns.seeds(Seed.of(1), 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("k must be at least 2 (Welch's t-test needs two values per side) but was 1");
        }
    }

    @Nested
    class BadInput {
        @Test
        void fewerThanTwoValuesOnASide() {
            assertThatThrownBy(() -> RepeatedRuns.compare(Metrics.accuracy(), new double[] {0.8}, new double[] {0.7, 0.71}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("first.length must be at least 2 (Welch's t-test needs two values per side) but was 1");
            assertThatThrownBy(() -> RepeatedRuns.compare(Metrics.accuracy(), new double[] {0.8, 0.81}, new double[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("second.length must be at least 2 (Welch's t-test needs two values per side) but was 0");
        }

        @Test
        void aValueThatIsNotFinite() {
            assertThatThrownBy(() -> RepeatedRuns.compare(Metrics.accuracy(), new double[] {0.8, Double.NaN},
                    new double[] {0.7, 0.71})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("first[1] must be finite but was NaN");
            assertThatThrownBy(() -> RepeatedRuns.compare(Metrics.accuracy(), new double[] {0.8, 0.9},
                    new double[] {Double.POSITIVE_INFINITY, 0.71})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("second[0] must be finite but was Infinity");
        }

        @Test
        void aResultWithTooFewRunsOrABadPValue() {
            assertThatThrownBy(() -> new WelchResult("m", true, 1, 2, 0, 0, 0, 0, 0, 1, 0.5))
                    .hasMessage("firstCount must be at least 2 (Welch's t-test needs two values per side) but was 1");
            assertThatThrownBy(() -> new WelchResult("m", true, 2, 1, 0, 0, 0, 0, 0, 1, 0.5))
                    .hasMessage("secondCount must be at least 2 (Welch's t-test needs two values per side) but was 1");
            assertThatThrownBy(() -> new WelchResult("m", true, 2, 2, 0, 0, 0, 0, 0, 1, 1.5))
                    .hasMessage("pValue must be in [0, 1] or NaN but was 1.5");
            assertThatThrownBy(() -> new WelchResult("m", true, 2, 2, 0, 0, 0, 0, 0, 1, -0.5))
                    .hasMessage("pValue must be in [0, 1] or NaN but was -0.5");
        }
    }
}
