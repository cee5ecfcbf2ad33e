package dev.mlops.core.access;

import java.util.Locale;

/** What a {@link Rule} does to the requests it matches; a deny rule wins over any allow rule. */
public enum Effect {
    /** Allows the requests it matches, unless a deny rule matches them too. */
    ALLOW,
    /** Denies the requests it matches, whatever allow rules say. */
    DENY;

    /** @return the lower-case name used in policy documents: {@code allow} or {@code deny} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
