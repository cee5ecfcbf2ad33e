package dev.mlops.data.leakage;

import dev.mlops.core.report.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What one check found.
 *
 * @param check the check's name, such as {@code "exact-duplicates"}
 * @param severity how serious it is
 * @param message a sentence for people that names what was measured and where
 * @param measured the measured value (a count of rows or ids, or a p-value); NaN when the check
 *     could not measure
 * @param threshold the value {@code measured} is judged against (a count above it, or a p-value
 *     below it, is a problem); NaN when there is none
 * @param examples a bounded sample of the rows behind the finding, unmodifiable; empty when
 *     there is nothing to show
 */
public record Finding(String check, Severity severity, String message, double measured, double threshold,
        List<Example> examples) {

    /**
    * Copies the examples.
    *
    * @param check the check's name, such as {@code "exact-duplicates"}
    * @param severity how serious it is
    * @param message a sentence for people that names what was measured and where
    * @param measured the measured value (a count of rows or ids, or a p-value); NaN when the check
    *     could not measure
    * @param threshold the value {@code measured} is judged against (a count above it, or a p-value
    *     below it, is a problem); NaN when there is none
    * @param examples a bounded sample of the rows behind the finding, unmodifiable; empty when
    *     there is nothing to show
    */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        examples = List.copyOf(examples);
    }
}
