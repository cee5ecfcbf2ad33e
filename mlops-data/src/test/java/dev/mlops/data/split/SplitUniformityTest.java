package dev.mlops.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Over many seeds, every row is equally likely to land in each set: the sequential sampling that
 * the random and stratified splitters use has no bias by row position. The seeds are fixed, so
 * the counts are the same in every run; the bounds are four standard deviations wide.
 */
class SplitUniformityTest {
    private static final int SEEDS = 2_000;
    private static final SplitSets SETS = SplitSets.trainValidationTest(0.7, 0.2, 0.1);

    private static void assertUniform(int[][] counts, String what) {
        for (int s = 0; s < SETS.size(); s++) {
            double p = SETS.fractions().get(s);
            double expected = SEEDS * p;
            double band = 4 * Math.sqrt(SEEDS * p * (1 - p));
            for (int row = 0; row < counts.length; row++) {
                assertThat((double) counts[row][s]).as("%s: row %s in set %s over %s seeds", what, row,
                        SETS.names().get(s), SEEDS).isBetween(expected - band, expected + band);
            }
        }
    }

    @Test
    void randomSplitsFavourNoRow() {
        Table table = Table.builder().numeric("x", new double[10]).build();
        int[][] counts = new int[10][SETS.size()];
        for (long seed = 0; seed < SEEDS; seed++) {
            Split split = Splitters.random(SETS, seed).split(table);
            for (int s = 0; s < SETS.size(); s++) {
                for (int row : split.rows(SETS.names().get(s))) {
                    counts[row][s]++;
                }
            }
        }
        assertUniform(counts, "random");
    }

    @Test
    void stratifiedSplitsFavourNoRowWithinAClass() {
        String[] labels = new String[20];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2 == 0 ? "even" : "odd";
        }
        Table table = Table.builder().categorical("label", labels).build();
        int[][] counts = new int[20][SETS.size()];
        for (long seed = 0; seed < SEEDS; seed++) {
            Split split = Splitters.stratified(SETS, "label", seed).split(table);
            for (int s = 0; s < SETS.size(); s++) {
                for (int row : split.rows(SETS.names().get(s))) {
                    counts[row][s]++;
                }
            }
        }
        assertUniform(counts, "stratified");
    }
}
