package dev.mlops.core.json;

import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The one Jackson configuration that every mlops-java module uses to write and read JSON.
 *
 * <p>The configuration, applied by {@link #newMapper()} and baked into {@link #writer()},
 * {@link #prettyWriter()} and {@link #reader()}:
 *
 * <ul>
 *   <li>{@code java.time} types ({@link java.time.Instant}, {@link java.time.Duration},
 *       {@link java.time.LocalDate}, ...) are written as ISO-8601 strings such as
 *       {@code "2024-03-01T12:00:00Z"} and {@code "PT1H30M"}, never as numeric timestamps; the
 *       mapper's own time zone is UTC and its locale {@link Locale#ROOT}, whatever the JVM's
 *       defaults are.
 *   <li>Keys come out in a stable order: {@link java.util.Map} entries and
 *       {@link com.fasterxml.jackson.databind.node.ObjectNode} properties sorted by key
 *       ({@link String#compareTo}, so {@code "Z"} before {@code "a"}), record
 *       components and class properties in declaration order (record components in the
 *       canonical constructor's order). Two writes of equal values give identical text.
 *   <li>Properties the target type does not know are ignored on read, so a newer writer's
 *       document still reads with an older class; text left after the first JSON value is an
 *       error.
 *   <li>Non-finite {@code double} and {@code float} values are written as the JSON strings
 *       {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (JSON has no literal for
 *       them) and read back from those strings into {@code double}, {@code Double},
 *       {@code float} and {@code Float} properties. Read into an untyped target ({@code Object},
 *       {@code Map<String, Object>}) they stay strings.
 *   <li>Floating-point numbers read as {@code double}, never as {@link java.math.BigDecimal};
 *       no default typing (class names are never written or trusted).
 * </ul>
 *
 * <p>Thread-safety: every method may be called from any thread. The shared reader and writers
 * are immutable; their {@code with(...)} methods return new instances and leave the shared ones
 * unchanged. Mappers from {@link #newMapper()} are new on each call and belong to the caller.
 */
public final class Json {

    private static final JsonMapper SHARED = newMapper();
    private static final ObjectWriter WRITER = SHARED.writer();
    private static final ObjectWriter PRETTY_WRITER = SHARED.writer(prettyPrinter());
    private static final ObjectReader READER = SHARED.reader();

    private Json() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns a newly built mapper with the house configuration described on this class.
     *
     * <p>Use it when a module needs its own mapper, for example to register a module of its own;
     * everyone else should use the shared {@link #writer()} and {@link #reader()}.
     *
     * @return a new, independently configurable mapper; never shared with other callers
     */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .defaultTimeZone(TimeZone.getTimeZone("UTC"))
                .defaultLocale(Locale.ROOT)
                .defaultPrettyPrinter(prettyPrinter())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .disable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .deactivateDefaultTyping()
                .build();
    }

    /**
     * Returns the shared writer: compact output (no whitespace), the house configuration.
     *
     * @return an immutable, thread-safe writer
     */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /**
     * Returns the shared writer for files people read: two-space indentation, one property or
     * array element per line, {@code "key": value} spacing, {@code '\n'} line breaks on every
     * platform and no trailing line break after the document.
     *
     * @return an immutable, thread-safe writer
     */
    public static ObjectWriter prettyWriter() {
        return PRETTY_WRITER;
    }

    /**
     * Returns the shared reader; pick the target with {@link ObjectReader#forType(Class)}.
     *
     * @return an immutable, thread-safe reader
     */
    public static ObjectReader reader() {
        return READER;
    }

    /**
     * Converts a value (a record, a map, a list) to a JSON tree with the house configuration, as
     * the shared writer would write it.
     *
     * @param value the value
     * @return its tree, new on each call
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    public static JsonNode toTree(Object value) {
        return SHARED.valueToTree(value);
    }

    private static PrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter()
                .withSeparators(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
