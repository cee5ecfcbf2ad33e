package dev.mlops.monitor.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlops.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads SageMaker Model Monitor's data-capture files into {@link CaptureRecord}s, so a team
 * moving from SageMaker keeps its capture history (write them on with
 * {@link CaptureWriter#write(CaptureRecord)}).
 *
 * <p>The format, as AWS documents it ("Capture data from real-time endpoint", section "View
 * captured data", https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture-endpoint.html):
 * one JSON object per line,
 *
 * <pre>{@code
 * {"captureData":{
 *    "endpointInput":{"observedContentType":"text/csv","mode":"INPUT","data":"41,0,153.7","encoding":"CSV"},
 *    "endpointOutput":{"observedContentType":"text/csv; charset=utf-8","mode":"OUTPUT","data":"0.25","encoding":"CSV"}},
 *  "eventMetadata":{"eventId":"…","inferenceId":"…","inferenceTime":"2019-12-16T18:20:44Z"},
 *  "eventVersion":"0"}
 * }</pre>
 *
 * <p>How a line becomes a record: the inference id is {@code eventMetadata.inferenceId}, or
 * {@code eventMetadata.eventId} when the caller gave none; the time is
 * {@code eventMetadata.inferenceTime}; the model variant and stage are this importer's (the
 * files carry neither; SageMaker keeps the variant in the S3 path). {@code data} is decoded by
 * {@code encoding}: {@code CSV} and {@code JSON} are the text itself, {@code BASE64} is decoded
 * to UTF-8 text first, then read as CSV or JSON by {@code observedContentType}. A CSV payload is
 * one row whose values are named by the given input or output column names in order (by
 * position {@code "1"}, {@code "2"}, … when none are given); a number reads as a
 * {@code Double}, an empty value as {@code null}, anything else as a string. A JSON object
 * payload gives its fields as the row; a JSON array of values is named like a CSV row. A
 * missing {@code endpointInput} or {@code endpointOutput} (capture of only one side) gives an
 * empty row.
 *
 * <p>Bad lines never stop the import: a line that is not JSON, has no inference or event id,
 * no valid time, an {@code eventVersion} other than {@code "0"}, a payload that cannot be
 * decoded, or a CSV row whose width differs from the names given is skipped, counted, and
 * named with file and line; a torn last line is counted as torn, as {@link CaptureReader}
 * does.
 *
 * <p>Immutable and thread-safe.
 */
public final class SageMakerCapture {

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();

    private final String modelVariant;
    private final CaptureStage stage;
    private final List<String> inputColumns;
    private final List<String> outputColumns;

    private SageMakerCapture(String modelVariant, CaptureStage stage, List<String> inputColumns,
            List<String> outputColumns) {
        this.modelVariant = modelVariant;
        this.stage = stage;
        this.inputColumns = inputColumns;
        this.outputColumns = outputColumns;
    }

    /**
     * Starts an importer whose records get this model variant and the stage
     * {@link CaptureStage#AFTER_MODEL}, with CSV columns named by position.
     *
     * @param modelVariant the variant, e.g. SageMaker's production variant name
     * @return the importer
     * @throws IllegalArgumentException if the variant is blank
     */
    public static SageMakerCapture forVariant(String modelVariant) {
        Objects.requireNonNull(modelVariant, "modelVariant");
        if (modelVariant.isBlank()) {
            throw new IllegalArgumentException("modelVariant must be non-blank but was \""
                    + modelVariant + "\"");
        }
        return new SageMakerCapture(modelVariant, CaptureStage.AFTER_MODEL, List.of(), List.of());
    }

    /**
     * Returns an importer that names the values of a CSV (or JSON array) request in this order.
     *
     * @param names the input column names
     * @return a new importer
     */
    public SageMakerCapture inputColumns(List<String> names) {
        return new SageMakerCapture(modelVariant, stage, List.copyOf(names), outputColumns);
    }

    /**
     * Returns an importer that names the values of a CSV (or JSON array) response in this order.
     *
     * @param names the output column names, e.g. {@code ["score"]}
     * @return a new importer
     */
    public SageMakerCapture outputColumns(List<String> names) {
        return new SageMakerCapture(modelVariant, stage, inputColumns, List.copyOf(names));
    }

    /**
     * Returns an importer whose records get this stage.
     *
     * @param captureStage the stage
     * @return a new importer
     */
    public SageMakerCapture stage(CaptureStage captureStage) {
        return new SageMakerCapture(modelVariant, Objects.requireNonNull(captureStage, "stage"),
                inputColumns, outputColumns);
    }

    /**
     * Imports one file, or every {@code .jsonl} file under a directory (SageMaker's
     * {@code variant/yyyy/mm/dd/hh/} layout, read in path order, which is time order), into
     * memory.
     *
     * @param path a capture file or directory
     * @return the records and what the import found
     * @throws UncheckedIOException if a file cannot be read
     */
    public CaptureBatch readAll(Path path) {
        List<CaptureRecord> records = new ArrayList<>();
        CaptureReadResult result = read(path, records::add);
        return new CaptureBatch(records, result);
    }

    /**
     * Imports one file, or every {@code .jsonl} file under a directory, handing each record to
     * {@code sink}.
     *
     * @param path a capture file or directory
     * @param sink receives the records in order
     * @return what the import found
     * @throws UncheckedIOException if a file cannot be read
     */
    public CaptureReadResult read(Path path, Consumer<CaptureRecord> sink) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sink, "sink");
        List<Path> files = files(path);
        CaptureReader.Tally tally = new CaptureReader.Tally();
        for (Path file : files) {
            CaptureReader.lines(file, line -> importLine(file, line, tally, sink));
        }
        return tally.result(files.size());
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".jsonl")
                    && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list SageMaker capture files under "
                    + path + ": " + e, e);
        }
    }

    private void importLine(Path file, CaptureReader.Line line, CaptureReader.Tally tally,
            Consumer<CaptureRecord> sink) {
        JsonNode node = CaptureReader.tree(file, line, tally);
        if (node == null) {
            return;
        }
        try {
            sink.accept(toRecord(node));
            tally.records++;
        } catch (BadLine e) {
            tally.bad(file, line.number(), e.getMessage());
        }
    }

    private CaptureRecord toRecord(JsonNode node) {
        JsonNode version = node.path("eventVersion");
        if (!version.isMissingNode() && !"0".equals(version.asText())) {
            throw new BadLine("eventVersion \"" + version.asText()
                    + "\" is not supported; expected \"0\"");
        }
        JsonNode metadata = node.path("eventMetadata");
        String id = text(metadata.path("inferenceId"));
        if (id == null) {
            id = text(metadata.path("eventId"));
        }
        if (id == null) {
            throw new BadLine("record without an inference id; expected a non-blank"
                    + " eventMetadata.inferenceId or eventMetadata.eventId");
        }
        String timeText = text(metadata.path("inferenceTime"));
        Instant time;
        try {
            time = Instant.parse(Objects.requireNonNullElse(timeText, ""));
        } catch (DateTimeParseException e) {
            throw new BadLine("eventMetadata.inferenceTime \"" + timeText
                    + "\" is not an ISO-8601 UTC time such as 2019-12-16T18:20:44Z");
        }
        JsonNode capture = node.path("captureData");
        JsonNode input = capture.path("endpointInput");
        JsonNode output = capture.path("endpointOutput");
        if (input.isMissingNode() && output.isMissingNode()) {
            throw new BadLine("captureData has neither endpointInput nor endpointOutput");
        }
        return new CaptureRecord(id, time, modelVariant, stage,
                row(input, inputColumns, "endpointInput"),
                row(output, outputColumns, "endpointOutput"));
    }

    private static Map<String, @Nullable Object> row(JsonNode side, List<String> names,
            String where) {
        if (side.isMissingNode() || side.isNull()) {
            return Map.of();
        }
        String data = Objects.requireNonNullElse(text(side.path("data")), "");
        String encoding = Objects.requireNonNullElse(text(side.path("encoding")), "")
                .toUpperCase(Locale.ROOT);
        String contentType = Objects.requireNonNullElse(text(side.path("observedContentType")),
                "").toLowerCase(Locale.ROOT);
        String format;
        switch (encoding) {
            case "CSV", "JSON" -> format = encoding;
            case "BASE64" -> {
                try {
                    data = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new BadLine(where + ".data is not BASE64 (" + e.getMessage() + ")");
                }
                if (contentType.contains("csv")) {
                    format = "CSV";
                } else if (contentType.contains("json")) {
                    format = "JSON";
                } else {
                    throw new BadLine(where + ".observedContentType \"" + contentType
                            + "\" is neither CSV nor JSON, so the BASE64 data cannot be read");
                }
            }
            default -> throw new BadLine(where + ".encoding \"" + encoding
                    + "\" is not supported; expected CSV, JSON or BASE64");
        }
        return "CSV".equals(format) ? csvRow(data, names, where) : jsonRow(data, names, where);
    }

    private static Map<String, @Nullable Object> csvRow(String data, List<String> names,
            String where) {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema()).readValues(data)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new BadLine(where + ".data is not CSV (" + e.getMessage() + ")");
        }
        if (rows.size() != 1) {
            throw new BadLine(where + ".data holds " + rows.size()
                    + " CSV rows; expected one row per request");
        }
        String[] values = rows.get(0);
        List<@Nullable Object> parsed = new ArrayList<>(values.length);
        for (String value : values) {
            parsed.add(csvValue(value));
        }
        return named(parsed, names, where);
    }

    private static @Nullable Object csvValue(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (NUMBER.matcher(value).matches()) {
            return Double.parseDouble(value);
        }
        return value;
    }

    private static Map<String, @Nullable Object> jsonRow(String data, List<String> names,
            String where) {
        JsonNode node;
        try {
            node = Json.reader().readTree(data);
        } catch (JsonProcessingException e) {
            throw new BadLine(where + ".data is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node != null && node.isObject()) {
            Map<String, @Nullable Object> row = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                row.put(field.getKey(), value(field.getValue()));
            }
            return row;
        }
        if (node != null && node.isArray()) {
            List<@Nullable Object> values = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                values.add(value(element));
            }
            return named(values, names, where);
        }
        throw new BadLine(where + ".data is JSON but neither an object nor an array");
    }

    private static @Nullable Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.toString();
    }

    private static Map<String, @Nullable Object> named(List<@Nullable Object> values,
            List<String> names, String where) {
        if (!names.isEmpty() && names.size() != values.size()) {
            throw new BadLine(where + ".data has " + values.size() + " values; expected "
                    + names.size() + " (" + names + ")");
        }
        Map<String, @Nullable Object> row = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            row.put(names.isEmpty() ? Integer.toString(i + 1) : names.get(i), values.get(i));
        }
        return row;
    }

    private static @Nullable String text(JsonNode node) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            return null;
        }
        return node.textValue();
    }

    @Override
    public String toString() {
        return "SageMakerCapture[modelVariant=" + modelVariant + ", stage=" + stage
                + ", inputColumns=" + inputColumns + ", outputColumns=" + outputColumns + "]";
    }

    /** A line that cannot be imported; its message names what was wrong. */
    private static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }
}
