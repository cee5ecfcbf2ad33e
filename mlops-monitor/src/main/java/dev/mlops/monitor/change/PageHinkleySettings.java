package dev.mlops.monitor.change;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the two-sided Page–Hinkley test ({@link ChangeDetectors#pageHinkley(PageHinkleySettings)}),
 * in units of the series' in-control standard deviation σ.
 *
 * @param delta the magnitude tolerated without alarm, δ, in σ: each value's deviation from the
 *     running mean counts only beyond it; about half the smallest shift worth detecting
 *     (default {@value ChangeDetectors#DEFAULT_SLACK}), at least 0
 * @param lambda the threshold λ, in σ, that the cumulative deviation must exceed (default
 *     {@value ChangeDetectors#DEFAULT_THRESHOLD}), above 0
 * @param warmup how many values (default {@value ChangeDetectors#DEFAULT_WARMUP}) estimate σ
 *     before detection starts, and again after each detection; 0 only with {@code sigma} given
 * @param sigma the in-control standard deviation in the series' units, above 0; {@code null}
 *     to estimate it from the warm-up values
 */
public record PageHinkleySettings(@Nullable Double delta, @Nullable Double lambda, @Nullable Integer warmup,
        @Nullable Double sigma) {

    /**
     * Fills in the defaults of the settings not given (so that a spec such as
     * {@code page-hinkley(warmup=10)} names only what it changes) and checks them.
     *
     * @param delta the magnitude tolerated, in σ, at least 0; {@code null} for the default
     * @param lambda the threshold, in σ, above 0; {@code null} for the default
     * @param warmup the warm-up length, at least 2 when σ is estimated; {@code null} for the default
     * @param sigma the in-control standard deviation, above 0, or {@code null}
     * @throws IllegalArgumentException if a setting is out of its range; the message names it and its value
     */
    public PageHinkleySettings {
        delta = delta == null ? ChangeDetectors.DEFAULT_SLACK : delta;
        lambda = lambda == null ? ChangeDetectors.DEFAULT_THRESHOLD : lambda;
        warmup = warmup == null ? ChangeDetectors.DEFAULT_WARMUP : warmup;
        Parameters.check("delta", delta, "lambda", lambda, warmup, sigma);
    }

    /** @return the defaults: δ = 0.5, λ = 10, 50 warm-up values, σ estimated */
    public static PageHinkleySettings defaults() {
        return new PageHinkleySettings(ChangeDetectors.DEFAULT_SLACK, ChangeDetectors.DEFAULT_THRESHOLD,
                ChangeDetectors.DEFAULT_WARMUP, null);
    }
}
