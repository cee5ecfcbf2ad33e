package dev.mlops.monitor.report;

import java.util.Locale;

/** What a drift statistic said about a feature or a window. */
public enum Verdict {
    /** No drift: the statistic stayed on the right side of its threshold. */
    OK,
    /** Drift: the statistic crossed its threshold. */
    DRIFT,
    /** Nothing to decide on: the window or the current sample held no rows. */
    NO_DATA;

    /** @return the lower-case name used in JSON and in the page, such as {@code "no-data"} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a label written by {@link #label()}.
     *
     * @param label {@code "ok"}, {@code "drift"} or {@code "no-data"}
     * @return the verdict
     * @throws IllegalArgumentException if the label is none of them; the message lists them
     */
    public static Verdict fromLabel(String label) {
        for (Verdict verdict : values()) {
            if (verdict.label().equals(label)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("verdict must be one of ok, drift, no-data but was '" + label + "'");
    }
}
