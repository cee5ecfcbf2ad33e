package dev.mlops.monitor.drift;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a chart of one column needs: the reference's and the current sample's shares over the
 * same bins, in the order to draw them. Immutable and thread-safe.
 *
 * <p>Numbers: {@code edges.size() - 1} bins of equal width from the smaller to the larger of the
 * two sides' minimum and maximum, so that a current value outside the reference's range shows;
 * the first bin is {@code [edges[0], edges[1]]}, each later one {@code (edges[i], edges[i+1]]};
 * a constant column on both sides has one bin. Categories: one bin per category, those with the
 * largest share on either side first (ties by name), and, when more categories were seen than
 * are shown or the reference profile knows only its most frequent values, a last bin that holds
 * the rest ({@link #other()}); {@link #edges()} is then empty.
 *
 * @param kind numbers or categories
 * @param labels a label per bin: a category, or the bin's range such as {@code "(10, 20]"}
 * @param edges the bins' edges for numbers ({@code labels.size() + 1} of them, ascending); empty for categories
 * @param reference the reference's share of each bin, in {@code [0, 1]}, summing to 1 (within rounding)
 * @param current the current sample's share of each bin, in {@code [0, 1]}, summing to 1 (within rounding)
 * @param other true if the last bin holds the categories not shown, or the reference's share not
 *     known by category (a sketched profile)
 * @param referenceError the bound on each reference share's error when it was read from a
 *     sketch (a KLL rank error or a frequent-items error over the count); 0 when exact
 */
public record Histogram(Sample.Kind kind, List<String> labels, List<Double> edges, List<Double> reference,
        List<Double> current, boolean other, double referenceError) {

    /**
     * Validates the bins and keeps unmodifiable copies.
     *
     * @param kind numbers or categories
     * @param labels a label per bin
     * @param edges the bins' edges for numbers; empty for categories
     * @param reference the reference's share of each bin
     * @param current the current sample's share of each bin
     * @param other true if the last bin holds the rest
     * @param referenceError the bound on each reference share's error from a sketch; 0 when exact
     * @throws IllegalArgumentException if the lists do not describe the same bins (the message
     *     names the sizes) or {@code referenceError} is outside {@code [0, 1]}
     */
    public Histogram {
        Objects.requireNonNull(kind, "kind");
        labels = List.copyOf(labels);
        edges = List.copyOf(edges);
        reference = List.copyOf(reference);
        current = List.copyOf(current);
        int bins = labels.size();
        int expectedEdges = kind == Sample.Kind.NUMERIC ? bins + 1 : 0;
        if (bins == 0 || reference.size() != bins || current.size() != bins || edges.size() != expectedEdges) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase(Locale.ROOT)
                    + " histogram needs shares for each of its " + bins + " labels and " + expectedEdges
                    + " edges but had " + reference.size() + " reference shares, " + current.size()
                    + " current shares and " + edges.size() + " edges");
        }
        if (!(referenceError >= 0.0 && referenceError <= 1.0)) {
            throw new IllegalArgumentException("referenceError must be in [0, 1] but was " + referenceError);
        }
    }
}
