package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SplitSetsTest {

    @Nested
    class Validation {

        @Test
        void namesMustBeUniqueAndNotBlank() {
            assertThatThrownBy(() -> SplitSets.builder().add("train", 0.5).add("train", 0.5).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'train' appears twice");
            assertThatThrownBy(() -> SplitSets.builder().add("train", 0.5).add(" ", 0.5).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set name 2").hasMessageContaining("' '");
        }

        @Test
        void fractionsMustBePositiveAndFinite() {
            assertThatThrownBy(() -> SplitSets.trainTest(1.0, 0.0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'test'").hasMessageContaining("0.0");
            assertThatThrownBy(() -> SplitSets.trainTest(Double.NaN, 1.0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        }

        @Test
        void aNegativeShareInTheTextFormIsCalledNegative() {
            assertThatThrownBy(() -> SplitSets.parse("train=-0.1,test=1.1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the share in 'train=-0.1' is negative; each set's share must be positive, such as "
                            + "train=0.7,validation=0.15,test=0.15");
        }

        @Test
        void fractionsMustSumToOneWithinTolerance() {
            assertThatThrownBy(() -> SplitSets.trainValidationTest(0.7, 0.2, 0.2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1").hasMessageContaining("[0.7, 0.2, 0.2]");
            assertThat(SplitSets.trainValidationTest(0.7, 0.15, 0.15).fractions()).containsExactly(0.7, 0.15, 0.15);
        }

        @Test
        void thereMustBeAtLeastOneSetAndAsManyFractionsAsNames() {
            assertThatThrownBy(() -> new SplitSets(List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one set");
            assertThatThrownBy(() -> new SplitSets(List.of("a", "b"), List.of(1.0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 1");
        }
    }

    @Test
    void keepsOrderAndFindsSetsByName() {
        SplitSets sets = SplitSets.builder().add("z", 0.5).add("a", 0.25).add("m", 0.25).build();

        assertThat(sets.names()).containsExactly("z", "a", "m");
        assertThat(sets.indexOf("m")).isEqualTo(2);
        assertThat(sets).hasToString("z 0.5, a 0.25, m 0.25");
        assertThatThrownBy(() -> sets.indexOf("test")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'test'").hasMessageContaining("[z, a, m]");
    }

    @Nested
    class Policies {

        @Test
        void theGuideUses701515BelowAMillionRowsAnd9055FromThere() {
            SizePolicy guide = SizePolicy.guide();

            assertThat(guide.setsFor(0)).isEqualTo(SplitSets.trainValidationTest(0.7, 0.15, 0.15));
            assertThat(guide.setsFor(999_999)).isEqualTo(SplitSets.trainValidationTest(0.7, 0.15, 0.15));
            assertThat(guide.setsFor(1_000_000)).isEqualTo(SplitSets.trainValidationTest(0.9, 0.05, 0.05));
        }

        @Test
        void aThresholdPolicyIsOverridableAndValidated() {
            SizePolicy policy = SizePolicy.byRowCount(100, SplitSets.trainTest(0.5, 0.5), SplitSets.trainTest(0.9, 0.1));

            assertThat(policy.setsFor(99)).isEqualTo(SplitSets.trainTest(0.5, 0.5));
            assertThat(policy.setsFor(100)).isEqualTo(SplitSets.trainTest(0.9, 0.1));
            assertThatThrownBy(() -> SizePolicy.byRowCount(0, SplitSets.trainTest(0.5, 0.5), SplitSets.trainTest(0.5, 0.5)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold").hasMessageContaining("0");
        }

        @Test
        void fixedSetsAreTheirOwnPolicy() {
            SplitSets sets = SplitSets.trainTest(0.8, 0.2);

            assertThat(sets.setsFor(5)).isSameAs(sets);
            assertThat(sets.setsFor(50_000_000)).isSameAs(sets);
        }
    }

    @Nested
    class Sizes {

        @Test
        void equalTheCountsTheRandomSplitterCutsForEveryN() {
            SplitSets sets = SplitSets.parse("a=0.57,b=0.25,c=0.18");
            for (int n = 0; n <= 60; n++) {
                long[] sizes = sets.sizes(n);
                int[] counts = SplitSupport.allocate(n, sets.fractionArray());
                for (int s = 0; s < counts.length; s++) {
                    assertThat(sizes[s]).as("n=%d set %d", n, s).isEqualTo(counts[s]);
                }
            }
            assertThat(sets.sizes(10)).containsExactly(6, 2, 2);
        }

        @Test
        void beyondAnIntEachSetIsWithinOneOfItsShareAndTheyAddUp() {
            SplitSets sets = SplitSets.trainValidationTest(0.7, 0.15, 0.15);
            long n = 10_000_000_007L;

            long[] sizes = sets.sizes(n);

            assertThat(sizes[0] + sizes[1] + sizes[2]).isEqualTo(n);
            assertThat(sizes[0]).isBetween(7_000_000_004L, 7_000_000_005L);
            assertThat(sizes[1]).isBetween(1_500_000_001L, 1_500_000_002L);
            assertThat(sizes[2]).isBetween(1_500_000_001L, 1_500_000_002L);
        }

        @Test
        void aNegativeCountIsRefused() {
            assertThatThrownBy(() -> SplitSets.trainTest(0.5, 0.5).sizes(-1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        }
    }
}
