package dev.mlops.monitor.violation;

import dev.mlops.core.report.Severity;
import java.util.Locale;

/**
 * What a {@link Violation} is about, each with its default severity (a
 * {@link ViolationCheck.Builder#severity} changes it). The names follow SageMaker Model Monitor's
 * constraint violations where one exists ({@code missing_column_check}, {@code extra_column_check},
 * {@code data_type_check}, {@code categorical_values_check}, {@code completeness_check},
 * {@code baseline_drift_check}).
 */
public enum ViolationType {
    /** A reference column is not in the current table; measured and threshold are NaN. Error by default. */
    MISSING_COLUMN(Severity.ERROR),
    /** The current table has a column the reference has not; measured and threshold are NaN. Warning by default. */
    EXTRA_COLUMN(Severity.WARNING),
    /**
     * A column's type differs from the reference's (categorical and text count as one type, since
     * reading a small batch may tell them apart differently); measured and threshold are NaN.
     * Error by default.
     */
    TYPE_CHANGE(Severity.ERROR),
    /**
     * The share of a categorical, text or boolean column's present current values whose category
     * the reference never saw is above the threshold; checked only against a reference whose
     * categories are all known (a raw table, or a profile with exact counts). Warning by default.
     */
    UNSEEN_CATEGORIES(Severity.WARNING),
    /**
     * A column's completeness (its share of present values; NaN counts as missing in a numeric
     * column) fell below the reference's by more than the threshold. Warning by default.
     */
    COMPLETENESS_DROP(Severity.WARNING),
    /**
     * A column drifted from the reference ({@link dev.mlops.monitor.drift.TableDrift}): measured is
     * the (adjusted) p-value of a test or the distance, threshold the level or least distance. Its
     * severity is the drift analysis's drift severity, error by default.
     */
    BASELINE_DRIFT(Severity.ERROR),
    /** The current table has no rows; measured is 0 rows, the threshold 1. Error by default. */
    EMPTY_WINDOW(Severity.ERROR);

    private final Severity defaultSeverity;

    ViolationType(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    /** @return the severity a finding of this type has unless configured otherwise */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** @return the lower-case name with hyphens used in JSON, such as {@code "missing-column"} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
