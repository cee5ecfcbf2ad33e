package dev.mlops.deploy.gate;

import dev.mlops.train.significance.BootstrapInterval;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One rule's finding on one scope (the validation set, a slice of it, the recent set).
 *
 * @param rule the rule's text form, such as {@code macro_f1 no lower than the reference by more than 0.01}
 * @param scope where it was checked: {@code validation}, {@code slice young} (of the validation
 *     set), {@code recent}, or {@code recent slice young}
 * @param candidate the candidate's value (a metric, a p95 in milliseconds)
 * @param reference the reference model's value, NaN where the rule reads none
 * @param difference {@code candidate - reference}, NaN where the rule reads no reference
 * @param interval the paired bootstrap interval of the difference, where one exists
 * @param pValue the test's p-value, for a significance rule with one
 * @param threshold the limit the rule holds the candidate to, in the candidate's units
 * @param verdict passed, failed or skipped
 * @param message the finding in words, with the values
 */
public record RuleResult(String rule, String scope, double candidate, double reference, double difference,
        @Nullable BootstrapInterval interval, OptionalDouble pValue, double threshold, Verdict verdict,
        String message) {
    /**
     * Checks the parts.
     *
     * @param rule the rule's text form
     * @param scope where it was checked
     * @param candidate the candidate's value
     * @param reference the reference's value, or NaN
     * @param difference the difference, or NaN
     * @param interval the interval of the difference, or null
     * @param pValue the p-value, if any
     * @param threshold the limit
     * @param verdict the verdict
     * @param message the finding in words
     */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }

    /** @return true if the verdict is {@link Verdict#FAIL} */
    public boolean failed() {
        return verdict == Verdict.FAIL;
    }
}
