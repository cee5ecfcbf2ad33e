package dev.mlops.data.stat;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a two-sample test or distance measured. Immutable and thread-safe.
 *
 * @param test the statistic's name, such as {@value KolmogorovSmirnov#NAME} or
 *     {@value PopulationStability#NAME}
 * @param statistic the test statistic or distance, in the units its class documents; may be
 *     infinite or NaN only where that class says so
 * @param pValue the two-sided p-value in {@code [0, 1]} of a test; empty for a distance, and for a
 *     test that is undefined on the data (as its class documents)
 * @param currentSize how many current values (or the total count of categories) were compared
 * @param referenceSize how many reference values (or the total count of categories) were compared
 * @param method how the statistic and p-value were computed
 * @param referenceError with {@link TestMethod#SKETCH}, the bound on the error of each reference
 *     fraction or share read from the sketch, as a fraction in {@code [0, 1]}; 0 otherwise
 * @param bins how many bins or categories the statistic compared; 0 for a test of the values
 *     themselves (Kolmogorov–Smirnov, Welch's t)
 */
public record TwoSampleResult(String test, double statistic, OptionalDouble pValue, long currentSize,
        long referenceSize, TestMethod method, double referenceError, int bins) {

    /**
     * Validates the result.
     *
     * @param test the statistic's name, such as {@value KolmogorovSmirnov#NAME} or
     *     {@value PopulationStability#NAME}
     * @param statistic the test statistic or distance, in the units its class documents; may be
     *     infinite or NaN only where that class says so
     * @param pValue the two-sided p-value in {@code [0, 1]} of a test; empty for a distance, and for a
     *     test that is undefined on the data (as its class documents)
     * @param currentSize how many current values (or the total count of categories) were compared
     * @param referenceSize how many reference values (or the total count of categories) were compared
     * @param method how the statistic and p-value were computed
     * @param referenceError with {@link TestMethod#SKETCH}, the bound on the error of each reference
     *     fraction or share read from the sketch, as a fraction in {@code [0, 1]}; 0 otherwise
     * @param bins how many bins or categories the statistic compared; 0 for a test of the values
     *     themselves (Kolmogorov–Smirnov, Welch's t)
     * @throws IllegalArgumentException if the name is blank, a p-value is outside {@code [0, 1]}, a
     *     size or {@code bins} is negative, or {@code referenceError} is outside {@code [0, 1]}; the
     *     message names the argument and the value
     */
    public TwoSampleResult {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(method, "method");
        if (test.isBlank()) {
            throw new IllegalArgumentException("test must not be blank but was '" + test + "'");
        }
        if (pValue.isPresent() && !(pValue.getAsDouble() >= 0.0 && pValue.getAsDouble() <= 1.0)) {
            throw new IllegalArgumentException("pValue must be in [0, 1] but was " + pValue.getAsDouble());
        }
        if (currentSize < 0) {
            throw new IllegalArgumentException("currentSize must not be negative but was " + currentSize);
        }
        if (referenceSize < 0) {
            throw new IllegalArgumentException("referenceSize must not be negative but was " + referenceSize);
        }
        if (!(referenceError >= 0.0 && referenceError <= 1.0)) {
            throw new IllegalArgumentException("referenceError must be in [0, 1] but was " + referenceError);
        }
        if (bins < 0) {
            throw new IllegalArgumentException("bins must not be negative but was " + bins);
        }
    }
}
