package dev.mlops.monitor.violation;

import dev.mlops.core.report.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of a {@link ViolationReport}. Immutable and thread-safe.
 *
 * @param type what the finding is about
 * @param column the column it is about; empty for the whole table (an empty window)
 * @param severity how serious it is
 * @param measured the measured value in the units {@link ViolationType} documents (a share, a
 *     p-value, a distance, a row count); NaN for a missing or extra column and a type change
 * @param threshold the value it was held against; NaN where {@code measured} is
 * @param message a sentence for people that names the column, what was measured and against what
 */
public record Violation(ViolationType type, Optional<String> column, Severity severity, double measured,
        double threshold, String message) {

    /**
     * Validates the finding.
     *
     * @param type what the finding is about
     * @param column the column it is about; empty for the whole table
     * @param severity how serious it is
     * @param measured the measured value; NaN where there is none
     * @param threshold the value it was held against; NaN where there is none
     * @param message a sentence for people
     */
    public Violation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
