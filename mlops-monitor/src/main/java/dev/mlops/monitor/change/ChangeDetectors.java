package dev.mlops.monitor.change;

/**
 * The built-in change detectors. Both work in units of the series' in-control standard
 * deviation σ, estimated from the first {@value #DEFAULT_WARMUP} values unless given, so one set
 * of defaults suits any drift statistic (a KS distance near 0.05, a PSI near 0.01, an accuracy
 * near 0.9) without tuning to its scale.
 *
 * <pre>{@code
 * ChangeTracker tracker = ChangeDetectors.pageHinkley().start();
 * tracker.add(windowEnd, ksStatistic).ifPresent(change -> ...);
 * }</pre>
 *
 * <p>The defaults, slack {@value #DEFAULT_SLACK}σ, threshold {@value #DEFAULT_THRESHOLD}σ and
 * {@value #DEFAULT_WARMUP} warm-up values, aim at shifts of about one σ and favour few false
 * alarms: a drift metric comes once a window (an hour, a day), so a series is short and a false
 * alarm costs a person's time. With μ0 and σ known, a two-sided CUSUM with k = 0.5 and h = 10
 * runs about 70,700 in-control values between false alarms and detects a 1σ shift after about 20
 * values, a 2σ shift after about 7 (Siegmund's approximation,
 * {@code ARL = (exp(-2Δb) + 2Δb - 1) / (2Δ²)}, {@code Δ = shift - k}, {@code b = h + 1.166}).
 * With both estimated from the warm-up the false-alarm rate is higher: over 200 in-control values
 * after the warm-up, 5.2 % of 4,000 seeded normal series had a false alarm with CUSUM and 0.8 %
 * with Page–Hinkley ({@code ChangeDetectorsTest} sweeps it). Lower the threshold to detect sooner:
 * h = 5 is the textbook choice for a process sampled often (465 values between false alarms with
 * μ0 and σ known, a 1σ shift detected after about 10).
 */
public final class ChangeDetectors {

    /** The default slack (Page–Hinkley's δ, CUSUM's k), in σ: {@value}. */
    public static final double DEFAULT_SLACK = 0.5;
    /** The default threshold (Page–Hinkley's λ, CUSUM's h), in σ: {@value}. */
    public static final double DEFAULT_THRESHOLD = 10.0;
    /** The default number of warm-up values that estimate σ (and CUSUM's target): {@value}. */
    public static final int DEFAULT_WARMUP = 50;

    private ChangeDetectors() {
        throw new AssertionError("no instances");
    }

    /** @return the two-sided Page–Hinkley test with its {@linkplain PageHinkleySettings#defaults() defaults} */
    public static ChangeDetector pageHinkley() {
        return pageHinkley(PageHinkleySettings.defaults());
    }

    /**
     * The two-sided Page–Hinkley test (E. S. Page, "Continuous inspection schemes", Biometrika 41,
     * 1954; D. V. Hinkley, "Inference about the change-point from cumulative sum tests",
     * Biometrika 58, 1971; the streaming form of Gama et al., "A survey on concept drift
     * adaptation", ACM Computing Surveys 46, 2014): with {@code x̄_t} the running mean of the
     * values since the (re)start and {@code m_t = Σ (x_i - x̄_i - δσ)}, a rise is detected when
     * {@code m_t - min m > λσ}, a fall symmetrically. Needs no in-control level, only σ: it
     * follows a series whose level it does not know.
     *
     * @param settings δ, λ, the warm-up and σ
     * @return the detector
     */
    public static ChangeDetector pageHinkley(PageHinkleySettings settings) {
        return new PageHinkley(settings);
    }

    /** @return the two-sided tabular CUSUM with its {@linkplain CusumSettings#defaults() defaults} */
    public static ChangeDetector cusum() {
        return cusum(CusumSettings.defaults());
    }

    /**
     * The two-sided tabular CUSUM (Montgomery, <i>Introduction to Statistical Quality Control</i>,
     * 6th ed., section 9.1.2): with {@code z = (x - μ0) / σ},
     * {@code C⁺ = max(0, C⁺ + z - k)} and {@code C⁻ = max(0, C⁻ - z - k)}; a change when either
     * exceeds h, the change point being the value after the sum last stood at zero. The in-control
     * level μ0 is the known target or the mean of the warm-up values.
     *
     * @param settings k, h, the warm-up, the target and σ
     * @return the detector
     */
    public static ChangeDetector cusum(CusumSettings settings) {
        return new Cusum(settings);
    }
}
