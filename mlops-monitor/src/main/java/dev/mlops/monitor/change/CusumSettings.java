package dev.mlops.monitor.change;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the two-sided tabular CUSUM ({@link ChangeDetectors#cusum(CusumSettings)}), in
 * units of the series' in-control standard deviation σ, as in Montgomery, <i>Introduction to
 * Statistical Quality Control</i>, section 9.1 ("The Tabular or Algorithmic CUSUM").
 *
 * @param k the reference value (slack) K, in σ: about half the shift worth detecting (default
 *     {@value ChangeDetectors#DEFAULT_SLACK}), at least 0
 * @param h the decision interval H, in σ (default {@value ChangeDetectors#DEFAULT_THRESHOLD}),
 *     above 0
 * @param warmup how many values (default {@value ChangeDetectors#DEFAULT_WARMUP}) estimate the
 *     target and σ that are not given, before detection starts and again after each detection;
 *     0 only with both given
 * @param target the in-control mean μ0 in the series' units; {@code null} to estimate it from
 *     the warm-up values
 * @param sigma the in-control standard deviation in the series' units, above 0; {@code null} to
 *     estimate it from the warm-up values
 */
public record CusumSettings(@Nullable Double k, @Nullable Double h, @Nullable Integer warmup, @Nullable Double target,
        @Nullable Double sigma) {

    /**
     * Fills in the defaults of the settings not given (so that a spec such as
     * {@code cusum(h=5)} names only what it changes) and checks them.
     *
     * @param k the reference value, in σ, at least 0; {@code null} for the default
     * @param h the decision interval, in σ, above 0; {@code null} for the default
     * @param warmup the warm-up length, at least 2 when a parameter is estimated; {@code null} for the default
     * @param target the in-control mean, or {@code null}
     * @param sigma the in-control standard deviation, above 0, or {@code null}
     * @throws IllegalArgumentException if a setting is out of its range; the message names it and its value
     */
    public CusumSettings {
        k = k == null ? ChangeDetectors.DEFAULT_SLACK : k;
        h = h == null ? ChangeDetectors.DEFAULT_THRESHOLD : h;
        warmup = warmup == null ? ChangeDetectors.DEFAULT_WARMUP : warmup;
        Parameters.check("k", k, "h", h, warmup, sigma);
        if (target != null && !Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be finite but was " + target);
        }
        if (target == null && warmup < 1) {
            throw new IllegalArgumentException("warmup must be at least 1 to estimate the target but was " + warmup);
        }
    }

    /** @return the defaults: k = 0.5, h = 10, 50 warm-up values, target and σ estimated */
    public static CusumSettings defaults() {
        return new CusumSettings(ChangeDetectors.DEFAULT_SLACK, ChangeDetectors.DEFAULT_THRESHOLD,
                ChangeDetectors.DEFAULT_WARMUP, null, null);
    }

    /**
     * @param target the known in-control mean μ0
     * @param sigma the known in-control standard deviation, above 0
     * @param k the reference value, in σ
     * @param h the decision interval, in σ
     * @return settings with both parameters known and no warm-up
     */
    public static CusumSettings known(double target, double sigma, double k, double h) {
        return new CusumSettings(k, h, 0, target, sigma);
    }
}
