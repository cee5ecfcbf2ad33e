package dev.mlops.data.leakage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Finds the groups of rows with equal keys: by hash first, then confirmed value by value. */
final class KeyGroups {

    private KeyGroups() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns the groups of two or more rows whose keys are equal.
     *
     * <p>Rows are hashed once; only rows whose hash repeats are compared, and each group is built
     * by {@link RowKey#same}, so rows that merely share a hash are never grouped.
     *
     * @param key the key
     * @param rows ascending rows to group
     * @return the groups, each ascending, ordered by their first row
     */
    static List<int[]> find(RowKey key, int[] rows) {
        int n = rows.length;
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = key.hash(rows[i]);
        }
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        long[] repeated = new long[n];
        int distinct = 0;
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1] && (distinct == 0 || repeated[distinct - 1] != sorted[i])) {
                repeated[distinct++] = sorted[i];
            }
        }
        repeated = Arrays.copyOf(repeated, distinct);
        int[] sizes = new int[distinct];
        int[] bucketOf = new int[n];
        for (int i = 0; i < n; i++) {
            bucketOf[i] = distinct == 0 ? -1 : Arrays.binarySearch(repeated, hashes[i]);
            if (bucketOf[i] >= 0) {
                sizes[bucketOf[i]]++;
            }
        }
        int[][] buckets = new int[distinct][];
        for (int b = 0; b < distinct; b++) {
            buckets[b] = new int[sizes[b]];
            sizes[b] = 0;
        }
        for (int i = 0; i < n; i++) {
            int b = bucketOf[i];
            if (b >= 0) {
                buckets[b][sizes[b]++] = rows[i];
            }
        }
        List<int[]> groups = new ArrayList<>();
        for (int[] bucket : buckets) {
            confirm(key, bucket, groups);
        }
        groups.sort(Comparator.comparingInt(group -> group[0]));
        return groups;
    }

    private static void confirm(RowKey key, int[] bucket, List<int[]> groups) {
        boolean[] grouped = new boolean[bucket.length];
        int[] members = new int[bucket.length];
        for (int i = 0; i < bucket.length; i++) {
            if (grouped[i]) {
                continue;
            }
            int size = 0;
            members[size++] = bucket[i];
            for (int j = i + 1; j < bucket.length; j++) {
                if (!grouped[j] && key.same(bucket[i], bucket[j])) {
                    grouped[j] = true;
                    members[size++] = bucket[j];
                }
            }
            if (size > 1) {
                groups.add(Arrays.copyOf(members, size));
            }
        }
    }
}
