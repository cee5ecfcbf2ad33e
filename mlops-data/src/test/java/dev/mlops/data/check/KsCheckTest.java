package dev.mlops.data.check;

import static dev.mlops.data.check.DistributionSamples.normal;
import static dev.mlops.data.check.DistributionSamples.numeric;
import static dev.mlops.data.check.DistributionSamples.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.mlops.core.MlopsException;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.check.DistributionSamples.Case;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KsCheckTest {

    private static final KsCheck CHECK = Checks.ks("x");

    /** Rounds to two decimals, so that samples have ties. */
    private static double[] rounded(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
    }

    @Nested
    class ExactAgainstScipy {
        private final double[] reference = {-0.92, 0.12, -1.75, 0.48, -0.63, -0.21, 0.77, -1.18, 0.05, -0.37, 1.02,
            -0.55, -1.46, 0.29};

        @Test
        void aSampleWithoutTies() {
            // n·m = 140 < 10,000: exact.
            // /usr/bin/python3 -c 'from scipy.stats import ks_2samp;
            //   x=[0.61, -1.32, 2.05, 0.17, -0.44, 1.28, 0.93, -0.08, 1.71, 0.35];
            //   y=[-0.92, 0.12, -1.75, 0.48, -0.63, -0.21, 0.77, -1.18, 0.05, -0.37, 1.02, -0.55, -1.46, 0.29];
            //   r=ks_2samp(x, y, method="exact"); print(repr(r.statistic), repr(r.pvalue))'
            // 0.4142857142857143 0.20557234751608155      (scipy 1.10.1)
            // commons-math3's own kolmogorovSmirnovTest(x, y) gives the strict P(D > d) = 0.17974196127379594.
            CheckResult result = CHECK.run(numeric(0.61, -1.32, 2.05, 0.17, -0.44, 1.28, 0.93, -0.08, 1.71, 0.35),
                    reference(reference));
            assertThat(result.statistic()).isCloseTo(0.4142857142857143, within(1e-12));
            assertThat(result.measured()).isCloseTo(0.20557234751608155, within(1e-6));
            assertThat(result.measured()).isCloseTo(0.20557234751608155, within(1e-12));
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(result.message()).contains("ks(x)", "D = 0.414286", "p-value 0.205572", "exact p-value",
                    "10 current and 14 reference values");
        }

        @Test
        void aShiftedSampleFails() {
            // n·m = 140 < 10,000: exact.
            // /usr/bin/python3 -c 'from scipy.stats import ks_2samp;
            //   x=[2.1, 2.5, 1.8, 3.0, 2.7, 2.2, 1.9, 2.8, 0.9, 1.4];
            //   y=[-0.92, 0.12, -1.75, 0.48, -0.63, -0.21, 0.77, -1.18, 0.05, -0.37, 1.02, -0.55, -1.46, 0.29];
            //   r=ks_2samp(x, y, method="exact"); print(repr(r.statistic), repr(r.pvalue))'
            // 0.9285714285714286 1.1217301565935299e-05      (scipy 1.10.1)
            CheckResult result = CHECK.run(numeric(2.1, 2.5, 1.8, 3.0, 2.7, 2.2, 1.9, 2.8, 0.9, 1.4),
                    reference(reference));
            assertThat(result.statistic()).isCloseTo(0.9285714285714286, within(1e-12));
            assertThat(result.measured()).isCloseTo(1.1217301565935299e-05, within(1e-6));
            assertThat(result.measured()).isCloseTo(1.1217301565935299e-05, within(1e-15));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        }

        @Test
        void samplesWithTiesKeepTheirTies() {
            // n·m = 120 < 10,000: exact. commons-math3's kolmogorovSmirnovTest(x, y) would jitter the ties
            // (0.06174630323237129); this check measures D on the values as they are, as scipy does.
            // /usr/bin/python3 -c 'from scipy.stats import ks_2samp;
            //   r=ks_2samp([1,2,2,3,3,3,4,5,5,6], [2,3,3,4,4,4,5,5,6,6,7,7], method="exact");
            //   print(repr(r.statistic), repr(r.pvalue))'
            // 0.35 0.39722197307336626      (scipy 1.10.1)
            CheckResult result = CHECK.run(numeric(1, 2, 2, 3, 3, 3, 4, 5, 5, 6),
                    reference(2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 7));
            assertThat(result.statistic()).isCloseTo(0.35, within(1e-12));
            assertThat(result.measured()).isCloseTo(0.39722197307336626, within(1e-6));
        }

        @Test
        void identicalSamplesHavePValueOne() {
            CheckResult result = CHECK.run(numeric(reference), reference(reference));
            assertThat(result.statistic()).isZero();
            assertThat(result.measured()).isEqualTo(1.0);
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        }
    }

    @Nested
    class AsScipyKs2samp {
        // scipy's ks_2samp(x, y) default (method="auto"): exact while neither sample has more than 10,000
        // values, else kstwo.sf(D, round(n m/(n+m))). The samples: x = np.arange(n)/n, y = np.arange(m)/m + shift.

        private double[] grid(int n, double shift) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = (double) i / n + shift;
            }
            return values;
        }

        @Test
        void fourHundredAgainstSevenHundredSixtyEightIsExact() {
            // /usr/bin/python3: import numpy as np; from scipy import stats;
            //   stats.ks_2samp(np.arange(400)/400, np.arange(768)/768 + 0.1)
            //   -> statistic 0.10244791666666667, pvalue 0.0073152387778517925 (scipy 1.10.1).
            // Before: n·m = 307,200 >= 10,000 gave the asymptotic value, 40 % above.
            CheckResult result = CHECK.run(numeric(grid(400, 0.0)), reference(grid(768, 0.1)));
            assertThat(result.statistic()).isCloseTo(0.10244791666666667, within(1e-12));
            assertThat(result.measured()).isCloseTo(0.0073152387778517925, withinPercentage(1e-4));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("exact p-value");
        }

        @Test
        void aSampleOverTenThousandIsAsymptotic() {
            // /usr/bin/python3: stats.ks_2samp(np.arange(500)/500 + 0.05, np.arange(10001)/10001)
            //   -> statistic 0.050094990500949906, pvalue 0.17724465345024 (scipy 1.10.1)
            CheckResult result = CHECK.run(numeric(grid(500, 0.05)), reference(grid(10_001, 0.0)));
            assertThat(result.statistic()).isCloseTo(0.050094990500949906, within(1e-12));
            assertThat(result.measured()).isCloseTo(0.17724465345024, withinPercentage(1e-4));
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(result.message()).contains("asymptotic p-value (a sample over 10,000 values)");
        }

        @Test
        void aFarTailIsNotZero() {
            // /usr/bin/python3: stats.ks_2samp(np.arange(400)/400, np.arange(768)/768 + 0.5).pvalue
            //   -> 4.8404724537761564e-61 (scipy 1.10.1); 1 - sum gave 0.
            CheckResult result = CHECK.run(numeric(grid(400, 0.0)), reference(grid(768, 0.5)));
            assertThat(result.measured()).isCloseTo(4.8404724537761564e-61, withinPercentage(1e-4));
        }
    }

    @Nested
    class AgainstASketch {
        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3})
        void agreesWithTheExactAnswerWithinTheRankError(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Table referenceTable = numeric(rounded(normal(random, 20_000, 0, 1)));
            DatasetProfile exact = DatasetProfile.of(referenceTable);
            DatasetProfile sketched = DatasetProfile.of(referenceTable,
                    ProfileOptions.defaults().withExactQuantileLimit(1_000));
            NumericProfile sketch = (NumericProfile) sketched.column("x");
            assertThat(sketch.quantileMethod()).isEqualTo(Method.SKETCH);
            for (double shift : new double[] {0.0, 0.1, 0.5}) {
                Table current = numeric(rounded(normal(random, 400, shift, 1)));
                CheckResult fromValues = CHECK.run(current, CheckContext.defaults().withReference(exact));
                CheckResult fromSketch = CHECK.run(current, CheckContext.defaults().withReference(sketched));
                assertThat(fromSketch.statistic()).as("shift %s", shift)
                        .isCloseTo(fromValues.statistic(), within(sketch.rankError()));
                assertThat(fromSketch.message()).contains("approximate within ±" + ReadableText.number(sketch.rankError()),
                        "KLL sketch");
            }
        }

        @Test
        void judgesSameAndShiftedSamples() {
            SplittableRandom random = new SplittableRandom(8);
            CheckContext sketched = CheckContext.defaults().withReference(DatasetProfile.of(
                    numeric(normal(random, 20_000, 0, 1)), ProfileOptions.defaults().withExactQuantileLimit(1_000)));
            KsCheck check = CHECK.withAlpha(0.001);
            assertThat(check.run(numeric(normal(random, 300, 0, 1)), sketched).verdict()).isEqualTo(Verdict.PASSED);
            assertThat(check.run(numeric(normal(random, 300, 0.5, 1)), sketched).verdict()).isEqualTo(Verdict.FAILED);
        }
    }

    @Nested
    class NoDataAndCannotRun {
        @Test
        void fewerThanTwoFiniteValuesOnEitherSide() {
            Table one = Table.of(NumericColumn.builder("x").add(1).addMissing().add(Double.NEGATIVE_INFINITY).build());
            assertThat(CHECK.run(one, reference(1, 2, 3)).verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(CHECK.run(numeric(1, 2, 3), reference(Double.NaN, 4)).verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(CHECK.run(numeric(), reference(1, 2, 3)).message()).contains("no data",
                    "0 finite current and 3 finite reference values");
        }

        @Test
        void missingAndNonFiniteValuesAreLeftOut() {
            Table dirty = Table.of(NumericColumn.builder("x").add(1).add(Double.NaN).add(2).addMissing().add(3)
                    .add(Double.POSITIVE_INFINITY).build());
            CheckResult result = CHECK.run(dirty, reference(1.5, 2.5, Double.NaN, 3.5));
            assertThat(result.statistic()).isEqualTo(CHECK.run(numeric(1, 2, 3), reference(1.5, 2.5, 3.5)).statistic());
            assertThat(result.message()).contains("3 current and 3 reference values",
                    "left out: 1 missing and 2 NaN or infinite current values, 1 NaN or infinite reference value");
        }

        @Test
        void aMissingOrMistypedColumnFails() {
            CheckContext context = reference(1, 2, 3);
            CheckResult missing = Checks.ks("y").run(numeric(1, 2, 3), context);
            assertThat(missing.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(missing.message()).contains("no column 'y' in the table");
            CheckResult text = CHECK.run(Table.of(TextColumn.of("x", "1", "2")), context);
            assertThat(text.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(text.message()).contains("column 'x' (1) of the table is TEXT");
            CheckResult noReference = CHECK.run(numeric(1, 2, 3), CheckContext.defaults());
            assertThat(noReference.verdict()).isEqualTo(Verdict.FAILED);
        }
    }

    @Nested
    class Settings {
        @ParameterizedTest
        @ValueSource(doubles = {0.0, 1.0, -1.0, Double.NaN})
        void alphaMustBeInTheOpenUnitInterval(double alpha) {
            assertThatThrownBy(() -> CHECK.withAlpha(alpha)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alpha must be in (0, 1) but was " + alpha);
        }

        @Test
        void namesAndDefaults() {
            assertThat(CHECK.name()).isEqualTo("ks(x)");
            assertThat(CHECK.alpha()).isEqualTo(0.01);
            assertThat(CHECK.severity()).isEqualTo(Severity.ERROR);
            assertThat(CHECK.needsReference()).isTrue();
        }

        @Test
        void jsonRoundTrip() {
            KsCheck check = CHECK.withAlpha(0.05).withSeverity(Severity.INFO);
            String json = CheckSuite.builder("s").add(check).add(CHECK).build().toJson();
            assertThat(json).contains("\"type\": \"ks\"", "\"alpha\": 0.05", "\"severity\": \"info\"");
            assertThat(CheckSuite.fromJson(json).checks()).containsExactly(check, CHECK);
        }

        @Test
        void jsonRefusesUnknownFields() {
            assertThatThrownBy(() -> CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 1,"
                    + " \"name\": \"s\", \"checks\": [{\"type\": \"ks\", \"column\": \"x\", \"bins\": 3}]}"))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("unknown setting 'bins' of Check 'ks'");
        }
    }

    @Nested
    class Sweep {
        static List<Case> cases() {
            return DistributionSamples.cases(0x5EED_0C5L, 40, 300, 50, 500);
        }

        @Test
        void aSampleFromTheReferenceDistributionPassesAtAlpha0001MostOfTheTime() {
            List<Case> failed = new ArrayList<>();
            for (Case c : cases()) {
                SplittableRandom random = new SplittableRandom(c.seed());
                double[] ref = normal(random, c.reference(), 0, 1);
                double[] cur = normal(random, c.current(), 0, 1);
                if (!CHECK.withAlpha(0.001).run(numeric(cur), reference(ref)).passed()) {
                    failed.add(c);
                }
            }
            assertThat(failed).as("cases that failed").hasSizeLessThanOrEqualTo(2);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void aShiftedSampleFails(Case c) {
            SplittableRandom random = new SplittableRandom(c.seed());
            double[] ref = normal(random, c.reference(), 0, 1);
            double[] cur = normal(random, c.current(), 1.5, 1);
            CheckResult result = CHECK.withAlpha(0.001).run(numeric(cur), reference(ref));
            assertThat(result.verdict()).as("%s: %s", c, result.message()).isEqualTo(Verdict.FAILED);
        }
    }
}
