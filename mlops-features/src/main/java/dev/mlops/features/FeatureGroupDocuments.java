package dev.mlops.features;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes and reads the {@code feature-group} document of {@link FeatureGroup#toDocument()}: the
 * one format the catalog stores per version and people edit ({@code mlops features describe
 * --json} then {@code define}).
 */
final class FeatureGroupDocuments {
    private static final String NAME = "name";
    private static final String VERSION = "version";
    private static final String VERSIONS = "versions";
    private static final String ENTITY_KEY = "entityKey";
    private static final String EVENT_TIME = "eventTime";
    private static final String FEATURES = "features";
    private static final String TYPE = "type";
    private static final String SENSITIVE = "sensitive";
    private static final String OWNER = "owner";
    private static final String DESCRIPTION = "description";
    private static final String TAGS = "tags";
    private static final String TTL = "ttl";
    private static final String RETENTION = "retention";

    private FeatureGroupDocuments() {
        throw new AssertionError("no instances");
    }

    /**
     * @param group a definition
     * @return its document, envelope included
     */
    static ObjectNode toDocument(FeatureGroup group) {
        ObjectNode document = Documents.create(FeatureGroup.KIND, FeatureGroup.FORMAT_VERSION);
        document.put(NAME, group.name());
        document.put(VERSION, group.version());
        document.put(ENTITY_KEY, group.entityKey());
        document.put(EVENT_TIME, group.eventTime());
        document.put(OWNER, group.owner());
        document.put(DESCRIPTION, group.description());
        group.tags().forEach(document.putArray(TAGS)::add);
        group.ttl().ifPresent(ttl -> document.put(TTL, ttl.toString()));
        group.retention().ifPresent(retention -> document.put(RETENTION, retention.toString()));
        ArrayNode features = document.putArray(FEATURES);
        for (Feature feature : group.features()) {
            ObjectNode node = features.addObject();
            node.put(NAME, feature.name());
            node.put(TYPE, feature.type().name());
            node.put(DESCRIPTION, feature.description());
            node.put(SENSITIVE, feature.sensitive());
            feature.tags().forEach(node.putArray(TAGS)::add);
        }
        return document;
    }

    /**
     * @param group a defined group
     * @return its document's text, as the catalog stores it
     */
    static String toText(FeatureGroup group) {
        return Documents.write(toDocument(group));
    }

    /**
     * @param json a document's text
     * @param source where it was read, for messages
     * @return the group it describes
     * @throws DocumentException if the document is malformed; the message names the source and field
     */
    static FeatureGroup fromText(String json, String source) {
        return fromDocument(Documents.parse(json, source));
    }

    /**
     * Reads a document; see {@link FeatureGroup#fromDocument(DocumentReader)} for what may be left out.
     *
     * @param document the document's root
     * @return the group, with the document's version (0 when it has none)
     * @throws DocumentException if the document is malformed, naming the source, the field and what was expected
     */
    static FeatureGroup fromDocument(DocumentReader document) {
        document.requireKind(FeatureGroup.KIND, FeatureGroup.FORMAT_VERSION);
        FeatureGroup.Builder builder = build(document, () -> FeatureGroup.builder(document.text(NAME)));
        if (document.has(ENTITY_KEY)) {
            String column = document.text(ENTITY_KEY);
            build(document, () -> builder.entityKey(column));
        }
        if (document.has(EVENT_TIME)) {
            String column = document.text(EVENT_TIME);
            build(document, () -> builder.eventTime(column));
        }
        document.optionalText(OWNER).ifPresent(builder::owner);
        document.optionalText(DESCRIPTION).ifPresent(builder::description);
        if (document.has(TAGS)) {
            List<String> tags = document.texts(TAGS);
            build(document, () -> builder.tags(new LinkedHashSet<>(tags)));
        }
        duration(document, TTL).ifPresent(age -> build(document, () -> builder.ttl(age)));
        duration(document, RETENTION).ifPresent(age -> build(document, () -> builder.retention(age)));
        for (DocumentReader feature : document.objects(FEATURES)) {
            Feature read = feature(feature);
            build(feature, () -> builder.feature(read));
        }
        int version = document.has(VERSION) ? document.intValue(VERSION) : 0;
        if (version < 0) {
            throw document.error(VERSION, "must be 0 (not yet defined) or a stored version from 1 but was " + version);
        }
        if (document.has(VERSIONS)) {
            document.ints(VERSIONS);
        }
        document.requireNoOthers();
        FeatureGroup group = build(document, builder::build);
        return version == 0 ? group : group.withVersion(version);
    }

    private static Feature feature(DocumentReader node) {
        String name = node.text(NAME);
        String typeName = node.text(TYPE);
        ColumnType type;
        try {
            type = ColumnType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error(TYPE, "expected one of " + featureTypes() + " but was '" + typeName + "'");
        }
        String description = node.optionalText(DESCRIPTION).orElse("");
        boolean sensitive = node.bool(SENSITIVE, false);
        List<String> tags = node.has(TAGS) ? node.texts(TAGS) : List.of();
        node.requireNoOthers();
        return build(node, () -> new Feature(name, type, description, sensitive, new LinkedHashSet<>(tags)));
    }

    private static Optional<Duration> duration(DocumentReader document, String field) {
        Optional<String> text = document.optionalText(field);
        try {
            return text.map(Duration::parse);
        } catch (DateTimeParseException e) {
            throw document.error(field, "expected an ISO-8601 duration such as P90D or PT12H but was '"
                    + text.orElse("") + "'");
        }
    }

    /** Runs a builder step, turning its refusal into an error naming the document and the object. */
    private static <T> T build(DocumentReader where, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw where.error(String.valueOf(e.getMessage()));
        }
    }

    /** @return the column types a feature may have, for messages */
    private static String featureTypes() {
        return String.join(", ", Arrays.stream(ColumnType.values()).filter(type -> type != ColumnType.TEXT)
                .map(ColumnType::name).toList());
    }
}
