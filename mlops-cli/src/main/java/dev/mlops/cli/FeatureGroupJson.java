package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentException;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.features.Feature;
import dev.mlops.features.FeatureGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code feature-group} JSON document that {@code mlops features define} reads and
 * {@code mlops features describe --json} writes, so that a described version can be edited and
 * defined again:
 *
 * <pre>{@code
 * {"kind": "feature-group", "formatVersion": 1, "name": "customer", "entityKey": "customer_id",
 *  "eventTime": "observed_at", "owner": "risk-team", "description": "...", "tags": ["crm"],
 *  "ttl": "P90D", "retention": "P365D",
 *  "features": [{"name": "age", "type": "numeric", "description": "age in years"},
 *               {"name": "income", "type": "numeric", "sensitive": true, "tags": ["pii"]}]}
 * }</pre>
 *
 * <p>{@code entityKey} and {@code eventTime} default as {@link FeatureGroup.Builder} does; a
 * {@code version} or {@code versions} field (as {@code describe --json} writes) is ignored, the
 * store numbering versions. Any other unknown field is an error naming it. Stateless.
 */
final class FeatureGroupJson {
    /** The document's kind. */
    static final String KIND = "feature-group";
    /** The version of its format. */
    static final int FORMAT_VERSION = 1;

    private static final String FEATURES = "features";
    private static final String TAGS = "tags";
    private static final String TTL = "ttl";
    private static final String RETENTION = "retention";
    private static final String ENTITY_KEY = "entityKey";
    private static final String EVENT_TIME = "eventTime";
    private static final String OWNER = "owner";
    private static final String DESCRIPTION = "description";
    private static final String NAME = "name";
    private static final String TYPE = "type";
    private static final String SENSITIVE = "sensitive";
    private static final String VERSION = "version";
    private static final String VERSIONS = "versions";

    private FeatureGroupJson() {
        throw new AssertionError("no instances");
    }

    /**
     * Reads a definition from a file.
     *
     * @param file a {@code feature-group} document
     * @return the definition, version 0
     * @throws DocumentException if the document is malformed, naming the file, the field and what was expected
     * @throws dev.mlops.core.MlopsException if the file cannot be read
     */
    static FeatureGroup read(Path file) {
        DocumentReader document = Documents.load(file);
        document.requireKind(KIND, FORMAT_VERSION);
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
        if (document.has(VERSION)) {
            document.value(VERSION);
        }
        if (document.has(VERSIONS)) {
            document.value(VERSIONS);
        }
        document.requireNoOthers();
        return build(document, builder::build);
    }

    /**
     * @param group a definition
     * @return its {@code feature-group} document, with its version
     */
    static ObjectNode write(FeatureGroup group) {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        document.put(NAME, group.name());
        document.put(VERSION, group.version());
        document.put(ENTITY_KEY, group.entityKey());
        document.put(EVENT_TIME, group.eventTime());
        document.put(OWNER, group.owner());
        document.put(DESCRIPTION, group.description());
        group.tags().forEach(document.putArray(TAGS)::add);
        document.put(TTL, group.ttl().map(Duration::toString).orElse(null));
        document.put(RETENTION, group.retention().map(Duration::toString).orElse(null));
        ArrayNode features = document.putArray(FEATURES);
        for (Feature feature : group.features()) {
            ObjectNode node = features.addObject();
            node.put(NAME, feature.name());
            node.put(TYPE, feature.type().name().toLowerCase(Locale.ROOT));
            node.put(DESCRIPTION, feature.description());
            node.put(SENSITIVE, feature.sensitive());
            feature.tags().forEach(node.putArray(TAGS)::add);
        }
        return document;
    }

    private static Feature feature(DocumentReader node) {
        String name = node.text(NAME);
        String typeName = node.text(TYPE);
        ColumnType type;
        try {
            type = ColumnType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error(TYPE, "expected one of " + String.join(", ", featureTypes()) + " but was '"
                    + typeName + "'");
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
            throw document.error(field, "expected an ISO-8601 duration such as P90D or PT12H but was '" + text.get()
                    + "'");
        }
    }

    /** Runs a builder step, turning its refusal into an error naming the document and the object. */
    private static <T> T build(DocumentReader where, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
    }

    /** @return the names of the column types a feature may have, for messages */
    private static List<String> featureTypes() {
        return Arrays.stream(ColumnType.values()).filter(type -> type != ColumnType.TEXT)
                .map(type -> type.name().toLowerCase(Locale.ROOT)).toList();
    }
}
