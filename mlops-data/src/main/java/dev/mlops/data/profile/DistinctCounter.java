package dev.mlops.data.profile;

import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.jspecify.annotations.Nullable;

/**
 * Counts a numeric column's distinct finite values: exactly, in an open-addressing set of the
 * values' bits, while there are at most {@link ProfileOptions#exactDistinctLimit()}; then in a
 * DataSketches {@link HllSketch} (lgK {@value CategoricalProfile#HLL_LG_K}). {@code -0.0} counts
 * as {@code 0.0}, as in {@link HllSketch#update(double)} and pandas' {@code nunique()}; NaN and
 * infinities never reach it. Not thread-safe: one counter per column.
 */
final class DistinctCounter {
    private static final long PHI = 0x9E3779B97F4A7C15L;

    private final int limit;
    private long[] table = new long[16];
    private int shift = 64 - 4;
    private int size;
    private boolean hasZero;
    private @Nullable HllSketch hll;
    private final long[] datum = new long[1];

    DistinctCounter(int limit) {
        this.limit = limit;
    }

    /** Adds finite values {@code values[0, length)}. */
    void add(double[] values, int length) {
        int i = 0;
        if (hll == null) {
            for (; i < length; i++) {
                if (insert(canonicalBits(values[i])) && distinctCount() > limit) {
                    toSketch();
                    i++;
                    break;
                }
            }
        }
        HllSketch sketch = hll;
        if (sketch != null) {
            long[] one = datum;
            for (; i < length; i++) {
                // the same hash as HllSketch.update(double), without its array per value
                one[0] = canonicalBits(values[i]);
                sketch.update(one);
            }
        }
    }

    /** The bits of a finite value, {@code -0.0} as {@code 0.0}. */
    static long canonicalBits(double value) {
        return Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
    }

    private int distinctCount() {
        return size + (hasZero ? 1 : 0);
    }

    /** @return true if the value was new */
    private boolean insert(long bits) {
        if (bits == 0L) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        long[] slots = table;
        int mask = slots.length - 1;
        int index = (int) ((bits * PHI) >>> shift);
        while (true) {
            long slot = slots[index];
            if (slot == bits) {
                return false;
            }
            if (slot == 0L) {
                slots[index] = bits;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            index = (index + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        shift--;
        size = 0;
        for (long bits : old) {
            if (bits != 0L) {
                insert(bits);
            }
        }
    }

    private void toSketch() {
        HllSketch sketch = new HllSketch(CategoricalProfile.HLL_LG_K, TgtHllType.HLL_8);
        double[] values = exactValues();
        for (double value : values) {
            sketch.update(value);
        }
        hll = sketch;
        table = new long[0];
    }

    private double[] exactValues() {
        double[] values = new double[distinctCount()];
        int n = 0;
        if (hasZero) {
            values[n++] = 0.0;
        }
        for (long bits : table) {
            if (bits != 0L) {
                values[n++] = Double.longBitsToDouble(bits);
            }
        }
        Arrays.sort(values);
        return values;
    }

    /** @return the sorted distinct values while counted exactly, else null */
    double @Nullable [] distinctValues() {
        return hll == null ? exactValues() : null;
    }

    /** @return the HyperLogLog sketch's compact HLL_4 bytes once sketched, else null */
    byte @Nullable [] hll() {
        return hll == null ? null : hll.copyAs(TgtHllType.HLL_4).toCompactByteArray();
    }
}
