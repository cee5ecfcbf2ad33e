package dev.mlops.data.check;

import static dev.mlops.data.check.CheckFixtures.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import org.junit.jupiter.api.Test;

/** {@link UniquenessCheck}: pass, fail, shares, missing values, no data and bad settings. */
class UniquenessCheckTest {
    private final Table orders = Table.builder()
            .categorical("id", "a", "b", "a", null, "c", null)
            .numeric("line", 1, 1, 2, 1, 1, 1)
            .build();

    @Test
    void everyRowOfARepeatedKeyFailsAndMissingKeysAreNotJudged() {
        CheckResult result = Checks.unique("id").run(orders, CONTEXT);
        assertThat(result.failingRows()).isEqualTo(2);
        assertThat(result.sample()).containsExactly(new FailingRow(0, "a (2 rows)"), new FailingRow(2, "a (2 rows)"));
        assertThat(result.measured()).isEqualTo(0.5);
    }

    @Test
    void aPrimaryKeyAlsoFailsMissingKeys() {
        CheckResult result = Checks.primaryKey("id").run(orders, CONTEXT);
        assertThat(result.check()).isEqualTo("primary-key(id)");
        assertThat(result.failingRows()).isEqualTo(4);
        assertThat(result.sample()).extracting(FailingRow::value).contains("<missing>");
    }

    @Test
    void aCompoundKeyIsUniqueWhenItsCombinationsAre() {
        CheckResult result = Checks.unique("id", "line").run(orders, CONTEXT);
        assertThat(result.passed()).isTrue();
        assertThat(Checks.unique("line").run(orders, CONTEXT).failingRows()).isEqualTo(5);
    }

    @Test
    void nanEqualsNaN() {
        Table table = Table.builder().numeric("x", Double.NaN, 1, Double.NaN).build();
        assertThat(Checks.unique("x").run(table, CONTEXT).failingRows()).isEqualTo(2);
    }

    @Test
    void repeatedColumnsAreRefused() {
        assertThatThrownBy(() -> Checks.unique("a", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("columns must not repeat but were [a, a]");
    }
}
