package dev.mlops.deploy.registry;

import java.util.List;
import java.util.Objects;

/**
 * The checks behind a version, as its registered {@link dev.mlops.deploy.gate.GateReport} told
 * them: the verdict, the reference model, the rules and the findings that failed.
 *
 * @param passed true if no finding failed
 * @param reference the model the candidate was compared with
 * @param referenceRole {@code production} or {@code baseline}
 * @param validation the validation set: name, rows and fingerprint
 * @param rules the rules in words, in order; unmodifiable
 * @param failures the failed findings in words ({@code rule [scope]: message}), in order; unmodifiable
 */
public record GateSummary(boolean passed, String reference, String referenceRole, String validation,
        List<String> rules, List<String> failures) {
    /**
     * Checks the parts.
     *
     * @param passed the verdict
     * @param reference the reference model
     * @param referenceRole its role
     * @param validation the validation set
     * @param rules the rules
     * @param failures the failed findings
     */
    public GateSummary {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(referenceRole, "referenceRole");
        Objects.requireNonNull(validation, "validation");
        rules = List.copyOf(rules);
        failures = List.copyOf(failures);
    }
}
