package dev.mlops.features;

import org.jspecify.annotations.Nullable;

/**
 * Sorts ranges of int indexes by two long keys and a tie-breaker, without boxing: the order of
 * the feature store's histories, (event time, write time, sequence).
 */
final class IndexSort {
    private static final int INSERTION_LIMIT = 32;

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
        if (to - from <= INSERTION_LIMIT) {
            insertionSort(indexes, from, to, first, second, tie);
            return;
        }
        int[] buffer = new int[to - from];
        mergeSort(indexes, from, to, buffer, first, second, tie);
    }

    private static void mergeSort(int[] indexes, int from, int to, int[] buffer, long[] first, long[] second,
            int @Nullable [] tie) {
        if (to - from <= INSERTION_LIMIT) {
            insertionSort(indexes, from, to, first, second, tie);
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(indexes, from, middle, buffer, first, second, tie);
        mergeSort(indexes, middle, to, buffer, first, second, tie);
        if (!less(indexes[middle], indexes[middle - 1], first, second, tie)) {
            return;
        }
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

    private static void insertionSort(int[] indexes, int from, int to, long[] first, long[] second,
            int @Nullable [] tie) {
        for (int i = from + 1; i < to; i++) {
            int value = indexes[i];
            int j = i - 1;
            while (j >= from && less(value, indexes[j], first, second, tie)) {
                indexes[j + 1] = indexes[j];
                j--;
            }
            indexes[j + 1] = value;
        }
    }

    private static boolean less(int a, int b, long[] first, long[] second, int @Nullable [] tie) {
        if (first[a] != first[b]) {
            return first[a] < first[b];
        }
        if (second[a] != second[b]) {
            return second[a] < second[b];
        }
        return tie == null ? a < b : tie[a] < tie[b];
    }
}
