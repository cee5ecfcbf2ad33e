package dev.mlops.features;

import java.util.Objects;

/**
 * A record an ingestion refused, with where it was and why; the rest of its batch is kept.
 *
 * @param source what was ingested: a file's path, {@code table} or {@code records}
 * @param line the record's physical line in a file (from 1), or its row or position (from 1)
 * @param reason what is wrong, naming the feature and the value or type expected
 */
public record RejectedRecord(String source, long line, String reason) {

    /**
     * Validates the entry.
     *
     * @param source what was ingested
     * @param line the line or position, from 1
     * @param reason what is wrong
     * @throws IllegalArgumentException if the line is below 1
     */
    public RejectedRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("a rejected record's line is counted from 1 but was " + line);
        }
    }

    @Override
    public String toString() {
        return source + " line " + line + ": " + reason;
    }
}
