package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static dev.mlops.data.check.CheckFixtures.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.predicate.PredicateSyntaxException;
import org.junit.jupiter.api.Test;

/** {@link PredicateCheck}: pass, fail, shares, missing values, no data and bad settings. */
class PredicateCheckTest {
    @Test
    void judgesEveryRowAndShowsThePredicatesColumns() {
        CheckResult result = Checks.rows("adult in Europe", "age >= 18 and city != \"Paris\"").run(PEOPLE, CONTEXT);
        assertThat(result.check()).isEqualTo("predicate(adult in Europe)");
        assertThat(result.columns()).containsExactly("age", "city");
        assertThat(result.sample()).extracting(FailingRow::row).containsExactly(1, 2, 4, 5);
        assertThat(result.sample().get(0).value()).isEqualTo("age=17, city=São Paulo");
    }

    @Test
    void anUnknownColumnFails() {
        CheckResult result = Checks.rows("r", "income > 0").run(PEOPLE, CONTEXT);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.message()).contains("income");
    }

    @Test
    void aSyntaxErrorIsThrownWhenTheCheckIsMade() {
        assertThatThrownBy(() -> Checks.rows("r", "age >")).isInstanceOf(PredicateSyntaxException.class);
    }
}
