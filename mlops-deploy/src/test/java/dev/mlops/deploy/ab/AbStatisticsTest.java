package dev.mlops.deploy.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.stat.Moments;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AbStatisticsTest {
    private static final double TIGHT = 1e-9;

    @Nested
    class FixedHorizon {

        @Test
        void twoProportionsMatchStatsmodels() {
            // statsmodels.stats.proportion.proportions_ztest([130, 100], [1000, 1000])
            //   -> (2.102740605622114, 0.03548845046647471)
            // confint_proportions_2indep(130, 1000, 100, 1000, method='wald', compare='diff', alpha=0.05)
            //   -> (0.0020679344393763587, 0.057932065560623636)
            AbStatistics.Fixed fixed = AbStatistics.twoProportions(130, 1000, 100, 1000, 0.05);

            assertThat(fixed.statistic()).isCloseTo(2.102740605622114, within(TIGHT));
            assertThat(fixed.pValue()).isCloseTo(0.03548845046647471, within(TIGHT));
            assertThat(fixed.lower()).isCloseTo(0.0020679344393763587, within(TIGHT));
            assertThat(fixed.upper()).isCloseTo(0.057932065560623636, within(TIGHT));
        }

        @Test
        void twoProportionsWithUnequalArmsMatchStatsmodels() {
            // proportions_ztest([48, 61], [512, 488]) -> (-1.5850494368551042, 0.1129551024220708)
            // confint_proportions_2indep(48, 512, 61, 488, method='wald', compare='diff')
            //   -> (-0.06995958290723209, 0.007459582907232094)
            AbStatistics.Fixed fixed = AbStatistics.twoProportions(48, 512, 61, 488, 0.05);

            assertThat(fixed.statistic()).isCloseTo(-1.5850494368551042, within(TIGHT));
            assertThat(fixed.pValue()).isCloseTo(0.1129551024220708, within(TIGHT));
            assertThat(fixed.lower()).isCloseTo(-0.06995958290723209, within(TIGHT));
            assertThat(fixed.upper()).isCloseTo(0.007459582907232094, within(TIGHT));
        }

        @Test
        void noConversionAnywhereIsNoDifference() {
            AbStatistics.Fixed fixed = AbStatistics.twoProportions(0, 100, 0, 100, 0.05);

            assertThat(fixed).isEqualTo(new AbStatistics.Fixed(0, 1, 0, 0));
        }

        @Test
        void welchMatchesScipyAndStatsmodels() {
            double[] t = {12.5, 0, 0, 30.25, 7.0, 0, 18.0, 22.5, 0, 5.5};
            double[] c = {0, 9.0, 0, 0, 14.0, 3.5, 0, 0, 11.0, 6.0, 0, 2.0};
            // scipy.stats.ttest_ind(t, c, equal_var=False)
            //   -> statistic=1.5497453548303708, pvalue=0.14679966079451667
            // CompareMeans(DescrStatsW(t), DescrStatsW(c)).tconfint_diff(alpha=0.05, usevar='unequal')
            //   -> (-2.3347498856054845, 13.901416552272151)
            AbStatistics.Fixed fixed = AbStatistics.welch(Moments.of(t), Moments.of(c), 0.05);

            assertThat(fixed.statistic()).isCloseTo(1.5497453548303708, within(TIGHT));
            assertThat(fixed.pValue()).isCloseTo(0.14679966079451667, within(TIGHT));
            assertThat(fixed.lower()).isCloseTo(-2.3347498856054845, within(1e-8));
            assertThat(fixed.upper()).isCloseTo(13.901416552272151, within(1e-8));
        }

        @Test
        void welchWithTheArmsSwappedMirrorsTheInterval() {
            double[] t = {12.5, 0, 0, 30.25, 7.0, 0, 18.0, 22.5, 0, 5.5};
            double[] c = {0, 9.0, 0, 0, 14.0, 3.5, 0, 0, 11.0, 6.0, 0, 2.0};
            // scipy.stats.ttest_ind(c, t, equal_var=False) -> statistic=-1.5497453548303708; the interval negated
            AbStatistics.Fixed fixed = AbStatistics.welch(Moments.of(c), Moments.of(t), 0.05);

            assertThat(fixed.statistic()).isCloseTo(-1.5497453548303708, within(TIGHT));
            assertThat(fixed.lower()).isCloseTo(-13.901416552272151, within(1e-8));
            assertThat(fixed.upper()).isCloseTo(2.3347498856054845, within(1e-8));
        }

        @Test
        void welchOnConstantSamplesHasAPointInterval() {
            AbStatistics.Fixed fixed = AbStatistics.welch(new Moments(5, 2.0, 0), new Moments(5, 1.0, 0), 0.05);

            assertThat(fixed).isEqualTo(new AbStatistics.Fixed(Double.POSITIVE_INFINITY, 0, 1.0, 1.0));
        }

        @Test
        void goodnessOfFitMatchesScipy() {
            // scipy.stats.chisquare([5210, 4790], f_exp=[5000, 5000]) -> (17.64, 2.6691498031812692e-05)
            assertThat(AbStatistics.goodnessOfFit(new long[] {5210, 4790}, new double[] {0.5, 0.5}))
                    .containsExactly(new double[] {17.64, 2.6691498031812692e-05}, within(1e-12));
            // scipy.stats.chisquare([500, 260, 240], f_exp=[500, 250, 250]) -> (0.8, 0.6703200460356394)
            assertThat(AbStatistics.goodnessOfFit(new long[] {500, 260, 240}, new double[] {0.5, 0.25, 0.25}))
                    .containsExactly(new double[] {0.8, 0.6703200460356394}, within(1e-12));
        }
    }

    @Nested
    class Sequential {

        @Test
        void thePooledVarianceIsNeverZeroWhenTheArmsDiffer() {
            // p = (2 + 0) / 4 = 0.5: 0.5 * 0.5 * (1/2 + 1/2) = 0.25; the unpooled variance is 0
            assertThat(AbStatistics.pooledProportionVariance(2, 2, 0, 2)).isEqualTo(0.25);
            assertThat(AbStatistics.proportionVariance(2, 2, 0, 2)).isZero();
            // p = (30 + 10) / 400 = 0.1: 0.1 * 0.9 * (1/100 + 1/300) = 0.0012
            assertThat(AbStatistics.pooledProportionVariance(30, 100, 10, 300)).isCloseTo(0.0012, within(1e-15));
            assertThat(AbStatistics.pooledProportionVariance(0, 50, 0, 50)).isZero();
        }

        @Test
        void msprtMatchesTheFormulaComputedInPython() {
            // d = 0.03; v = 0.13*0.87/1000 + 0.1*0.9/1000; tau2 = 4e-4; a = 0.05
            // lam = sqrt(v/(v+tau2)) * exp(tau2*d*d/(2*v*(v+tau2))); 1/lam -> 0.39640450262080684
            // d -+ sqrt(v*(v+tau2)/tau2*(log((v+tau2)/v) - 2*log(a))) -> -0.01656200046692416, 0.07656200046692416
            double v = 0.13 * 0.87 / 1000 + 0.1 * 0.9 / 1000;
            AbStatistics.Sequential sequential = AbStatistics.msprt(0.03, v, 4e-4, 0.05);

            assertThat(sequential.pValue()).isCloseTo(0.39640450262080684, within(1e-12));
            assertThat(sequential.lower()).isCloseTo(-0.01656200046692416, within(1e-12));
            assertThat(sequential.upper()).isCloseTo(0.07656200046692416, within(1e-12));
        }

        @Test
        void theIntervalExcludesZeroExactlyWhenThePValueIsBelowAlpha() {
            SplittableRandom random = new SplittableRandom(22);
            for (int i = 0; i < 1000; i++) {
                double d = random.nextDouble(-0.1, 0.1);
                double v = random.nextDouble(1e-5, 1e-3);
                AbStatistics.Sequential s = AbStatistics.msprt(d, v, 4e-4, 0.05);
                assertThat(s.pValue() <= 0.05).as("d %s, v %s", d, v).isEqualTo(s.lower() > 0 || s.upper() < 0);
                assertThat(s.lower() + s.upper()).isCloseTo(2 * d, within(1e-12));
            }
        }

        @Test
        void zeroVarianceIsNoInformation() {
            AbStatistics.Sequential none = new AbStatistics.Sequential(1, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
            assertThat(AbStatistics.msprt(0, 0, 1, 0.05)).isEqualTo(none);
            assertThat(AbStatistics.msprt(0.5, 0, 1, 0.05)).isEqualTo(none);
            assertThat(AbStatistics.msprt(0, 1e-4, 4e-4, 0.05).pValue()).isEqualTo(1.0);
        }
    }
}
