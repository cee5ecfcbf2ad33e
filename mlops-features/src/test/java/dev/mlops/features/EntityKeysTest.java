package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.TextColumn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntityKeysTest {
    private static final double LIMIT = 9007199254740992.0;

    @Nested
    class Doubles {
        @Test
        void anIntegerWithinTwoToThe53IsItsIntegerText() {
            assertThat(EntityKeys.of(17.0)).isEqualTo("17");
            assertThat(EntityKeys.of(-17.0)).isEqualTo("-17");
            assertThat(EntityKeys.of(LIMIT)).isEqualTo("9007199254740992");
            assertThat(EntityKeys.of(-LIMIT)).isEqualTo("-9007199254740992");
            assertThat(EntityKeys.of(-0.0)).isEqualTo("0");
            assertThat(EntityKeys.of(0.0)).isEqualTo("0");
        }

        @Test
        void theNextDoubleBeyondTwoToThe53IsRefusedBothWays() {
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(LIMIT + 2))
                    .withMessage("entity key 9.007199254740994E15 is beyond ±2^53 (9007199254740992), where numbers "
                            + "stop being exact; an id that large must be a CATEGORICAL or TEXT key");
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(-LIMIT - 2))
                    .withMessageStartingWith("entity key -9.007199254740994E15 is beyond ±2^53");
        }

        @Test
        void aFractionNaNOrInfinityIsNotAnInteger() {
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(1.5))
                    .withMessage("entity key 1.5 is not an integer; a numeric key must be an integer within ±2^53");
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(Double.NaN))
                    .withMessageStartingWith("entity key NaN is not an integer");
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(Double.POSITIVE_INFINITY))
                    .withMessageStartingWith("entity key Infinity is not an integer");
        }
    }

    @Nested
    class Longs {
        @Test
        void aLongWithinTwoToThe53IsItsText() {
            assertThat(EntityKeys.of(42L)).isEqualTo("42");
            assertThat(EntityKeys.of(EntityKeys.MAX_MAGNITUDE)).isEqualTo("9007199254740992");
            assertThat(EntityKeys.of(-EntityKeys.MAX_MAGNITUDE)).isEqualTo("-9007199254740992");
        }

        @Test
        void aLongBeyondTwoToThe53IsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(EntityKeys.MAX_MAGNITUDE + 1))
                    .withMessageStartingWith("entity key 9007199254740993 is beyond ±2^53 (9007199254740992)");
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(-EntityKeys.MAX_MAGNITUDE - 1))
                    .withMessageStartingWith("entity key -9007199254740993 is beyond ±2^53");
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(Long.MAX_VALUE))
                    .withMessageStartingWith("entity key 9223372036854775807 is beyond");
        }
    }

    @Nested
    class Cells {
        @Test
        void aNumericCellFollowsTheDoubleRuleAndAStringCellIsItsText() {
            assertThat(EntityKeys.of(NumericColumn.of("id", 3.0, 1.5), 0)).isEqualTo("3");
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(NumericColumn.of("id", 3.0, 1.5), 1))
                    .withMessageStartingWith("entity key 1.5 is not an integer");
            assertThat(EntityKeys.of(CategoricalColumn.of("id", "c1", "c2"), 1)).isEqualTo("c2");
            assertThat(EntityKeys.of(TextColumn.of("id", "t1"), 0)).isEqualTo("t1");
        }

        @Test
        void aMissingCellOrAnotherTypeIsRefusedNamingColumnAndRow() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> EntityKeys.of(CategoricalColumn.of("id", "c1", null), 1))
                    .withMessage("entity key in row 1 of column 'id' is missing");
            assertThatIllegalArgumentException().isThrownBy(() -> EntityKeys.of(BooleanColumn.of("flag", true), 0))
                    .withMessage("entity key column 'flag' is BOOLEAN; expected CATEGORICAL, TEXT or integral NUMERIC "
                            + "keys");
        }
    }
}
