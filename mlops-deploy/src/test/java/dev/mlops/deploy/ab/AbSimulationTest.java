package dev.mlops.deploy.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Many simulated experiments, each looked at daily: the always-valid mSPRT keeps its false
 * positives at alpha while the fixed-horizon z-test, peeked at, does not; and the mSPRT finds a
 * real effect. Seeded, so the figures are the same on every run (docs/deployment.md quotes them).
 */
class AbSimulationTest {
    private static final double ALPHA = 0.05;
    private static final double TAU2 = 0.02 * 0.02;
    private static final int DAYS = 20;
    private static final int UNITS_PER_ARM_PER_DAY = 200;

    /**
     * Rates of rejection: [0] the z-test at any daily peek, [1] the mSPRT at any peek, [2] the mSPRT
     * with a positive effect, [3] the z-test looked at once, at the horizon.
     */
    private static double[] simulate(int experiments, double controlRate, double treatmentRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int peekedZ = 0;
        int sequential = 0;
        int sequentialPositive = 0;
        int horizonZ = 0;
        for (int e = 0; e < experiments; e++) {
            long convertedT = 0;
            long convertedC = 0;
            boolean zRejected = false;
            boolean mRejected = false;
            boolean positive = false;
            for (int day = 1; day <= DAYS; day++) {
                for (int u = 0; u < UNITS_PER_ARM_PER_DAY; u++) {
                    convertedT += random.nextDouble() < treatmentRate ? 1 : 0;
                    convertedC += random.nextDouble() < controlRate ? 1 : 0;
                }
                long n = (long) day * UNITS_PER_ARM_PER_DAY;
                boolean z = AbStatistics.twoProportions(convertedT, n, convertedC, n, ALPHA).pValue() <= ALPHA;
                zRejected |= z;
                horizonZ += day == DAYS && z ? 1 : 0;
                double difference = (double) (convertedT - convertedC) / n;
                double variance = AbStatistics.proportionVariance(convertedT, n, convertedC, n);
                if (!mRejected && AbStatistics.msprt(difference, variance, TAU2, ALPHA).pValue() <= ALPHA) {
                    mRejected = true;
                    positive = difference > 0;
                }
            }
            peekedZ += zRejected ? 1 : 0;
            sequential += mRejected ? 1 : 0;
            sequentialPositive += positive ? 1 : 0;
        }
        return new double[] {(double) peekedZ / experiments, (double) sequential / experiments,
            (double) sequentialPositive / experiments, (double) horizonZ / experiments};
    }

    @Test
    void inAaExperimentsPeekedDailyTheMsprtKeepsAlphaAndThePeekedZTestDoesNot() {
        int experiments = 2000;
        double[] rates = simulate(experiments, 0.10, 0.10, 20261207L);
        // binomial tolerance: alpha + 3 standard deviations of a rate over 2000 experiments = 0.0646
        double tolerance = ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / experiments);

        assertThat(rates[1]).as("mSPRT false-positive rate over %s A/A experiments x %s peeks", experiments, DAYS)
                .isLessThanOrEqualTo(tolerance);
        assertThat(rates[0]).as("fixed-horizon z-test peeked daily").isGreaterThan(2.5 * ALPHA);
        assertThat(rates[3]).as("fixed-horizon z-test looked at once").isLessThanOrEqualTo(tolerance);
    }

    @Test
    void withARealEffectTheMsprtFindsTheTreatmentBetter() {
        // 10 % against 13 %: about 4 standard errors at the horizon of 4,000 units per arm
        double[] rates = simulate(300, 0.10, 0.13, 7L);

        assertThat(rates[2]).as("mSPRT power, treatment better").isGreaterThan(0.75);
        assertThat(rates[1]).isEqualTo(rates[2]);
    }
}
