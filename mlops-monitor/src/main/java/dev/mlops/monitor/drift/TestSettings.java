package dev.mlops.monitor.drift;

import org.jspecify.annotations.Nullable;

/**
 * The settings of the detectors that test for drift at a significance level ({@code "ks"},
 * {@code "chi-square"}, {@code "welch-t"}), as a spec string such as {@code ks(alpha=0.01)} names them.
 *
 * @param alpha the significance level: drift when the p-value is below it, in {@code (0, 1)};
 *     default {@value #DEFAULT_ALPHA}
 */
public record TestSettings(@Nullable Double alpha) {
    /** The significance level when none is given, Evidently's. */
    public static final double DEFAULT_ALPHA = 0.05;

    /**
     * Fills in the default and validates.
     *
     * @param alpha the significance level, in {@code (0, 1)}; default {@value #DEFAULT_ALPHA}
     * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
     */
    public TestSettings {
        alpha = Thresholds.alpha(alpha == null ? DEFAULT_ALPHA : alpha);
    }
}
