package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.NumericColumn;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The bound the package states for merged means and variances: the mean within 1e-15 of the
 * largest |value|, the variance within 1e-14 × κ relative, κ = 1 + |mean| / standard deviation,
 * against the exact moments (BigDecimal).
 */
class MergedMomentsTest {

    /** The profile of the values cut at the given indexes (ascending), the pieces' profiles merged left to right. */
    private static NumericProfile merged(double[] values, int... cuts) {
        NumericProfile merged = null;
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : values.length;
            NumericProfile part = NumericProfile.of(NumericColumn.of("x", Arrays.copyOfRange(values, from, to)),
                    ProfileOptions.defaults());
            merged = merged == null ? part : merged.merge(part);
            from = to;
        }
        return merged;
    }

    private static BigDecimal exactMean(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double value : values) {
            sum = sum.add(new BigDecimal(value));
        }
        return sum.divide(BigDecimal.valueOf(values.length), MathContext.DECIMAL128);
    }

    private static double exactVariance(double[] values) {
        BigDecimal mean = exactMean(values);
        BigDecimal m2 = BigDecimal.ZERO;
        for (double value : values) {
            BigDecimal deviation = new BigDecimal(value).subtract(mean);
            m2 = m2.add(deviation.multiply(deviation));
        }
        return m2.divide(BigDecimal.valueOf(values.length - 1L), MathContext.DECIMAL128).doubleValue();
    }

    private static double kappa(double[] values) {
        return 1 + Math.abs(exactMean(values).doubleValue()) / Math.sqrt(exactVariance(values));
    }

    private static double largest(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElseThrow();
    }

    @Nested
    class TheStatedBound {
        @Test
        void holdsForWellAndIllConditionedDataCutAnywhere() {
            double[] centers = {0, 1, 1e3, 1e6, 1e9, 1e12, 1e14};
            double[] spreads = {1, 10, 1000};
            for (double center : centers) {
                for (double spread : spreads) {
                    for (int seed = 0; seed < 5; seed++) {
                        SplittableRandom random = new SplittableRandom(seed);
                        double[] values = new double[2 + random.nextInt(2000)];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = center + spread * random.nextGaussian();
                        }
                        int[] cuts = random.ints(1 + random.nextInt(7), 0, values.length + 1).sorted().toArray();
                        NumericProfile profile = merged(values, cuts);
                        String context = "center " + center + ", spread " + spread + ", seed " + seed;

                        double variance = exactVariance(values);
                        assertThat(Math.abs(profile.variance().getAsDouble() - variance)).as(context + " variance")
                                .isLessThanOrEqualTo(1e-14 * kappa(values) * variance);
                        assertThat(Math.abs(profile.mean().getAsDouble() - exactMean(values).doubleValue()))
                                .as(context + " mean").isLessThanOrEqualTo(1e-15 * largest(values));
                    }
                }
            }
        }

        @Test
        void givesTwelveDigitsOfTheVarianceUpToKappaOneHundred() {
            // |mean| / sd = 99: 1e-14 × 100 = 1e-12 relative
            SplittableRandom random = new SplittableRandom(7);
            double[] values = new double[5000];
            for (int i = 0; i < values.length; i++) {
                values[i] = 99 + random.nextGaussian();
            }
            double variance = exactVariance(values);

            NumericProfile profile = merged(values, 1000, 1001, 4096, 4097);

            assertThat(kappa(values)).isLessThan(101);
            assertThat(Math.abs(profile.variance().getAsDouble() - variance)).isLessThanOrEqualTo(1e-12 * variance);
        }
    }

    @Nested
    class IllConditioned {
        @Test
        void longsJustBelowTwoToThe53DifferingByUnitsLoseTheMergedVarianceButNotTheOnePassOne() {
            // 2^53 - 1 - k for k a permutation of 0..49 (k = 7i mod 50): every value an exact double.
            // /usr/bin/python3 -c "import statistics; print(statistics.variance(
            //     [9007199254740991 - (i*7) % 50 for i in range(50)]))"  -> 212.5
            double[] values = new double[50];
            for (int i = 0; i < values.length; i++) {
                values[i] = 9_007_199_254_740_991L - (i * 7L) % 50;
            }
            double variance = 212.5;
            assertThat(exactVariance(values)).isEqualTo(variance);
            // kappa = 1 + 9.007e15 / 14.58: about 6.2e14, so the bound allows any error up to 6 times the variance
            assertThat(kappa(values)).isBetween(6.1e14, 6.3e14);

            NumericProfile onePass = NumericProfile.of(NumericColumn.of("x", values), ProfileOptions.defaults());
            NumericProfile fourParts = merged(values, 13, 25, 38);

            // one block of fewer than 4096 values: two passes over it, exact here
            assertThat(onePass.variance().getAsDouble()).isEqualTo(variance);
            // merged: each part's mean is rounded to a whole number (the doubles' spacing there), and
            // Chan's formula squares the differences of those means
            double relative = Math.abs(fourParts.variance().getAsDouble() - variance) / variance;
            // measured: 1.29e-3 relative (8.9 orders of magnitude worse than the 1e-12 of well-conditioned data)
            assertThat(relative).as("relative error of the merged variance").isGreaterThan(1e-4)
                    .isLessThanOrEqualTo(1e-14 * kappa(values));
            // the mean stays within a unit of the largest value's last place
            assertThat(Math.abs(fourParts.mean().getAsDouble() - 9_007_199_254_740_966.5))
                    .isLessThanOrEqualTo(1e-15 * largest(values));
        }

        @Test
        void subtractingAnOffsetFirstRestoresTheVariance() {
            double[] shifted = new double[50];
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] = -((i * 7L) % 50);
            }

            NumericProfile fourParts = merged(shifted, 13, 25, 38);

            assertThat(Math.abs(fourParts.variance().getAsDouble() - 212.5)).isLessThanOrEqualTo(1e-12 * 212.5);
        }
    }
}
