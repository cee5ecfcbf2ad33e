package dev.mlops.features;

import dev.mlops.core.access.Action;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.AuditLog;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit log of a store in memory ({@link FeatureStore#inMemory()}): entries kept in a list,
 * gone with the store. Thread-safe.
 */
final class MemoryAuditLog implements AuditLog {
    private final Clock clock;
    private final List<AuditEntry> entries = new ArrayList<>();
    private boolean closed;

    /** @param clock stamps the entries */
    MemoryAuditLog(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized AuditEntry append(Principal principal, Action action, String resource, Outcome outcome,
            String detail) {
        if (closed) {
            throw new IllegalStateException("the in-memory audit log is closed");
        }
        AuditEntry entry = new AuditEntry(entries.size() + 1L, clock.instant(), principal.name(), action, resource,
                outcome, detail);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
