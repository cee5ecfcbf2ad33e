package dev.mlops.data.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.report.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one check's JSON object, with errors that name the document, the check's
 * position and the field, and refuses fields the check does not know (a misspelt
 * {@code "mostyl"} would otherwise be ignored).
 */
final class JsonFields {
    private final JsonNode node;
    private final String where;
    private final Set<String> read = new HashSet<>();

    JsonFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    String where() {
        return where;
    }

    MlopsException error(String what) {
        return new MlopsException(where + ": " + what);
    }

    private JsonNode get(String field) {
        read.add(field);
        return node.get(field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    String text(String field) {
        JsonNode value = get(field);
        if (value == null || !value.isTextual()) {
            throw error("'" + field + "' must be a string but was " + value);
        }
        return value.asText();
    }

    double number(String field, double defaultValue) {
        JsonNode value = get(field);
        if (value == null) {
            return defaultValue;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            switch (value.asText()) {
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw error("'" + field + "' must be a number (or \"Infinity\", \"-Infinity\") but was " + value);
    }

    double number(String field) {
        if (!node.has(field)) {
            throw error("'" + field + "' is required");
        }
        return number(field, Double.NaN);
    }

    long integer(String field) {
        JsonNode value = get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw error("'" + field + "' must be an integer but was " + value);
        }
        return value.longValue();
    }

    boolean bool(String field, boolean defaultValue) {
        JsonNode value = get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw error("'" + field + "' must be true or false but was " + value);
        }
        return value.booleanValue();
    }

    List<String> texts(String field) {
        JsonNode value = get(field);
        if (value == null || !value.isArray()) {
            throw error("'" + field + "' must be an array of strings but was " + value);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw error("'" + field + "' must hold strings only but holds " + element);
            }
            texts.add(element.asText());
        }
        return texts;
    }

    List<JsonNode> objects(String field) {
        JsonNode value = get(field);
        if (value == null || !value.isArray()) {
            throw error("'" + field + "' must be an array of objects but was " + value);
        }
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw error("'" + field + "' must hold objects only but holds " + element);
            }
            objects.add(element);
        }
        return objects;
    }

    Severity severity() {
        JsonNode value = get("severity");
        if (value == null) {
            return Severity.ERROR;
        }
        try {
            return Severity.fromLabel(value.asText());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** Refuses fields that were never read. */
    void requireNoOthers() {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!read.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw error("unknown field" + (unknown.size() == 1 ? " '" : "s '") + String.join("', '", unknown)
                    + "'; the known fields are: " + String.join(", ", new TreeSet<>(read)));
        }
    }
}
