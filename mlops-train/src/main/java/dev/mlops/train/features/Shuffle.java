package dev.mlops.train.features;

import java.util.SplittableRandom;

/** Uniformly random orders of {@code 0..size-1}. */
final class Shuffle {

    private Shuffle() {
        throw new AssertionError("no instances");
    }

    /**
     * Draws an order by the inside-out Fisher–Yates shuffle, one draw per element.
     *
     * @param size how many elements
     * @param random the stream to draw from
     * @return a uniformly random permutation of {@code 0..size-1}
     */
    static int[] order(int size, SplittableRandom random) {
        int[] order = new int[size];
        for (int k = 0; k < size; k++) {
            int j = random.nextInt(k + 1);
            order[k] = order[j];
            order[j] = k;
        }
        return order;
    }
}
