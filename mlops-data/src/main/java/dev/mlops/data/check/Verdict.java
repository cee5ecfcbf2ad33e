package dev.mlops.data.check;

import java.util.Locale;

/** What a {@link Check} concluded about a table. */
public enum Verdict {
    /** The measured value is within the threshold. */
    PASSED,
    /** The measured value is outside the threshold, or the check could not be applied (a missing column). */
    FAILED,
    /**
     * There was nothing to measure (no rows, or no present values where the check needs them): the
     * check neither passed nor failed, and a suite does not count it as passed.
     */
    NO_DATA;

    /** @return the lower-case name used in JSON and text, such as {@code "no-data"} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
