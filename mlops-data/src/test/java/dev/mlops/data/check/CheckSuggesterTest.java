package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
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
            // 1 schema + 21 completeness + 7 numeric × (non-negative + range) + 14 categorical domains
            assertThat(names).hasSize(1 + 21 + 14 + 14);
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
        void theAgeRangeIsTheBaselinesAndOnlyWarns() {
            List<RangeCheck> ranges = suggested.suite().checks().stream().filter(c -> c.name().equals("range(age)"))
                    .map(RangeCheck.class::cast).toList();
            assertThat(ranges).hasSize(2);
            assertThat(ranges.get(0).min()).isZero();
            assertThat(ranges.get(0).max()).isInfinite();
            assertThat(ranges.get(0).severity()).isEqualTo(Severity.ERROR);
            // credit-g ages run from 19 to 75 (pandas: df.age.min(), df.age.max())
            assertThat(ranges.get(1).min()).isEqualTo(19);
            assertThat(ranges.get(1).max()).isEqualTo(75);
            assertThat(ranges.get(1).severity()).isEqualTo(Severity.WARNING);
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
            assertThat(suggested.toText()).startsWith("suggested suite 'credit-g': 50 checks\n")
                    .contains("allowed-values(class)", "2 distinct values in 1000 present rows");
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
