package dev.mlops.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.MlopsException;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Fingerprint;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportHeaderTest {
    private static final Fingerprint PRINT = new Fingerprint("ab".repeat(32));
    private static final ReportHeader HEADER = new ReportHeader("check-report", 1, Instant.parse("2026-12-02T10:00:00Z"), PRINT);

    private static JsonNode json(String text) throws Exception {
        return Json.reader().readTree(text);
    }

    @Test
    void writesAndReadsItsFields() throws Exception {
        JsonNode node = json(Json.writer().writeValueAsString(HEADER.toDocument()));
        assertThat(ReportHeader.read(node, "r.json", "check-report", 1)).isEqualTo(HEADER);
    }

    @Test
    void startsADocumentAndReadsItThroughADocumentReader() {
        String text = Documents.write(HEADER.toDocument());

        assertThat(text).isEqualTo("{\n  \"createdAt\": \"2026-12-02T10:00:00Z\",\n  \"fingerprint\": \"" + "ab".repeat(32)
                + "\",\n  \"formatVersion\": 1,\n  \"kind\": \"check-report\"\n}");
        DocumentReader reader = Documents.parse(text, "r.json");
        assertThat(ReportHeader.read(reader, "check-report", 1)).isEqualTo(HEADER);
        reader.requireNoOthers();
    }

    @Test
    void aSyntaxErrorNamesTheLine() {
        assertThatThrownBy(() -> Documents.parse("{\n  \"kind\": ,\n}", "r.json"))
                .isInstanceOf(DataFormatException.class).hasMessageStartingWith("r.json line 2: not valid JSON at character");
    }

    @Test
    void refusesAnotherKindANewerVersionAndMalformedFields() throws Exception {
        String fields = "\"createdAt\": \"2026-12-02T10:00:00Z\", \"fingerprint\": \"" + "ab".repeat(32) + "\"";
        assertThatThrownBy(() -> ReportHeader.read(json("{\"kind\": \"x\", \"formatVersion\": 1, " + fields + "}"), "r.json",
                "check-report", 1)).isInstanceOf(MlopsException.class)
                .hasMessage("r.json: expected a document of kind 'check-report' but its kind is 'x'");
        assertThatThrownBy(() -> ReportHeader.read(json("{\"kind\": \"check-report\", \"formatVersion\": 3, " + fields + "}"),
                "r.json", "check-report", 2))
                .hasMessage("r.json: format version 3 of 'check-report' is not supported; this version of mlops-java reads versions 1 to 2");
        assertThatThrownBy(() -> ReportHeader.read(json("{\"kind\": \"check-report\", \"formatVersion\": \"1\", " + fields + "}"),
                "r.json", "check-report", 1)).hasMessage("r.json: 'formatVersion' must be an integer but was \"1\"");
        assertThatThrownBy(() -> ReportHeader.read(json("{\"kind\": \"check-report\", \"formatVersion\": 1,"
                + " \"createdAt\": \"yesterday\", \"fingerprint\": \"ab\"}"), "r.json", "check-report", 1))
                .hasMessageStartingWith("r.json: 'createdAt' must be an ISO-8601 instant");
        assertThatThrownBy(() -> ReportHeader.read(json("{\"kind\": \"check-report\", \"formatVersion\": 1,"
                + " \"createdAt\": \"2026-12-02T10:00:00Z\", \"fingerprint\": \"ab\"}"), "r.json", "check-report", 1))
                .hasMessage("r.json: 'fingerprint' sha256 must be 64 lowercase hexadecimal digits but was 'ab'");
        assertThatThrownBy(() -> ReportHeader.read(json("{}"), "r.json", "check-report", 1))
                .hasMessage("r.json: 'kind' is required (a string) but absent");
        assertThatThrownBy(() -> ReportHeader.read(json("{\"kind\": 1}"), "r.json", "check-report", 1))
                .hasMessage("r.json: 'kind' must be a string but was 1");
    }

    @Test
    void validatesItsParts() {
        assertThatThrownBy(() -> new ReportHeader(" ", 1, Instant.EPOCH, PRINT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kind must not be blank");
        assertThatThrownBy(() -> new ReportHeader("k", 0, Instant.EPOCH, PRINT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("formatVersion must be at least 1 but was 0");
    }

    @Test
    void severityLabelsReadBackInAnyCase() {
        for (Severity severity : Severity.values()) {
            assertThat(Severity.fromLabel(severity.label().toUpperCase(Locale.ROOT))).isEqualTo(severity);
        }
        assertThatThrownBy(() -> Severity.fromLabel("fatal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("severity must be one of error, warning, info but was 'fatal'");
    }
}
