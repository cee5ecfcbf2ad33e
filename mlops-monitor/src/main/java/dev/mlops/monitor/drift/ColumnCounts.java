package dev.mlops.monitor.drift;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.TextColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts the values of a categorical, text or boolean column into a {@link Sample.Categorical},
 * without a map operation per row: a categorical column's codes are counted in an array, a block
 * of rows at a time.
 */
final class ColumnCounts {
    private static final int BLOCK = 4096;

    private ColumnCounts() {
        throw new AssertionError("no instances");
    }

    /** The counts of a categorical column's levels, from its codes. */
    static Sample.Categorical of(CategoricalColumn column) {
        List<String> levels = column.levels();
        long[] byCode = new long[levels.size()];
        int[] block = new int[BLOCK];
        int rows = column.size();
        for (int from = 0; from < rows; from += BLOCK) {
            int length = Math.min(BLOCK, rows - from);
            column.copyCodes(from, block, 0, length);
            for (int i = 0; i < length; i++) {
                int code = block[i];
                if (code >= 0) {
                    byCode[code]++;
                }
            }
        }
        SortedMap<String, Long> counts = new TreeMap<>();
        for (int code = 0; code < byCode.length; code++) {
            if (byCode[code] > 0) {
                counts.merge(levels.get(code), byCode[code], Long::sum);
            }
        }
        return new Sample.Categorical(counts, column.missingCount());
    }

    /** The counts of a text column's values or a boolean column's {@code "true"} and {@code "false"}. */
    static Sample.Categorical ofValues(Column column) {
        Map<String, Long> counts = new HashMap<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                String value = column instanceof BooleanColumn booleans ? Boolean.toString(booleans.get(row))
                        : ((TextColumn) column).get(row);
                counts.merge(value, 1L, Long::sum);
            }
        }
        return Sample.categorical(counts, column.missingCount());
    }
}
