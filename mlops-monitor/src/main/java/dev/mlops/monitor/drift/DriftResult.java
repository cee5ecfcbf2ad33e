package dev.mlops.monitor.drift;

import dev.mlops.data.stat.TestMethod;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a {@link DriftDetector} found for one column. Immutable and thread-safe.
 *
 * <p>The verdict follows the {@link Rule}: a test drifts when its p-value (the
 * {@link #adjustedPValue() adjusted} one after a multiple-testing correction, see
 * {@link Correction}) is below the threshold, a distance or shift when the absolute statistic is
 * at least the threshold. {@link #pValueKind()} says whether the p-value is exact, approximate or
 * absent.
 *
 * @param detector the detector's type name, such as {@code "ks"}
 * @param statistic the statistic's name, such as {@code "ks"}, {@code "jensen-shannon"} or {@code "mean-shift"}
 * @param value the statistic or distance, in the units its detector documents; may be infinite
 *     for a shift from a constant reference
 * @param pValue the p-value of a test; empty for a distance or shift
 * @param method how the statistic and p-value were computed: exact, asymptotic, or from a sketch
 * @param referenceError with {@link TestMethod#SKETCH}, the bound on the error of each reference
 *     fraction or share read from the sketch; 0 otherwise
 * @param rule how the threshold decides the verdict
 * @param threshold the significance level of a test, in {@code (0, 1)}, or the least absolute
 *     statistic that is drift, above 0
 * @param adjustedPValue the p-value after a correction for testing many columns; empty before
 * @param currentSize how many current values were compared
 * @param referenceSize how many reference values were compared
 */
public record DriftResult(String detector, String statistic, double value, OptionalDouble pValue, TestMethod method,
        double referenceError, Rule rule, double threshold, OptionalDouble adjustedPValue, long currentSize,
        long referenceSize) {

    /** How the threshold decides the verdict. */
    public enum Rule {
        /** A test: drift when the (adjusted) p-value is below the threshold, the significance level. */
        P_VALUE_BELOW,
        /** A distance or shift: drift when the absolute statistic is at least the threshold. */
        STATISTIC_AT_LEAST
    }

    /** How far a p-value can be trusted. */
    public enum PValueKind {
        /** From the statistic's exact null distribution on exact data. */
        EXACT,
        /** From a large-sample approximation, or from a reference read from a sketch. */
        APPROXIMATE,
        /** No p-value: the detector measures a distance or a shift. */
        ABSENT
    }

    /**
     * Validates the result.
     *
     * @param detector the detector's type name, such as {@code "ks"}
     * @param statistic the statistic's name
     * @param value the statistic or distance
     * @param pValue the p-value of a test; empty for a distance or shift
     * @param method how the statistic and p-value were computed
     * @param referenceError with {@link TestMethod#SKETCH}, the bound on the error read from the sketch; 0 otherwise
     * @param rule how the threshold decides the verdict
     * @param threshold the significance level of a test, in {@code (0, 1)}, or the least absolute
     *     statistic that is drift, above 0
     * @param adjustedPValue the p-value after a multiple-testing correction; empty before
     * @param currentSize how many current values were compared
     * @param referenceSize how many reference values were compared
     * @throws IllegalArgumentException if a test has no p-value, a threshold is out of its range, a
     *     p-value is outside {@code [0, 1]} or a size is negative; the message names the argument and value
     */
    public DriftResult {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(adjustedPValue, "adjustedPValue");
        if (rule == Rule.P_VALUE_BELOW) {
            if (pValue.isEmpty()) {
                throw new IllegalArgumentException("a test's result must have a p-value but detector '" + detector
                        + "' gave none");
            }
            Thresholds.alpha(threshold);
        } else {
            Thresholds.distance(threshold);
        }
        probability("pValue", pValue);
        probability("adjustedPValue", adjustedPValue);
        if (currentSize < 0 || referenceSize < 0) {
            throw new IllegalArgumentException("sizes must not be negative but were currentSize " + currentSize
                    + " and referenceSize " + referenceSize);
        }
    }

    /** @return true if the column drifted by the {@link Rule} */
    public boolean drift() {
        if (rule == Rule.P_VALUE_BELOW) {
            return adjustedPValue.orElse(pValue.getAsDouble()) < threshold;
        }
        return Math.abs(value) >= threshold;
    }

    /** @return whether the p-value is exact, approximate (asymptotic or from a sketch) or absent */
    public PValueKind pValueKind() {
        if (pValue.isEmpty()) {
            return PValueKind.ABSENT;
        }
        return method == TestMethod.EXACT ? PValueKind.EXACT : PValueKind.APPROXIMATE;
    }

    /**
     * @param adjusted the p-value after a correction for testing many columns, in {@code [0, 1]}
     * @return this result with that adjusted p-value, whose verdict follows it
     * @throws IllegalArgumentException if the result has no p-value or {@code adjusted} is outside {@code [0, 1]}
     */
    public DriftResult withAdjustedPValue(double adjusted) {
        if (pValue.isEmpty()) {
            throw new IllegalArgumentException("detector '" + detector + "' measured a " + statistic
                    + " without a p-value, which cannot be adjusted");
        }
        return new DriftResult(detector, statistic, value, pValue, method, referenceError, rule, threshold,
                OptionalDouble.of(adjusted), currentSize, referenceSize);
    }

    private static void probability(String argument, OptionalDouble p) {
        if (p.isPresent() && !(p.getAsDouble() >= 0.0 && p.getAsDouble() <= 1.0)) {
            throw new IllegalArgumentException(argument + " must be in [0, 1] but was " + p.getAsDouble());
        }
    }
}
