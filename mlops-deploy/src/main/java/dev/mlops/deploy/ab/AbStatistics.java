package dev.mlops.deploy.ab;

import dev.mlops.data.stat.Moments;
import dev.mlops.data.stat.TwoSampleResult;
import dev.mlops.data.stat.WelchTTest;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * The statistics of an A/B test, on sufficient statistics (counts, means, variances) so the
 * simulation can call them per peek. Each method names its reference; none keeps state.
 */
final class AbStatistics {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private AbStatistics() {
    }

    /**
     * A fixed-horizon test of the difference {@code treatment - control}: its statistic, its
     * two-sided p-value and the confidence interval of the difference.
     *
     * @param statistic z or t
     * @param pValue the two-sided p-value
     * @param lower the interval's lower end
     * @param upper the interval's upper end
     */
    record Fixed(double statistic, double pValue, double lower, double upper) {
    }

    /**
     * The mSPRT at one look: {@code 1 / Lambda}, capped at 1, and the confidence sequence's interval.
     *
     * @param pValue {@code min(1, 1 / Lambda_n)}
     * @param lower the interval's lower end
     * @param upper the interval's upper end
     */
    record Sequential(double pValue, double lower, double upper) {
    }

    /**
     * Pearson's chi-square goodness of fit of counts to shares, with commons-math3's statistic (which
     * scales the shares to the observed total) and the p-value {@code Q((k - 1)/2, chi2/2)} taken
     * directly, as {@code scipy.stats.chisquare(observed, f_exp=shares * total)}.
     *
     * @param observed the count of each category, total at least 1
     * @param shares the expected share of each category, positive, summing to 1
     * @return {chi-square, p-value}
     */
    static double[] goodnessOfFit(long[] observed, double[] shares) {
        double statistic = new org.apache.commons.math3.stat.inference.ChiSquareTest().chiSquare(shares, observed);
        return new double[] {statistic, Gamma.regularizedGammaQ((observed.length - 1) / 2.0, statistic / 2.0)};
    }

    /**
     * The two-proportion z-test with the pooled standard error,
     * {@code z = (p_t - p_c) / sqrt(p (1 - p) (1/n_t + 1/n_c))} with {@code p} the pooled rate
     * (statsmodels' {@code proportions_ztest([x_t, x_c], [n_t, n_c])}), and the Wald interval of the
     * difference with the unpooled standard error {@code sqrt(p_t (1 - p_t)/n_t + p_c (1 - p_c)/n_c)}
     * (statsmodels' {@code confint_proportions_2indep(..., method="wald", compare="diff")}).
     * With a pooled rate of 0 or 1 the difference is 0: z 0 and p-value 1.
     */
    static Fixed twoProportions(long convertedT, long unitsT, long convertedC, long unitsC, double alpha) {
        double rateT = (double) convertedT / unitsT;
        double rateC = (double) convertedC / unitsC;
        double pooled = (double) (convertedT + convertedC) / (unitsT + unitsC);
        double pooledError = Math.sqrt(pooled * (1 - pooled) * (1.0 / unitsT + 1.0 / unitsC));
        double difference = rateT - rateC;
        double z = pooledError == 0 ? 0 : difference / pooledError;
        double p = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
        double half = NORMAL.inverseCumulativeProbability(1 - alpha / 2)
                * Math.sqrt(proportionVariance(convertedT, unitsT, convertedC, unitsC));
        return new Fixed(z, p, difference - half, difference + half);
    }

    /** The unpooled variance of {@code p_t - p_c}, {@code p_t (1 - p_t)/n_t + p_c (1 - p_c)/n_c}. */
    static double proportionVariance(long convertedT, long unitsT, long convertedC, long unitsC) {
        double rateT = (double) convertedT / unitsT;
        double rateC = (double) convertedC / unitsC;
        return rateT * (1 - rateT) / unitsT + rateC * (1 - rateC) / unitsC;
    }

    /**
     * The variance of {@code p_t - p_c} when both arms share the pooled rate {@code p}:
     * {@code p (1 - p) (1/n_t + 1/n_c)}, the variance the always-valid test uses for conversions
     * (Johari et al.'s binary case). It is 0 only when every unit of both arms has the same outcome,
     * where the difference is 0 too, so one arm all 0 and the other all 1 never looks certain.
     */
    static double pooledProportionVariance(long convertedT, long unitsT, long convertedC, long unitsC) {
        double pooled = (double) (convertedT + convertedC) / (unitsT + unitsC);
        return pooled * (1 - pooled) * (1.0 / unitsT + 1.0 / unitsC);
    }

    /**
     * Welch's t-test ({@link WelchTTest}, {@code scipy.stats.ttest_ind(t, c, equal_var=False)}) and
     * the interval {@code difference +- t_(df, 1 - alpha/2) * se} with the test's own
     * Welch–Satterthwaite degrees of freedom ({@link WelchTTest#degreesOfFreedom}; statsmodels'
     * {@code CompareMeans.tconfint_diff(usevar="unequal")}). Two constant samples give the interval
     * of width 0 at the difference.
     */
    static Fixed welch(Moments treatment, Moments control, double alpha) {
        TwoSampleResult test = WelchTTest.test(treatment, control);
        double a = treatment.variance() / treatment.count();
        double b = control.variance() / control.count();
        double difference = treatment.mean() - control.mean();
        double half = 0;
        if (a + b > 0) {
            double df = WelchTTest.degreesOfFreedom(treatment, control);
            half = new TDistribution(null, df).inverseCumulativeProbability(1 - alpha / 2) * Math.sqrt(a + b);
        }
        return new Fixed(test.statistic(), test.pValue().orElse(Double.NaN), difference - half, difference + half);
    }

    /**
     * The normal-mixture mSPRT of Johari, Koomen, Pekelis and Walsh at one look, for the difference
     * {@code d} of the arms' means with variance {@code v} (the plug-in {@code Var(d)}) and mixing
     * variance {@code tau2}: {@code Lambda = sqrt(v / (v + tau2)) exp(tau2 d^2 / (2 v (v + tau2)))},
     * computed in logs; the interval is
     * {@code d +- sqrt(v (v + tau2) / tau2 * (log((v + tau2) / v) - 2 log alpha))}.
     * A variance of 0 (constant arms) carries no information, as a plug-in estimate from few units
     * cannot be trusted to be the truth: p-value 1 and the unbounded interval.
     */
    static Sequential msprt(double difference, double variance, double tau2, double alpha) {
        if (variance == 0) {
            return new Sequential(1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double total = variance + tau2;
        double logLambda = 0.5 * Math.log(variance / total)
                + tau2 * difference * difference / (2 * variance * total);
        double p = Math.min(1.0, Math.exp(-logLambda));
        double half = Math.sqrt(variance * total / tau2 * (Math.log(total / variance) - 2 * Math.log(alpha)));
        return new Sequential(p, difference - half, difference + half);
    }
}
