package dev.mlops.data.split;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalLong;

/** Shuffles the rows with a seed and cuts them by the sets' fractions, each within one row. */
final class RandomSplitter implements Splitter {
    static final String NAME = "random";

    private final SizePolicy sizes;
    private final long seed;

    RandomSplitter(SizePolicy sizes, long seed) {
        this.sizes = sizes;
        this.seed = seed;
    }

    @Override
    public Split split(Table table) {
        int n = table.rowCount();
        SplitSets sets = sizes.setsFor(n);
        SplitSupport.requireRows(n, sets, NAME);
        int[] counts = SplitSupport.allocate(n, sets.fractionArray());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplitSupport.shuffle(order, 0, n, Seed.of(seed).derive("random-split").random());
        int[] setOfRow = new int[n];
        int position = 0;
        for (int s = 0; s < counts.length; s++) {
            for (int end = position + counts[s]; position < end; position++) {
                setOfRow[order[position]] = s;
            }
        }
        int[][] collected = SplitSupport.collect(setOfRow, sets.size());
        int[][] rows = SplitSupport.setsOnly(collected);
        SplitSupport.requireNoEmptySet(rows, sets, NAME, n + " rows cannot give every set a row within one row of its"
                + " share; use fewer sets or larger fractions");
        return Split.trusted(NAME, Map.of(), OptionalLong.of(seed), sets, Fingerprint.of(table), n, rows, new int[0],
                GuaranteeReport.of(EnumSet.of(Guarantee.SET_SIZES_WITHIN_ONE_ROW)));
    }

    @Override
    public String toString() {
        return "Splitters.random(" + sizes + ", seed " + seed + ")";
    }
}
