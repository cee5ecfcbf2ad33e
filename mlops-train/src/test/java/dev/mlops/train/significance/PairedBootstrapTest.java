package dev.mlops.train.significance;

import static dev.mlops.train.metrics.PredictionTables.oneHot;
import static dev.mlops.train.metrics.PredictionTables.scored;
import static dev.mlops.train.metrics.PredictionTables.truth;
import static dev.mlops.train.metrics.PredictionTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.metrics.Metrics;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
    private static final List<String> AB = List.of("a", "b");

    /** n rows of class a; the first model is right on the first {@code right} rows. */
    private static Table rightOnFirst(int n, int right) {
        String[] predicted = new String[n];
        Arrays.fill(predicted, 0, right, "a");
        Arrays.fill(predicted, right, n, "b");
        return oneHot(AB, predicted);
    }

    private static Column allA(int n) {
        String[] classes = new String[n];
        Arrays.fill(classes, "a");
        return truth(classes);
    }

    /** The q quantile of a discrete distribution given by its values in order and their probabilities. */
    private static double quantile(double[] values, double[] probabilities, double q) {
        double cumulative = 0.0;
        for (int i = 0; i < values.length; i++) {
            cumulative += probabilities[i];
            if (cumulative >= q) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    @Nested
    class ClosedForm {
        @Test
        void theAccuracyOfOneModelResamplesAsABinomial() {
            // n = 100 rows, 70 right: a resample's accuracy is Binomial(100, 0.7) / 100 exactly
            int n = 100;
            BootstrapInterval interval = PairedBootstrap.of(Seed.of(7)).withResamples(4000)
                    .interval(Metrics.accuracy(), allA(n), rightOnFirst(n, 70));
            BinomialDistribution exact = new BinomialDistribution(null, n, 0.7);
            assertThat(interval.estimate()).isEqualTo(0.7);
            assertThat(interval.lower()).isCloseTo(exact.inverseCumulativeProbability(0.025) / (double) n,
                    within(1.01 / n));
            assertThat(interval.upper()).isCloseTo(exact.inverseCumulativeProbability(0.975) / (double) n,
                    within(1.01 / n));
            assertThat(interval.standardError()).isCloseTo(Math.sqrt(0.7 * 0.3 / n), Percentage.withPercentage(4));
            assertThat(interval.resamples()).isEqualTo(4000);
            assertThat(interval.undefined()).isZero();
            assertThat(interval.level()).isEqualTo(0.95);
        }

        @Test
        void theAccuracyDifferenceResamplesAsAPairedMultinomial() {
            // n = 200: only the first is right on 30 rows (b), only the second on 14 (c), both right on the rest.
            // A resample's difference is (B - C) / n with (B, C, rest) ~ Multinomial(200; 0.15, 0.07, 0.78):
            // B + C ~ Binomial(200, 0.22), and B | B + C = m ~ Binomial(m, 15/22).
            int n = 200;
            String[] first = new String[n];
            String[] second = new String[n];
            Arrays.fill(first, "a");
            Arrays.fill(second, "a");
            Arrays.fill(second, 0, 30, "b");
            Arrays.fill(first, 30, 44, "b");
            PairedBootstrapResult r = PairedBootstrap.of(Seed.of(11)).withResamples(4000)
                    .compare(Metrics.accuracy(), allA(n), oneHot(AB, first), oneHot(AB, second));

            double[] differences = new double[2 * n + 1];
            double[] probabilities = new double[2 * n + 1];
            BinomialDistribution discordant = new BinomialDistribution(null, n, 0.22);
            for (int d = -n; d <= n; d++) {
                differences[d + n] = (double) d / n;
            }
            for (int m = 0; m <= n; m++) {
                BinomialDistribution split = new BinomialDistribution(null, m, 15.0 / 22.0);
                for (int b = 0; b <= m; b++) {
                    probabilities[2 * b - m + n] += discordant.probability(m) * split.probability(b);
                }
            }
            double pb = 0.15;
            double pc = 0.07;
            BootstrapInterval difference = r.difference();
            assertThat(difference.estimate()).isCloseTo(0.08, within(1e-15));
            assertThat(difference.standardError())
                    .isCloseTo(Math.sqrt((pb + pc - (pb - pc) * (pb - pc)) / n), Percentage.withPercentage(4));
            assertThat(difference.lower()).isCloseTo(quantile(differences, probabilities, 0.025), within(1.01 / n));
            assertThat(difference.upper()).isCloseTo(quantile(differences, probabilities, 0.975), within(1.01 / n));
            // each model alone: Binomial(200, 0.93) / 200 and Binomial(200, 0.85) / 200
            assertThat(r.first().estimate()).isCloseTo(0.93, within(1e-15));
            assertThat(r.second().estimate()).isCloseTo(0.85, within(1e-15));
            assertThat(r.first().standardError()).isCloseTo(Math.sqrt(0.93 * 0.07 / n), Percentage.withPercentage(4));
            assertThat(r.second().standardError()).isCloseTo(Math.sqrt(0.85 * 0.15 / n), Percentage.withPercentage(4));
            assertThat(r.metric()).isEqualTo("accuracy");
            assertThat(r.higherIsBetter()).isTrue();
            assertThat(r.seed()).isEqualTo(Seed.of(11));
            Significance verdict = r.verdict();
            assertThat(verdict.significant()).isTrue();
            assertThat(verdict.better()).isEqualTo(Significance.Better.FIRST);
            assertThat(verdict.level()).isCloseTo(0.05, within(1e-15));
            assertThat(verdict.pValue()).isEmpty();
            assertThat(verdict.test()).isEqualTo("paired-bootstrap");
        }

        @Test
        void theMeanOfAKnownSampleHasThePlugInStandardError() {
            // the MAE of predictions of 0 on values >= 0 is their mean; its bootstrap standard error is
            // sqrt(sum((y - mean)^2) / n) / sqrt(n), the plug-in standard deviation over sqrt(n)
            SplittableRandom random = new SplittableRandom(5);
            double[] y = new double[300];
            for (int i = 0; i < y.length; i++) {
                y[i] = -Math.log(1.0 - random.nextDouble());
            }
            double mean = Arrays.stream(y).average().orElseThrow();
            double squares = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum();
            double standardError = Math.sqrt(squares / y.length) / Math.sqrt(y.length);
            BootstrapInterval interval = PairedBootstrap.of(Seed.of(3)).withResamples(3000)
                    .interval(Metrics.mae(), truth(y), values(new double[y.length]));
            assertThat(interval.estimate()).isCloseTo(mean, within(1e-12));
            assertThat(interval.standardError()).isCloseTo(standardError, Percentage.withPercentage(4));
            // the mean of 300 exponentials is close to normal: the 95 % interval is about mean ± 1.96 se
            assertThat(interval.lower()).isCloseTo(mean - 1.96 * standardError, within(0.25 * standardError));
            assertThat(interval.upper()).isCloseTo(mean + 1.96 * standardError, within(0.25 * standardError));
        }

        @Test
        void aModelComparedWithItselfDiffersByExactlyNothing() {
            Table predictions = rightOnFirst(50, 30);
            PairedBootstrapResult r = PairedBootstrap.of(Seed.of(1)).withResamples(200)
                    .compare(Metrics.accuracy(), allA(50), predictions, predictions);
            assertThat(r.difference().lower()).isZero();
            assertThat(r.difference().upper()).isZero();
            assertThat(r.difference().standardError()).isZero();
            assertThat(r.first()).isEqualTo(r.second());
            assertThat(r.verdict().significant()).isFalse();
            assertThat(r.verdict().better()).isEqualTo(Significance.Better.NEITHER);
        }

        @Test
        void aLowerIsBetterMetricNamesTheModelWithTheSmallerValue() {
            double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
            double[] close = y.clone();
            double[] far = y.clone();
            for (int i = 0; i < y.length; i++) {
                close[i] += i % 2 == 0 ? 0.1 : -0.1;
                far[i] += i % 2 == 0 ? 3.0 : -2.0;
            }
            PairedBootstrapResult r = PairedBootstrap.of(Seed.of(2)).withResamples(500)
                    .compare(Metrics.mae(), truth(y), values(close), values(far));
            assertThat(r.difference().estimate()).isCloseTo(0.1 - 2.5, within(1e-12));
            assertThat(r.higherIsBetter()).isFalse();
            assertThat(r.verdict().better()).isEqualTo(Significance.Better.FIRST);
            assertThat(r.verdict().significant()).isTrue();
            assertThat(r.verdict().mark()).isEqualTo("*");
        }
    }

    @Nested
    class Seeds {
        private final Column truth = allA(120);
        private final Table first = rightOnFirst(120, 90);
        private final Table second = rightOnFirst(120, 80);

        @Test
        void theSameSeedGivesTheSameIntervals() {
            PairedBootstrap bootstrap = PairedBootstrap.of(Seed.of(42)).withResamples(300);
            assertThat(bootstrap.compare(Metrics.accuracy(), truth, first, second))
                    .isEqualTo(PairedBootstrap.of(Seed.of(42)).withResamples(300)
                            .compare(Metrics.accuracy(), truth, first, second));
            assertThat(bootstrap.interval(Metrics.accuracy(), truth, first))
                    .isEqualTo(bootstrap.compare(Metrics.accuracy(), truth, first, second).first());
        }

        @Test
        void differentSeedsGiveNearlyTheSameIntervals() {
            BootstrapInterval one = PairedBootstrap.of(Seed.of(1)).withResamples(2000)
                    .compare(Metrics.accuracy(), truth, first, second).difference();
            BootstrapInterval two = PairedBootstrap.of(Seed.of(2)).withResamples(2000)
                    .compare(Metrics.accuracy(), truth, first, second).difference();
            assertThat(one).isNotEqualTo(two);
            assertThat(one.lower()).isCloseTo(two.lower(), within(2.01 / 120));
            assertThat(one.upper()).isCloseTo(two.upper(), within(2.01 / 120));
            assertThat(one.standardError()).isCloseTo(two.standardError(), Percentage.withPercentage(8));
        }

        @Test
        void theRowsComeFromTheNamedStream() {
            // one resample of 3 rows: the rows drawn are the stream's first three nextInt(3)
            SplittableRandom stream = Seed.of(9).derive("paired-bootstrap").random();
            int[] rows = {stream.nextInt(3), stream.nextInt(3), stream.nextInt(3)};
            double[] y = {1.0, 10.0, 100.0};
            BootstrapInterval interval = PairedBootstrap.of(Seed.of(9)).withResamples(1)
                    .interval(Metrics.mae(), truth(y), values(0.0, 0.0, 0.0));
            double expected = (y[rows[0]] + y[rows[1]] + y[rows[2]]) / 3.0;
            assertThat(interval.lower()).isCloseTo(expected, within(1e-12));
            assertThat(interval.upper()).isCloseTo(expected, within(1e-12));
            assertThat(interval.standardError()).isNaN();
        }
    }

    @Nested
    class Settings {
        @Test
        void theDefaultsAreAThousandResamplesAt95Percent() {
            PairedBootstrap bootstrap = PairedBootstrap.of(Seed.of(1));
            assertThat(bootstrap.resamples()).isEqualTo(1000);
            assertThat(bootstrap.level()).isEqualTo(0.95);
            assertThat(bootstrap.seed()).isEqualTo(Seed.of(1));
            assertThat(bootstrap.withResamples(10).withLevel(0.8)).isEqualTo(new PairedBootstrap(Seed.of(1), 10, 0.8));
        }

        @Test
        void theLevelSetsTheQuantiles() {
            BootstrapInterval wide = PairedBootstrap.of(Seed.of(4)).withResamples(1000).withLevel(0.99)
                    .interval(Metrics.accuracy(), allA(80), rightOnFirst(80, 50));
            BootstrapInterval narrow = PairedBootstrap.of(Seed.of(4)).withResamples(1000).withLevel(0.5)
                    .interval(Metrics.accuracy(), allA(80), rightOnFirst(80, 50));
            assertThat(wide.level()).isEqualTo(0.99);
            assertThat(wide.lower()).isLessThan(narrow.lower());
            assertThat(wide.upper()).isGreaterThan(narrow.upper());
            assertThat(wide.standardError()).isEqualTo(narrow.standardError());
        }

        @Test
        void resamplesWhereTheMetricIsUndefinedAreCountedAndLeftOut() {
            // 6 rows, 2 of class b: a resample without a b row (about (2/3)^6 = 9 %) has no AUC
            Column truth = truth("a", "a", "a", "a", "b", "b");
            Table predictions = scored(AB, new double[] {0.9, 0.1}, new double[] {0.6, 0.4}, new double[] {0.7, 0.3},
                    new double[] {0.2, 0.8}, new double[] {0.3, 0.7}, new double[] {0.1, 0.9});
            BootstrapInterval interval = PairedBootstrap.of(Seed.of(8)).withResamples(1000)
                    .interval(Metrics.auc(), truth, predictions);
            assertThat(interval.undefined()).isBetween(50, 140);
            assertThat(interval.lower()).isBetween(0.0, 1.0);
            assertThat(interval.upper()).isBetween(interval.lower(), 1.0);
        }

        @Test
        void aMetricNeverDefinedGivesAnUndefinedInterval() {
            PairedBootstrapResult r = PairedBootstrap.of(Seed.of(8)).withResamples(20)
                    .compare(Metrics.auc(), allA(5), rightOnFirst(5, 3), rightOnFirst(5, 2));
            assertThat(r.difference().undefined()).isEqualTo(20);
            assertThat(r.difference().lower()).isNaN();
            assertThat(r.difference().upper()).isNaN();
            assertThat(r.difference().standardError()).isNaN();
            assertThat(r.verdict().significant()).isFalse();
            assertThat(r.verdict().better()).isEqualTo(Significance.Better.NEITHER);
        }
    }

    @Nested
    class Percentiles {
        @Test
        void quantilesInterpolateBetweenTheSortedValues() {
            BootstrapInterval half = BootstrapInterval.of(3.0, new double[] {5, 1, 4, 2, 3}, 0.5);
            assertThat(half.lower()).isEqualTo(2.0);
            assertThat(half.upper()).isEqualTo(4.0);
            BootstrapInterval ninety = BootstrapInterval.of(3.0, new double[] {5, 1, 4, 2, 3}, 0.9);
            assertThat(ninety.lower()).isCloseTo(1.2, within(1e-12));
            assertThat(ninety.upper()).isCloseTo(4.8, within(1e-12));
            assertThat(ninety.standardError()).isCloseTo(Math.sqrt(2.5), within(1e-12));
            assertThat(ninety.estimate()).isEqualTo(3.0);
        }

        @Test
        void nanValuesAreLeftOut() {
            BootstrapInterval interval = BootstrapInterval.of(2.0, new double[] {Double.NaN, 3, 1, Double.NaN, 2}, 0.5);
            assertThat(interval.undefined()).isEqualTo(2);
            assertThat(interval.resamples()).isEqualTo(5);
            assertThat(interval.lower()).isEqualTo(1.5);
            assertThat(interval.upper()).isEqualTo(2.5);
            assertThat(interval.standardError()).isEqualTo(1.0);
        }

        @Test
        void twoValuesHaveAStandardError() {
            BootstrapInterval interval = BootstrapInterval.of(2.0, new double[] {3, 1}, 0.5);
            assertThat(interval.standardError()).isCloseTo(Math.sqrt(2.0), within(1e-12));
            assertThat(interval.lower()).isEqualTo(1.5);
        }

        @Test
        void oneValueIsItsOwnInterval() {
            BootstrapInterval interval = BootstrapInterval.of(7.0, new double[] {7.0}, 0.95);
            assertThat(interval.lower()).isEqualTo(7.0);
            assertThat(interval.upper()).isEqualTo(7.0);
            assertThat(interval.standardError()).isNaN();
        }

        @Test
        void anIntervalContainsItsEnds() {
            BootstrapInterval interval = new BootstrapInterval(0.5, 0.25, 0.75, 0.1, 0.95, 100, 0);
            assertThat(interval.contains(0.25)).isTrue();
            assertThat(interval.contains(0.75)).isTrue();
            assertThat(interval.contains(0.2)).isFalse();
            assertThat(interval.contains(0.8)).isFalse();
            assertThat(interval.contains(Double.NaN)).isFalse();
        }
    }

    @Nested
    class BadInput {
        @Test
        void fewerThanOneResample() {
            assertThatThrownBy(() -> PairedBootstrap.of(Seed.of(1)).withResamples(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("resamples must be at least 1 but was 0");
        }

        @Test
        void aLevelOutsideTheUnitInterval() {
            for (double level : new double[] {0.0, 1.0, -0.5, 95.0, Double.NaN}) {
                assertThatThrownBy(() -> PairedBootstrap.of(Seed.of(1)).withLevel(level))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("level must be in (0, 1) but was " + level);
            }
        }

        @Test
        void noRows() {
            assertThatThrownBy(() -> PairedBootstrap.of(Seed.of(1)).interval(Metrics.accuracy(), truth(new String[0]),
                    oneHot(AB))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the truth column 'class' has no rows to resample");
            assertThatThrownBy(() -> PairedBootstrap.of(Seed.of(1)).compare(Metrics.accuracy(), truth(new String[0]),
                    oneHot(AB), oneHot(AB))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the truth column 'class' has no rows to resample");
        }

        @Test
        void tablesOfOtherLengths() {
            PairedBootstrap bootstrap = PairedBootstrap.of(Seed.of(1));
            assertThatThrownBy(() -> bootstrap.compare(Metrics.accuracy(), allA(3), oneHot(AB, "a", "a"),
                    oneHot(AB, "a", "a", "a"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the first model's predictions have 2 rows, but the truth column 'class' has 3");
            assertThatThrownBy(() -> bootstrap.compare(Metrics.accuracy(), allA(3), oneHot(AB, "a", "a", "a"),
                    oneHot(AB, "a"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the second model's predictions have 1 rows, but the truth column 'class' has 3");
            assertThatThrownBy(() -> bootstrap.interval(Metrics.accuracy(), allA(3), oneHot(AB, "a")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("accuracy: the truth column 'class' has 3 rows, but the predictions have 1");
        }
    }
}
