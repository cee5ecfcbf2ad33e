package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Table;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RandomSplitterTest {

    static Stream<Arguments> cases() {
        return SplitCases.cases("random");
    }

    @Nested
    class Properties {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.mlops.data.split.RandomSplitterTest#cases")
        void everySetIsWithinOneRowOfItsShareAndNoneIsEmpty(SplitCases.Case c) {
            Table table = SplitCases.table(c);
            Split split;
            try {
                split = Splitters.random(c.sets(), c.seed()).split(table);
            } catch (SplitException refused) {
                assertThat(refused.getMessage()).as(c.toString()).containsAnyOf("empty", "at least one row per set");
                return;
            }
            int total = 0;
            for (int s = 0; s < c.sets().size(); s++) {
                String set = c.sets().names().get(s);
                double exact = c.rows() * c.sets().fractions().get(s);
                assertThat((double) split.size(set)).as("%s: set %s", c, set).isBetween(exact - 1 - 1e-9, exact + 1 + 1e-9)
                        .isPositive();
                total += split.size(set);
            }
            assertThat(total).as(c.toString()).isEqualTo(c.rows());
            assertThat(split.report().held()).containsExactly(Guarantee.SET_SIZES_WITHIN_ONE_ROW);
            assertThat(split.seed()).hasValue(c.seed());
        }
    }

    @Test
    void fewerRowsThanSetsAreRefused() {
        Table table = Table.builder().numeric("x", 1, 2).build();

        assertThatThrownBy(() -> Splitters.random(SplitSets.trainValidationTest(0.6, 0.2, 0.2), 1).split(table))
                .isInstanceOf(SplitException.class).hasMessageContaining("3 rows").hasMessageContaining("has 2");
    }

    @Test
    void oneRowGoesToTheOnlySet() {
        SplitSets all = SplitSets.builder().add("all", 1.0).build();

        Split split = Splitters.random(all, 1).split(Table.builder().numeric("x", 1).build());

        assertThat(split.rows("all")).containsExactly(0);
    }

    @Test
    void setsThatFloorToZeroGetTheSpareRowsFirst() {
        SplitSets sets = SplitSets.builder().add("big", 0.6).add("small1", 0.2).add("small2", 0.2).build();
        Table three = Table.builder().numeric("x", 1, 2, 3).build();

        Split split = Splitters.random(sets, 9).split(three);

        assertThat(split.size("big")).isEqualTo(1);
        assertThat(split.size("small1")).isEqualTo(1);
        assertThat(split.size("small2")).isEqualTo(1);
    }

    @Test
    void theGuidePolicyPicksTheSetsByTheRowCount() {
        Table table = Table.builder().numeric("x", new double[100]).build();

        Split split = Splitters.random(SizePolicy.guide(), 3).split(table);

        assertThat(split.sets()).isEqualTo(SplitSets.trainValidationTest(0.7, 0.15, 0.15));
        assertThat(split.size("train")).isEqualTo(70);
        assertThat(split.size("validation")).isEqualTo(15);
        assertThat(split.size("test")).isEqualTo(15);
    }
}
