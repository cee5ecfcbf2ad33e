package dev.mlops.monitor.drift;

import dev.mlops.core.text.ReadableText;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ItemCount;
import dev.mlops.data.profile.NumericProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/** Builds the {@link Histogram} of a compared column (see its class comment for the bins). */
final class Charts {
    /** The label of the bin that holds the categories not shown. */
    static final String OTHER = "(other)";

    private Charts() {
        throw new AssertionError("no instances");
    }

    /**
     * @return the histogram of the two sides, empty when a side has no present value to show
     */
    static Optional<Histogram> of(Sample current, Reference reference, int bins, int maxCategories) {
        if (current instanceof Sample.Numeric numbers) {
            return numeric(numbers.shared(), reference, bins);
        }
        return categorical(((Sample.Categorical) current).counts(), reference, maxCategories);
    }

    private static Optional<Histogram> numeric(double[] current, Reference reference, int bins) {
        double @Nullable [] raw = reference instanceof Reference.Raw r ? ((Sample.Numeric) r.sample()).shared() : null;
        @Nullable NumericProfile profile = raw == null ? (NumericProfile) ((Reference.Profiled) reference).profile() : null;
        long referenceCount = raw != null ? raw.length : Objects.requireNonNull(profile).finite();
        if (current.length == 0 || referenceCount == 0) {
            return Optional.empty();
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double x : current) {
            low = Math.min(low, x);
            high = Math.max(high, x);
        }
        if (raw != null) {
            for (double x : raw) {
                low = Math.min(low, x);
                high = Math.max(high, x);
            }
        } else {
            NumericProfile known = Objects.requireNonNull(profile);
            low = Math.min(low, known.min().getAsDouble());
            high = Math.max(high, known.max().getAsDouble());
        }
        int k = low == high ? 1 : bins;
        double[] edges = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            edges[i] = i == k ? high : low + (high - low) * i / k;
        }
        double[] currentShares = shares(current, edges);
        double[] referenceShares;
        if (raw != null) {
            referenceShares = shares(raw, edges);
        } else {
            referenceShares = new double[k];
            double previous = 0.0;
            for (int i = 0; i < k; i++) {
                double fraction = Objects.requireNonNull(profile).cumulativeFraction(edges[i + 1]);
                referenceShares[i] = Math.max(0.0, fraction - previous);
                previous = fraction;
            }
        }
        List<String> labels = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            labels.add((i == 0 ? "[" : "(") + ReadableText.number(edges[i]) + ", " + ReadableText.number(edges[i + 1])
                    + "]");
        }
        return Optional.of(new Histogram(Sample.Kind.NUMERIC, labels, boxed(edges), boxed(referenceShares),
                boxed(currentShares), false, profile == null ? 0.0 : profile.rankError()));
    }

    /**
     * The shares of equal-width bins: a value's bin is the first {@code i} with
     * {@code x <= edges[i + 1]}, found from its position in the range and then moved by one where
     * rounding put it beside an edge.
     */
    private static double[] shares(double[] values, double[] edges) {
        int k = edges.length - 1;
        long[] counts = new long[k];
        double low = edges[0];
        double scale = k / (edges[k] - low);
        for (double x : values) {
            int bin = Math.min(k - 1, (int) ((x - low) * scale));
            if (bin > 0 && x <= edges[bin]) {
                bin--;
            } else if (bin < k - 1 && x > edges[bin + 1]) {
                bin++;
            }
            counts[bin]++;
        }
        double[] shares = new double[k];
        for (int i = 0; i < k; i++) {
            shares[i] = (double) counts[i] / values.length;
        }
        return shares;
    }

    private static Optional<Histogram> categorical(SortedMap<String, Long> current, Reference reference,
            int maxCategories) {
        Map<String, Long> referenceCounts;
        long referenceTotal;
        boolean sketched = false;
        double error = 0.0;
        if (reference instanceof Reference.Raw raw) {
            referenceCounts = ((Sample.Categorical) raw.sample()).counts();
            referenceTotal = raw.sample().present();
        } else {
            CategoricalProfile profile = (CategoricalProfile) ((Reference.Profiled) reference).profile();
            referenceTotal = profile.count() - profile.missing();
            Optional<SortedMap<String, Long>> exact = profile.exactCounts();
            if (exact.isPresent()) {
                referenceCounts = exact.get();
            } else {
                referenceCounts = new HashMap<>();
                for (ItemCount item : profile.topK()) {
                    referenceCounts.put(item.value(), item.count());
                }
                sketched = true;
                error = Math.min(1.0, (double) profile.frequencyError() / referenceTotal);
            }
        }
        long currentTotal = 0;
        for (long count : current.values()) {
            currentTotal += count;
        }
        if (currentTotal == 0 || referenceTotal == 0) {
            return Optional.empty();
        }
        Map<String, Double> referenceShares = new HashMap<>();
        Map<String, Double> currentShares = new HashMap<>();
        Set<String> categories = new HashSet<>(current.keySet());
        categories.addAll(referenceCounts.keySet());
        for (String category : categories) {
            referenceShares.put(category, (double) referenceCounts.getOrDefault(category, 0L) / referenceTotal);
            currentShares.put(category, (double) current.getOrDefault(category, 0L) / currentTotal);
        }
        List<String> ordered = new ArrayList<>(categories);
        ordered.sort(Comparator.comparingDouble((String c) -> -Math.max(referenceShares.get(c), currentShares.get(c)))
                .thenComparing(Comparator.naturalOrder()));
        boolean other = sketched || ordered.size() > maxCategories;
        List<String> labels = new ArrayList<>(ordered.subList(0, Math.min(maxCategories, ordered.size())));
        List<Double> expected = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        double expectedShown = 0.0;
        double actualShown = 0.0;
        for (String label : labels) {
            expected.add(referenceShares.get(label));
            actual.add(currentShares.get(label));
            expectedShown += referenceShares.get(label);
            actualShown += currentShares.get(label);
        }
        if (other) {
            labels.add(OTHER);
            expected.add(Math.max(0.0, 1.0 - expectedShown));
            actual.add(Math.max(0.0, 1.0 - actualShown));
        }
        return Optional.of(new Histogram(Sample.Kind.CATEGORICAL, labels, List.of(), expected, actual, other, error));
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
