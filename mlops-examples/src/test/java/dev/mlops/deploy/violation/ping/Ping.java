package dev.mlops.deploy.violation.ping;

import dev.mlops.deploy.violation.pong.Pong;

/** One half of a package cycle inside one module, on purpose for {@code ArchitectureSelfTest}. */
public final class Ping {
    private Ping() {
    }

    /** Calls into the package that calls back. */
    public static String partner() {
        return Pong.class.getName();
    }
}
