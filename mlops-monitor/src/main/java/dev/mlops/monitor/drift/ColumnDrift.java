package dev.mlops.monitor.drift;

import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.report.Severity;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of a {@link TableDriftReport}: what became of one reference column. Immutable and
 * thread-safe.
 *
 * @param column the column's name
 * @param status whether it was compared and what was found
 * @param severity how serious the finding is: the report's drift severity for a drifted column,
 *     {@link Severity#ERROR} for a missing column or a changed type, {@link Severity#WARNING} for a
 *     column that could not be compared, {@link Severity#INFO} otherwise
 * @param message what was found, naming the column, the statistic, its value and the threshold
 * @param detector the spec of the detector that compared the column; empty when none did
 * @param result the detector's result, with the adjusted p-value of a test; empty when not compared
 * @param histogram the shares of both sides over the same bins, for a chart; empty when not compared,
 *     and for a column marked sensitive on either side (its categories or value ranges would leave the
 *     process in a report)
 */
public record ColumnDrift(String column, Status status, Severity severity, String message,
        Optional<ComponentSpec> detector, Optional<DriftResult> result, Optional<Histogram> histogram) {

    /** What became of a reference column. */
    public enum Status {
        /** Compared, and the detector called it drifted. */
        DRIFT,
        /** Compared, and no drift was found. */
        NO_DRIFT,
        /**
         * Not compared: the column holds timestamps, or the detector refused its values (too few,
         * an infinity, a profile where raw values are needed); the message says why.
         */
        NOT_COMPARED,
        /** The current table has no column of that name. */
        MISSING,
        /** The current column is of another kind (numbers against categories, or timestamps). */
        TYPE_CHANGED;

        /** @return the lower-case name with hyphens used in JSON, such as {@code "no-drift"} */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Validates the finding.
     *
     * @param column the column's name
     * @param status whether it was compared and what was found
     * @param severity how serious the finding is
     * @param message what was found
     * @param detector the spec of the detector that compared the column; empty when none did
     * @param result the detector's result; empty when not compared
     * @param histogram the shares of both sides, for a chart; empty when not compared
     * @throws IllegalArgumentException if a compared column has no result or one not compared has
     *     one, or the status disagrees with the result's verdict; the message names the column
     */
    public ColumnDrift {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(histogram, "histogram");
        boolean compared = status == Status.DRIFT || status == Status.NO_DRIFT;
        if (compared != result.isPresent()) {
            throw new IllegalArgumentException("column '" + column + "' with status " + status.label()
                    + (compared ? " needs a result but had none" : " cannot have a result"));
        }
        if (compared && result.get().drift() != (status == Status.DRIFT)) {
            throw new IllegalArgumentException("column '" + column + "' has status " + status.label()
                    + " but its result's verdict is drift=" + result.get().drift());
        }
    }

    /** @return true if the column was compared and drifted */
    public boolean drift() {
        return status == Status.DRIFT;
    }
}
