package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckSuggesterTest {
    private static final Path CREDIT = Path.of(System.getProperty("mlops.data.dir"), "credit-g.csv");

    @Nested
    class OnCreditG {
        private final Table credit = CsvFormat.defaults().read(CREDIT);
        private final SuggestedSuite suggested = CheckSuggester.defaults().suggest(DatasetProfile.of(credit), "credit-g");

        @Test
        void proposesSchemaCompletenessRangesAndDomains() {
            List<String> names = suggested.suite().checks().stream().map(Check::name).toList();
            // 1 schema + 21 completeness + 7 numeric ranges + 14 categorical domains
            assertThat(names).hasSize(1 + 21 + 7 + 14).doesNotHaveDuplicates();
            assertThat(names).startsWith("schema").contains("completeness(age)", "range(age)",
                    "allowed-values(class)", "allowed-values(foreign_worker)");
            assertThat(suggested.suggestions()).allSatisfy(s -> assertThat(s.rationale()).isNotBlank());
        }

        @Test
        void theClassDomainIsExactlyTheBaselineLevels() {
            AllowedValuesCheck domain = (AllowedValuesCheck) suggested.suite().checks().stream()
                    .filter(c -> c.name().equals("allowed-values(class)")).findFirst().orElseThrow();
            assertThat(domain.values()).containsExactly("bad", "good");
            assertThat(domain.unseenShare()).isZero();
            assertThat(domain.severity()).isEqualTo(Severity.ERROR);
        }

        @Test
        void aColumnWithoutNegativesMustStayNonNegative() {
            RangeCheck age = (RangeCheck) suggested.suite().checks().stream().filter(c -> c.name().equals("range(age)"))
                    .findFirst().orElseThrow();
            // credit-g ages run from 19 to 75 (pandas: df.age.min(), df.age.max())
            assertThat(age).isEqualTo(new RangeCheck("age", 0, Double.POSITIVE_INFINITY, 1.0, Severity.ERROR));
            assertThat(suggested.suggestions()).filteredOn(s -> s.check().equals(age)).singleElement()
                    .extracting(Suggestion::rationale).isEqualTo("no negative value; the smallest is 19");
        }

        @Test
        void theSuiteRerunsUnchangedFromItsJsonAndPassesOnTheBaseline() {
            String json = suggested.suite().toJson();
            CheckSuite reread = CheckSuite.fromJson(json);
            assertThat(reread.toJson()).isEqualTo(json);
            CheckReport report = reread.run(credit);
            assertThat(report.passed()).as(report.toText()).isTrue();
            assertThat(report.warnings()).isEmpty();
        }

        @Test
        void theTextListsEveryCheckWithItsRationale() {
            assertThat(suggested.toText()).startsWith("suggested suite 'credit-g': 43 checks\n")
                    .contains("allowed-values(class)", "2 distinct values in 1000 present rows");
        }
    }

    @Nested
    class WithReferenceChecks {
        private final Table credit = CsvFormat.defaults().read(CREDIT);
        private final DatasetProfile baseline = DatasetProfile.of(credit);
        private final SuggestedSuite suggested = CheckSuggester.defaults().withReferenceChecks(true)
                .suggest(baseline, "credit-g");

        @Test
        void holdsOnePsiPerNumericAndOneChiSquarePerCategoricalWithADomainAtWarningSeverity() {
            List<Check> checks = suggested.suite().checks();
            // 43 as without them, + 7 psi (numeric) + 14 chi-square (each categorical has a domain)
            assertThat(checks).hasSize(43 + 7 + 14);
            assertThat(checks).filteredOn(PsiCheck.class::isInstance).hasSize(7)
                    .contains(Checks.psi("age").withSeverity(Severity.WARNING));
            assertThat(checks).filteredOn(ChiSquareCheck.class::isInstance).hasSize(14)
                    .contains(Checks.chiSquare("class").withSeverity(Severity.WARNING));
            assertThat(checks).filteredOn(Check::needsReference)
                    .allSatisfy(check -> assertThat(check.severity()).isEqualTo(Severity.WARNING));
            assertThat(suggested.suite().needsReference()).isTrue();
            assertThat(CheckSuggester.defaults().referenceChecks()).isFalse();
            assertThat(CheckSuggester.defaults().suggest(baseline, "credit-g").suite().needsReference()).isFalse();
        }

        @Test
        void theTextListsEachWithItsRationale() {
            assertThat(suggested.toText())
                    .contains("psi(age)", "population stability index against the baseline at most 0.25")
                    .contains("chi-square(class)", "category shares as the baseline's");
        }

        @Test
        void passesAgainstItsOwnBaseline() {
            CheckReport report = CheckSuite.fromJson(suggested.suite().toJson()).run(credit, baseline);
            assertThat(report.passed()).as(report.toText()).isTrue();
            assertThat(report.warnings()).as(report.toText()).isEmpty();
        }

        @Test
        void warnsOnAShiftedBatch() {
            NumericColumn age = credit.numericColumn("age");
            double[] older = new double[age.size()];
            for (int row = 0; row < older.length; row++) {
                older[row] = age.get(row) + 20;
            }
            List<dev.mlops.core.table.Column> columns = credit.columns().stream()
                    .map(c -> c.name().equals("age") ? NumericColumn.of("age", older) : c).toList();
            CheckReport report = suggested.suite().run(Table.of(columns), baseline);
            // warnings do not fail a report; only psi(age) sees the shift (ages 39 to 95 pass range(age) >= 0)
            assertThat(report.passed()).as(report.toText()).isTrue();
            assertThat(report.warnings()).extracting(CheckResult::check).containsExactly("psi(age)");
        }
    }

    @Test
    void aColumnWithMissingValuesGetsAWarningAtTheIntervalsLowerEnd() {
        String[] values = new String[400];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10 == 0 ? null : "v" + (i % 3);
        }
        Table table = Table.builder().categorical("c", values).build();
        SuggestedSuite suggested = CheckSuggester.defaults().suggest(DatasetProfile.of(table), "t");
        CompletenessCheck completeness = (CompletenessCheck) suggested.suite().checks().get(1);
        // p = 0.9, n = 400: 0.9 - 1.96 * sqrt(0.9 * 0.1 / 400) = 0.8706 -> 0.87
        assertThat(completeness.min()).isEqualTo(0.87);
        assertThat(completeness.severity()).isEqualTo(Severity.WARNING);
        assertThat(suggested.suite().run(table).passed()).isTrue();
    }

    @Test
    void aColumnOfDistinctValuesIsSuggestedUniqueAndItsDuplicateFails() {
        Table table = Table.builder().categorical("id", "a", "b", "c", "d").build();
        SuggestedSuite suggested = CheckSuggester.defaults().suggest(DatasetProfile.of(table), "t");
        assertThat(suggested.suite().checks()).extracting(Check::name).contains("uniqueness(id)")
                .doesNotContain("allowed-values(id)");
        Table changed = Table.builder().categorical("id", "a", "b", "a", "d").build();
        CheckReport report = suggested.suite().run(changed);
        assertThat(report.result("uniqueness(id)").failingRows()).isEqualTo(2);
    }

    @Test
    void aColumnWithNegativesGetsTheBaselineRangeAsAWarning() {
        Table table = Table.builder().numeric("x", -3, 0, 7.5).build();
        SuggestedSuite suggested = CheckSuggester.defaults().suggest(DatasetProfile.of(table), "t");
        assertThat(suggested.suite().checks()).contains(new RangeCheck("x", -3, 7.5, 1.0, Severity.WARNING));
        assertThat(suggested.suite().run(table).warnings()).isEmpty();
    }

    @Test
    void nanAndInfinitiesInTheBaselineLowerTheShareThatMustPass() {
        // 5 present values of which 3 are finite: 0.6 must pass; the suite passes on its own baseline
        Table table = Table.of(NumericColumn.builder("x").add(1).add(2).add(Double.NaN).add(3)
                .add(Double.POSITIVE_INFINITY).addMissing().build());
        SuggestedSuite suggested = CheckSuggester.defaults().suggest(DatasetProfile.of(table), "t");
        assertThat(suggested.suite().checks()).contains(new RangeCheck("x", 0, Double.POSITIVE_INFINITY, 0.6,
                Severity.ERROR));
        assertThat(suggested.suggestions().get(2).rationale())
                .endsWith("; 2 NaN or infinite of 5 present values, so at least 0.6 must pass");
        CheckReport report = suggested.suite().run(table);
        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void aShareThatIsNotARoundNumberIsRoundedDown() {
        double[] values = new double[7];
        values[0] = Double.NEGATIVE_INFINITY;
        Table table = Table.builder().numeric("x", values).build();
        RangeCheck range = (RangeCheck) CheckSuggester.defaults().suggest(DatasetProfile.of(table), "t").suite()
                .checks().get(2);
        // 6/7 = 0.857142... -> 0.8571
        assertThat(range.mostly()).isEqualTo(0.8571);
    }

    @Test
    void aColumnOverTheCategoryLimitGetsNoDomain() {
        Table table = Table.builder().categorical("c", "a", "b", "c", "a").build();
        SuggestedSuite suggested = CheckSuggester.defaults().withMaxCategories(2).suggest(DatasetProfile.of(table), "t");
        assertThat(suggested.suite().checks()).extracting(Check::name).doesNotContain("allowed-values(c)");
    }

    @Test
    void aSketchedColumnGetsNoDomain() {
        Table table = Table.builder().categorical("c", "a", "b", "c", "a").build();
        DatasetProfile sketched = DatasetProfile.of(table, ProfileOptions.defaults().withExactDistinctLimit(0));
        assertThat(CheckSuggester.defaults().suggest(sketched, "t").suite().checks()).extracting(Check::name)
                .containsExactly("schema", "completeness(c)");
    }

    @Test
    void anEmptyBaselineGetsTheSchemaOnly() {
        Table empty = Table.builder().numeric("x").categorical("c").build();
        SuggestedSuite suggested = CheckSuggester.defaults().suggest(DatasetProfile.of(empty), "t");
        assertThat(suggested.suite().checks()).extracting(Check::name).containsExactly("schema");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> CheckSuggester.defaults().withMaxCategories(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCategories must be at least 1 but was 0");
        assertThatThrownBy(() -> CheckSuggester.defaults().suggest(DatasetProfile.of(Table.of()), "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without columns");
    }
}
