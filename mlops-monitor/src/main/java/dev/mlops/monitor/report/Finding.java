package dev.mlops.monitor.report;

import dev.mlops.core.report.Severity;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One line of a report's summary: what was found, where, how serious it is, and the measured value
 * and threshold when there are numbers behind it.
 *
 * @param severity how serious the finding is
 * @param scope what it is about: a feature's name, a metric's, or the report as a whole
 * @param message what was found, in a sentence
 * @param measured the measured value, if the finding has one; may be non-finite
 * @param threshold the threshold it was compared with, if any; may be non-finite
 */
public record Finding(Severity severity, String scope, String message, OptionalDouble measured,
        OptionalDouble threshold) {

    /**
     * Validates the finding.
     *
     * @param severity how serious the finding is
     * @param scope what it is about: a feature's name, a metric's, or the report as a whole
     * @param message what was found, in a sentence
     * @param measured the measured value, if the finding has one
     * @param threshold the threshold it was compared with, if any
     * @throws IllegalArgumentException if the scope or message is blank
     */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Checks.notBlank("scope", scope);
        Checks.notBlank("message", message);
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(threshold, "threshold");
    }

    /**
     * A finding with a measured value compared with a threshold.
     *
     * @param severity how serious the finding is
     * @param scope what it is about
     * @param message what was found
     * @param measured the measured value
     * @param threshold the threshold it was compared with
     * @return the finding
     */
    public static Finding of(Severity severity, String scope, String message, double measured, double threshold) {
        return new Finding(severity, scope, message, OptionalDouble.of(measured), OptionalDouble.of(threshold));
    }

    /**
     * A finding without numbers, such as a missing column.
     *
     * @param severity how serious the finding is
     * @param scope what it is about
     * @param message what was found
     * @return the finding
     */
    public static Finding of(Severity severity, String scope, String message) {
        return new Finding(severity, scope, message, OptionalDouble.empty(), OptionalDouble.empty());
    }
}
