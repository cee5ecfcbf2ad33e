package dev.mlops.data.stat;

/** How a {@link TwoSampleResult} was computed, so a reader knows how far to trust it. */
public enum TestMethod {
    /**
     * From the exact data on both sides; the p-value, if any, from the statistic's exact
     * distribution under the null hypothesis (e.g. the two-sample Kolmogorov–Smirnov path count).
     */
    EXACT,
    /**
     * From the exact data on both sides; the p-value from an approximating distribution that holds
     * for large samples (Kolmogorov's limit, chi-square with {@code k - 1} degrees of freedom,
     * Student's t with Welch–Satterthwaite degrees of freedom).
     */
    ASYMPTOTIC,
    /**
     * The reference was read from a sketch (KLL quantiles, frequent items): the statistic is
     * within {@link TwoSampleResult#referenceError()} of the exact one as the method describes,
     * and a p-value, if any, is approximate.
     */
    SKETCH
}
