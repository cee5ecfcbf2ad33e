package dev.mlops.features;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A {@link FeatureGroup} as the versioned JSON document the catalog stores per version (kind
 * {@value #KIND}, format version {@value #FORMAT_VERSION}): name, version, entity key, event time,
 * features (type, description, sensitive, tags), owner, description, tags, TTL and retention
 * (ISO-8601 durations, absent when unset).
 */
final class FeatureGroupDocuments {
    /** The document's kind. */
    static final String KIND = "feature-group";
    /** The format version written and the newest read. */
    static final int FORMAT_VERSION = 1;

    private FeatureGroupDocuments() {
        throw new AssertionError("no instances");
    }

    /**
     * @param group a defined group
     * @return its document's text
     */
    static String toDocument(FeatureGroup group) {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        document.put("name", group.name());
        document.put("version", group.version());
        document.put("entityKey", group.entityKey());
        document.put("eventTime", group.eventTime());
        ArrayNode features = document.putArray("features");
        for (Feature feature : group.features()) {
            ObjectNode node = features.addObject();
            node.put("name", feature.name());
            node.put("type", feature.type().name());
            node.put("description", feature.description());
            node.put("sensitive", feature.sensitive());
            ArrayNode featureTags = node.putArray("tags");
            feature.tags().forEach(featureTags::add);
        }
        document.put("owner", group.owner());
        document.put("description", group.description());
        ArrayNode tags = document.putArray("tags");
        group.tags().forEach(tags::add);
        group.ttl().ifPresent(ttl -> document.put("ttl", ttl.toString()));
        group.retention().ifPresent(retention -> document.put("retention", retention.toString()));
        return Documents.write(document);
    }

    /**
     * @param json a document's text
     * @param source where it was read, for messages
     * @return the group it describes
     * @throws DocumentException if the document is malformed; the message names the source and field
     */
    static FeatureGroup fromDocument(String json, String source) {
        DocumentReader reader = Documents.parse(json, source);
        reader.requireKind(KIND, FORMAT_VERSION);
        FeatureGroup.Builder builder = FeatureGroup.builder(reader.text("name"))
                .entityKey(reader.text("entityKey"))
                .eventTime(reader.text("eventTime"))
                .owner(reader.text("owner"))
                .description(reader.text("description"))
                .tags(new HashSet<>(reader.texts("tags")));
        for (DocumentReader node : reader.objects("features")) {
            Feature feature = new Feature(node.text("name"), type(node), node.text("description"),
                    node.bool("sensitive", false), new HashSet<>(node.texts("tags")));
            node.requireNoOthers();
            builder.feature(feature);
        }
        reader.optionalText("ttl").ifPresent(ttl -> builder.ttl(duration(reader, "ttl", ttl)));
        reader.optionalText("retention").ifPresent(age -> builder.retention(duration(reader, "retention", age)));
        int version = reader.intValue("version");
        reader.requireNoOthers();
        return builder.build().withVersion(version);
    }

    private static ColumnType type(DocumentReader node) {
        String text = node.text("type");
        try {
            return ColumnType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error("type", "must be one of " + List.of(ColumnType.values()) + " but was '" + text + "'");
        }
    }

    private static Duration duration(DocumentReader reader, String field, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw reader.error(field, "must be an ISO-8601 duration such as PT24H but was '" + text + "'");
        }
    }
}
