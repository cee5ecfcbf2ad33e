package dev.mlops.core.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Json;
import java.util.Map;

/** Turns settings records into canonical JSON trees: nulls left out, integral numbers as long, others as double. */
final class SettingsTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper WRITER = Json.newMapper().rebuild()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private SettingsTree() {
    }

    static ObjectNode of(Record settings) {
        JsonNode tree;
        try {
            tree = WRITER.valueToTree(settings);
        } catch (IllegalArgumentException e) {
            throw new ComponentException("the settings " + settings.getClass().getName()
                    + " cannot be written as JSON: " + e.getMessage(), e);
        }
        if (!tree.isObject()) {
            throw new ComponentException("the settings " + settings.getClass().getName()
                    + " must be written as a JSON object but were written as " + tree.getNodeType());
        }
        return (ObjectNode) canonical(tree);
    }

    /** A deep copy with nulls in objects removed and numbers as long (integral) or double. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), canonical(field.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (JsonNode element : node) {
                copy.add(canonical(element));
            }
            return copy;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return NODES.numberNode(node.longValue());
        }
        if (node.isFloatingPointNumber()) {
            return NODES.numberNode(node.doubleValue());
        }
        return node.deepCopy();
    }
}
