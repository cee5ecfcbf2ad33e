package dev.mlops.data.check;

import dev.mlops.core.report.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The settings of the checks that test one column against the reference at a significance level
 * ({@code "mean-shift"}, {@code "ks"}, {@code "chi-square"}), as a suite's JSON object and a spec
 * string ({@code ks(column=age, alpha=0.05)}) name them; an absent optional setting takes its
 * default. The check validates them when it is built.
 *
 * @param column the column to compare
 * @param alpha the significance level, in (0, 1); default {@value #DEFAULT_ALPHA}
 * @param severity how serious a failure is; default error
 */
public record SignificanceTestSettings(String column, @Nullable Double alpha, @Nullable Severity severity) {
    /** The significance level when none is given. */
    public static final double DEFAULT_ALPHA = 0.01;

    /**
    * Fills in the defaults.
    *
    * @param column the column to compare
    * @param alpha the significance level, in (0, 1); default {@value #DEFAULT_ALPHA}
    * @param severity how serious a failure is; default error
    */
    public SignificanceTestSettings {
        alpha = alpha == null ? DEFAULT_ALPHA : alpha;
        severity = severity == null ? Severity.ERROR : severity;
    }
}
