package dev.mlops.data.check;

import static dev.mlops.data.check.DistributionSamples.normal;
import static dev.mlops.data.check.DistributionSamples.numeric;
import static dev.mlops.data.check.DistributionSamples.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.MlopsException;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.DistributionSamples.Case;
import dev.mlops.data.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeanShiftCheckTest {

    private static final MeanShiftCheck CHECK = Checks.meanShift("x");

    @Nested
    class AgainstScipy {
        // /usr/bin/python3 -c 'from scipy import stats;
        //   a=[5.1, 4.8, 6.2, 5.5, 4.9, 5.8, 6.0, 5.3, 4.7, 5.6, 6.4, 5.0];
        //   b=[4.6, 5.2, 4.9, 4.4, 5.0, 5.7, 4.8, 4.3, 5.1, 4.7, 5.5, 4.5, 4.9, 5.3, 4.2];
        //   r=stats.ttest_ind(a, b, equal_var=False); print(repr(r.statistic), repr(r.pvalue))'
        // 2.852599686407949 0.009729520521834614      (scipy 1.10.1)
        private final double[] current = {5.1, 4.8, 6.2, 5.5, 4.9, 5.8, 6.0, 5.3, 4.7, 5.6, 6.4, 5.0};
        private final double[] reference = {4.6, 5.2, 4.9, 4.4, 5.0, 5.7, 4.8, 4.3, 5.1, 4.7, 5.5, 4.5, 4.9, 5.3, 4.2};

        @Test
        void aShiftedMeanFailsWithScipysPValue() {
            CheckResult result = CHECK.run(numeric(current), reference(reference));
            assertThat(result.measured()).isCloseTo(0.009729520521834614, within(1e-6));
            assertThat(result.measured()).isCloseTo(0.009729520521834614, within(1e-12));
            assertThat(result.statistic()).isCloseTo(2.852599686407949, within(1e-9));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.threshold()).isEqualTo(Threshold.atLeast(0.01));
            assertThat(result.message()).contains("mean-shift(x)", "Welch's t-test", "t = 2.8526", "p-value 0.00972952",
                    "n 12", "n 15", "threshold >= 0.01");
        }

        @Test
        void aSmallerAlphaPasses() {
            CheckResult result = CHECK.withAlpha(0.005).run(numeric(current), reference(reference));
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(result.measured()).isCloseTo(0.009729520521834614, within(1e-6));
        }

        @Test
        void unequalVariancesUseWelchsDegreesOfFreedom() {
            // /usr/bin/python3 -c 'from scipy import stats;
            //   a=[10.2, 14.8, 7.1, 12.5, 9.9, 16.3, 8.4, 11.7];
            //   b=[10.9, 11.1, 10.8, 11.3, 11.0, 10.7, 11.2, 10.95, 11.05, 10.85];
            //   r=stats.ttest_ind(a, b, equal_var=False); print(repr(r.statistic), repr(r.pvalue))'
            // 0.34200107744212405 0.7423338981395238      (scipy 1.10.1)
            CheckResult result = CHECK.run(numeric(10.2, 14.8, 7.1, 12.5, 9.9, 16.3, 8.4, 11.7),
                    reference(10.9, 11.1, 10.8, 11.3, 11.0, 10.7, 11.2, 10.95, 11.05, 10.85));
            assertThat(result.measured()).isCloseTo(0.7423338981395238, within(1e-6));
            assertThat(result.statistic()).isCloseTo(0.34200107744212405, within(1e-9));
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        }

        @Test
        void missingNaNAndInfinitiesAreLeftOut() {
            NumericColumn dirty = NumericColumn.builder("x").add(5.1).add(4.8).addMissing().add(6.2).add(5.5)
                    .add(Double.NaN).add(4.9).add(5.8).add(6.0).add(Double.POSITIVE_INFINITY).add(5.3).add(4.7)
                    .add(5.6).add(6.4).add(5.0).add(Double.NEGATIVE_INFINITY).build();
            double[] ref = new double[reference.length + 2];
            System.arraycopy(reference, 0, ref, 0, reference.length);
            ref[reference.length] = Double.NaN;
            ref[reference.length + 1] = Double.POSITIVE_INFINITY;
            CheckResult result = CHECK.run(Table.of(dirty), reference(ref));
            assertThat(result.measured()).isCloseTo(0.009729520521834614, within(1e-12));
            assertThat(result.message()).contains("left out: 1 missing and 3 NaN or infinite current values",
                    "2 NaN or infinite reference values");
        }
    }

    @Nested
    class EdgeCases {
        @Test
        void equalConstantsPassAndDifferentConstantsFail() {
            CheckResult same = CHECK.run(numeric(3, 3, 3), reference(3, 3, 3, 3));
            assertThat(same.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(same.measured()).isEqualTo(1.0);
            assertThat(same.statistic()).isZero();
            CheckResult moved = CHECK.run(numeric(4, 4, 4), reference(3, 3, 3, 3));
            assertThat(moved.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(moved.measured()).isZero();
            assertThat(moved.statistic()).isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        void oneConstantSideStillTests() {
            CheckResult result = CHECK.run(numeric(3, 3, 3, 3), reference(2.5, 3.5, 3.0, 2.8));
            assertThat(result.measured()).isBetween(0.0, 1.0);
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        }
    }

    @Nested
    class NoData {
        @Test
        void fewerThanTwoFiniteCurrentValues() {
            Table table = Table.of(NumericColumn.builder("x").add(1.0).addMissing().add(Double.NaN).build());
            CheckResult result = CHECK.run(table, reference(1, 2, 3));
            assertThat(result.verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(result.measured()).isNaN();
            assertThat(result.message()).contains("1 finite current and 3 finite reference values");
        }

        @Test
        void fewerThanTwoFiniteReferenceValues() {
            CheckResult result = CHECK.run(numeric(1, 2, 3), reference(7, Double.NaN));
            assertThat(result.verdict()).isEqualTo(Verdict.NO_DATA);
        }

        @Test
        void anEmptyTable() {
            CheckResult result = CHECK.run(numeric(), reference(1, 2, 3));
            assertThat(result.verdict()).isEqualTo(Verdict.NO_DATA);
        }
    }

    @Nested
    class CannotRun {
        private final CheckContext context = CheckContext.defaults().withReference(DatasetProfile.of(Table.of(
                NumericColumn.of("x", 1, 2, 3), CategoricalColumn.of("c", "a", "b", "a"))));

        @Test
        void aColumnMissingFromTheTable() {
            CheckResult result = CHECK.run(Table.of(NumericColumn.of("y", 1, 2)), context);
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("no column 'x' in the table", "y");
        }

        @Test
        void aColumnMissingFromTheReference() {
            CheckResult result = Checks.meanShift("y").run(Table.of(NumericColumn.of("y", 1, 2)), context);
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("no column 'y' in the reference profile", "x, c");
        }

        @Test
        void aColumnOfTheWrongTypeInTheTable() {
            Table table = Table.of(NumericColumn.of("a", 1, 2), CategoricalColumn.of("x", "u", "v"));
            CheckResult result = CHECK.run(table, context);
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("column 'x' (2) of the table is CATEGORICAL", "NUMERIC");
        }

        @Test
        void aColumnOfTheWrongTypeInTheReference() {
            CheckResult result = Checks.meanShift("c").run(Table.of(NumericColumn.of("c", 1, 2)), context);
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("in the reference profile it is CATEGORICAL");
        }

        @Test
        void noReferenceInTheContext() {
            CheckResult result = CHECK.run(numeric(1, 2, 3), CheckContext.defaults());
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("no reference profile");
        }
    }

    @Nested
    class Settings {
        @ParameterizedTest
        @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN})
        void alphaMustBeInTheOpenUnitInterval(double alpha) {
            assertThatThrownBy(() -> CHECK.withAlpha(alpha)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alpha must be in (0, 1) but was " + alpha);
        }

        @Test
        void namesAndDefaults() {
            assertThat(CHECK.name()).isEqualTo("mean-shift(x)");
            assertThat(CHECK.type()).isEqualTo("mean-shift");
            assertThat(CHECK.columns()).containsExactly("x");
            assertThat(CHECK.alpha()).isEqualTo(0.01);
            assertThat(CHECK.severity()).isEqualTo(Severity.ERROR);
            assertThat(CHECK.needsReference()).isTrue();
            assertThat(CHECK.withSeverity(Severity.WARNING).severity()).isEqualTo(Severity.WARNING);
        }

        @Test
        void jsonRoundTrip() {
            MeanShiftCheck check = CHECK.withAlpha(0.001).withSeverity(Severity.WARNING);
            CheckSuite suite = CheckSuite.builder("s").add(check).build();
            assertThat(suite.toJson()).contains("\"type\": \"mean-shift\"", "\"alpha\": 0.001");
            assertThat(CheckSuite.fromJson(suite.toJson()).checks()).containsExactly(check);
        }

        @Test
        void jsonDefaults() {
            CheckSuite suite = CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 1, \"name\": \"s\","
                    + " \"checks\": [{\"type\": \"mean-shift\", \"column\": \"x\"}]}");
            assertThat(suite.checks()).containsExactly(CHECK);
        }

        @Test
        void jsonWithABadAlphaNamesTheCheck() {
            assertThatThrownBy(() -> CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 1,"
                    + " \"name\": \"s\", \"checks\": [{\"type\": \"mean-shift\", \"column\": \"x\", \"alpha\": 2}]}"))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("checks[0]")
                    .hasMessageContaining("alpha must be in (0, 1) but was 2.0");
        }

        @Test
        void aSuiteRunsItAgainstTheReference() {
            CheckReport report = CheckSuite.builder("s").add(CHECK).build().run(numeric(1, 2, 3, 4),
                    DatasetProfile.of(numeric(1.5, 2.5, 3.5, 2, 3)));
            assertThat(report.results()).singleElement().extracting(CheckResult::verdict).isEqualTo(Verdict.PASSED);
        }
    }

    @Nested
    class Sweep {
        static List<Case> cases() {
            return DistributionSamples.cases(0x5EED_4D15L, 40, 300, 50, 500);
        }

        @Test
        void aSampleFromTheReferenceDistributionPassesAtAlpha0001MostOfTheTime() {
            List<Case> failed = new ArrayList<>();
            for (Case c : cases()) {
                SplittableRandom random = new SplittableRandom(c.seed());
                double[] ref = normal(random, c.reference(), 10, 2);
                double[] cur = normal(random, c.current(), 10, 2);
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
            double[] ref = normal(random, c.reference(), 10, 2);
            double[] cur = normal(random, c.current(), 13, 2);
            CheckResult result = CHECK.withAlpha(0.001).run(numeric(cur), reference(ref));
            assertThat(result.verdict()).as("%s: %s", c, result.message()).isEqualTo(Verdict.FAILED);
            assertThat(result.statistic()).as("%s", c).isPositive();
        }
    }
}
