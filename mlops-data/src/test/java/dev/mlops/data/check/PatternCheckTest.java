package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link PatternCheck}: pass, fail, shares, missing values, no data and bad settings. */
class PatternCheckTest {
    @Test
    void matchesTheWholeValue() {
        CheckResult result = Checks.matches("email", "[a-z]+@[a-z]+\\.[a-z]{2}").run(PEOPLE, CONTEXT);
        assertThat(result.sample()).containsExactly(new FailingRow(2, "c@x"));
        assertThat(result.failingRows()).isEqualTo(1);
        assertThat(Checks.matches("city", "M.*").run(PEOPLE, CONTEXT).failingRows()).isEqualTo(3);
    }

    @Test
    void aBadExpressionIsRefusedWithWhere() {
        assertThatThrownBy(() -> Checks.matches("email", "[a-")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("regex for column 'email' does not compile: ");
    }
}
