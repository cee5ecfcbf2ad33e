package dev.mlops.data.split;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.Seed;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.util.EnumSet;
import java.util.SplittableRandom;

/**
 * Draws, with a seed, which rows go to which set, uniformly among the assignments that give each
 * set its largest-remainder count (within one row of its exact share).
 */
final class RandomSplitter extends AbstractComponent<RandomSplitterSettings> implements Splitter {
    static final String NAME = "random";

    private final SizePolicy sizes;
    private final long seed;

    RandomSplitter(RandomSplitterSettings settings) {
        super(NAME, settings);
        this.sizes = settings.sizes();
        this.seed = settings.seed();
    }

    @Override
    public Split split(Table table) {
        int n = table.rowCount();
        SplitSets sets = sizes.setsFor(n);
        SplitSupport.requireRows(n, sets, NAME);
        int[] counts = SplitSupport.allocate(n, sets.fractionArray());
        // Sequential sampling: row by row, a set is drawn with probability (rows it still needs) /
        // (rows still to come), which makes every assignment with these counts equally likely.
        SplittableRandom random = Seed.of(seed).derive("random-split").random();
        int[] left = counts.clone();
        int[] setOfRow = new int[n];
        for (int row = 0; row < n; row++) {
            setOfRow[row] = SplitSupport.takeSeat(left, random.nextInt(n - row));
        }
        int[][] collected = SplitSupport.collect(setOfRow, sets.size());
        int[][] rows = SplitSupport.setsOnly(collected);
        SplitSupport.requireNoEmptySet(rows, sets, NAME, n + " rows cannot give every set a row within one row of its"
                + " share; use fewer sets or larger fractions");
        return Split.trusted(spec(), sets, Fingerprint.of(table), n, rows, new int[0],
                GuaranteeReport.of(EnumSet.of(Guarantee.SET_SIZES_WITHIN_ONE_ROW)));
    }
}
