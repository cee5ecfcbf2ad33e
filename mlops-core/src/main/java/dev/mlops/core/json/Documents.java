package dev.mlops.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one way mlops-java writes and reads its JSON documents (suites, splits, profiles,
 * reports): each opens with its {@code kind} and {@code formatVersion}, is written by the shared
 * pretty writer ({@link Json#prettyWriter()}: keys sorted, two-space indentation), and is read
 * through a {@link DocumentReader} whose errors name the source, the line and character of a
 * syntax error, and the path of a field at fault.
 *
 * <pre>{@code
 * ObjectNode document = Documents.create("my-report", 1);
 * document.put("rows", 1000);
 * AtomicFiles.writeString(Path.of("report.json"), Documents.write(document));
 *
 * DocumentReader reader = Documents.load(Path.of("report.json"));
 * int version = reader.requireKind("my-report", 1);
 * long rows = reader.longValue("rows");
 * reader.requireNoOthers();
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class Documents {
    /** The field that names a document's kind. */
    public static final String KIND = "kind";
    /** The field that holds a document's format version. */
    public static final String FORMAT_VERSION = "formatVersion";

    private Documents() {
        throw new AssertionError("no instances");
    }

    /**
     * Starts a document with its envelope.
     *
     * @param kind the document's kind, such as {@code "split"}
     * @param formatVersion the version of its format, at least 1
     * @return a new object holding {@code kind} and {@code formatVersion}
     * @throws IllegalArgumentException if the kind is blank or the version below 1
     */
    public static ObjectNode create(String kind, int formatVersion) {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
        if (formatVersion < 1) {
            throw new IllegalArgumentException("formatVersion must be at least 1 but was " + formatVersion);
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put(KIND, kind);
        document.put(FORMAT_VERSION, formatVersion);
        return document;
    }

    /**
     * Writes a document for people and diffs, as {@link Json#prettyWriter()} does.
     *
     * @param document the document
     * @return its JSON text, without a trailing line break
     */
    public static String write(JsonNode document) {
        try {
            return Json.prettyWriter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Parses JSON text.
     *
     * @param json the text
     * @param source names the text in messages, such as its file
     * @return the tree
     * @throws DataFormatException if the text is not one JSON value; the message names the source,
     *     the line and the character
     */
    public static JsonNode parseTree(String json, String source) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        JsonNode root;
        try {
            root = Json.reader().readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            long line = location == null ? 1 : Math.max(1, location.getLineNr());
            String character = location == null || location.getColumnNr() < 1 ? ""
                    : " at character " + location.getColumnNr();
            throw new DataFormatException(source, line, "not valid JSON" + character + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new DataFormatException(source, 1, "not valid JSON: the text is empty");
        }
        return root;
    }

    /**
     * Parses a JSON document, which must be an object.
     *
     * @param json the text
     * @param source names the text in messages, such as its file
     * @return a reader of its fields
     * @throws DataFormatException if the text is not JSON; it names the line and character
     * @throws DocumentException if it is not a JSON object
     */
    public static DocumentReader parse(String json, String source) {
        return DocumentReader.of(parseTree(json, source), source);
    }

    /**
     * Reads a JSON document from a file (UTF-8), which must hold an object.
     *
     * @param file the file
     * @return a reader of its fields, naming the file in messages
     * @throws UncheckedIOException if the file cannot be read
     * @throws DataFormatException if the file is not JSON; it names the file, line and character
     * @throws DocumentException if it is not a JSON object
     */
    public static DocumentReader load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(json, file.toString());
    }
}
