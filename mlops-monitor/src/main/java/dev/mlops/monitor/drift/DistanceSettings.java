package dev.mlops.monitor.drift;

import org.jspecify.annotations.Nullable;

/**
 * The settings of the detectors that measure a distance ({@code "psi"}, {@code "jensen-shannon"},
 * {@code "wasserstein"}, {@code "linf"}), as a spec string such as
 * {@code jensen-shannon(threshold=0.2, bins=20)} names them.
 *
 * @param threshold the least distance that is drift, a finite number above 0; default {@value #DEFAULT_THRESHOLD}
 * @param bins how many reference quantile bins a binned distance ({@code psi}, {@code jensen-shannon})
 *     cuts numbers into, at least 2; default {@value #DEFAULT_BINS}; the other distances use no bins
 *     and keep the default
 */
public record DistanceSettings(@Nullable Double threshold, @Nullable Integer bins) {
    /**
     * The threshold when none is given: 0.1, Evidently's for PSI, Jensen–Shannon and normalized
     * Wasserstein, and SageMaker Model Monitor's for the L∞ distance.
     */
    public static final double DEFAULT_THRESHOLD = 0.1;
    /** The number of bins when none is given. */
    public static final int DEFAULT_BINS = 10;

    /**
     * Fills in the defaults and validates.
     *
     * @param threshold the least distance that is drift, above 0; default {@value #DEFAULT_THRESHOLD}
     * @param bins the number of quantile bins, at least 2; default {@value #DEFAULT_BINS}
     * @throws IllegalArgumentException if {@code threshold} is not a finite number above 0 or {@code bins} is below 2
     */
    public DistanceSettings {
        threshold = Thresholds.distance(threshold == null ? DEFAULT_THRESHOLD : threshold);
        bins = Thresholds.bins(bins == null ? DEFAULT_BINS : bins);
    }
}
