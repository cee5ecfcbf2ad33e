package dev.mlops.features;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record written from code: an entity's feature values as they were at an event time.
 *
 * <pre>{@code
 * store.ingest(writer, "customer", List.of(
 *         FeatureRecord.of("c-17", Instant.parse("2026-11-30T00:00:00Z"), Map.of("age", 41.0, "segment", "gold"))));
 * }</pre>
 *
 * <p>Values are {@link Number} for numeric features, {@link String} for categorical ones,
 * {@link Boolean} and {@link Instant}; a feature left out or mapped to null is missing. The store
 * checks each record against the group's schema and refuses a bad one with its position and
 * reason, keeping the rest. An immutable value (the map is copied).
 *
 * @param entity the entity key
 * @param eventTime when the values were true in the world
 * @param values feature name to value
 */
public record FeatureRecord(String entity, Instant eventTime, Map<String, @Nullable Object> values) {

    /**
     * Copies the values.
     *
     * @param entity the entity key, not blank
     * @param eventTime when the values were true
     * @param values feature name to value
     * @throws IllegalArgumentException if the entity key is blank
     */
    public FeatureRecord {
        Objects.requireNonNull(entity, "entity");
        if (entity.isBlank()) {
            throw new IllegalArgumentException("a feature record's entity key must not be blank");
        }
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param entity the entity key
     * @param eventTime when the values were true
     * @param values feature name to value
     * @return the record
     */
    public static FeatureRecord of(String entity, Instant eventTime, Map<String, @Nullable Object> values) {
        return new FeatureRecord(entity, eventTime, values);
    }
}
