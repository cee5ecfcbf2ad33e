package dev.mlops.features;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A named set of {@link Feature features} about one kind of entity, written and read together:
 * the unit the feature store versions, ingests, time-travels and guards.
 *
 * <pre>{@code
 * FeatureGroup customer = FeatureGroup.builder("customer")
 *         .entityKey("customer_id")
 *         .eventTime("observed_at")
 *         .feature(Feature.of("age", ColumnType.NUMERIC, "age in years"))
 *         .feature(Feature.of("income", ColumnType.NUMERIC, "yearly income in EUR").asSensitive())
 *         .owner("risk-team")
 *         .ttl(Duration.ofDays(90))
 *         .build();
 * }</pre>
 *
 * <p>Records of the group carry the entity key (a string; an integral numeric column is read as
 * its integer text by {@link EntityKeys}, within ±2<sup>53</sup>), the event time (when the values were true in the world) and the features;
 * the store adds the write time (when it learnt them). The {@linkplain #ttl() time to live}
 * makes a value older than that, measured from its event time to the time read as of, read as
 * missing; the {@linkplain #retention() retention} bounds how long superseded history is kept.
 *
 * <p>A group built here has version 0; the store gives each defined schema a version from 1
 * ({@link FeatureStore#define}). An immutable value.
 */
public final class FeatureGroup {
    /** The {@code kind} of a feature-group document. */
    public static final String KIND = "feature-group";
    /** The newest document format version this class reads and the one it writes. */
    public static final int FORMAT_VERSION = 1;

    private final String name;
    private final int version;
    private final String entityKey;
    private final String eventTime;
    private final List<Feature> features;
    private final String owner;
    private final String description;
    private final Set<String> tags;
    private final @Nullable Duration ttl;
    private final @Nullable Duration retention;

    private FeatureGroup(Builder builder, int version) {
        this.name = builder.name;
        this.version = version;
        this.entityKey = builder.entityKey;
        this.eventTime = builder.eventTime;
        this.features = List.copyOf(builder.features.values());
        this.owner = builder.owner;
        this.description = builder.description;
        this.tags = java.util.Collections.unmodifiableSet(new TreeSet<>(builder.tags));
        this.ttl = builder.ttl;
        this.retention = builder.retention;
    }

    /**
     * Starts a group definition.
     *
     * @param name the group's name: 1 to 128 letters, digits, {@code _ . -}, starting with a letter or {@code _}
     * @return the builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public static Builder builder(String name) {
        return new Builder(FeatureNames.check("feature group", name));
    }

    /** @return the group's name */
    public String name() {
        return name;
    }

    /** @return the schema version the store gave this definition, from 1; 0 when not yet defined */
    public int version() {
        return version;
    }

    /** @return the name of the entity key column */
    public String entityKey() {
        return entityKey;
    }

    /** @return the name of the event-time column of ingested records */
    public String eventTime() {
        return eventTime;
    }

    /** @return the features, in the order defined; unmodifiable */
    public List<Feature> features() {
        return features;
    }

    /**
     * @param featureName a feature's name
     * @return the feature, if the group has it
     */
    public Optional<Feature> feature(String featureName) {
        for (Feature feature : features) {
            if (feature.name().equals(featureName)) {
                return Optional.of(feature);
            }
        }
        return Optional.empty();
    }

    /** @return who answers for the group; may be empty */
    public String owner() {
        return owner;
    }

    /** @return what the group holds; may be empty */
    public String description() {
        return description;
    }

    /** @return free labels, sorted; unmodifiable */
    public Set<String> tags() {
        return tags;
    }

    /** @return how old a value may be, from its event time to the time read as of, before it reads as missing */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }

    /** @return how long superseded history is kept; forever when absent */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    /**
     * @return the schema of the group's records: the entity key (categorical), the event time
     *     (timestamp), then each feature as its {@link Feature#field()}, sensitive flags included
     */
    public Schema recordSchema() {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of(entityKey, ColumnType.CATEGORICAL));
        fields.add(Field.of(eventTime, ColumnType.TIMESTAMP));
        for (Feature feature : features) {
            fields.add(feature.field());
        }
        return Schema.of(fields);
    }

    /**
     * @param storedVersion the version the store gives the definition, from 1
     * @return the same definition with that version
     * @throws IllegalArgumentException if the version is below 1
     */
    FeatureGroup withVersion(int storedVersion) {
        if (storedVersion < 1) {
            throw new IllegalArgumentException("a feature group's version is a number from 1 but was " + storedVersion);
        }
        return new FeatureGroup(toBuilder(), storedVersion);
    }

    /** @return a builder holding this definition, to change it into the next version */
    public Builder toBuilder() {
        Builder builder = new Builder(name).entityKey(entityKey).eventTime(eventTime).owner(owner)
                .description(description).tags(tags);
        features.forEach(builder::feature);
        if (ttl != null) {
            builder.ttl(ttl);
        }
        if (retention != null) {
            builder.retention(retention);
        }
        return builder;
    }

    /**
     * The group as the versioned JSON document the catalog stores and people edit:
     *
     * <pre>{@code
     * {"kind": "feature-group", "formatVersion": 1, "name": "customer", "version": 2,
     *  "entityKey": "customer_id", "eventTime": "observed_at", "owner": "risk-team",
     *  "description": "...", "tags": ["crm"], "ttl": "P90D", "retention": "P365D",
     *  "features": [{"name": "age", "type": "NUMERIC", "description": "age in years",
     *                "sensitive": false, "tags": []}, ...]}
     * }</pre>
     *
     * <p>TTL and retention are ISO-8601 durations, absent when unset.
     *
     * @return the document, envelope included
     */
    public ObjectNode toDocument() {
        return FeatureGroupDocuments.toDocument(this);
    }

    /**
     * Reads a feature-group document ({@link #toDocument()}). Only {@code name} and
     * {@code features} (each with {@code name} and {@code type}, in any letter case) are needed;
     * {@code entityKey} and {@code eventTime} default as the {@link Builder} does, the rest to
     * empty or unset. A {@code version} from 1 is kept (0 or none: not yet defined; the store
     * numbers versions itself), and a {@code versions} list, as {@code mlops features describe
     * --json} writes it, is ignored. Any other field is an error.
     *
     * @param document the document's root
     * @return the group
     * @throws DocumentException if it is not a feature-group document this version reads, or a
     *     field is malformed; the message names the source, the field's path and what was expected
     */
    public static FeatureGroup fromDocument(DocumentReader document) {
        return FeatureGroupDocuments.fromDocument(document);
    }

    /**
     * Reads a feature-group document from a file (UTF-8 JSON).
     *
     * @param file the file
     * @return the group
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @throws DocumentException as {@link #fromDocument(DocumentReader)}, naming the file
     */
    public static FeatureGroup load(Path file) {
        return fromDocument(Documents.load(file));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FeatureGroup that && name.equals(that.name) && version == that.version
                && entityKey.equals(that.entityKey) && eventTime.equals(that.eventTime) && features.equals(that.features)
                && owner.equals(that.owner) && description.equals(that.description) && tags.equals(that.tags)
                && Objects.equals(ttl, that.ttl) && Objects.equals(retention, that.retention);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, entityKey, eventTime, features, owner, description, tags, ttl, retention);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        features.forEach(feature -> names.add(feature.name()));
        return "FeatureGroup[" + name + " v" + version + " by " + entityKey + " at " + eventTime + ": " + names + "]";
    }

    /** Builds a {@link FeatureGroup}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String entityKey = "entity_id";
        private String eventTime = "event_time";
        private final Map<String, Feature> features = new LinkedHashMap<>();
        private String owner = "";
        private String description = "";
        private Set<String> tags = new HashSet<>();
        private @Nullable Duration ttl;
        private @Nullable Duration retention;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param column the entity key column; default {@code entity_id}
         * @return this builder
         */
        public Builder entityKey(String column) {
            this.entityKey = FeatureNames.check("entity key", column);
            return this;
        }

        /**
         * @param column the event-time column; default {@code event_time}
         * @return this builder
         */
        public Builder eventTime(String column) {
            this.eventTime = FeatureNames.check("event-time column", column);
            return this;
        }

        /**
         * Adds a feature after those added before.
         *
         * @param feature the feature
         * @return this builder
         * @throws IllegalArgumentException if the group already has a feature of that name
         */
        public Builder feature(Feature feature) {
            Objects.requireNonNull(feature, "feature");
            if (features.putIfAbsent(feature.name(), feature) != null) {
                throw new IllegalArgumentException("feature group '" + name + "' already has a feature '"
                        + feature.name() + "'");
            }
            return this;
        }

        /**
         * @param team who answers for the group
         * @return this builder
         */
        public Builder owner(String team) {
            this.owner = Objects.requireNonNull(team, "team");
            return this;
        }

        /**
         * @param text what the group holds
         * @return this builder
         */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * @param labels free labels, none blank
         * @return this builder
         * @throws IllegalArgumentException if a label is blank
         */
        public Builder tags(Set<String> labels) {
            for (String label : Objects.requireNonNull(labels, "labels")) {
                if (label == null || label.isBlank()) {
                    throw new IllegalArgumentException("feature group '" + name + "' has a blank tag");
                }
            }
            this.tags = new HashSet<>(labels);
            return this;
        }

        /**
         * @param age how old a value may be before it reads as missing; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder ttl(Duration age) {
            this.ttl = positive("ttl", age);
            return this;
        }

        /**
         * @param age how long superseded history is kept; positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder retention(Duration age) {
            this.retention = positive("retention", age);
            return this;
        }

        /**
         * @return the group, version 0
         * @throws IllegalArgumentException if it has no feature, or a feature shares its name with
         *     the entity key or the event-time column, or those two share a name
         */
        public FeatureGroup build() {
            if (features.isEmpty()) {
                throw new IllegalArgumentException("feature group '" + name + "' has no feature");
            }
            if (entityKey.equals(eventTime)) {
                throw new IllegalArgumentException("feature group '" + name + "' uses '" + entityKey
                        + "' as both entity key and event-time column");
            }
            for (String reserved : List.of(entityKey, eventTime)) {
                if (features.containsKey(reserved)) {
                    throw new IllegalArgumentException("feature group '" + name + "' has a feature named '" + reserved
                            + "' like its " + (reserved.equals(entityKey) ? "entity key" : "event-time column"));
                }
            }
            return new FeatureGroup(this, 0);
        }

        private Duration positive(String what, Duration age) {
            Objects.requireNonNull(age, what);
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("feature group '" + name + "': the " + what
                        + " must be positive but was " + age);
            }
            return age;
        }
    }
}
