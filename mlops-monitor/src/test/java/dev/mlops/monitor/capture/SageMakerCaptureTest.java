package dev.mlops.monitor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines written in the shape AWS documents for Model Monitor's captured data: "Capture data
 * from real-time endpoint", section "View captured data",
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture-endpoint.html
 * (captureData.endpointInput/endpointOutput with observedContentType, mode, data, encoding;
 * eventMetadata with eventId, inferenceId when the caller passed one, inferenceTime;
 * eventVersion "0"). Values are our own.
 */
class SageMakerCaptureTest {

    static final String CSV_LINE = "{\"captureData\":{"
            + "\"endpointInput\":{\"observedContentType\":\"text/csv\",\"mode\":\"INPUT\","
            + "\"data\":\"132,25,113.2,,München\",\"encoding\":\"CSV\"},"
            + "\"endpointOutput\":{\"observedContentType\":\"text/csv; charset=utf-8\","
            + "\"mode\":\"OUTPUT\",\"data\":\"0.0107\",\"encoding\":\"CSV\"}},"
            + "\"eventMetadata\":{\"eventId\":\"4f2c8a1e-0d2b-4c61-9a57-3e8b1f6d2c70\","
            + "\"inferenceId\":\"order-1001\",\"inferenceTime\":\"2019-11-20T23:33:12Z\"},"
            + "\"eventVersion\":\"0\"}";

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String line(String input, String output, String metadata, String version) {
        return "{\"captureData\":{" + input + (input.isEmpty() || output.isEmpty() ? "" : ",")
                + output + "},\"eventMetadata\":{" + metadata + "},\"eventVersion\":\""
                + version + "\"}";
    }

    static String side(String name, String type, String data, String encoding) {
        return "\"" + name + "\":{\"observedContentType\":\"" + type + "\",\"mode\":\""
                + (name.endsWith("Input") ? "INPUT" : "OUTPUT") + "\",\"data\":\""
                + data.replace("\"", "\\\"") + "\",\"encoding\":\"" + encoding + "\"}";
    }

    static final String META = "\"eventId\":\"e-2\",\"inferenceTime\":\"2019-11-20T23:33:13Z\"";

    @TempDir
    Path dir;

