package dev.mlops.deploy.violation.pong;

import dev.mlops.deploy.violation.ping.Ping;

/** The other half of the package cycle {@code ArchitectureSelfTest} needs. */
public final class Pong {
    private Pong() {
    }

    /** Calls back into the package that called. */
    public static String partner() {
        return Ping.partner();
    }
}
