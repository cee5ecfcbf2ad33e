package dev.mlops.deploy.strategy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Judges a canary step on a health check: the canary's requests and errors since the step began
 * (differences of the cumulative counts), its reported p95 latency, and optionally the same of the
 * baseline. The latency guardrails ({@code maxP95}, {@code maxP95RatioToBaseline}) use the
 * endpoint's <em>cumulative</em> p95 (over all requests since the endpoint started), not a
 * per-step one: a {@link VariantHealth} carries a single percentile and no histogram, and
 * percentiles cannot be subtracted, so a latency regression late in a rollout is diluted by the
 * earlier steps' requests. The messages say "cumulative p95 latency" accordingly. Immutable and
 * thread-safe.
 */
final class CanaryGuardrails {
    private static final VariantHealth NONE = new VariantHealth(0, 0, Duration.ZERO);
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private final String baseline;
    private final String canary;
    private final long minRequests;
    private final double maxErrorRate;
    private final @Nullable Duration maxP95;
    private final @Nullable Double maxErrorRateAboveBaseline;
    private final @Nullable Double maxP95RatioToBaseline;

    CanaryGuardrails(CanarySettings settings) {
        this.baseline = settings.baseline();
        this.canary = settings.canary();
        this.minRequests = settings.minRequests();
        this.maxErrorRate = settings.maxErrorRate();
        this.maxP95 = settings.maxP95();
        this.maxErrorRateAboveBaseline = settings.maxErrorRateAboveBaseline();
        this.maxP95RatioToBaseline = settings.maxP95RatioToBaseline();
    }

    /** What a health check found. */
    enum Outcome {
        /** The canary answered fewer than {@code minRequests} requests since its step began: no judgement. */
        TOO_FEW_REQUESTS,
        /** At least one guardrail is breached. */
        BREACH,
        /** Every guardrail holds. */
        PASS
    }

    /**
     * @param outcome what was found
     * @param text the measured values and thresholds, in words
     */
    record Verdict(Outcome outcome, String text) {
    }

    /**
     * @param atStepStart each variant's cumulative health at the step's beginning (a variant absent had none)
     * @param now each variant's cumulative health now (a variant absent reported nothing new)
     * @return the verdict
     */
    Verdict judge(Map<String, VariantHealth> atStepStart, Map<String, VariantHealth> now) {
        VariantHealth step = since(atStepStart, now, canary);
        if (step.requests() < minRequests) {
            return new Verdict(Outcome.TOO_FEW_REQUESTS, "canary '" + canary + "' answered " + step.requests()
                    + " requests since the step began, fewer than minRequests " + minRequests);
        }
        List<String> breaches = new ArrayList<>();
        String measured = "canary '" + canary + "' answered " + step.requests() + " requests since the step began"
                + " with error rate " + decimal(step.errorRate()) + " (" + step.errors() + " errors; maxErrorRate "
                + maxErrorRate + ")";
        if (step.errorRate() > maxErrorRate) {
            breaches.add("canary '" + canary + "' error rate " + decimal(step.errorRate()) + " (" + step.errors()
                    + " errors of " + step.requests() + " requests since the step began) > maxErrorRate "
                    + maxErrorRate);
        }
        if (maxP95 != null) {
            measured += ", cumulative p95 latency " + step.p95Latency() + " (maxP95 " + maxP95 + ")";
            if (step.p95Latency().compareTo(maxP95) > 0) {
                breaches.add("canary '" + canary + "' cumulative p95 latency " + step.p95Latency() + " > maxP95 "
                        + maxP95);
            }
        }
        if (maxErrorRateAboveBaseline != null || maxP95RatioToBaseline != null) {
            VariantHealth base = since(atStepStart, now, baseline);
            if (base.requests() < Math.max(1, minRequests)) {
                measured += "; no comparison with baseline '" + baseline + "', which answered " + base.requests()
                        + " requests since the step began";
            } else {
                measured += compare(step, base, breaches);
            }
        }
        return breaches.isEmpty() ? new Verdict(Outcome.PASS, measured)
                : new Verdict(Outcome.BREACH, String.join("; ", breaches));
    }

    private String compare(VariantHealth step, VariantHealth base, List<String> breaches) {
        String measured = "; baseline '" + baseline + "' answered " + base.requests() + " requests with error rate "
                + decimal(base.errorRate()) + " and cumulative p95 latency " + base.p95Latency();
        if (maxErrorRateAboveBaseline != null) {
            double limit = base.errorRate() + maxErrorRateAboveBaseline;
            if (step.errorRate() > limit) {
                breaches.add("canary '" + canary + "' error rate " + decimal(step.errorRate()) + " > baseline '"
                        + baseline + "' error rate " + decimal(base.errorRate()) + " + maxErrorRateAboveBaseline "
                        + maxErrorRateAboveBaseline + " = " + decimal(limit));
            }
        }
        if (maxP95RatioToBaseline != null) {
            Duration limit = Duration.ofNanos(Math.round(base.p95Latency().toNanos() * maxP95RatioToBaseline));
            if (step.p95Latency().compareTo(limit) > 0) {
                breaches.add("canary '" + canary + "' cumulative p95 latency " + step.p95Latency()
                        + " > maxP95RatioToBaseline " + maxP95RatioToBaseline + " x baseline '" + baseline
                        + "' cumulative p95 latency " + base.p95Latency() + " = " + limit);
            }
        }
        return measured;
    }

    /**
     * A variant's requests and errors between two cumulative readings, with the later reading's
     * (cumulative) p95 latency: a p95 cannot be taken per step from two percentiles. Counts that
     * went down mean the endpoint restarted: the later reading counts whole.
     */
    static VariantHealth since(Map<String, VariantHealth> before, Map<String, VariantHealth> now, String variant) {
        VariantHealth later = now.getOrDefault(variant, NONE);
        VariantHealth earlier = before.getOrDefault(variant, NONE);
        if (later.requests() < earlier.requests() || later.errors() < earlier.errors()) {
            return later;
        }
        return new VariantHealth(later.requests() - earlier.requests(), later.errors() - earlier.errors(),
                later.p95Latency());
    }

    /** A rate with four significant digits, such as {@code 0.03333}, for causes and logs. */
    static String decimal(double value) {
        return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }
}
