package dev.mlops.data.check;

import static dev.mlops.data.check.ChiSquareCheckTest.categorical;
import static dev.mlops.data.check.ChiSquareCheckTest.repeated;
import static dev.mlops.data.check.DistributionSamples.grid110;
import static dev.mlops.data.check.DistributionSamples.grid120;
import static dev.mlops.data.check.DistributionSamples.normal;
import static dev.mlops.data.check.DistributionSamples.numeric;
import static dev.mlops.data.check.DistributionSamples.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.MlopsException;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.check.DistributionSamples.Case;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PsiCheckTest {

    private static final PsiCheck CHECK = Checks.psi("x");

    // The independent computation, numpy 1.24.2 (/usr/bin/python3):
    //   import numpy as np
    //   def psi(ref, cur, bins=10, eps=1e-4):
    //       r = np.sort(np.asarray(ref, float)); c = np.sort(np.asarray(cur, float))
    //       edges = np.unique(np.quantile(r, np.arange(1, bins) / bins))
    //       e = np.diff(np.concatenate([[0], np.searchsorted(r, edges, side="right"), [len(r)]])) / len(r)
    //       a = np.diff(np.concatenate([[0], np.searchsorted(c, edges, side="right"), [len(c)]])) / len(c)
    //       e = np.where(e == 0, eps, e); a = np.where(a == 0, eps, a)
    //       return np.sum((a - e) * np.log(a / e)), len(edges) + 1
    //   def psic(e, a, eps=1e-4):
    //       e = np.asarray(e, float); a = np.asarray(a, float); e = e / e.sum(); a = a / a.sum()
    //       e = np.where(e == 0, eps, e); a = np.where(a == 0, eps, a); return np.sum((a - e) * np.log(a / e))

    @Nested
    class NumericAgainstNumpy {
        @Test
        void normalSamples() {
            // ref = np.round(rng.normal(50, 10, 40), 1), cur = np.round(rng.normal(54, 12, 30), 1) with
            // rng = np.random.default_rng(7); psi(ref, cur) = (2.3123187585161062, 10)
            double[] ref = {50.0, 53.0, 47.3, 41.1, 45.5, 40.1, 50.6, 63.4, 45.1, 43.8, 54.9, 53.6, 51.1, 40.7, 49.7,
                57.0, 36.6, 45.4, 31.0, 37.1, 31.6, 47.6, 37.3, 52.7, 51.6, 48.1, 24.8, 44.6, 49.5, 51.1, 34.7, 45.2,
                40.2, 41.9, 60.6, 41.9, 49.7, 58.8, 44.2, 48.9};
            double[] cur = {55.3, 54.8, 39.3, 54.9, 70.3, 35.4, 64.3, 55.4, 46.3, 78.0, 63.1, 39.6, 54.9, 60.9, 51.7,
                62.2, 53.2, 62.0, 71.3, 45.9, 56.4, 48.4, 55.5, 39.8, 47.0, 51.6, 64.8, 67.7, 38.1, 44.5};
            CheckResult result = CHECK.run(numeric(cur), reference(ref));
            assertThat(result.measured()).isCloseTo(2.3123187585161062, within(1e-12));
            assertThat(result.statistic()).isEqualTo(result.measured());
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.threshold()).isEqualTo(Threshold.atMost(0.25));
            assertThat(result.message()).contains("psi(x)", "over 10 reference quantile bins", "PSI = 2.31232",
                    "a significant shift (above 0.25)", "30 current and 40 reference values", "threshold <= 0.25");
        }

        @Test
        void uniformGridsWithTenAndFourBins() {
            // ref = [((i*37)%120)/12.0 for i in range(120)]; cur = [((j*41)%110)/10.0+0.3 for j in range(110)]
            // psi(ref, cur) = (0.1038328113725107, 10); psi(ref, cur, bins=4) = (0.04635947326650281, 4)
            CheckResult ten = CHECK.run(numeric(grid110()), reference(grid120(0.0)));
            assertThat(ten.measured()).isCloseTo(0.1038328113725107, within(1e-12));
            assertThat(ten.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(ten.message()).contains("a moderate shift (0.1 to 0.25)");
            CheckResult four = CHECK.withBins(4).run(numeric(grid110()), reference(grid120(0.0)));
            assertThat(four.measured()).isCloseTo(0.04635947326650281, within(1e-12));
            assertThat(four.message()).contains("over 4 reference quantile bins", "no significant shift (below 0.1)");
            assertThat(CHECK.withMax(0.1).run(numeric(grid110()), reference(grid120(0.0))).verdict())
                    .isEqualTo(Verdict.FAILED);
        }

        @Test
        void equalEdgesAreMerged() {
            // ref = [0.0]*20 + list(range(1, 21)); cur = [0.0]*10 + list(range(1, 31))
            // psi(ref, cur) = (0.48647753726382825, 7): the deciles 0.1 to 0.4 are all 0
            double[] ref = new double[40];
            for (int i = 20; i < 40; i++) {
                ref[i] = i - 19;
            }
            double[] cur = new double[40];
            for (int i = 10; i < 40; i++) {
                cur[i] = i - 9;
            }
            CheckResult result = CHECK.run(numeric(cur), reference(ref));
            assertThat(result.measured()).isCloseTo(0.48647753726382825, within(1e-12));
            assertThat(result.message()).contains("over 7 reference quantile bins (10 asked, equal edges merged)");
        }

        @Test
        void theSameSampleHasPsiZero() {
            double[] values = grid120(0.0);
            CheckResult result = CHECK.run(numeric(values), reference(values));
            assertThat(result.measured()).isCloseTo(0.0, within(1e-15));
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        }

        @Test
        void missingAndNonFiniteValuesAreLeftOut() {
            NumericColumn.Builder dirty = NumericColumn.builder("x");
            for (double v : grid110()) {
                dirty.add(v);
            }
            dirty.addMissing().add(Double.NaN).add(Double.NEGATIVE_INFINITY);
            CheckResult result = CHECK.run(Table.of(dirty.build()), reference(grid120(0.0)));
            assertThat(result.measured()).isCloseTo(0.1038328113725107, within(1e-12));
            assertThat(result.message()).contains("left out: 1 missing and 2 NaN or infinite current values");
        }

        @Test
        void aSketchedReferenceGivesAnApproximatePsi() {
            SplittableRandom random = new SplittableRandom(21);
            Table referenceTable = numeric(normal(random, 20_000, 0, 1));
            DatasetProfile sketched = DatasetProfile.of(referenceTable,
                    ProfileOptions.defaults().withExactQuantileLimit(1_000));
            assertThat(((NumericProfile) sketched.column("x")).quantileMethod()).isEqualTo(Method.SKETCH);
            Table current = numeric(normal(random, 1_000, 0.2, 1));
            CheckResult exact = CHECK.run(current, CheckContext.defaults().withReference(DatasetProfile.of(referenceTable)));
            CheckResult approximate = CHECK.run(current, CheckContext.defaults().withReference(sketched));
            assertThat(approximate.measured()).isCloseTo(exact.measured(), within(0.05));
            assertThat(approximate.message()).contains("approximate: the reference's shares come from its KLL sketch");
            assertThat(exact.message()).doesNotContain("approximate");
        }
    }

    @Nested
    class CategoriesAgainstNumpy {
        @Test
        void aNewCategoryHasAnExpectedShareOfEpsilon() {
            // psic([30, 20, 10, 0], [15, 25, 12, 3]) = 0.5323219375423406
            CheckResult result = Checks.psi("c").run(categorical(repeated("a", 15, "b", 25, "c", 12, "d", 3, null, 2)),
                    ChiSquareCheckTest.reference(repeated("a", 30, "b", 20, "c", 10)));
            assertThat(result.measured()).isCloseTo(0.5323219375423406, within(1e-12));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("over 4 categories", "55 current and 60 reference values",
                    "left out: 2 missing current");
        }

        @Test
        void aSketchedReferenceUsesItsTopValuesAndAnOtherBin() {
            // psic([40, 30, 20, 10], [10, 30, 20, 40]) = 0.8317766166719345 (a, b, c, other)
            DatasetProfile sketched = DatasetProfile.of(
                    categorical(repeated("a", 40, "b", 30, "c", 20, "d", 5, "e", 3, "f", 2)),
                    ProfileOptions.defaults().withExactDistinctLimit(5).withTopK(3));
            CheckContext context = CheckContext.defaults().withReference(sketched);
            PsiCheck check = Checks.psi("c");
            CheckResult same = check.run(categorical(repeated("a", 40, "b", 30, "c", 20, "d", 5, "e", 3, "f", 2)),
                    context);
            assertThat(same.measured()).isCloseTo(0.0, within(1e-12));
            CheckResult shifted = check.run(categorical(repeated("a", 10, "b", 30, "c", 20, "d", 20, "e", 10,
                    "f", 10)), context);
            assertThat(shifted.measured()).isCloseTo(0.8317766166719345, within(1e-12));
            assertThat(shifted.message()).contains("the reference's 3 most frequent values and one 'other' bin",
                    "approximate");
        }
    }

    @Nested
    class NoDataAndCannotRun {
        @Test
        void tooFewValues() {
            assertThat(CHECK.run(numeric(1), reference(1, 2, 3)).verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(CHECK.run(numeric(1, 2), reference(Double.NaN, 2)).verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(Checks.psi("c").run(categorical(null, null), ChiSquareCheckTest.reference("a")).verdict())
                    .isEqualTo(Verdict.NO_DATA);
        }

        @Test
        void aTimestampColumnOrMismatchedKindsFail() {
            Table timestamps = Table.of(TimestampColumn.of("x", Instant.parse("2024-01-01T00:00:00Z")));
            CheckResult timestamp = CHECK.run(timestamps, reference(1, 2));
            assertThat(timestamp.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(timestamp.message()).contains("is TIMESTAMP but psi compares NUMERIC or CATEGORICAL, TEXT or"
                    + " BOOLEAN columns");
            CheckResult mismatched = Checks.psi("c").run(Table.of(NumericColumn.of("c", 1, 2)),
                    ChiSquareCheckTest.reference("a", "b"));
            assertThat(mismatched.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(mismatched.message()).contains("in the reference profile it is CATEGORICAL");
        }

        @Test
        void aSketchedReferenceWithNoFrequentValueCannotRun() {
            String[] even = new String[300];
            for (int i = 0; i < even.length; i++) {
                even[i] = "v" + (i % 100);
            }
            DatasetProfile sketched = DatasetProfile.of(categorical(even),
                    ProfileOptions.defaults().withExactDistinctLimit(5).withFrequentItemsMapSize(8));
            CheckResult result = Checks.psi("c").run(categorical("v0", "w", "w"),
                    CheckContext.defaults().withReference(sketched));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.measured()).isNaN();
            assertThat(result.message()).contains("none of its values is guaranteed frequent", "--exact-distinct-limit");
        }

        @Test
        void aMissingColumnFails() {
            CheckResult result = CHECK.run(numeric(1, 2), ChiSquareCheckTest.reference("a", "b"));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("no column 'x' in the reference profile; its columns are c");
        }
    }

    @Nested
    class Settings {
        @ParameterizedTest
        @ValueSource(ints = {1, 0, -3})
        void binsMustBeAtLeastTwo(int bins) {
            assertThatThrownBy(() -> CHECK.withBins(bins)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bins must be at least 2 but was " + bins);
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.01, Double.NaN, Double.NEGATIVE_INFINITY})
        void maxMustNotBeNegative(double max) {
            assertThatThrownBy(() -> CHECK.withMax(max)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("max must be at least 0 but was " + max);
        }

        @Test
        void namesAndDefaults() {
            assertThat(CHECK.name()).isEqualTo("psi(x)");
            assertThat(CHECK.type()).isEqualTo("psi");
            assertThat(CHECK.bins()).isEqualTo(10);
            assertThat(CHECK.max()).isEqualTo(0.25);
            assertThat(CHECK.severity()).isEqualTo(Severity.ERROR);
            assertThat(CHECK.needsReference()).isTrue();
        }

        @Test
        void jsonRoundTrip() {
            PsiCheck check = CHECK.withBins(20).withMax(0.1).withSeverity(Severity.WARNING);
            String json = CheckSuite.builder("s").add(check).build().toJson();
            assertThat(json).contains("\"type\": \"psi\"", "\"bins\": 20", "\"max\": 0.1");
            assertThat(CheckSuite.fromJson(json).checks()).containsExactly(check);
            assertThat(CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 1, \"name\": \"s\","
                    + " \"checks\": [{\"type\": \"psi\", \"column\": \"x\"}]}").checks()).containsExactly(CHECK);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "1e12", "2.5", "\"ten\""})
        void badBinsInJsonNameTheCheck(String bins) {
            assertThatThrownBy(() -> CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 1,"
                    + " \"name\": \"s\", \"checks\": [{\"type\": \"psi\", \"column\": \"x\", \"bins\": " + bins + "}]}"))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("checks[0]").hasMessageContaining("bins");
        }
    }

    @Nested
    class Sweep {
        static List<Case> cases() {
            return DistributionSamples.cases(0x951_5EEDL, 200, 500, 500, 1000);
        }

        @Test
        void aSampleFromTheReferenceDistributionPassesMostOfTheTime() {
            List<Case> failed = new ArrayList<>();
            for (Case c : cases()) {
                SplittableRandom random = new SplittableRandom(c.seed());
                CheckContext context = reference(normal(random, c.reference(), 0, 1));
                if (!CHECK.run(numeric(normal(random, c.current(), 0, 1)), context).passed()) {
                    failed.add(c);
                }
            }
            assertThat(failed).as("cases that failed").hasSizeLessThanOrEqualTo(2);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void aShiftedSampleFails(Case c) {
            SplittableRandom random = new SplittableRandom(c.seed());
            CheckContext context = reference(normal(random, c.reference(), 0, 1));
            CheckResult result = CHECK.run(numeric(normal(random, c.current(), 1.5, 1)), context);
            assertThat(result.verdict()).as("%s: %s", c, result.message()).isEqualTo(Verdict.FAILED);
        }
    }
}
