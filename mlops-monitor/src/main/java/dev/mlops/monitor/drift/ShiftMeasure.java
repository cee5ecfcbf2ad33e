package dev.mlops.monitor.drift;

/**
 * What a {@code "shift"} detector compares, each scaled so that one threshold suits columns of any
 * scale; the detector reports the signed shift and calls it drift when its absolute value is at
 * least the threshold. A shift over a zero scale (a constant reference) is 0 when nothing moved
 * and an infinity of the move's sign otherwise. NaN counts as missing on both sides.
 */
public enum ShiftMeasure {
    /**
     * The move of the mean in reference standard deviations, {@code (mean_c - mean_r) / sd_r}
     * (sample standard deviation); default threshold 0.1. Numbers, at least 2 present on each side.
     */
    MEAN("mean-shift", 0.1),
    /**
     * The relative change of the standard deviation, {@code sd_c / sd_r - 1}; default threshold
     * 0.1 (10 %). Numbers, at least 2 present on each side.
     */
    STANDARD_DEVIATION("std-shift", 0.1),
    /**
     * The change of the share of missing values, {@code missing_c / size_c - missing_r / size_r},
     * in shares (0.05 is 5 percentage points); default threshold 0.05. Numbers or categories.
     */
    MISSING_SHARE("missing-share-shift", 0.05),
    /**
     * The move of the smallest value in reference ranges, {@code (min_c - min_r) / (max_r - min_r)};
     * default threshold 0.1. Numbers, at least 1 present on each side.
     */
    MIN("min-shift", 0.1),
    /**
     * The move of the largest value in reference ranges, {@code (max_c - max_r) / (max_r - min_r)};
     * default threshold 0.1. Numbers, at least 1 present on each side.
     */
    MAX("max-shift", 0.1);

    private final String statistic;
    private final double defaultThreshold;

    ShiftMeasure(String statistic, double defaultThreshold) {
        this.statistic = statistic;
        this.defaultThreshold = defaultThreshold;
    }

    /** @return the statistic's name in {@link DriftResult#statistic()}, such as {@code "mean-shift"} */
    public String statistic() {
        return statistic;
    }

    /** @return the threshold when the settings give none */
    public double defaultThreshold() {
        return defaultThreshold;
    }
}
