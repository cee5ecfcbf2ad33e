package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AllowedValuesCheck}: pass, fail, shares, missing values, no data and bad settings. */
class AllowedValuesCheckTest {
    @Test
    void failsOnUnseenCategoriesAndSkipsMissingOnes() {
        CheckResult result = Checks.allowedValues("city", List.of("München", "Hamburg", "São Paulo"))
                .run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.sample()).containsExactly(new FailingRow(5, "Paris"));
        assertThat(result.measured()).isEqualTo(0.8);
    }

    @Test
    void toleratesAShareOfUnseenValues() {
        AllowedValuesCheck check = Checks.allowedValues("city", List.of("München", "Hamburg", "São Paulo"));
        assertThat(check.toleratingUnseen(0.2).run(PEOPLE, CONTEXT).passed()).isTrue();
        assertThat(check.toleratingUnseen(0.19).run(PEOPLE, CONTEXT).passed()).isFalse();
    }

    @Test
    void anUnseenShareExactlyAtTheTolerancePasses() {
        // 7 of 10 unseen: 1.0 - 0.7 is 0.30000000000000004 in doubles, the share must still pass at 0.7
        Table table = Table.of(CategoricalColumn.of("c", "a", "a", "a", "x", "x", "x", "x", "x",
                "x", "x"));
        AllowedValuesCheck check = Checks.allowedValues("c", List.of("a"));
        assertThat(check.toleratingUnseen(0.7).run(table, CONTEXT).passed()).isTrue();
        assertThat(check.toleratingUnseen(0.69).run(table, CONTEXT).passed()).isFalse();
    }

    @Test
    void comparesOtherTypesByTheirText() {
        Table table = Table.builder().numeric("n", 1, 2, 2.5).bool("b", true, false, true).build();
        assertThat(Checks.allowedValues("n", List.of("1", "2")).run(table, CONTEXT).sample())
                .containsExactly(new FailingRow(2, "2.5"));
        assertThat(Checks.allowedValues("b", List.of("true")).run(table, CONTEXT).failingRows()).isEqualTo(1);
    }

    @Test
    void valuesAreSortedAndAnEmptyListIsRefused() {
        assertThat(Checks.allowedValues("c", List.of("b", "a", "b")).values()).containsExactly("a", "b");
        assertThatThrownBy(() -> Checks.allowedValues("c", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowed values of column 'c' must not be empty");
    }
}
