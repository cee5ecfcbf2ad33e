package dev.mlops.data.stat;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two maps of category counts laid side by side: one slot per category seen as a key on either
 * side, in ascending order, a category absent on one side counting 0 there.
 *
 * @param current the current counts, one per category
 * @param reference the reference counts, one per category
 * @param currentTotal the sum of the current counts
 * @param referenceTotal the sum of the reference counts
 */
record AlignedCounts(long[] current, long[] reference, long currentTotal, long referenceTotal) {

    /**
     * @throws IllegalArgumentException if a count is negative; the message names the side and the category
     */
    static AlignedCounts of(Map<String, Long> current, Map<String, Long> reference) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        TreeSet<String> categories = new TreeSet<>(current.keySet());
        categories.addAll(reference.keySet());
        long[] now = new long[categories.size()];
        long[] then = new long[categories.size()];
        long nowTotal = 0;
        long thenTotal = 0;
        int i = 0;
        for (String category : categories) {
            now[i] = count("current", current, category);
            then[i] = count("reference", reference, category);
            nowTotal += now[i];
            thenTotal += then[i];
            i++;
        }
        return new AlignedCounts(now, then, nowTotal, thenTotal);
    }

    private static long count(String argument, Map<String, Long> counts, String category) {
        long count = counts.getOrDefault(category, 0L);
        if (count < 0) {
            throw new IllegalArgumentException(argument + " count of '" + category + "' must not be negative but was "
                    + count);
        }
        return count;
    }
}
