package dev.mlops.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.table.Fingerprint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * The envelope every mlops-java report opens with: what kind of report it is, the version of its
 * JSON format, when it was made (by the caller's clock) and the fingerprint of the table it
 * describes.
 *
 * @param kind the report's kind, such as {@code "leakage-report"} or {@code "check-report"}
 * @param formatVersion the version of the report's JSON format, at least 1
 * @param createdAt when the report was made
 * @param fingerprint the fingerprint of the table the report describes
 */
public record ReportHeader(String kind, int formatVersion, Instant createdAt, Fingerprint fingerprint) {

    /**
     * Validates the header.
     *
     * @throws IllegalArgumentException if the kind is blank or the version below 1
     */
    public ReportHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
        if (formatVersion < 1) {
            throw new IllegalArgumentException("formatVersion must be at least 1 but was " + formatVersion);
        }
    }

    /**
     * Puts the header's fields into a JSON document being built: {@code kind},
     * {@code formatVersion}, {@code createdAt} (ISO-8601) and {@code fingerprint} (the SHA-256 hex).
     *
     * @param document the document's fields
     */
    public void writeTo(Map<String, Object> document) {
        document.put("kind", kind);
        document.put("formatVersion", formatVersion);
        document.put("createdAt", createdAt.toString());
        document.put("fingerprint", fingerprint.sha256());
    }

    /**
     * Reads and checks the header of a report document.
     *
     * @param document the parsed JSON document
     * @param source names the document in messages, such as its file
     * @param expectedKind the kind the reader understands
     * @param maxVersion the newest format version the reader understands
     * @return the header
     * @throws MlopsException if a field is missing or malformed, the kind differs or the version
     *     is newer than {@code maxVersion}; the message names the source and the field
     */
    public static ReportHeader read(JsonNode document, String source, String expectedKind, int maxVersion) {
        String kind = text(document, source, "kind");
        if (!kind.equals(expectedKind)) {
            throw new MlopsException(source + ": expected a document of kind '" + expectedKind + "' but its kind is '"
                    + kind + "'");
        }
        JsonNode version = document.get("formatVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new MlopsException(source + ": 'formatVersion' must be an integer but was " + version);
        }
        if (version.intValue() < 1 || version.intValue() > maxVersion) {
            throw new MlopsException(source + ": format version " + version.intValue() + " of '" + kind
                    + "' is not supported; this version reads 1 to " + maxVersion);
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(document, source, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new MlopsException(source + ": 'createdAt' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z but was '"
                    + document.get("createdAt").asText() + "'", e);
        }
        Fingerprint fingerprint;
        try {
            fingerprint = new Fingerprint(text(document, source, "fingerprint"));
        } catch (IllegalArgumentException e) {
            throw new MlopsException(source + ": 'fingerprint' " + e.getMessage(), e);
        }
        return new ReportHeader(kind, version.intValue(), createdAt, fingerprint);
    }

    private static String text(JsonNode document, String source, String field) {
        JsonNode node = document.get(field);
        if (node == null || !node.isTextual()) {
            throw new MlopsException(source + ": '" + field + "' must be a string but was " + node);
        }
        return node.asText();
    }
}
