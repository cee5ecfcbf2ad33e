package dev.mlops.data.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.jspecify.annotations.Nullable;

/**
 * Collects a numeric column's finite values for its quantiles: keeps them while there are at most
 * {@link ProfileOptions#exactQuantileLimit()}, then builds a KLL sketch (DataSketches 6.2.0).
 *
 * <p><b>Block pre-compaction.</b> Feeding every value to {@link KllDoublesSketch#update} costs
 * most of a profile's time: KLL's lowest levels hold only about 8 items each once n is large, so
 * nearly every value passes through a tiny sort and a halving. Instead the values go in blocks
 * of {@value #BLOCK}: a block is radix-sorted, and every {@value #STRIDE}-th value from a random
 * offset in {@code [0, STRIDE)} is kept, standing for {@value #STRIDE} values. This is one
 * compaction of weight {@value #STRIDE}, and it is unbiased: for any x, {@value #STRIDE} times
 * the number of kept values {@code <= x} has the expectation of the true count and differs from
 * it by less than {@value #STRIDE}. The kept values feed an ordinary KLL sketch of the same k;
 * at the end that sketch's levels are moved up by {@value #LEVELS_UP} (each item's weight times
 * {@value #STRIDE}), which is a KLL sketch of the whole stream of exactly the shape DataSketches
 * would have, whose lowest {@value #LEVELS_UP} levels are empty; the last, partial block goes in
 * by ordinary updates. Compared with DataSketches' own lowest four levels, which compact about
 * n/8 times with weights 1 to 8 (rank variance about 15n/8), the block compactions happen n/4096
 * times with weight 16 (variance below n/48): far less error, so the sketch's stated a-priori
 * rank error still bounds the result; the tests check it against the true ranks.
 *
 * <p>The offsets come from a {@link SplittableRandom} with a fixed seed, so this step is
 * deterministic; KLL's own compaction coins stay unseeded (DataSketches' static generator).
 * Not thread-safe: one collector per column.
 */
final class QuantileCollector {
    /** Values per pre-compacted block. */
    static final int BLOCK = 4096;
    /** One value kept per this many in a sorted block. */
    static final int STRIDE = 16;
    /** log2 of {@link #STRIDE}: how many levels the sketch of kept values moves up. */
    static final int LEVELS_UP = 4;
    private static final long OFFSET_SEED = 0x6b6c6c_626c6f636bL;
    private static final int KLL_M = 8;
    private static final int FAMILY_KLL = 15;
    private static final int PREAMBLE_INTS_FULL = 5;
    private static final int LEVELS_ADDRESS = 20;
    private static final long[] POWERS_OF_THREE = new long[31];

    static {
        POWERS_OF_THREE[0] = 1;
        for (int i = 1; i < POWERS_OF_THREE.length; i++) {
            POWERS_OF_THREE[i] = POWERS_OF_THREE[i - 1] * 3;
        }
    }

    private final int limit;
    private final int k;
    private double @Nullable [] exact;
    private int exactSize;
    private long total;
    // sketching state, allocated when the limit is passed
    private double @Nullable [] pending;
    private int pendingSize;
    private long @Nullable [] keys;
    private long @Nullable [] scratch;
    private final int[] counts = new int[RadixSort.COUNTS];
    private final double[] kept = new double[BLOCK / STRIDE];
    private @Nullable KllDoublesSketch decimated;
    private long blocks;
    private double blocksMin = Double.POSITIVE_INFINITY;
    private double blocksMax = Double.NEGATIVE_INFINITY;
    private final SplittableRandom offsets = new SplittableRandom(OFFSET_SEED);

    /**
     * @param limit the exact-quantile limit
     * @param k the KLL parameter
     * @param expected how many finite values there may be, at most: the exact buffer's first size
     */
    QuantileCollector(int limit, int k, int expected) {
        this.limit = limit;
        this.k = k;
        this.exact = new double[Math.max(0, Math.min(limit, expected))];
    }

    /** Adds finite values {@code values[0, length)}. */
    void add(double[] values, int length) {
        total += length;
        double[] held = exact;
        if (held != null) {
            if (exactSize + length <= limit) {
                if (exactSize + length > held.length) {
                    held = Arrays.copyOf(held, (int) Math.min(limit, Math.max(2L * held.length, exactSize + length)));
                    exact = held;
                }
                System.arraycopy(values, 0, held, exactSize, length);
                exactSize += length;
                return;
            }
            exact = null;
            pending = new double[BLOCK];
            keys = new long[BLOCK];
            scratch = new long[BLOCK];
            decimated = KllDoublesSketch.newHeapInstance(k);
            feed(held, exactSize);
        }
        feed(values, length);
    }

    private void feed(double[] values, int length) {
        double[] buffer = pending;
        int from = 0;
        while (from < length) {
            int take = Math.min(length - from, BLOCK - pendingSize);
            System.arraycopy(values, from, buffer, pendingSize, take);
            pendingSize += take;
            from += take;
            if (pendingSize == BLOCK) {
                compactBlock();
                pendingSize = 0;
            }
        }
    }

