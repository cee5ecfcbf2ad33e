package dev.mlops.core.access;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * An append-only record of access decisions. The API can add entries and read them back; it
 * cannot change or remove one. Entries are stamped with the time of the log's {@link Clock}.
 *
 * <pre>{@code
 * try (AuditLog audit = AuditLog.open(dir.resolve("audit.jsonl"), Clock.systemUTC())) {
 *     audit.append(principal, Action.of("registry.promote"), "model/churn/3", Outcome.DENIED,
 *             "no rule allows it");
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe. Use {@link AccessGuard} to check a policy and audit the
 * decision in one call.
 */
public interface AuditLog extends AutoCloseable {

    /**
     * Opens the hash-chained JSON Lines audit log of {@link JsonLinesAuditLog} on a file.
     *
     * @param file the log file, created with its directories if absent
     * @param clock stamps the entries
     * @return the open log; close it to release the file
     * @see JsonLinesAuditLog#open(Path, Clock)
     */
    static JsonLinesAuditLog open(Path file, Clock clock) {
        return JsonLinesAuditLog.open(file, clock);
    }

    /**
     * Appends an entry stamped with the log's clock and durable when this returns.
     *
     * @param principal who asked
     * @param action what they asked to do
     * @param resource the resource
     * @param outcome allowed or denied
     * @param detail free text, such as the deciding rule; may be empty
     * @return the entry as appended, with its sequence number and time
     * @throws IllegalStateException if the log is closed
     */
    AuditEntry append(Principal principal, Action action, String resource, Outcome outcome, String detail);

    /**
     * Reads every entry back, in the order appended.
     *
     * @return the entries, unmodifiable
     */
    List<AuditEntry> entries();

    /** Releases the log; appending afterwards fails. Closing again does nothing. */
    @Override
    void close();
}
