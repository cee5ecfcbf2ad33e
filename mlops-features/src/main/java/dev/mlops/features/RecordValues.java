package dev.mlops.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.store.EpochMicros;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * A record's values as the database keeps them: a JSON array in the order of its group version's
 * features; numbers as JSON numbers (NaN and infinities as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}), strings, booleans, timestamps as epoch microseconds,
 * {@code null} for missing. A record of an older version has fewer values: the features added
 * since read as missing.
 */
final class RecordValues {

    private RecordValues() {
        throw new AssertionError("no instances");
    }

    /**
     * @param values a record's values ({@link Double}, {@link String}, {@link Boolean}, {@link Instant} or null)
     * @return the JSON array's text
     */
    static String encode(Object[] values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(values.length);
        for (Object value : values) {
            if (value == null) {
                array.addNull();
            } else if (value instanceof Double number) {
                array.add(number);
            } else if (value instanceof Boolean flag) {
                array.add(flag);
            } else if (value instanceof Instant time) {
                array.add(GroupHistory.micros(time));
            } else {
                array.add((String) value);
            }
        }
        try {
            return Json.writer().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param json the stored array
     * @param features the group's latest features (types never change between versions)
     * @param source where the array was read, for messages
     * @return one value per feature, missing past the array's end (features added since it was written)
     */
    static Object[] decode(String json, List<Feature> features, String source) {
        JsonNode array = Documents.parseTree(json, source);
        Object[] values = new Object[features.size()];
        // features are only ever added at the end, so a stored array is never longer than the latest features
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            if (!node.isNull()) {
                values[i] = switch (features.get(i).type()) {
                    case NUMERIC -> node.isTextual() ? Double.parseDouble(node.textValue()) : node.doubleValue();
                    case BOOLEAN -> node.booleanValue();
                    case TIMESTAMP -> EpochMicros.instant(node.longValue());
                    default -> node.textValue();
                };
            }
        }
        return values;
    }
}