    private void compactBlock() {
        long[] sorted = RadixSort.sortFinite(pending, BLOCK, keys, scratch, counts);
        int offset = offsets.nextInt(STRIDE);
        for (int j = 0; j < kept.length; j++) {
            kept[j] = RadixSort.toDouble(sorted[offset + STRIDE * j]);
        }
        blocksMin = Math.min(blocksMin, RadixSort.toDouble(sorted[0]));
        blocksMax = Math.max(blocksMax, RadixSort.toDouble(sorted[BLOCK - 1]));
        decimated.update(kept, 0, kept.length);
        blocks++;
    }

    /**
     * Returns the kept values, sorted; the collector's own array, so call it last, once.
     *
     * @return the sorted kept values, or null when the collector holds a sketch
     */
    double @Nullable [] sortedValues() {
        if (exact == null) {
            return null;
        }
        // sorted in place when the buffer is full, as it is unless NaN or infinities took rows
        double[] values = exactSize == exact.length ? exact : Arrays.copyOf(exact, exactSize);
        Arrays.sort(values);
        exact = values;
        return values;
    }

    /** @return the KLL sketch's bytes, or null while the values are kept */
    byte @Nullable [] kll() {
        if (exact != null) {
            return null;
        }
        KllDoublesSketch sketch = blocks == 0 ? KllDoublesSketch.newHeapInstance(k)
                : KllDoublesSketch.heapify(Memory.wrap(scaleUp(decimated.toByteArray(), k, blocksMin, blocksMax)));
        sketch.update(pending, 0, pendingSize);
        if (sketch.getN() != total) {
            throw new IllegalStateException("the KLL sketch holds " + sketch.getN() + " values but " + total
                    + " were added");
        }
        return sketch.toByteArray();
    }

    /**
     * Moves every level of a compact KLL sketch (k as given, m = 8) up by {@value #LEVELS_UP},
     * multiplying each item's weight and n by {@value #STRIDE}, and sets its minimum and maximum
     * to the given ones (those of the values the kept items stand for). Level 0 is sorted first,
     * since every level above 0 must be.
     */
    static byte[] scaleUp(byte[] compact, int k, double min, double max) {
        ByteBuffer in = ByteBuffer.wrap(compact).order(ByteOrder.LITTLE_ENDIAN);
        if (compact.length < LEVELS_ADDRESS || in.get(0) != PREAMBLE_INTS_FULL || in.get(2) != FAMILY_KLL
                || in.getShort(4) != k || in.get(6) != KLL_M) {
            throw new IllegalArgumentException("not a full compact KLL doubles sketch with k = " + k);
        }
        int levels = in.get(18);
        int[] offsets = new int[levels + 1];
        for (int h = 0; h < levels; h++) {
            offsets[h] = in.getInt(LEVELS_ADDRESS + 4 * h);
        }
        offsets[levels] = totalCapacity(k, levels);
        int retained = offsets[levels] - offsets[0];
        int itemsAddress = LEVELS_ADDRESS + 4 * levels + 16;
        if (compact.length != itemsAddress + 8 * retained) {
            throw new IllegalArgumentException("KLL sketch of " + compact.length + " bytes but " + retained
                    + " retained items in " + levels + " levels");
        }
        double[] items = new double[retained];
        for (int i = 0; i < retained; i++) {
            items[i] = in.getDouble(itemsAddress + 8 * i);
        }
        Arrays.sort(items, 0, offsets[1] - offsets[0]);
        int newLevels = levels + LEVELS_UP;
        int shift = totalCapacity(k, newLevels) - offsets[levels];
        ByteBuffer out = ByteBuffer.allocate(compact.length + 4 * LEVELS_UP).order(ByteOrder.LITTLE_ENDIAN);
        out.put(compact, 0, LEVELS_ADDRESS);
        out.put(3, (byte) 0);
        out.putLong(8, in.getLong(8) * STRIDE);
        out.put(18, (byte) newLevels);
        out.position(LEVELS_ADDRESS);
        for (int h = 0; h < LEVELS_UP; h++) {
            out.putInt(offsets[0] + shift);
        }
        for (int h = 0; h < levels; h++) {
            out.putInt(offsets[h] + shift);
        }
        out.putDouble(min);
        out.putDouble(max);
        for (double item : items) {
            out.putDouble(item);
        }
        return out.array();
    }

    /** DataSketches' KLL capacity of all levels together: the sum of max(m, ⌈k (2/3)^depth⌋). */
    static int totalCapacity(int k, int levels) {
        long sum = 0;
        for (int h = 0; h < levels; h++) {
            sum += Math.max(KLL_M, capacityAtDepth(k, levels - h - 1));
        }
        return (int) sum;
    }

    private static long capacityAtDepth(int k, int depth) {
        if (depth <= 30) {
            return scaledByTwoThirds(k, depth);
        }
        int half = depth / 2;
        return scaledByTwoThirds(scaledByTwoThirds(k, half), depth - half);
    }

    private static long scaledByTwoThirds(long k, int depth) {
        long twoK = k << 1;
        long tmp = (twoK << depth) / POWERS_OF_THREE[depth];
        return (tmp + 1) >>> 1;
    }
}
