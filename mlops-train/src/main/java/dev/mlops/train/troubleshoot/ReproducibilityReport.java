package dev.mlops.train.troubleshoot;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link ReproducibilityCheck}: whether two runs of an experiment on the same
 * context gave the same predictions and metrics, and if not, the first difference.
 *
 * @param experiment the experiment's spec
 * @param difference the first difference (a metric, or a row and column of the predictions), or null
 */
public record ReproducibilityReport(String experiment, @Nullable String difference) {
    /**
     * Checks the spec.
     *
     * @param experiment the spec
     * @param difference the first difference, or null
     */
    public ReproducibilityReport {
        Objects.requireNonNull(experiment, "experiment");
    }

    /** @return true if both runs gave the same predictions and metrics */
    public boolean reproducible() {
        return difference == null;
    }
}
