package dev.mlops.monitor.violation;

import java.time.Instant;

/** Library code that stamps with a hidden clock, on purpose for {@code ArchitectureSelfTest}. */
public final class ReadsTheClock {
    private ReadsTheClock() {
    }

    /** The time from the system clock instead of an injected {@code Clock}. */
    public static Instant stamp() {
        return Instant.now();
    }
}
