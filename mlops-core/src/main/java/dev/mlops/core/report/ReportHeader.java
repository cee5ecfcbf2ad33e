package dev.mlops.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Fingerprint;
import java.time.Instant;
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
     * @param kind the report's kind, such as {@code "leakage-report"} or {@code "check-report"}
     * @param formatVersion the version of the report's JSON format, at least 1
     * @param createdAt when the report was made
     * @param fingerprint the fingerprint of the table the report describes
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
     * Starts a report document with this envelope: {@code kind} and {@code formatVersion} (by
     * {@link Documents#create}), {@code createdAt} (ISO-8601) and {@code fingerprint} (the
     * SHA-256 hex).
     *
     * @return a new document holding the header's fields
     */
    public ObjectNode toDocument() {
        ObjectNode document = Documents.create(kind, formatVersion);
        document.put("createdAt", createdAt.toString());
        document.put("fingerprint", fingerprint.sha256());
        return document;
    }

    /**
     * Reads and checks the header of a report document.
     *
     * @param document the parsed JSON document
     * @param source names the document in messages, such as its file
     * @param expectedKind the kind the reader understands
     * @param maxVersion the newest format version the reader understands
     * @return the header
     * @throws dev.mlops.core.json.DocumentException as {@link #read(DocumentReader, String, int)}
     */
    public static ReportHeader read(JsonNode document, String source, String expectedKind, int maxVersion) {
        return read(DocumentReader.of(document, source), expectedKind, maxVersion);
    }

    /**
     * Reads and checks the header of a report document, marking its four fields read.
     *
     * @param document the document's root
     * @param expectedKind the kind the reader understands
     * @param maxVersion the newest format version the reader understands
     * @return the header
     * @throws dev.mlops.core.json.DocumentException if a field is missing or malformed, the kind
     *     differs or the version is newer than {@code maxVersion}; the message names the source
     *     and the field
     */
    public static ReportHeader read(DocumentReader document, String expectedKind, int maxVersion) {
        int version = document.requireKind(expectedKind, maxVersion);
        Instant createdAt = document.instant("createdAt");
        String sha256 = document.text("fingerprint");
        Fingerprint fingerprint;
        try {
            fingerprint = new Fingerprint(sha256);
        } catch (IllegalArgumentException e) {
            throw document.error("fingerprint", e.getMessage());
        }
        return new ReportHeader(expectedKind, version, createdAt, fingerprint);
    }
}
