package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SplitSupportTest {

    static Stream<Arguments> allocations() {
        SplittableRandom random = new SplittableRandom(SplitCases.MASTER_SEED);
        return Stream.generate(() -> Arguments.of(random.nextInt(20_000), SplitCases.randomSets(random))).limit(200);
    }

    @ParameterizedTest(name = "{0} items over {1}")
    @MethodSource("allocations")
    void allocationSumsToNAndKeepsEverySetWithinOneOfItsShare(int n, SplitSets sets) {
        int[] counts = SplitSupport.allocate(n, sets.fractionArray());

        int total = 0;
        int zeroFloors = 0;
        int floors = 0;
        for (int s = 0; s < counts.length; s++) {
            double exact = n * sets.fractions().get(s);
            assertThat((double) counts[s]).as("%s items, set %s", n, sets.names().get(s))
                    .isBetween(exact - 1 + 1e-9, exact + 1 - 1e-9);
            total += counts[s];
            floors += (int) Math.floor(exact);
            zeroFloors += Math.floor(exact) == 0 ? 1 : 0;
        }
        assertThat(total).isEqualTo(n);
        if (n >= counts.length && zeroFloors <= n - floors) {
            assertThat(counts).as("%s items over %s: every set gets one when it can", n, sets).doesNotContain(0);
        }
    }

    @Test
    void theSpareItemsGoToTheLargestRemainders() {
        assertThat(SplitSupport.allocate(10, new double[] {0.57, 0.25, 0.18})).containsExactly(6, 2, 2);
        assertThat(SplitSupport.allocate(0, new double[] {0.5, 0.5})).containsExactly(0, 0);
    }

    @Test
    void collectGivesAscendingRowsPerSetAndTheExcludedLast() {
        int[][] rows = SplitSupport.collect(new int[] {1, 0, SplitSupport.EXCLUDED, 1, 0}, 2);

        assertThat(rows[0]).containsExactly(1, 4);
        assertThat(rows[1]).containsExactly(0, 3);
        assertThat(rows[2]).containsExactly(2);
    }
}
