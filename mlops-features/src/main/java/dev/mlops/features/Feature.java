package dev.mlops.features;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One typed feature of a {@link FeatureGroup}: its name, type, what it means, and whether its
 * values are sensitive.
 *
 * <pre>{@code
 * Feature income = Feature.of("income", ColumnType.NUMERIC, "yearly income in EUR").asSensitive();
 * }</pre>
 *
 * <p>A sensitive feature reaches every {@code Table} the store returns as a {@link Field} marked
 * sensitive, so profiles, baselines and captures written from that table keep it sketch-only or
 * masked; reading its values needs {@link FeatureStore#READ_SENSITIVE} as well as
 * {@link FeatureStore#READ}. An immutable value.
 *
 * @param name the feature's name, also its column name: 1 to 128 letters, digits, {@code _ . -},
 *     starting with a letter or {@code _}
 * @param type its column type; {@link ColumnType#TEXT} is not a feature type
 * @param description what the feature means, for the catalog; may be empty
 * @param sensitive whether its raw values must not leave the process without a policy allowing it
 * @param tags free labels for finding the feature in the catalog, sorted
 */
public record Feature(String name, ColumnType type, String description, boolean sensitive, Set<String> tags) {

    /**
     * Validates the feature.
     *
     * @param name the feature's name
     * @param type its column type
     * @param description what it means
     * @param sensitive whether its values are sensitive
     * @param tags free labels
     * @throws IllegalArgumentException if the name is malformed, the type is {@code TEXT} or a
     *     tag is blank
     */
    public Feature {
        FeatureNames.check("feature", name);
        Objects.requireNonNull(type, "type");
        if (type == ColumnType.TEXT) {
            throw new IllegalArgumentException("feature '" + name + "' is TEXT, which is not a feature type: use "
                    + "CATEGORICAL for strings");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(tags, "tags");
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("feature '" + name + "' has a blank tag");
            }
        }
        tags = java.util.Collections.unmodifiableSet(new TreeSet<>(tags));
    }

    /**
     * @param name the feature's name
     * @param type its column type
     * @param description what it means
     * @return a feature that is not sensitive and has no tags
     */
    public static Feature of(String name, ColumnType type, String description) {
        return new Feature(name, type, description, false, Set.of());
    }

    /**
     * @param name the feature's name
     * @param type its column type
     * @return a feature without description or tags that is not sensitive
     */
    public static Feature of(String name, ColumnType type) {
        return of(name, type, "");
    }

    /** @return the same feature marked sensitive */
    public Feature asSensitive() {
        return new Feature(name, type, description, true, tags);
    }

    /**
     * @param labels the tags
     * @return the same feature with these tags instead of its own
     */
    public Feature withTags(Set<String> labels) {
        return new Feature(name, type, description, sensitive, labels);
    }

    /** @return the feature as a table field, sensitive when the feature is */
    public Field field() {
        return new Field(name, type, sensitive);
    }
}