    Path write(String... lines) throws Exception {
        Path file = dir.resolve("variant/2019/11/20/23/capture.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    SageMakerCapture importer() {
        return SageMakerCapture.forVariant("AllTraffic")
                .inputColumns(List.of("a", "b", "c", "d", "city"))
                .outputColumns(List.of("score"));
    }

    @Nested
    class Documented {
        @Test
        void aCsvRecordBecomesOneCaptureRecord() throws Exception {
            CaptureBatch batch = importer().readAll(write(CSV_LINE));
            Map<String, Object> input = new HashMap<>();
            input.put("a", 132.0);
            input.put("b", 25.0);
            input.put("c", 113.2);
            input.put("d", null);
            input.put("city", "München");
            assertThat(batch.records()).containsExactly(new CaptureRecord("order-1001",
                    Instant.parse("2019-11-20T23:33:12Z"), "AllTraffic",
                    CaptureStage.AFTER_MODEL, input, Map.of("score", 0.0107)));
            assertThat(batch.result()).isEqualTo(new CaptureReadResult(1, 1, 0, 0, List.of()));
        }

        @Test
        void base64JsonIsDecodedByContentTypeAndTheEventIdStandsInForAMissingInferenceId()
                throws Exception {
            String in = side("endpointInput", "application/json",
                    base64("{\"age\":41,\"city\":\"São Paulo\",\"member\":true,\"tags\":[1]}"),
                    "BASE64");
            String out = side("endpointOutput", "application/json",
                    base64("{\"score\":0.93}"), "BASE64");
            CaptureRecord record = importer().readAll(write(line(in, out, META, "0")))
                    .records().get(0);
            assertThat(record.inferenceId()).isEqualTo("e-2");
            assertThat(record.input()).containsExactly(Map.entry("age", 41.0),
                    Map.entry("city", "São Paulo"), Map.entry("member", true),
                    Map.entry("tags", "[1]"));
            assertThat(record.output()).containsExactly(Map.entry("score", 0.93));
        }

        @Test
        void base64CsvAndAJsonArrayAreNamedByPosition() throws Exception {
            String in = side("endpointInput", "text/csv", base64("1,x"), "BASE64");
            String out = side("endpointOutput", "application/json", "[0.2, 0.8]", "JSON");
            CaptureRecord record = SageMakerCapture.forVariant("v")
                    .stage(CaptureStage.BEFORE_PREPROCESSING)
                    .readAll(write(line(in, out, META, "0"))).records().get(0);
            assertThat(record.input()).containsExactly(Map.entry("1", 1.0), Map.entry("2", "x"));
            assertThat(record.output()).containsExactly(Map.entry("1", 0.2), Map.entry("2", 0.8));
            assertThat(record.stage()).isEqualTo(CaptureStage.BEFORE_PREPROCESSING);
        }

        @Test
        void onlyOneSideCapturedGivesAnEmptyRow() throws Exception {
            String out = side("endpointOutput", "text/csv", "0.5", "CSV");
            CaptureRecord record = importer().readAll(write(line("", out, META, "0")))
                    .records().get(0);
            assertThat(record.input()).isEmpty();
            assertThat(record.output()).containsExactly(Map.entry("score", 0.5));
        }

        @Test
        void aDirectoryIsReadInPathOrderAndImportsIntoOurFormat() throws Exception {
            Path first = dir.resolve("v/2019/11/20/22/a.jsonl");
            Path second = dir.resolve("v/2019/11/20/23/a.jsonl");
            Files.createDirectories(first.getParent());
            Files.createDirectories(second.getParent());
            Files.writeString(second, line(side("endpointInput", "text/csv", "2", "CSV"), "",
                    "\"eventId\":\"late\",\"inferenceTime\":\"2019-11-20T23:00:00Z\"", "0"));
            Files.writeString(first, line(side("endpointInput", "text/csv", "1", "CSV"), "",
                    "\"eventId\":\"early\",\"inferenceTime\":\"2019-11-20T22:00:00Z\"", "0")
                    + "\n");
            Files.writeString(dir.resolve("v/readme.txt"), "not capture");
            CaptureBatch batch = SageMakerCapture.forVariant("v").readAll(dir);
            assertThat(batch.records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly("early", "late");
            assertThat(batch.result().files()).isEqualTo(2);

            Path ours = dir.resolve("ours");
            try (CaptureWriter writer = CaptureWriter.builder(ours).build()) {
                batch.records().forEach(writer::write);
            }
            assertThat(CaptureReader.readAll(ours).records()).isEqualTo(batch.records());
        }
    }

    @Nested
    class BadLines {
        @Test
        void eachBadLineIsNamedAndTheRestIsImported() throws Exception {
            String csv = side("endpointInput", "text/csv", "1,2", "CSV");
            Path file = write(
                    "not json",
                    line(csv, "", "\"inferenceTime\":\"2019-11-20T23:33:13Z\"", "0"),
                    line(csv, "", "\"eventId\":\"x\",\"inferenceTime\":\"soon\"", "0"),
                    line(csv, "", META, "1"),
                    line("", "", META, "0"),
                    line(side("endpointInput", "text/csv", "1,2", "XML"), "", META, "0"),
                    line(side("endpointInput", "text/csv", "%%%", "BASE64"), "", META, "0"),
                    line(side("endpointInput", "image/png", base64("x"), "BASE64"), "", META,
                            "0"),
                    line(side("endpointInput", "text/csv", "1,2\\n3,4", "CSV"), "", META, "0"),
                    line(side("endpointInput", "application/json", "{", "JSON"), "", META, "0"),
                    line(side("endpointInput", "application/json", "7", "JSON"), "", META, "0"),
                    CSV_LINE);
            CaptureBatch batch = importer().readAll(file);
            assertThat(batch.records()).extracting(CaptureRecord::inferenceId)
                    .containsExactly("order-1001");
            CaptureReadResult result = batch.result();
            assertThat(result.badLines()).isEqualTo(11);
            assertThat(result.problems()).extracting(CaptureProblem::line)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
            assertThat(result.problems()).extracting(CaptureProblem::message).satisfies(m -> {
                assertThat(m.get(0)).startsWith("not JSON (");
                assertThat(m.get(1)).isEqualTo("record without an inference id; expected a"
                        + " non-blank eventMetadata.inferenceId or eventMetadata.eventId");
                assertThat(m.get(2)).isEqualTo("eventMetadata.inferenceTime \"soon\" is not an"
                        + " ISO-8601 UTC time such as 2019-12-16T18:20:44Z");
                assertThat(m.get(3)).isEqualTo(
                        "eventVersion \"1\" is not supported; expected \"0\"");
                assertThat(m.get(4)).isEqualTo(
                        "captureData has neither endpointInput nor endpointOutput");
                assertThat(m.get(5)).isEqualTo("endpointInput.encoding \"XML\" is not"
                        + " supported; expected CSV, JSON or BASE64");
                assertThat(m.get(6)).startsWith("endpointInput.data is not BASE64 (");
                assertThat(m.get(7)).isEqualTo("endpointInput.observedContentType"
                        + " \"image/png\" is neither CSV nor JSON, so the BASE64 data cannot"
                        + " be read");
                assertThat(m.get(8)).isEqualTo(
                        "endpointInput.data holds 2 CSV rows; expected one row per request");
                assertThat(m.get(9)).startsWith("endpointInput.data is not JSON (");
                assertThat(m.get(10)).isEqualTo(
                        "endpointInput.data is JSON but neither an object nor an array");
            });
        }

        @Test
        void aRowOfTheWrongWidthIsNamed() throws Exception {
            String csv = side("endpointInput", "text/csv", "1,2", "CSV");
            CaptureReadResult result = importer().readAll(write(line(csv, "", META, "0")))
                    .result();
            assertThat(result.problems()).singleElement().extracting(CaptureProblem::message)
                    .isEqualTo("endpointInput.data has 2 values; expected 5"
                            + " ([a, b, c, d, city])");
        }

        @Test
        void aTornLastLineIsCounted() throws Exception {
            Path file = dir.resolve("torn.jsonl");
            Files.writeString(file, CSV_LINE + "\n" + CSV_LINE.substring(0, 40),
                    StandardCharsets.UTF_8);
            CaptureReadResult result = importer().readAll(file).result();
            assertThat(result.records()).isEqualTo(1);
            assertThat(result.tornLines()).isEqualTo(1);
        }

        @Test
        void aBlankVariantIsRefused() {
            assertThatThrownBy(() -> SageMakerCapture.forVariant(" "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("modelVariant must be non-blank but was \" \"");
            assertThat(SageMakerCapture.forVariant("v")).hasToString("SageMakerCapture["
                    + "modelVariant=v, stage=after-model, inputColumns=[], outputColumns=[]]");
        }
    }
}
