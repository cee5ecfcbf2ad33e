package dev.mlops.examples.lifecycle;

import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.registry.ModelVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What steps 5 and 6 found: the gates, and the versions registered.
 *
 * @param firstProduction when no model was in production, the gate that made the first model
 *     production (against the baseline); empty when production existed already
 * @param production the version in production after the step
 * @param candidate the candidate's version as registered, approved and moved (staging when its
 *     gate passed)
 * @param candidateGate the candidate's gate against the production model
 * @param gateFiles every gate report written, in order
 */
public record PromotionOutcome(Optional<GateReport> firstProduction, ModelVersion production, ModelVersion candidate,
        GateReport candidateGate, List<Path> gateFiles) {

    /** Checks that nothing is missing and copies the files. */
    public PromotionOutcome {
        Objects.requireNonNull(firstProduction, "firstProduction");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(candidateGate, "candidateGate");
        gateFiles = List.copyOf(gateFiles);
    }
}
