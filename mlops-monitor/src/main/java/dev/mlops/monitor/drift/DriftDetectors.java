package dev.mlops.monitor.drift;

import dev.mlops.data.profile.CategoricalProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in {@link DriftDetector}s, the default choice of one by column kind and reference
 * size, and the multiple-testing correction across columns.
 *
 * <pre>{@code
 * Map<String, DriftResult> byColumn = new LinkedHashMap<>();
 * for (String column : columns) {
 *     Reference reference = Reference.of(baseline.column(column));
 *     Sample current = ...;
 *     byColumn.put(column, DriftDetectors.defaultFor(current.kind(), reference, referenceRows).detect(current, reference));
 * }
 * Map<String, DriftResult> corrected = DriftDetectors.correct(byColumn, Correction.BENJAMINI_HOCHBERG);
 * }</pre>
 *
 * <h2>The default detector</h2>
 * Evidently's rule is the reference: up to 1,000 reference rows, KS for numbers and chi-square for
 * categories; above, normalized Wasserstein for numbers and Jensen–Shannon for categories, each
 * at 0.1. Ours ({@link #defaultFor}) is the same rule with one change, for stored baselines:
 * <ul>
 *   <li>up to {@value #SMALL_REFERENCE} reference rows: {@code ks(alpha=0.05)} for numbers,
 *       {@code chi-square(alpha=0.05)} for categories. On small samples a distance is noisy
 *       (two samples of 50 from one distribution are often 0.1 apart), while a test knows its own
 *       sampling error.
 *   <li>above: {@code wasserstein(threshold=0.1)} (normalized) for numbers when the reference is
 *       raw, {@code jensen-shannon(threshold=0.1)} for categories. On large samples every test
 *       finds a harmless difference significant (at a million rows, a shift of a thousandth of a
 *       standard deviation), so a distance with a threshold in the data's own units answers the
 *       question people ask: did it move enough to matter.
 *   <li>our change: above {@value #SMALL_REFERENCE} rows against a stored <em>profile</em>,
 *       numbers get {@code jensen-shannon(threshold=0.1, bins=10)} in the reference's quantile
 *       bins, because the Wasserstein distance needs the raw reference and Jensen–Shannon works
 *       from the profile's quantiles (within the sketch's rank error). The chi-square test against
 *       a profile needs its exact counts; a small categorical reference profiled with sketches
 *       gets Jensen–Shannon too.
 * </ul>
 * Combined with {@link Correction#BENJAMINI_HOCHBERG} across the columns tested.
 */
public final class DriftDetectors {
    /** The largest reference for which the default is a test rather than a distance. */
    public static final long SMALL_REFERENCE = 1_000;

    private DriftDetectors() {
        throw new AssertionError("no instances");
    }

    /**
     * @param alpha the significance level, in {@code (0, 1)}
     * @return the two-sample Kolmogorov–Smirnov test, for numbers
     * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
     */
    public static DriftDetector ks(double alpha) {
        return new DriftDetectorTypes.Ks().create(new TestSettings(alpha));
    }

    /**
     * @param alpha the significance level, in {@code (0, 1)}
     * @return Pearson's chi-square test of the category counts
     * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
     */
    public static DriftDetector chiSquare(double alpha) {
        return new DriftDetectorTypes.ChiSquare().create(new TestSettings(alpha));
    }

    /**
     * @param alpha the significance level, in {@code (0, 1)}
     * @return Welch's t-test of equal means, for numbers
     * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
     */
    public static DriftDetector welchT(double alpha) {
        return new DriftDetectorTypes.WelchT().create(new TestSettings(alpha));
    }

    /**
     * @param threshold the least index that is drift, above 0 (0.1 is common, 0.25 a large shift)
     * @param bins the number of reference quantile bins for numbers, at least 2
     * @return the population stability index, for numbers and categories
     * @throws IllegalArgumentException if the threshold is not above 0 or {@code bins} is below 2
     */
    public static DriftDetector psi(double threshold, int bins) {
        return new DriftDetectorTypes.Psi().create(new DistanceSettings(threshold, bins));
    }

    /**
     * @param threshold the least distance that is drift, above 0
     * @param bins the number of reference quantile bins for numbers, at least 2
     * @return the Jensen–Shannon distance, for numbers and categories
     * @throws IllegalArgumentException if the threshold is not above 0 or {@code bins} is below 2
     */
    public static DriftDetector jensenShannon(double threshold, int bins) {
        return new DriftDetectorTypes.JensenShannonDistance().create(new DistanceSettings(threshold, bins));
    }

    /**
     * @param threshold the least distance that is drift, in reference standard deviations, above 0
     * @return the normalized Wasserstein distance, for numbers, against raw reference values
     * @throws IllegalArgumentException if the threshold is not above 0
     */
    public static DriftDetector wasserstein(double threshold) {
        return new DriftDetectorTypes.NormalizedWasserstein().create(new DistanceSettings(threshold, null));
    }

    /**
     * @param threshold the least distance that is drift, above 0 (SageMaker's default is 0.1)
     * @return the L∞ distance between the distributions, for numbers and categories
     * @throws IllegalArgumentException if the threshold is not above 0
     */
    public static DriftDetector linf(double threshold) {
        return new DriftDetectorTypes.Linf().create(new DistanceSettings(threshold, null));
    }

    /**
     * @param measure what shifts
     * @param threshold the least absolute shift that is drift, above 0 (see {@link ShiftMeasure} for
     *     the units and the defaults)
     * @return the detector of that shift
     * @throws IllegalArgumentException if the threshold is not above 0
     */
    public static DriftDetector shift(ShiftMeasure measure, double threshold) {
        return new ShiftDetector(new ShiftSettings(measure, threshold));
    }

    /**
     * The default detector for a column (see the class comment for the rule and why).
     *
     * @param kind the column's kind
     * @param reference the reference the detector will read
     * @param referenceRows how many rows the reference has, 0 or more
     * @return the detector, with its default level or threshold
     * @throws IllegalArgumentException if {@code referenceRows} is negative or the reference's kind
     *     differs from {@code kind}
     */
    public static DriftDetector defaultFor(Sample.Kind kind, Reference reference, long referenceRows) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        if (referenceRows < 0) {
            throw new IllegalArgumentException("referenceRows must not be negative but was " + referenceRows);
        }
        if (reference.kind() != kind) {
            throw new IllegalArgumentException("the reference must be of the column's kind " + kind + " but was of "
                    + reference.kind());
        }
        boolean small = referenceRows <= SMALL_REFERENCE;
        if (kind == Sample.Kind.NUMERIC) {
            if (small) {
                return ks(TestSettings.DEFAULT_ALPHA);
            }
            return reference.isRaw() ? wasserstein(DistanceSettings.DEFAULT_THRESHOLD)
                    : jensenShannon(DistanceSettings.DEFAULT_THRESHOLD, DistanceSettings.DEFAULT_BINS);
        }
        boolean exactCounts = !(reference instanceof Reference.Profiled profiled)
                || ((CategoricalProfile) profiled.profile()).exactCounts().isPresent();
        return small && exactCounts ? chiSquare(TestSettings.DEFAULT_ALPHA)
                : jensenShannon(DistanceSettings.DEFAULT_THRESHOLD, DistanceSettings.DEFAULT_BINS);
    }

    /**
     * Corrects the p-values of the tests among the results for testing many columns at once; the
     * distances and shifts are left as they are and are not counted in the family.
     *
     * @param byColumn each column's result, in the order to keep
     * @param correction the correction
     * @return each column's result, those of tests with their adjusted p-value (and the verdict
     *     that follows it), in the same order; unmodifiable
     */
    public static Map<String, DriftResult> correct(Map<String, DriftResult> byColumn, Correction correction) {
        Objects.requireNonNull(byColumn, "byColumn");
        Objects.requireNonNull(correction, "correction");
        List<String> tested = new ArrayList<>();
        for (Map.Entry<String, DriftResult> entry : byColumn.entrySet()) {
            if (entry.getValue().pValue().isPresent()) {
                tested.add(entry.getKey());
            }
        }
        double[] p = new double[tested.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = byColumn.get(tested.get(i)).pValue().getAsDouble();
        }
        double[] adjusted = correction.adjust(p);
        Map<String, DriftResult> corrected = new LinkedHashMap<>(byColumn);
        for (int i = 0; i < p.length; i++) {
            corrected.put(tested.get(i), byColumn.get(tested.get(i)).withAdjustedPValue(adjusted[i]));
        }
        return Collections.unmodifiableMap(corrected);
    }
}
