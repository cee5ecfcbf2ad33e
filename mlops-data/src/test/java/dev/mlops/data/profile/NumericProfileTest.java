package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NumericProfileTest {

    private static NumericProfile profile(NumericColumn column) {
        return (NumericProfile) DatasetProfile.of(Table.of(column)).columns().get(0);
    }

    @Nested
    class KnownValues {
        // /usr/bin/python3 -c "import numpy as np; a=np.array([3.5,-1.25,0,7,2,2,10.75,-4,0,5.5]);
        //   print(repr(a.sum()), repr(a.mean()), repr(a.std(ddof=1)), repr(a.var(ddof=1)));
        //   print([repr(x) for x in np.quantile(a,[0,0.01,0.05,0.25,0.5,0.75,0.95,0.99,1])])"
        // 25.5 2.55 4.315347288715269 18.62222222222222
        // ['-4.0', '-3.7525', '-2.7625', '0.0', '2.0', '5.0', '9.062499999999996', '10.412500000000001', '10.75']
        private final NumericProfile p = profile(NumericColumn.of("x", 3.5, -1.25, 0, 7, 2, 2, 10.75, -4, 0, 5.5));

        @Test
        void momentsMatchNumpy() {
            assertThat(p.sum()).isEqualTo(25.5);
            assertThat(p.mean().getAsDouble()).isCloseTo(2.55, within(1e-15));
            assertThat(p.standardDeviation().getAsDouble()).isCloseTo(4.315347288715269, within(1e-14));
            assertThat(p.variance().getAsDouble()).isCloseTo(18.62222222222222, within(1e-13));
        }

        @Test
        void quantilesMatchNumpyLinear() {
            double[] numpy = {-4.0, -3.7525, -2.7625, 0.0, 2.0, 5.0, 9.062499999999996, 10.412500000000001, 10.75};
            assertThat(p.quantileMethod()).isEqualTo(Method.EXACT);
            assertThat(p.rankError()).isZero();
            List<Quantile> qs = p.quantiles();
            assertThat(qs).hasSize(numpy.length);
            for (int i = 0; i < numpy.length; i++) {
                assertThat(qs.get(i).probability()).isEqualTo(ProfileOptions.DEFAULT_PROBABILITIES.get(i));
                assertThat(qs.get(i).value()).as("p=%s", qs.get(i).probability()).isCloseTo(numpy[i], within(1e-12));
            }
        }

        @Test
        void requestedProbabilitiesMatchNumpyWithTies() {
            // /usr/bin/python3 -c "import numpy as np; a=np.array([5,1,1,2,8,-3,1,0.5]);
            //   print([repr(x) for x in np.quantile(a,[0.1,0.333,0.9])])"
            // ['-0.5499999999999998', '1.0', '5.8999999999999995']
            ProfileOptions options = ProfileOptions.defaults().withProbabilities(List.of(0.1, 0.333, 0.9));
            NumericProfile ties = (NumericProfile) DatasetProfile.of(
                    Table.of(NumericColumn.of("x", 5, 1, 1, 2, 8, -3, 1, 0.5)), options).columns().get(0);
            assertThat(ties.quantiles()).extracting(Quantile::probability).containsExactly(0.1, 0.333, 0.9);
            assertThat(ties.quantiles().get(0).value()).isCloseTo(-0.5499999999999998, within(1e-12));
            assertThat(ties.quantiles().get(1).value()).isCloseTo(1.0, within(1e-12));
            assertThat(ties.quantiles().get(2).value()).isCloseTo(5.8999999999999995, within(1e-12));
        }

        @Test
        void countsZerosNegativesAndExtremes() {
            assertThat(p.count()).isEqualTo(10);
            assertThat(p.finite()).isEqualTo(10);
            assertThat(p.zeros()).isEqualTo(2);
            assertThat(p.negatives()).isEqualTo(2);
            assertThat(p.min().getAsDouble()).isEqualTo(-4.0);
            assertThat(p.max().getAsDouble()).isEqualTo(10.75);
        }

        @Test
        void momentsMatchCommonsMath() {
            SplittableRandom random = new SplittableRandom(11);
            double[] values = new double[1000];
            SummaryStatistics stats = new SummaryStatistics();
            for (int i = 0; i < values.length; i++) {
                values[i] = 1e6 + random.nextGaussian() * 3;
                stats.addValue(values[i]);
            }
            NumericProfile big = profile(NumericColumn.of("x", values));
            assertThat(big.mean().getAsDouble()).isCloseTo(stats.getMean(), within(1e-12 * 1e6));
            assertThat(big.variance().getAsDouble()).isCloseTo(stats.getVariance(), within(1e-9 * stats.getVariance()));
        }
    }

    @Nested
    class Accessors {
        // /usr/bin/python3 -c "import numpy as np; a=np.array([3.5,-1.25,0,7,2,2,10.75,-4,0,5.5]);
        //   print([repr(x) for x in np.quantile(a,[0.1,0.37,0.5,0.9,0.999])]);
        //   print([repr(float(np.mean(a<=x))) for x in [-5,-4,0,1.9,2,10.74,10.75,11]]); print(repr(np.sort(a)))"
        // ['-1.525', '0.6600000000000001', '2.0', '7.374999999999998', '10.716249999999999']
        // ['0.0', '0.1', '0.4', '0.4', '0.6', '0.9', '1.0', '1.0']
        // array([-4.  , -1.25,  0.  ,  0.  ,  2.  ,  2.  ,  3.5 ,  5.5 ,  7.  , 10.75])
        private final NumericProfile p = profile(NumericColumn.builder("x").add(3.5).add(-1.25).add(0).add(7).add(2)
                .addMissing().add(Double.NaN).add(2).add(10.75).add(-4).add(Double.POSITIVE_INFINITY).add(0).add(5.5)
                .build());

        @Test
        void quantileAtAnyProbabilityMatchesNumpyLinear() {
            double[] ps = {0.1, 0.37, 0.5, 0.9, 0.999};
            double[] numpy = {-1.525, 0.6600000000000001, 2.0, 7.374999999999998, 10.716249999999999};
            for (int i = 0; i < ps.length; i++) {
                assertThat(p.quantile(ps[i])).as("p=%s", ps[i]).hasValueCloseTo(numpy[i], within(1e-12));
            }
            assertThat(p.quantile(0.0)).hasValue(-4.0);
            assertThat(p.quantile(1.0)).hasValue(10.75);
            for (Quantile q : p.quantiles()) {
                assertThat(p.quantile(q.probability())).hasValue(q.value());
            }
        }

        @Test
        void quantileRefusesProbabilitiesOutsideTheUnitInterval() {
            for (double bad : new double[] {-0.01, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> p.quantile(bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("p must be in [0, 1]").hasMessageContaining(String.valueOf(bad));
            }
        }

        @Test
        void cumulativeFractionMatchesNumpy() {
            double[] xs = {-5, -4, 0, 1.9, 2, 10.74, 10.75, 11};
            double[] numpy = {0.0, 0.1, 0.4, 0.4, 0.6, 0.9, 1.0, 1.0};
            for (int i = 0; i < xs.length; i++) {
                assertThat(p.cumulativeFraction(xs[i])).as("x=%s", xs[i]).isEqualTo(numpy[i]);
            }
            assertThat(p.cumulativeFraction(Double.NEGATIVE_INFINITY)).isZero();
            assertThat(p.cumulativeFraction(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
            assertThatThrownBy(() -> p.cumulativeFraction(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("x must not be NaN");
        }

        @Test
        void exactValuesAreASortedCopyOfTheFiniteValues() {
            double[] expected = {-4, -1.25, 0, 0, 2, 2, 3.5, 5.5, 7, 10.75};
            assertThat(p.exactValues()).hasValueSatisfying(v -> assertThat(v).containsExactly(expected));
            p.exactValues().orElseThrow()[0] = 99;
            assertThat(p.exactValues().orElseThrow()[0]).isEqualTo(-4.0);
        }

        @Test
        void withoutFiniteValuesTheAccessorsAreEmpty() {
            NumericProfile none = profile(NumericColumn.builder("x").add(Double.NaN).addMissing().build());
            assertThat(none.quantile(0.5)).isEmpty();
            assertThat(none.cumulativeFraction(0.0)).isNaN();
            assertThat(none.exactValues()).hasValueSatisfying(v -> assertThat(v).isEmpty());
            assertThatThrownBy(() -> none.quantile(2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class NonFinite {
        @Test
        void missingNanAndInfinitiesAreCountedApartAndLeftOutOfStatistics() {
            NumericColumn column = NumericColumn.builder("x").add(1).addMissing().add(Double.NaN)
                    .add(Double.POSITIVE_INFINITY).add(Double.NEGATIVE_INFINITY).add(Double.NEGATIVE_INFINITY)
                    .add(3).addMissing().build();
            NumericProfile p = profile(column);
            assertThat(p.count()).isEqualTo(8);
            assertThat(p.missing()).isEqualTo(2);
            assertThat(p.nan()).isEqualTo(1);
            assertThat(p.positiveInfinity()).isEqualTo(1);
            assertThat(p.negativeInfinity()).isEqualTo(2);
            assertThat(p.finite()).isEqualTo(2);
            assertThat(p.negatives()).isZero();
            assertThat(p.sum()).isEqualTo(4.0);
            assertThat(p.mean().getAsDouble()).isEqualTo(2.0);
            assertThat(p.variance().getAsDouble()).isEqualTo(2.0);
            assertThat(p.min().getAsDouble()).isEqualTo(1.0);
            assertThat(p.max().getAsDouble()).isEqualTo(3.0);
            assertThat(p.quantiles()).extracting(Quantile::value).allMatch(Double::isFinite);
        }

        @Test
        void onlyNonFiniteValuesGiveEmptyStatistics() {
            NumericProfile p = profile(NumericColumn.of("x", Double.NaN, Double.POSITIVE_INFINITY));
            assertThat(p.finite()).isZero();
            assertThat(p.mean()).isEmpty();
            assertThat(p.min()).isEmpty();
            assertThat(p.max()).isEmpty();
            assertThat(p.variance()).isEmpty();
            assertThat(p.sum()).isZero();
            assertThat(p.quantiles()).isEmpty();
        }

        @Test
        void oneValueHasAMeanButNoSampleVariance() {
            NumericProfile p = profile(NumericColumn.of("x", 5));
            assertThat(p.mean().getAsDouble()).isEqualTo(5.0);
            assertThat(p.variance()).isEmpty();
            assertThat(p.standardDeviation()).isEmpty();
            assertThat(p.quantiles()).extracting(Quantile::value).containsOnly(5.0);
        }
    }

    @Nested
    class Sum {
        @Test
        void compensatedSumKeepsWhatNaiveSummationLoses() {
            NumericProfile p = profile(NumericColumn.of("x", 1e16, 1.0, -1e16, 1.0));
            // exact sum is 2; naive left-to-right double summation gives ((1e16 + 1) - 1e16) + 1 = 1
            assertThat(p.sum()).isEqualTo(2.0);
        }

        @Test
        void anOverflowingSumIsInfiniteAndSurvivesJson() {
            DatasetProfile profile = DatasetProfile.of(Table.of(NumericColumn.of("x", 1e308, 1e308)));
            assertThat(((NumericProfile) profile.columns().get(0)).sum()).isEqualTo(Double.POSITIVE_INFINITY);
            DatasetProfile back = DatasetProfile.fromJson(profile.toJson());
            assertThat(((NumericProfile) back.columns().get(0)).sum()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(back.toJson()).isEqualTo(profile.toJson());
        }

        @Test
        void sumIsWithinTheStatedBoundOfTheExactSum() {
            SplittableRandom random = new SplittableRandom(5);
            double[] values = new double[5000];
            BigDecimal exact = BigDecimal.ZERO;
            double absSum = 0;
            for (int i = 0; i < values.length; i++) {
                values[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 12));
                exact = exact.add(new BigDecimal(values[i]));
                absSum += Math.abs(values[i]);
            }
            double u = Math.ulp(1.0) / 2;
            double bound = 2 * u * Math.abs(exact.doubleValue()) + 4 * values.length * u * u * absSum;
            assertThat(profile(NumericColumn.of("x", values)).sum()).isCloseTo(exact.doubleValue(), within(bound));
        }
    }

    @Nested
    class Sketch {
        @Test
        void aboveTheLimitQuantilesComeFromKllWithinItsRankError() {
            SplittableRandom random = new SplittableRandom(3);
            double[] values = new double[20_000];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian();
            }
            ProfileOptions options = ProfileOptions.defaults().withExactQuantileLimit(1000);
            NumericProfile p = (NumericProfile) DatasetProfile.of(Table.of(NumericColumn.of("x", values)), options)
                    .columns().get(0);
            assertThat(p.quantileMethod()).isEqualTo(Method.SKETCH);
            assertThat(p.rankError()).isBetween(0.001, 0.02);
            ProfileAssertions.assertQuantileRanks(p, values, "seed 3");
            assertThat(p.min().getAsDouble()).isEqualTo(ProfileAssertions.sortedFinite(values)[0]);
        }

        @Test
        void sketchedAccessorsAreWithinTheRankError() {
            SplittableRandom random = new SplittableRandom(41);
            double[] values = new double[30_000];
            for (int i = 0; i < values.length; i++) {
                // ties as well: a fifth of the values are small integers
                values[i] = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextGaussian() * 10;
            }
            ProfileOptions options = ProfileOptions.defaults().withExactQuantileLimit(1000);
            NumericProfile p = (NumericProfile) DatasetProfile.of(Table.of(NumericColumn.of("x", values)), options)
                    .columns().get(0);
            double[] sorted = ProfileAssertions.sortedFinite(values);
            assertThat(p.exactValues()).isEmpty();
            assertThat(p.quantile(0.0)).hasValue(sorted[0]);
            assertThat(p.quantile(1.0)).hasValue(sorted[sorted.length - 1]);
            for (Quantile q : p.quantiles()) {
                assertThat(p.quantile(q.probability())).hasValue(q.value());
            }
            SplittableRandom draws = new SplittableRandom(42);
            for (int i = 0; i < 100; i++) {
                double prob = draws.nextDouble();
                double value = p.quantile(prob).getAsDouble();
                ProfileAssertions.assertRankWithin(sorted, prob, value, p.rankError(), "seed 41, p=" + prob);
                double x = draws.nextDouble(-30, 30);
                double truth = (double) ProfileAssertions.upperBound(sorted, x) / sorted.length;
                assertThat(p.cumulativeFraction(x)).as("seed 41, x=%s", x).isCloseTo(truth, within(p.rankError()));
            }
            assertThat(p.cumulativeFraction(sorted[0] - 1)).isZero();
            assertThat(p.cumulativeFraction(sorted[sorted.length - 1])).isEqualTo(1.0);
        }
    }
}
