package dev.mlops.monitor.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One bin of a feature's histogram (a range of a numeric feature or a category): the share of the
 * reference rows and of the current rows that fall in it.
 *
 * @param label the bin as people read it, such as {@code "[0, 10)"} or {@code "Hamburg"}
 * @param referenceShare the share of the reference rows in the bin, in {@code [0, 1]}; NaN when the
 *     reference has no rows
 * @param currentShare the share of the current rows in the bin, in {@code [0, 1]}; NaN when the
 *     current sample has no rows
 */
public record Bin(String label, double referenceShare, double currentShare) {

    /**
     * Validates the bin.
     *
     * @param label the bin as people read it
     * @param referenceShare the share of the reference rows in the bin, in {@code [0, 1]} or NaN
     * @param currentShare the share of the current rows in the bin, in {@code [0, 1]} or NaN
     * @throws IllegalArgumentException if a share is outside {@code [0, 1]} and not NaN; the
     *     message names the bin
     */
    public Bin {
        Objects.requireNonNull(label, "label");
        share(label, "referenceShare", referenceShare);
        share(label, "currentShare", currentShare);
    }

    /**
     * Makes the bins of a histogram from counts: each share is the bin's count over the total of
     * its side, NaN for a side whose total is 0 (no rows).
     *
     * @param labels the bins' labels
     * @param referenceCounts the reference rows per bin
     * @param currentCounts the current rows per bin
     * @return the bins, in order, unmodifiable
     * @throws IllegalArgumentException if the lengths differ or a count is negative
     */
    public static List<Bin> fromCounts(List<String> labels, long[] referenceCounts, long[] currentCounts) {
        if (labels.size() != referenceCounts.length || labels.size() != currentCounts.length) {
            throw new IllegalArgumentException("labels, referenceCounts and currentCounts must have the same length"
                    + " but had " + labels.size() + ", " + referenceCounts.length + " and " + currentCounts.length);
        }
        double referenceTotal = total("referenceCounts", referenceCounts);
        double currentTotal = total("currentCounts", currentCounts);
        List<Bin> bins = new ArrayList<>(labels.size());
        for (int i = 0; i < referenceCounts.length; i++) {
            bins.add(new Bin(labels.get(i), referenceCounts[i] / referenceTotal, currentCounts[i] / currentTotal));
        }
        return List.copyOf(bins);
    }

    /** @return the sum, or NaN when it is 0, so that shares over it are NaN */
    private static double total(String argument, long[] counts) {
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            total += Checks.count(argument + "[" + i + "]", counts[i]);
        }
        return total == 0 ? Double.NaN : total;
    }

    private static void share(String label, String argument, double share) {
        if (share < 0.0 || share > 1.0) {
            throw new IllegalArgumentException(argument + " of bin '" + label + "' must be in [0, 1] or NaN but was "
                    + share);
        }
    }
}
