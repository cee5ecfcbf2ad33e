package dev.mlops.core.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an {@link AuditLog}: who asked to do what to which resource, when, and whether
 * it was allowed. An immutable value.
 *
 * @param sequence the entry's position in the log, from 1
 * @param time when the entry was appended, from the log's clock
 * @param principal the name of the principal who asked
 * @param action what they asked to do
 * @param resource the resource they asked to act on
 * @param outcome allowed or denied
 * @param detail free text, such as the deciding rule or a comment; may be empty
 */
public record AuditEntry(long sequence, Instant time, String principal, Action action, String resource,
        Outcome outcome, String detail) {

    /**
     * Checks the entry.
     *
     * @param sequence the entry's position, from 1
     * @param time when it was appended
     * @param principal the principal's name
     * @param action the action
     * @param resource the resource
     * @param outcome allowed or denied
     * @param detail free text
     * @throws IllegalArgumentException if the sequence is below 1
     */
    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1 but was " + sequence);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
