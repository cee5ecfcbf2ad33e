package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import org.junit.jupiter.api.Test;

/** {@link RangeCheck}: pass, fail, shares, missing values, no data and bad settings. */
class RangeCheckTest {
    @Test
    void failsOnValuesOutsideAndOnNaN() {
        CheckResult result = Checks.range("age", 18, 100).run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.failingRows()).isEqualTo(3);
        assertThat(result.sample()).containsExactly(new FailingRow(1, "17"), new FailingRow(2, "NaN"),
                new FailingRow(4, "-2"));
        assertThat(result.measured()).isEqualTo(0.5);
    }

    @Test
    void mostlyToleratesAShareOfFailures() {
        assertThat(Checks.range("age", 18, 100).withMostly(0.5).run(PEOPLE, CONTEXT).passed()).isTrue();
        assertThat(Checks.range("age", 18, 100).withMostly(0.51).run(PEOPLE, CONTEXT).passed()).isFalse();
    }

    @Test
    void boundsAreInclusiveAndMissingValuesAreNotJudged() {
        Table table = Table.builder().numeric("x", 0, 1, 2).build();
        Table withMissing = Table.of(dev.mlops.core.table.NumericColumn.builder("x").add(0).addMissing().add(2)
                .build());
        assertThat(Checks.range("x", 0, 2).run(table, CONTEXT).passed()).isTrue();
        CheckResult result = Checks.range("x", 0, 2).run(withMissing, CONTEXT);
        assertThat(result.passed()).isTrue();
        assertThat(result.message()).contains("2 of 2 rows pass");
    }

    @Test
    void infinitiesAreComparedAsNumbers() {
        Table table = Table.builder().numeric("x", 1, Double.POSITIVE_INFINITY).build();
        assertThat(Checks.nonNegative("x").run(table, CONTEXT).passed()).isTrue();
        assertThat(Checks.range("x", 0, 1e300).run(table, CONTEXT).failingRows()).isEqualTo(1);
    }

    @Test
    void anAllMissingColumnIsNoData() {
        Table table = Table.of(dev.mlops.core.table.NumericColumn.builder("x").addMissing().addMissing().build());
        CheckResult result = Checks.range("x", 0, 1).run(table, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(result.message()).contains("none of the 2 rows has a value to judge");
    }

    @Test
    void aColumnOfTheWrongTypeFailsNamingItsType() {
        CheckResult result = Checks.range("city", 0, 1).run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.message()).contains("column 'city' (2) is CATEGORICAL but range needs NUMERIC");
    }

    @Test
    void badBoundsAreRefused() {
        assertThatThrownBy(() -> Checks.range("x", 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("range of column 'x' needs min <= max, neither NaN, but was [2.0, 1.0]");
        assertThatThrownBy(() -> Checks.range("x", Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checks.range("x", 0, 1).withMostly(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mostly must be a share in [0, 1] but was -0.1");
    }
}
