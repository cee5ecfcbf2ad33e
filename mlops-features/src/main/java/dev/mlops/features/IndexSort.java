package dev.mlops.features;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Sorts ranges of int indexes by two long keys and a tie-breaker, without boxing: the order of
 * the feature store's histories, (event time, write time, sequence). A merge sort.
 */
final class IndexSort {

    private IndexSort() {
        throw new AssertionError("no instances");
    }

    /**
     * Sorts {@code indexes[from, to)} by {@code first[i]}, then {@code second[i]}, then
     * {@code tie[i]} (or {@code i} itself when {@code tie} is null), ascending.
     *
     * @param indexes the indexes to sort in place
     * @param from the first position of the range
     * @param to the end of the range, exclusive
     * @param first the primary key by index
     * @param second the secondary key by index
     * @param tie the last key by index, or null to break ties by the index
     */
    static void sort(int[] indexes, int from, int to, long[] first, long[] second, int @Nullable [] tie) {
        int[] buffer = new int[to - from];
        mergeSort(indexes, from, to, buffer, first, second, tie);
    }

    private static void mergeSort(int[] indexes, int from, int to, int[] buffer, long[] first, long[] second,
            int @Nullable [] tie) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(indexes, from, middle, buffer, first, second, tie);
        mergeSort(indexes, middle, to, buffer, first, second, tie);
        System.arraycopy(indexes, from, buffer, 0, middle - from);
        int left = 0;
        int leftEnd = middle - from;
        int right = middle;
        int out = from;
        while (left < leftEnd && right < to) {
            indexes[out++] = less(indexes[right], buffer[left], first, second, tie) ? indexes[right++] : buffer[left++];
        }
        System.arraycopy(buffer, left, indexes, out, leftEnd - left);
    }

    private static boolean less(int a, int b, long[] first, long[] second, int @Nullable [] tie) {
        int order = Long.compare(first[a], first[b]);
        if (order == 0) {
            order = Long.compare(second[a], second[b]);
        }
        if (order == 0) {
            order = tie == null ? Integer.compare(a, b) : Integer.compare(tie[a], tie[b]);
        }
        return order < 0;
    }

    /**
     * Counts keys per bucket, for {@link #byBucket}.
     *
     * @param keys a bucket per index, from 0; negative for an index left out
     * @param buckets the number of buckets
     * @return where each bucket starts in the grouped order; one more entry, the end
     */
    static int[] bucketStarts(int[] keys, int buckets) {
        int[] starts = new int[buckets + 1];
        for (int key : keys) {
            if (key >= 0) {
                starts[key + 1]++;
            }
        }
        for (int bucket = 0; bucket < buckets; bucket++) {
            starts[bucket + 1] += starts[bucket];
        }
        return starts;
    }

    /**
     * Groups indexes by bucket, a counting sort: stable, linear.
     *
     * @param keys a bucket per index, from 0; negative for an index left out
     * @param starts the buckets' starts, from {@link #bucketStarts}
     * @return the indexes not left out, by bucket, then ascending
     */
    static int[] byBucket(int[] keys, int[] starts) {
        int[] next = Arrays.copyOf(starts, starts.length - 1);
        int[] grouped = new int[starts[starts.length - 1]];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] >= 0) {
                grouped[next[keys[i]]++] = i;
            }
        }
        return grouped;
    }
}
