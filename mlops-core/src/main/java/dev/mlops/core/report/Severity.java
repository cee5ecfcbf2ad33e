package dev.mlops.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How serious a finding of a report is, shared by every mlops-java report (leakage, data checks,
 * and later drift, gates and alarms); a report with an {@link #ERROR} fails.
 */
public enum Severity {
    /** A broken guarantee: the data or model must not go on as it is. */
    ERROR,
    /** Probably a problem, worth a look before going on. */
    WARNING,
    /** A measurement to note that is not a problem by itself. */
    INFO;

    /** @return the lower-case name used in JSON, such as {@code "error"} */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a label written by {@link #label()}, in any case.
     *
     * @param label {@code "error"}, {@code "warning"} or {@code "info"}
     * @return the severity
     * @throws IllegalArgumentException if the label is none of them; the message lists them
     */
    @JsonCreator
    public static Severity fromLabel(String label) {
        for (Severity severity : values()) {
            if (severity.label().equalsIgnoreCase(label.trim())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity must be one of error, warning, info but was '" + label + "'");
    }
}
