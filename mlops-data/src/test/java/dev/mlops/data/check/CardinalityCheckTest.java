package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import org.junit.jupiter.api.Test;

/** {@link CardinalityCheck}: distinct present values within bounds. */
class CardinalityCheckTest {

    @Test
    void countsDistinctPresentValues() {
        CheckResult result = Checks.cardinality("city", 2, 4).run(PEOPLE, CONTEXT);
        assertThat(result.passed()).isTrue();
        assertThat(result.measured()).isEqualTo(4);
        assertThat(result.message()).isEqualTo("cardinality(city): column 'city' has 4 distinct values (threshold in [2, 4])");
    }

    @Test
    void failsBelowAndAboveTheBounds() {
        assertThat(Checks.cardinality("city", 5, 10).run(PEOPLE, CONTEXT).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(Checks.cardinality("city", 0, 3).run(PEOPLE, CONTEXT).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void countsOnlyLevelsThatOccur() {
        CategoricalColumn city = PEOPLE.categoricalColumn("city").select(new int[] {0, 4});
        assertThat(Checks.cardinality("city", 1, 1).run(Table.of(city), CONTEXT).passed()).isTrue();
    }

    @Test
    void numbersAndNaNCountAsValues() {
        assertThat(Checks.cardinality("age", 6, 6).run(PEOPLE, CONTEXT).passed()).isTrue();
    }

    @Test
    void noPresentValueIsNoDataAndAMissingColumnFails() {
        Table missing = Table.builder().categorical("c", (String) null).build();
        assertThat(Checks.cardinality("c", 0, 3).run(missing, CONTEXT).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(Checks.cardinality("c", 0, 3).run(missing.head(0), CONTEXT).message()).contains("the table has no rows");
        CheckResult result = Checks.cardinality("zip", 0, 3).run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.message()).contains("no column 'zip'; the columns are age, city, email");
    }

    @Test
    void badBoundsAreRefused() {
        assertThatThrownBy(() -> Checks.cardinality("c", 3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cardinality of column 'c' needs 0 <= min <= max but was [3, 2]");
        assertThatThrownBy(() -> Checks.cardinality("c", -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
