package dev.mlops.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.internal.NearestName;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of one JSON object of a document, with errors that name the source, the
 * object's path and the field ({@code suite.json: checks[2]: 'min' must be a number but was
 * "ten"}), and that refuse fields nobody read ({@link #requireNoOthers()}), with a hint at the
 * closest known name for a misspelling. A required field that is absent while a near-miss is
 * present says so ({@code 'column' is required but absent; the object has 'colum' — a
 * misspelling?}).
 *
 * <p>Each getter marks its field as read. Numbers accept the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} that the shared writer uses for non-finite values.
 * Not thread-safe: one reader per reading thread.
 */
public final class DocumentReader {
    private final JsonNode node;
    private final String source;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    private DocumentReader(JsonNode node, String source, String path) {
        this.node = node;
        this.source = source;
        this.path = path;
    }

    /**
     * Reads a document's root object.
     *
     * @param root the parsed document
     * @param source names the document in messages, such as its file
     * @return the reader
     * @throws DocumentException if the root is not an object
     */
    public static DocumentReader of(JsonNode root, String source) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(source, "source");
        if (!root.isObject()) {
            throw new DocumentException(source, "", "a document must be a JSON object but was " + describe(root));
        }
        return new DocumentReader(root, source, "");
    }

    /** @return the document's name, such as its file */
    public String source() {
        return source;
    }

    /** @return this object's path in the document, such as {@code checks[2]}; empty for the root */
    public String path() {
        return path;
    }

    /** @return the object itself, unchanged (mark its fields read with the getters) */
    public JsonNode node() {
        return node;
    }

    /**
     * Makes an error about this object.
     *
     * @param problem what was found and what was expected
     * @return the exception, naming the source and path
     */
    public DocumentException error(String problem) {
        return new DocumentException(source, path, problem);
    }

    /**
     * Makes an error about a field of this object.
     *
     * @param field the field
     * @param problem what was found and what was expected
     * @return the exception, naming the source and path
     */
    public DocumentException error(String field, String problem) {
        return error("'" + field + "' " + problem);
    }

    /**
     * Checks the envelope: {@code kind} must equal the expected kind and {@code formatVersion} be
     * an integer from 1 to {@code maxVersion}.
     *
     * @param kind the kind this reader understands, such as {@code "split"}
     * @param maxVersion the newest format version it reads
     * @return the document's format version
     * @throws DocumentException if either field is absent, of another kind or version
     */
    public int requireKind(String kind, int maxVersion) {
        String actual = text(Documents.KIND);
        if (!actual.equals(kind)) {
            throw error("expected a document of kind '" + kind + "' but its kind is '" + actual + "'");
        }
        JsonNode version = get(Documents.FORMAT_VERSION);
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw error(Documents.FORMAT_VERSION, "must be an integer but was " + describe(version));
        }
        if (version.intValue() < 1 || version.intValue() > maxVersion) {
            throw error("format version " + version.intValue() + " of '" + kind + "' is not supported; this version"
                    + " of mlops-java reads " + (maxVersion == 1 ? "version 1" : "versions 1 to " + maxVersion));
        }
        return version.intValue();
    }

    /**
     * @param field a field
     * @return true if the object has the field, even as null; does not mark it read
     */
    public boolean has(String field) {
        return node.has(field);
    }

    /**
     * Reads a required field as raw JSON, for a value another reader interprets.
     *
     * @param field the field
     * @return its value
     * @throws DocumentException if it is absent
     */
    public JsonNode value(String field) {
        JsonNode value = get(field);
        if (value == null) {
            throw missing(field, "a value");
        }
        return value;
    }

    /**
     * @param field a required string field
     * @return its text
     * @throws DocumentException if it is absent or not a string
     */
    public String text(String field) {
        JsonNode value = get(field);
        if (value == null) {
            throw missing(field, "a string");
        }
        if (!value.isTextual()) {
            throw error(field, "must be a string but was " + describe(value));
        }
        return value.textValue();
    }

    /**
     * @param field an optional string field
     * @return its text, or empty if it is absent or null
     * @throws DocumentException if it is present and neither a string nor null
     */
    public Optional<String> optionalText(String field) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw error(field, "must be a string or null but was " + describe(value));
        }
        return Optional.of(value.textValue());
    }

    /**
     * @param field a required integer field
     * @return its value
     * @throws DocumentException if it is absent, not an integer or beyond the range of {@code long}
     */
    public long longValue(String field) {
        JsonNode value = get(field);
        if (value == null) {
            throw missing(field, "an integer");
        }
        return integral(field, value);
    }

    /**
     * @param field an optional integer field
     * @return its value, or empty if it is absent or null
     * @throws DocumentException if it is present and neither an integer nor null
     */
    public OptionalLong optionalLong(String field) {
        JsonNode value = get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(integral(field, value));
    }

    /**
     * @param field a required integer field
     * @return its value
     * @throws DocumentException if it is absent, not an integer or beyond the range of {@code int}
     */
    public int intValue(String field) {
        long value = longValue(field);
        if (value != (int) value) {
            throw error(field, "must be an integer within ±2^31 but was " + value);
        }
        return (int) value;
    }

    /**
     * @param field a required number field
     * @return its value; {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} read as such
     * @throws DocumentException if it is absent or not a number
     */
    public double number(String field) {
        JsonNode value = get(field);
        if (value == null) {
            throw missing(field, "a number");
        }
        return number(field, value);
    }

    /**
     * @param field an optional number field
     * @param defaultValue the value when the field is absent
     * @return its value, or the default
     * @throws DocumentException if it is present and not a number
     */
    public double number(String field, double defaultValue) {
        JsonNode value = get(field);
        return value == null ? defaultValue : number(field, value);
    }

    /**
     * @param field an optional boolean field
     * @param defaultValue the value when the field is absent
     * @return its value, or the default
     * @throws DocumentException if it is present and neither true nor false
     */
    public boolean bool(String field, boolean defaultValue) {
        JsonNode value = get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw error(field, "must be true or false but was " + describe(value));
        }
        return value.booleanValue();
    }

    /**
     * @param field a required field holding an ISO-8601 instant, such as {@code "2026-01-31T12:00:00Z"}
     * @return the instant
     * @throws DocumentException if it is absent or not such an instant
     */
    public Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z but was '" + text + "'");
        }
    }

    /**
     * @param field a required array of strings
     * @return the strings, in order, unmodifiable
     * @throws DocumentException if it is absent, not an array, or holds anything but strings
     */
    public List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        int index = 0;
        for (JsonNode element : array(field, "an array of strings")) {
            if (!element.isTextual()) {
                throw error(field + "[" + index + "]", "must be a string but was " + describe(element));
            }
            texts.add(element.textValue());
            index++;
        }
        return Collections.unmodifiableList(texts);
    }

    /**
     * @param field a required array of integers within the range of {@code int}
     * @return the integers, in order
     * @throws DocumentException if it is absent, not an array, or holds anything else
     */
    public int[] ints(String field) {
        JsonNode array = array(field, "an array of integers");
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode element = array.get(i);
            if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                throw error(field + "[" + i + "]", "must be an integer within ±2^31 but was " + describe(element));
            }
            values[i] = element.intValue();
        }
        return values;
    }

    /**
     * @param field an optional number field
     * @return its value, or empty if it is absent or null; {@code "NaN"}, {@code "Infinity"} and
     *     {@code "-Infinity"} read as such
     * @throws DocumentException if it is present and neither a number nor null
     */
    public OptionalDouble optionalNumber(String field) {
        JsonNode value = get(field);
        return value == null || value.isNull() ? OptionalDouble.empty() : OptionalDouble.of(number(field, value));
    }

    /**
     * @param field an optional field holding an ISO-8601 instant
     * @return the instant, or empty if the field is absent or null
     * @throws DocumentException if it is present and neither such an instant nor null
     */
    public Optional<Instant> optionalInstant(String field) {
        JsonNode value = get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(instant(field));
    }

    /**
     * @param field a required array of numbers
     * @return the numbers, in order; {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}
     *     read as such
     * @throws DocumentException if it is absent, not an array, or holds anything else; the
     *     message names the element, such as {@code values[3]}
     */
    public double[] doubles(String field) {
        JsonNode array = array(field, "an array of numbers");
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(field + "[" + i + "]", array.get(i));
        }
        return values;
    }

    /**
     * @param field a required object field
     * @return a reader of that object, whose path extends this one's
     * @throws DocumentException if it is absent or not an object
     */
    public DocumentReader object(String field) {
        JsonNode value = get(field);
        if (value == null) {
            throw missing(field, "an object");
        }
        if (!value.isObject()) {
            throw error(field, "must be an object but was " + describe(value));
        }
        return new DocumentReader(value, source, child(field));
    }

    /**
     * @param field a required array of objects
     * @return a reader per element, in order, whose paths are {@code field[i]}; unmodifiable
     * @throws DocumentException if it is absent, not an array, or holds anything but objects
     */
    public List<DocumentReader> objects(String field) {
        List<DocumentReader> readers = new ArrayList<>();
        int index = 0;
        for (JsonNode element : array(field, "an array of objects")) {
            String elementPath = child(field) + "[" + index + "]";
            if (!element.isObject()) {
                throw new DocumentException(source, elementPath, "must be an object but was " + describe(element));
            }
            readers.add(new DocumentReader(element, source, elementPath));
            index++;
        }
        return Collections.unmodifiableList(readers);
    }

    /** @return the object's field names in document order, unmodifiable; marks none read */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return Collections.unmodifiableList(names);
    }

    /**
     * Refuses the fields no getter read, naming them, the closest known name and all known ones.
     *
     * @throws DocumentException if the object has a field that was never read
     */
    public void requireNoOthers() {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!read.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        String first = unknown.get(0);
        throw error("unknown field" + (unknown.size() == 1 ? " '" : "s '") + String.join("', '", unknown) + "'"
                + NearestName.hint(first, read) + " (known fields: " + String.join(", ", new TreeSet<>(read)) + ")");
    }

    private @Nullable JsonNode get(String field) {
        read.add(field);
        return node.get(field);
    }

    private JsonNode array(String field, String expected) {
        JsonNode value = get(field);
        if (value == null) {
            throw missing(field, expected);
        }
        if (!value.isArray()) {
            throw error(field, "must be " + expected + " but was " + describe(value));
        }
        return value;
    }

    private long integral(String field, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw error(field, "must be an integer but was " + describe(value));
        }
        return value.longValue();
    }

    private double number(String field, JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            switch (value.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw error(field, "must be a number (or \"NaN\", \"Infinity\", \"-Infinity\") but was " + describe(value));
    }

    private DocumentException missing(String field, String expected) {
        List<String> others = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!read.contains(name)) {
                others.add(name);
            }
        });
        String nearMiss = NearestName.of(field, others)
                .map(name -> "; the object has '" + name + "', a misspelling?").orElse("");
        return error(field, "is required (" + expected + ") but absent" + nearMiss);
    }

    private String child(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Describes a JSON value for a message: its JSON text, shortened, or "absent". */
    static String describe(@Nullable JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "absent";
        }
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
