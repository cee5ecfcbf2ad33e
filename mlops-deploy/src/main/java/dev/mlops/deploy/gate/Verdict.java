package dev.mlops.deploy.gate;

import java.util.Locale;

/** What a rule found on one scope: passed, failed, or could not be checked there. */
public enum Verdict {
    /** The rule holds. */
    PASS,
    /** The rule is broken: the gate fails. */
    FAIL,
    /** The rule could not be checked on this scope (an empty slice); it does not fail the gate. */
    SKIPPED;

    /** @return the lower-case name used in JSON and text, such as {@code "fail"} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
