package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.MlopsException;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.data.check.DistributionSamples.Case;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChiSquareCheckTest {

    private static final ChiSquareCheck CHECK = Checks.chiSquare("c");

    /** Values given as value, count, value, count, …; a null value is missing. */
    static @Nullable String[] repeated(Object... valuesAndCounts) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < valuesAndCounts.length; i += 2) {
            for (int k = 0; k < (Integer) valuesAndCounts[i + 1]; k++) {
                values.add((String) valuesAndCounts[i]);
            }
        }
        return values.toArray(new String[0]);
    }

    static Table categorical(@Nullable String... values) {
        return Table.of(CategoricalColumn.of("c", values));
    }

    static CheckContext reference(@Nullable String... values) {
        return CheckContext.defaults().withReference(DatasetProfile.of(categorical(values)));
    }

    /** {@code n} draws of the categories a, b, c, d with the given probabilities. */
    static String[] draw(SplittableRandom random, int n, double... probabilities) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < probabilities.length - 1 && u >= probabilities[k]) {
                u -= probabilities[k];
                k++;
            }
            values[i] = String.valueOf((char) ('a' + k));
        }
        return values;
    }

    @Nested
    class AgainstScipy {
        @Test
        void aNewCategoryCountsAsZeroInTheReference() {
            // /usr/bin/python3 -c 'from scipy import stats;
            //   c=stats.chi2_contingency([[15,25,12,3],[30,20,10,0]], correction=False); print(repr(c[0]), repr(c[1]), c[2])'
            // 8.53611876339149 0.03613862458877324 3      (scipy 1.10.1; rows current, reference; columns a, b, c, d)
            Table current = categorical(repeated("a", 15, "b", 25, "c", 12, "d", 3));
            CheckContext context = reference(repeated("a", 30, "b", 20, "c", 10));
            CheckResult result = CHECK.run(current, context);
            assertThat(result.statistic()).isCloseTo(8.53611876339149, within(1e-9));
            assertThat(result.measured()).isCloseTo(0.03613862458877324, within(1e-6));
            assertThat(result.measured()).isCloseTo(0.03613862458877324, within(1e-12));
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(result.message()).contains("chi-square(c)", "chi-square = 8.53612", "3 degrees of freedom",
                    "p-value 0.0361386", "over 4 categories", "55 current and 60 reference values");
            assertThat(CHECK.withAlpha(0.05).run(current, context).verdict()).isEqualTo(Verdict.FAILED);
        }

        @Test
        void shiftedSharesFail() {
            // /usr/bin/python3 -c 'from scipy import stats;
            //   c=stats.chi2_contingency([[5,40,15],[30,20,10]], correction=False); print(repr(c[0]), repr(c[1]), c[2])'
            // 25.523809523809522 2.86797382480734e-06 2      (scipy 1.10.1)
            CheckResult result = CHECK.run(categorical(repeated("a", 5, "b", 40, "c", 15)),
                    reference(repeated("a", 30, "b", 20, "c", 10)));
            assertThat(result.statistic()).isCloseTo(25.523809523809522, within(1e-9));
            assertThat(result.measured()).isCloseTo(2.86797382480734e-06, within(1e-6));
            assertThat(result.measured()).isCloseTo(2.86797382480734e-06, within(1e-14));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        }

        @Test
        void booleans() {
            // /usr/bin/python3 -c 'from scipy import stats;
            //   c=stats.chi2_contingency([[130,70],[40,60]], correction=False); print(repr(c[0]), repr(c[1]), c[2])'
            // 16.968325791855204 3.800865059351149e-05 1      (scipy 1.10.1; columns true, false)
            List<@Nullable Boolean> now = new ArrayList<>();
            List<@Nullable Boolean> then = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                now.add(i < 130);
            }
            for (int i = 0; i < 100; i++) {
                then.add(i < 40);
            }
            now.add(null);
            CheckResult result = Checks.chiSquare("b").run(Table.of(BooleanColumn.of("b", now.toArray(new Boolean[0]))),
                    CheckContext.defaults().withReference(DatasetProfile.of(
                            Table.of(BooleanColumn.of("b", then.toArray(new Boolean[0]))))));
            assertThat(result.statistic()).isCloseTo(16.968325791855204, within(1e-9));
            assertThat(result.measured()).isCloseTo(3.800865059351149e-05, within(1e-6));
            assertThat(result.message()).contains("1 degree of freedom", "left out: 1 missing current");
        }
    }

    @Nested
    class Values {
        @Test
        void textComparesWithCategories() {
            CheckContext context = reference(repeated("a", 30, "b", 20, "c", 10));
            CheckResult fromText = CHECK.run(Table.of(TextColumn.of("c", repeated("a", 15, "b", 25, "c", 12, "d", 3))),
                    context);
            assertThat(fromText.measured()).isCloseTo(0.03613862458877324, within(1e-12));
        }

        @Test
        void missingValuesAreLeftOut() {
            String[] values = repeated("a", 15, "b", 25, "c", 12, "d", 3, null, 4);
            CheckResult result = CHECK.run(categorical(values), reference(repeated("a", 30, "b", 20, "c", 10, null, 2)));
            assertThat(result.measured()).isCloseTo(0.03613862458877324, within(1e-12));
            assertThat(result.message()).contains("left out: 4 missing current and 2 missing reference values");
        }

        @Test
        void oneCategoryOnBothSidesIsNoDifference() {
            CheckResult result = CHECK.run(categorical("a", "a"), reference("a", "a", "a"));
            assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(result.measured()).isEqualTo(1.0);
            assertThat(result.statistic()).isZero();
        }

        @Test
        void aSketchedReferenceIsRefused() {
            DatasetProfile sketched = DatasetProfile.of(categorical(repeated("a", 3, "b", 3, "c", 3, "d", 3, "e", 3)),
                    ProfileOptions.defaults().withExactDistinctLimit(3));
            CheckResult result = CHECK.run(categorical("a", "b"), CheckContext.defaults().withReference(sketched));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.measured()).isNaN();
            assertThat(result.message()).contains("more than 3 distinct values", "a chi-square test needs exact counts",
                    "psi");
        }
    }

    @Nested
    class NoDataAndCannotRun {
        @Test
        void noPresentValueOnEitherSide() {
            assertThat(CHECK.run(categorical(null, null), reference("a", "b")).verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(CHECK.run(categorical("a"), reference(null, null)).verdict()).isEqualTo(Verdict.NO_DATA);
            assertThat(CHECK.run(categorical(), reference("a")).message())
                    .contains("0 present current and 1 present reference values");
        }

        @Test
        void aNumericColumnFailsOnEitherSide() {
            CheckResult numericTable = CHECK.run(Table.of(NumericColumn.of("c", 1, 2)), reference("a", "b"));
            assertThat(numericTable.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(numericTable.message()).contains("column 'c' (1) of the table is NUMERIC",
                    "CATEGORICAL, TEXT or BOOLEAN");
            CheckResult numericReference = CHECK.run(categorical("a", "b"), CheckContext.defaults().withReference(
                    DatasetProfile.of(Table.of(NumericColumn.of("c", 1, 2)))));
            assertThat(numericReference.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(numericReference.message()).contains("in the reference profile it is NUMERIC");
        }

        @Test
        void aMissingColumnFails() {
            CheckResult result = Checks.chiSquare("d").run(categorical("a"), reference("a"));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(result.message()).contains("no column 'd' in the table");
        }
    }

    @Nested
    class Settings {
        @ParameterizedTest
        @ValueSource(doubles = {0.0, 1.0, 2.0, Double.NaN})
        void alphaMustBeInTheOpenUnitInterval(double alpha) {
            assertThatThrownBy(() -> CHECK.withAlpha(alpha)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alpha must be in (0, 1) but was " + alpha);
        }

        @Test
        void namesAndDefaults() {
            assertThat(CHECK.name()).isEqualTo("chi-square(c)");
            assertThat(CHECK.type()).isEqualTo("chi-square");
            assertThat(CHECK.alpha()).isEqualTo(0.01);
            assertThat(CHECK.severity()).isEqualTo(Severity.ERROR);
            assertThat(CHECK.needsReference()).isTrue();
        }

        @Test
        void jsonRoundTrip() {
            ChiSquareCheck check = CHECK.withAlpha(0.02).withSeverity(Severity.WARNING);
            String json = CheckSuite.builder("s").add(check).build().toJson();
            assertThat(json).contains("\"type\": \"chi-square\"", "\"alpha\": 0.02");
            assertThat(CheckSuite.fromJson(json).checks()).containsExactly(check);
            assertThat(CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 1, \"name\": \"s\","
                    + " \"checks\": [{\"type\": \"chi-square\", \"column\": \"c\"}]}").checks()).containsExactly(CHECK);
        }

        @Test
        void anUnknownTypeListsTheDistributionChecks() {
            assertThatThrownBy(() -> CheckSuite.fromJson("{\"kind\": \"check-suite\", \"formatVersion\": 1,"
                    + " \"name\": \"s\", \"checks\": [{\"type\": \"chi2\", \"column\": \"c\"}]}"))
                    .isInstanceOf(MlopsException.class)
                    .hasMessageContaining("chi-square, completeness, ks, mean-shift");
        }
    }

    @Nested
    class Sweep {
        private static final double[] SHARES = {0.5, 0.3, 0.15, 0.05};
        private static final double[] SHIFTED = {0.25, 0.25, 0.25, 0.25};

        static List<Case> cases() {
            return DistributionSamples.cases(0xC41_5EEDL, 100, 400, 200, 800);
        }

        @Test
        void aSampleFromTheReferenceDistributionPassesAtAlpha0001MostOfTheTime() {
            List<Case> failed = new ArrayList<>();
            for (Case c : cases()) {
                SplittableRandom random = new SplittableRandom(c.seed());
                CheckContext context = reference(draw(random, c.reference(), SHARES));
                if (!CHECK.withAlpha(0.001).run(categorical(draw(random, c.current(), SHARES)), context).passed()) {
                    failed.add(c);
                }
            }
            assertThat(failed).as("cases that failed").hasSizeLessThanOrEqualTo(2);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void aShiftedSampleFails(Case c) {
            SplittableRandom random = new SplittableRandom(c.seed());
            CheckContext context = reference(draw(random, c.reference(), SHARES));
            CheckResult result = CHECK.withAlpha(0.001).run(categorical(draw(random, c.current(), SHIFTED)), context);
            assertThat(result.verdict()).as("%s: %s", c, result.message()).isEqualTo(Verdict.FAILED);
        }
    }
}
