package dev.mlops.core.access;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The second process of {@link JsonLinesAuditLogTest}, started as its own JVM: opens the audit
 * log {@code args[0]}, appends {@code args[2]} entries for the principal {@code args[1]} with
 * resources {@code item/0}, {@code item/1}, ..., closes it and prints {@code DONE}.
 */
public final class AuditAppenderProcess {

    private AuditAppenderProcess() {
    }

    /**
     * Runs the child.
     *
     * @param args the log file, the principal's name and the number of entries
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int count = Integer.parseInt(args[2]);
        Principal principal = Principal.of(args[1]);
        Action action = Action.of("test.append");
        try (AuditLog log = AuditLog.open(Path.of(args[0]), Clock.systemUTC())) {
            for (int i = 0; i < count; i++) {
                log.append(principal, action, "item/" + i, Outcome.ALLOWED, "from " + args[1]);
            }
        }
        out.println("DONE");
    }
}
