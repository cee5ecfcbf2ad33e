package dev.mlops.deploy.strategy;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The plan of a {@link CanaryStrategy}: the two variants, the schedule of the canary's traffic
 * shares, the bake time of each step and the guardrails. Settings left {@code null} take their
 * defaults, so a spec names only what it changes:
 * <pre>{@code
 * canary(baseline=blue, canary=green, steps="5,25,50,100", bake=PT10M, maxErrorRate=0.01, maxP95=PT0.2S, minRequests=100)
 * canary(baseline=blue, canary=green, steps="linear(10)", maxErrorRateAboveBaseline=0.005)
 * }</pre>
 *
 * @param baseline the variant that serves before the rollout and gets the traffic back on a rollback
 * @param canary the new variant, whose share the schedule raises
 * @param steps the canary's traffic shares in percent, one per step: a comma-separated list that
 *     strictly increases within (0, 100], such as {@code "5,25,50,100"}, or {@code "linear(S)"} for
 *     S, 2S, 3S, ... percent up to 100 (S in (0, 100]; a last step of 100 is added when S does not
 *     divide 100); default {@value #DEFAULT_STEPS}
 * @param bake how long each step runs with no breach before the next one, not negative; default 10 minutes
 * @param minRequests the fewest requests the canary must have answered since its step began before
 *     a health check judges it; with fewer the step keeps baking; at least 0, default
 *     {@value #DEFAULT_MIN_REQUESTS}
 * @param maxErrorRate the highest error rate of the canary since its step began, in [0, 1];
 *     default {@value #DEFAULT_MAX_ERROR_RATE}
 * @param maxP95 the highest p95 latency of the canary that a health check may report, positive;
 *     {@code null} for no latency guardrail. The reported p95 is the endpoint's cumulative one
 *     (since it started), not the step's: a {@code VariantHealth} carries no histogram to subtract
 * @param maxErrorRateAboveBaseline how far the canary's error rate since its step began may exceed
 *     the baseline's over the same time, in [0, 1]; {@code null} for no comparison
 * @param maxP95RatioToBaseline how many times the baseline's reported (cumulative) p95 latency the
 *     canary's may be, positive; {@code null} for no comparison
 * @param salt the text whose {@link UnitHash#salt hash} places unit ids; default
 *     {@code canary:BASELINE->CANARY}, so each pair of variants picks its own first units
 */
public record CanarySettings(String baseline, String canary, @Nullable String steps, @Nullable Duration bake,
        @Nullable Long minRequests, @Nullable Double maxErrorRate, @Nullable Duration maxP95,
        @Nullable Double maxErrorRateAboveBaseline, @Nullable Double maxP95RatioToBaseline, @Nullable String salt) {

    /** The default schedule: 5 %, 25 %, 50 %, then 100 % of the traffic on the canary. */
    public static final String DEFAULT_STEPS = "5,25,50,100";
    /** The default bake time of each step: 10 minutes. */
    public static final Duration DEFAULT_BAKE = Duration.ofMinutes(10);
    /** The default fewest requests a step's guardrails need. */
    public static final long DEFAULT_MIN_REQUESTS = 100;
    /** The default highest error rate of the canary. */
    public static final double DEFAULT_MAX_ERROR_RATE = 0.01;

    /**
     * Fills in the defaults and checks the settings.
     *
     * @param baseline the baseline variant, not blank
     * @param canary the canary variant, not blank and not the baseline
     * @param steps the schedule, or {@code null} for {@value #DEFAULT_STEPS}
     * @param bake the bake time per step, not negative, or {@code null} for 10 minutes
     * @param minRequests the fewest requests, at least 0, or {@code null} for {@value #DEFAULT_MIN_REQUESTS}
     * @param maxErrorRate the highest error rate in [0, 1], or {@code null} for {@value #DEFAULT_MAX_ERROR_RATE}
     * @param maxP95 the highest p95 latency, positive, or {@code null} for none
     * @param maxErrorRateAboveBaseline the margin over the baseline's error rate in [0, 1], or {@code null}
     * @param maxP95RatioToBaseline the ratio to the baseline's p95 latency, positive, or {@code null}
     * @param salt the salt's text, not blank, or {@code null} for {@code canary:BASELINE->CANARY}
     * @throws IllegalArgumentException if a setting is missing or out of range; the message names it and its value
     */
    public CanarySettings {
        Variants.check("baseline", baseline);
        Variants.check("canary", canary);
        if (baseline.equals(canary)) {
            throw new IllegalArgumentException("the settings 'baseline' and 'canary' must name two variants but both"
                    + " were '" + baseline + "'");
        }
        steps = steps == null ? DEFAULT_STEPS : steps;
        CanarySchedule.parse(steps);
        bake = bake == null ? DEFAULT_BAKE : bake;
        if (bake.isNegative()) {
            throw new IllegalArgumentException("the setting 'bake' must not be negative but was " + bake);
        }
        minRequests = minRequests == null ? DEFAULT_MIN_REQUESTS : minRequests;
        if (minRequests < 0) {
            throw new IllegalArgumentException("the setting 'minRequests' must be at least 0 but was " + minRequests);
        }
        maxErrorRate = maxErrorRate == null ? DEFAULT_MAX_ERROR_RATE : maxErrorRate;
        rate("maxErrorRate", maxErrorRate);
        if (maxP95 != null && (maxP95.isNegative() || maxP95.isZero())) {
            throw new IllegalArgumentException("the setting 'maxP95' must be a positive duration but was " + maxP95);
        }
        if (maxErrorRateAboveBaseline != null) {
            rate("maxErrorRateAboveBaseline", maxErrorRateAboveBaseline);
        }
        if (maxP95RatioToBaseline != null && !(maxP95RatioToBaseline > 0 && maxP95RatioToBaseline < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the setting 'maxP95RatioToBaseline' must be a positive number but was "
                    + maxP95RatioToBaseline);
        }
        salt = salt == null ? "canary:" + baseline + "->" + canary : salt;
        if (salt.isBlank()) {
            throw new IllegalArgumentException("the setting 'salt' must not be blank but was '" + salt + "'");
        }
    }

    /**
     * Starts settings with every default: steps {@value #DEFAULT_STEPS}, a bake time of 10 minutes,
     * {@value #DEFAULT_MIN_REQUESTS} requests at least, an error rate of at most
     * {@value #DEFAULT_MAX_ERROR_RATE}, no latency guardrail, no comparison with the baseline.
     *
     * @param baseline the variant that serves before the rollout
     * @param canary the new variant
     * @return a builder
     */
    public static Builder builder(String baseline, String canary) {
        return new Builder(baseline, canary);
    }

    private static void rate(String setting, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the setting '" + setting + "' must be in [0, 1] but was " + value);
        }
    }

    /** Builds {@link CanarySettings}; each method replaces one setting. Not thread-safe. */
    public static final class Builder {
        private final String baseline;
        private final String canary;
        private @Nullable String steps;
        private @Nullable Duration bake;
        private @Nullable Long minRequests;
        private @Nullable Double maxErrorRate;
        private @Nullable Duration maxP95;
        private @Nullable Double maxErrorRateAboveBaseline;
        private @Nullable Double maxP95RatioToBaseline;
        private @Nullable String salt;

        private Builder(String baseline, String canary) {
            this.baseline = Objects.requireNonNull(baseline, "baseline");
            this.canary = Objects.requireNonNull(canary, "canary");
        }

        /**
         * @param steps the schedule, such as {@code "5,25,50,100"} or {@code "linear(10)"}
         * @return this builder
         */
        public Builder steps(String steps) {
            this.steps = Objects.requireNonNull(steps, "steps");
            return this;
        }

        /**
         * @param bake the bake time of each step
         * @return this builder
         */
        public Builder bake(Duration bake) {
            this.bake = Objects.requireNonNull(bake, "bake");
            return this;
        }

        /**
         * @param minRequests the fewest requests since a step began that its guardrails need
         * @return this builder
         */
        public Builder minRequests(long minRequests) {
            this.minRequests = minRequests;
            return this;
        }

        /**
         * @param maxErrorRate the canary's highest error rate since its step began
         * @return this builder
         */
        public Builder maxErrorRate(double maxErrorRate) {
            this.maxErrorRate = maxErrorRate;
            return this;
        }

        /**
         * @param maxP95 the canary's highest reported p95 latency
         * @return this builder
         */
        public Builder maxP95(Duration maxP95) {
            this.maxP95 = Objects.requireNonNull(maxP95, "maxP95");
            return this;
        }

        /**
         * @param margin how far the canary's error rate may exceed the baseline's
         * @return this builder
         */
        public Builder maxErrorRateAboveBaseline(double margin) {
            this.maxErrorRateAboveBaseline = margin;
            return this;
        }

        /**
         * @param ratio how many times the baseline's p95 latency the canary's may be
         * @return this builder
         */
        public Builder maxP95RatioToBaseline(double ratio) {
            this.maxP95RatioToBaseline = ratio;
            return this;
        }

        /**
         * @param salt the text whose hash places unit ids
         * @return this builder
         */
        public Builder salt(String salt) {
            this.salt = Objects.requireNonNull(salt, "salt");
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if a setting is out of range
         */
        public CanarySettings build() {
            return new CanarySettings(baseline, canary, steps, bake, minRequests, maxErrorRate, maxP95,
                    maxErrorRateAboveBaseline, maxP95RatioToBaseline, salt);
        }
    }
}
