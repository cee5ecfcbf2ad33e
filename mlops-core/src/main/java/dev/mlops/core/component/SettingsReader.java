package dev.mlops.core.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.internal.NearestName;
import dev.mlops.core.json.Json;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a settings record from a spec's JSON settings, with messages that name the setting and
 * the expected value and never show Jackson's internals.
 */
final class SettingsReader {
    private static final JsonMapper READER = Json.newMapper().rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private SettingsReader() {
    }

    /**
     * @param where names the spec in messages, such as {@code "spec 'stratified(seed=x)'"}
     */
    static <S extends Record> S read(ComponentType<?, S> type, ObjectNode settings, String where) {
        List<String> known = type.settingNames();
        for (String name : (Iterable<String>) settings::fieldNames) {
            if (!known.contains(name)) {
                throw new ComponentException(where + ": unknown setting '" + name + "' of " + type
                        + NearestName.hint(name, known) + " (its settings: " + describe(known) + ")");
            }
        }
        for (RecordComponent component : type.settingsType().getRecordComponents()) {
            if (component.getType().isPrimitive() && !settings.has(component.getName())) {
                throw new ComponentException(where + ": the setting '" + component.getName() + "' of " + type
                        + " is required (" + typeName(component.getType()) + ")");
            }
        }
        try {
            return READER.treeToValue(settings, type.settingsType());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ComponentException(where + ": " + type + " refuses its settings: " + cause.getMessage(), e);
        } catch (UnrecognizedPropertyException e) {
            throw new ComponentException(where + ": unknown setting '" + e.getPropertyName() + "' of " + type, e);
        } catch (MismatchedInputException e) {
            String value = valueAt(settings, e);
            if (value.equals("absent")) {
                throw new ComponentException(where + ": the setting '" + path(e) + "' of " + type + " is required ("
                        + typeName(e.getTargetType()) + ")", e);
            }
            throw new ComponentException(where + ": the setting '" + path(e) + "' of " + type + " must be "
                    + typeName(e.getTargetType()) + " but was " + value, e);
        } catch (JsonMappingException e) {
            throw new ComponentException(where + ": the setting '" + path(e) + "' of " + type + " is malformed: "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ComponentException(where + ": the settings of " + type + " cannot be read: "
                    + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ComponentException(where + ": " + type + " refuses its settings: " + e.getMessage(), e);
        }
    }

    private static String describe(List<String> known) {
        return known.isEmpty() ? "none" : String.join(", ", known);
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            parts.add(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        return parts.stream().collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String valueAt(ObjectNode settings, JsonMappingException e) {
        com.fasterxml.jackson.databind.JsonNode node = settings;
        for (JsonMappingException.Reference reference : e.getPath()) {
            node = reference.getFieldName() != null ? node.path(reference.getFieldName()) : node.path(reference.getIndex());
        }
        return node.isMissingNode() ? "absent" : node.toString();
    }

    static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(READER.valueToTree(constant).asText());    // as JSON names it
            }
            return "one of " + String.join(", ", names);
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a " + type.getSimpleName();
    }
}
