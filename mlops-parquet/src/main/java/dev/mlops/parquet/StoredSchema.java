package dev.mlops.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * mlops' own schema in a Parquet file's key-value metadata, under {@value #KEY}: what Parquet's
 * types cannot say (a UTF-8 column is text or categorical; a column is sensitive), so that a
 * table written by {@link ParquetFormat} reads back exactly. The value is a JSON document,
 * {@code {"formatVersion":1,"fields":[{"name":"city","type":"CATEGORICAL"},...]}}, in the
 * table's column order. Other tools keep or drop it; a reader uses it only for columns whose
 * Parquet type still fits the stored type. Stateless, thread-safe.
 */
final class StoredSchema {
    /** The metadata key. */
    static final String KEY = "dev.mlops.schema";
    /** The version of the document this class writes and the newest it reads. */
    static final int FORMAT_VERSION = 1;

    private StoredSchema() {
        throw new AssertionError("no instances");
    }

    /** The document under {@link #KEY}. */
    record Document(int formatVersion, List<Field> fields) {
        Document {
            Objects.requireNonNull(fields, "fields");
            fields = List.copyOf(fields);
        }
    }

    /**
     * @param schema a table's schema
     * @return the metadata value that stores it
     */
    static String write(Schema schema) {
        try {
            return Json.writer().writeValueAsString(new Document(FORMAT_VERSION, schema.fields()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a schema as JSON: " + schema, e);
        }
    }

    /**
     * @param metadata a file's key-value metadata
     * @param source the file's name, for errors
     * @return the stored fields by name, in the stored order; empty when the file holds none
     * @throws DataFormatException if the stored value is not such a document, or a newer one
     */
    static Map<String, Field> read(Map<String, String> metadata, String source) {
        String value = metadata.get(KEY);
        return value == null ? Map.of() : parse(value, source);
    }

    private static Map<String, Field> parse(String value, String source) {
        Document document;
        try {
            document = Json.reader().forType(Document.class).readValue(value);
        } catch (JsonProcessingException e) {
            throw new DataFormatException(source, "the key-value metadata '" + KEY
                    + "' is not an mlops schema document: " + e.getOriginalMessage(), e);
        }
        if (document.formatVersion() > FORMAT_VERSION || document.formatVersion() < 1) {
            throw new DataFormatException(source, "the key-value metadata '" + KEY + "' has formatVersion "
                    + document.formatVersion() + "; this version of mlops reads 1 to " + FORMAT_VERSION, null);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field field : document.fields()) {
            fields.put(field.name(), field);
        }
        return fields;
    }
}
