package dev.mlops.features;

import org.jspecify.annotations.Nullable;

/**
 * One checked record on its way to storage or read back from it: the entity key, the event time
 * in epoch microseconds, and one value per feature of its group version ({@link Double},
 * {@link String}, {@link Boolean}, {@link java.time.Instant}, or null when missing).
 *
 * @param entity the entity key
 * @param eventMicros the event time in epoch microseconds
 * @param values the values, in the order of the group version's features
 */
record PendingRecord(String entity, long eventMicros, @Nullable Object[] values) {
}
