package dev.mlops.data.leakage;

import java.util.Locale;

/** How serious a {@link Finding} is; a report with an {@link #ERROR} fails. */
public enum Severity {
    /** The data leaks: a model evaluated on this split would be judged too kindly. */
    ERROR,
    /** Probably a problem, worth a look before training. */
    WARNING,
    /** A measurement that found nothing wrong, or a check that could not run. */
    INFO;

    /** @return the lower-case name used in JSON, such as {@code "error"} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
