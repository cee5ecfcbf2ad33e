package dev.mlops.examples.lifecycle;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one walk of {@link CreditApprovalLifecycle} found, step by step.
 *
 * @param directory the output directory
 * @param applications how many applications were loaded (step 1)
 * @param checks the data checks (step 2)
 * @param split the recent set, the split, the slices and the leakage report (step 3)
 * @param training the tracked baselines and experiments (step 4)
 * @param promotion the gates and the registered versions (steps 5 and 6)
 * @param operations the canary, drift, alarm, rollback, late-label quality and report (steps 7 to 10)
 */
public record LifecycleOutcome(Path directory, int applications, ChecksOutcome checks, SplitOutcome split,
        TrainingOutcome training, PromotionOutcome promotion, OperationsOutcome operations) {

    /** Checks that nothing is missing. */
    public LifecycleOutcome {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(operations, "operations");
    }
}
