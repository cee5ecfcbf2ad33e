package dev.mlops.data.internal;

/**
 * Look-ups in an ascending array of doubles that {@code dev.mlops.data.profile} (exact quantiles
 * and cumulative fractions of kept values) and {@code dev.mlops.data.stat} (the same for raw
 * samples) share, so that a profile and its raw values give the same numbers. Stateless and
 * thread-safe; the arrays are read, never changed, and not checked: callers pass them sorted.
 */
public final class SortedArrays {

    private SortedArrays() {
        throw new AssertionError("no instances");
    }

    /**
     * Counts the values {@code <= x} by binary search.
     *
     * @param sorted values in ascending order
     * @param x the point
     * @return the number of values {@code <= x}, in {@code [0, sorted.length]}
     */
    public static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The type 7 quantile (Hyndman–Fan; numpy's default {@code method="linear"}): with
     * {@code h = (n - 1)p}, {@code x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋])}.
     *
     * @param sorted values in ascending order, at least one
     * @param p the probability, in {@code [0, 1]}
     * @return the quantile
     */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double fraction = h - lo;
        return fraction == 0.0 ? sorted[lo] : sorted[lo] + fraction * (sorted[hi] - sorted[lo]);
    }
}
