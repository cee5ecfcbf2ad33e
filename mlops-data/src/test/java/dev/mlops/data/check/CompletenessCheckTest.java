package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link CompletenessCheck}: pass, fail, shares, missing values, no data and bad settings. */
class CompletenessCheckTest {
    @Test
    void passesOnAColumnWithoutMissingValues() {
        CheckResult result = Checks.complete("age").run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.measured()).isEqualTo(1.0);
        assertThat(result.failingRows()).isZero();
        assertThat(result.check()).isEqualTo("completeness(age)");
        assertThat(result.columns()).containsExactly("age");
    }

    @Test
    void failsOnAMissingValueAndNamesItsRow() {
        CheckResult result = Checks.complete("city").run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.measured()).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(result.failingRows()).isEqualTo(1);
        assertThat(result.sample()).containsExactly(new FailingRow(2, "<missing>"));
        assertThat(result.message()).isEqualTo(
                "completeness(city): 5 of 6 rows pass (83.33%), 1 fail; needs a share >= 1");
    }

    @Test
    void aLowerShareLetsItPass() {
        assertThat(Checks.completeness("city").atLeast(0.8).run(PEOPLE, CONTEXT).passed()).isTrue();
        assertThat(Checks.completeness("city").atLeast(0.84).run(PEOPLE, CONTEXT).passed()).isFalse();
    }

    @Test
    void nanIsAValueNotMissing() {
        assertThat(Checks.complete("age").run(PEOPLE, CONTEXT).passed()).isTrue();
    }

    @Test
    void anEmptyTableIsNoDataNotAPass() {
        CheckResult result = Checks.complete("age").run(PEOPLE.head(0), CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(result.measured()).isNaN();
        assertThat(result.message()).contains("no data: the table has no rows");
        assertThat(result.isError()).isTrue();
    }

    @Test
    void aMissingColumnFailsAndListsTheColumns() {
        CheckResult result = Checks.complete("income").run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.message()).startsWith("completeness(income): ").contains("income", "age, city, email");
    }

    @Test
    void badSharesAreRefused() {
        assertThatThrownBy(() -> Checks.completeness("age").atLeast(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min must be a share in [0, 1] but was 1.5");
        assertThatThrownBy(() -> Checks.complete(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column must not be blank but was ' '");
    }
}
