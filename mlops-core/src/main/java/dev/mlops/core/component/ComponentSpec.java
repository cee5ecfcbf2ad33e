package dev.mlops.core.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentReader;
import java.util.Map;
import java.util.Objects;

/**
 * A component's type name and settings, as an artifact records them and as a person writes them.
 *
 * <p>Two equivalent forms:
 * <ul>
 *   <li>a spec string, {@code stratified(label=class, seed=42, sets="train=0.8,test=0.2")}: the
 *       type, then settings as {@code name=value} in parentheses (which may be left out when
 *       there are none). A value is a number, {@code true}, {@code false}, {@code null}, a bare
 *       word (letters, digits and any of {@code _ . - + / : @ ' ! ? * % ~ ^ $ # & |}), a string in
 *       double quotes with {@code \"} and {@code \\} as escapes, a list {@code [a, b]} or an object
 *       {@code {name=value, ...}}. Space around the punctuation is ignored;</li>
 *   <li>a flat JSON object, {@code {"type": "stratified", "label": "class", "seed": 42}}, as
 *       suites, splits and reports hold it.</li>
 * </ul>
 * {@link #toString()} writes the spec string with settings in the record's order, leaving out
 * those that are null; {@link #parse} reads it back to an equal spec. Numbers are kept as
 * {@code long} when integral and {@code double} otherwise, so equal settings give equal specs.
 * Immutable and thread-safe: the settings object is copied in and out.
 *
 * @param type the component's type name
 * @param settings the settings as a JSON object, without a {@code type} field
 */
public record ComponentSpec(String type, ObjectNode settings) {
    /** The JSON field that names a component's type. */
    public static final String TYPE = "type";

    /**
     * Checks and copies the spec.
     *
     * @param type the component's type name
     * @param settings the settings as a JSON object, without a {@code type} field
     * @throws IllegalArgumentException if the type is blank or the settings hold a field {@code type}
     */
    public ComponentSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(settings, "settings");
        if (type.isBlank()) {
            throw new IllegalArgumentException("a component's type must not be blank");
        }
        if (settings.has(TYPE)) {
            throw new IllegalArgumentException("the settings of component '" + type
                    + "' must not have a field 'type', which names the component's type");
        }
        settings = (ObjectNode) SettingsTree.canonical(settings);
    }

    /**
     * Returns a component's spec, from its type and settings record.
     *
     * @param component the component
     * @return its spec
     */
    public static ComponentSpec of(Component component) {
        Objects.requireNonNull(component, "component");
        return new ComponentSpec(component.type(), SettingsTree.of(component.settings()));
    }

    /**
     * Parses a spec string such as {@code stratified(label=class, seed=42)}.
     *
     * @param text the spec string
     * @return the spec
     * @throws ComponentException if the text does not parse; the message points at the character
     */
    public static ComponentSpec parse(String text) {
        return SpecText.parse(Objects.requireNonNull(text, "text"));
    }

    /**
     * Reads the flat JSON form: {@code type} and the settings beside it. Every field of the object
     * is taken (and marked read).
     *
     * @param object the JSON object
     * @return the spec
     * @throws dev.mlops.core.json.DocumentException if {@code type} is absent or not a string
     */
    public static ComponentSpec read(DocumentReader object) {
        String type = object.text(TYPE);
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        for (String field : object.fieldNames()) {
            if (!field.equals(TYPE)) {
                settings.set(field, object.value(field));
            }
        }
        return new ComponentSpec(type, settings);
    }

    /** @return a copy of the settings */
    @Override
    public ObjectNode settings() {
        return settings.deepCopy();
    }

    /** @return the flat JSON form: {@code type} and the settings, in a new object */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put(TYPE, type);
        for (Map.Entry<String, JsonNode> setting : settings.properties()) {
            json.set(setting.getKey(), setting.getValue().deepCopy());
        }
        return json;
    }

    /** @return the spec string, such as {@code stratified(label=class, seed=42)} */
    @Override
    public String toString() {
        return SpecText.write(this);
    }
}
