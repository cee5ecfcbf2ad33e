package dev.mlops.monitor.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.RowBuilder;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Compression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Ground truth: the true label of inferences, arriving after the prediction (hours or days
 * later) or never.
 *
 * <p>Read from a file by its extension: {@code .csv} (a header naming the columns, then one label
 * per line; RFC 4180 quotes within a line) or {@code .jsonl}, {@code .ndjson}, {@code .json} (JSON
 * Lines: one object per line). The columns (keys) are {@value #ID}, {@value #LABEL} and,
 * optionally, {@value #ARRIVED_AT} (an ISO-8601 time with an offset or {@code Z}), unless other
 * names are given. A JSON label may be a string, a number or a boolean, kept as its text. A file
 * compressed with gzip, zstd, bzip2 or xz is read as its uncompressed text, the extension before
 * the compression's telling the format ({@code labels.csv.gz}); see {@link Compression}.
 *
 * <p>Bad input is never fatal to the rest of the file: a line that is not a label (not JSON, not
 * an object, the wrong number of cells, no inference id, no label, a bad arrival time) is skipped;
 * a second label for the same inference id is a duplicate and skipped (the first is kept). Each is
 * counted and named with the file and its 1-based physical line (the CSV header is line 1), the
 * first {@value #MAX_PROBLEMS} of them in {@link #problems()}. A blank line is skipped silently.
 * A CSV file whose header lacks the id or label column cannot be read at all and fails.
 *
 * <p>The labels are held in memory (a capture directory is streamed against them). Immutable and
 * thread-safe.
 */
public final class GroundTruth {
    /** The default name of the inference id column. */
    public static final String ID = "inferenceId";
    /** The default name of the label column. */
    public static final String LABEL = "label";
    /** The default name of the arrival time column. */
    public static final String ARRIVED_AT = "arrivedAt";
    /** At most this many problems are named; all are counted. */
    public static final int MAX_PROBLEMS = 1000;

    private final Map<String, Label> labels;
    private final long lines;
    private final long badLines;
    private final long duplicates;
    private final List<LabelProblem> problems;

    private GroundTruth(Map<String, Label> labels, long lines, long badLines, long duplicates,
            List<LabelProblem> problems) {
        this.labels = labels;
        this.lines = lines;
        this.badLines = badLines;
        this.duplicates = duplicates;
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads labels from a CSV or JSON Lines file with the default column names.
     *
     * @param file the file; its extension says the format
     * @return the labels and what reading found
     * @throws IllegalArgumentException if the extension (before a compression's) is none of
     *     {@code .csv}, {@code .jsonl}, {@code .ndjson}, {@code .json}
     * @throws DataFormatException if a CSV header lacks the id or label column
     * @throws UncheckedIOException if the file cannot be read or is not UTF-8
     */
    public static GroundTruth read(Path file) {
        return read(file, ID, LABEL, ARRIVED_AT);
    }

    /**
     * Reads labels from a CSV or JSON Lines file with the given column names.
     *
     * @param file the file; its extension says the format
     * @param idColumn the inference id's column (key)
     * @param labelColumn the label's column (key)
     * @param arrivalColumn the arrival time's column (key); optional in the file
     * @return the labels and what reading found
     * @throws IllegalArgumentException if the extension (before a compression's) is none of
     *     {@code .csv}, {@code .jsonl}, {@code .ndjson}, {@code .json}
     * @throws DataFormatException if a CSV header lacks the id or label column
     * @throws UncheckedIOException if the file cannot be read or is not UTF-8
     */
    public static GroundTruth read(Path file, String idColumn, String labelColumn, String arrivalColumn) {
        Objects.requireNonNull(file, "file");
        Columns columns = new Columns(Objects.requireNonNull(idColumn, "idColumn"),
                Objects.requireNonNull(labelColumn, "labelColumn"), Objects.requireNonNull(arrivalColumn, "arrivalColumn"));
        String name = Compression.withoutExtension(file.getFileName().toString()).toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".jsonl") && !name.endsWith(".ndjson") && !name.endsWith(".json")) {
            throw new IllegalArgumentException("ground truth file " + file
                    + " must end in .csv, .jsonl, .ndjson or .json (then, if compressed, .gz, .zst, .bz2 or .xz) to tell its format");
        }
        Reading reading = new Reading(file.toString());
        // a strict decoder, as Files.newBufferedReader's: text that is not UTF-8 is an error, not replaced
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Compression.open(file),
                StandardCharsets.UTF_8.newDecoder()))) {
            String line;
            while ((line = in.readLine()) != null) {
                reading.line++;
                if (reading.line == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (csv) {
                    reading.csvLine(line, columns);
                } else {
                    reading.jsonLine(line, columns);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read ground truth file " + file + ": " + e, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Could not read ground truth file " + file + ": " + e.getCause(), e.getCause());
        }
        return reading.result();
    }

    /**
     * Holds labels given in memory; a second label for an inference id is a duplicate, counted,
     * named and skipped.
     *
     * @param labels the labels, in arrival order
     * @return the ground truth
     */
    public static GroundTruth of(List<Label> labels) {
        Reading reading = new Reading("memory");
        for (Label label : labels) {
            reading.line++;
            reading.add(label);
        }
        return reading.result();
    }

    /**
     * Returns the label of an inference.
     *
     * @param inferenceId the inference id
     * @return its label, if one was read
     */
    public Optional<Label> label(String inferenceId) {
        return Optional.ofNullable(labels.get(Objects.requireNonNull(inferenceId, "inferenceId")));
    }

    /** @return the labels kept (the first per inference id), in reading order; unmodifiable */
    public List<Label> labels() {
        return List.copyOf(labels.values());
    }

    /** @return the lines read (labels given, for labels held in memory), blank and bad ones and the header included */
    public long lines() {
        return lines;
    }

    /** @return the lines that were not a label */
    public long badLines() {
        return badLines;
    }

    /** @return the labels skipped because their inference id already had one */
    public long duplicates() {
        return duplicates;
    }

    /** @return the first {@value #MAX_PROBLEMS} bad lines and duplicates, named; unmodifiable */
    public List<LabelProblem> problems() {
        return problems;
    }

    /**
     * Returns the labels as a table ({@value #ID}, {@value #LABEL} categorical, {@value #ARRIVED_AT}
     * timestamp), whose fingerprint names the ground truth in a report.
     *
     * @return the table, one row per label kept, in reading order
     */
    public Table table() {
        RowBuilder rows = Table.rowBuilder(Schema.of(Field.of(ID, ColumnType.CATEGORICAL),
                Field.of(LABEL, ColumnType.CATEGORICAL), Field.of(ARRIVED_AT, ColumnType.TIMESTAMP)));
        for (Label label : labels.values()) {
            rows.addRow(label.inferenceId(), label.value(), label.arrivedAt().orElse(null));
        }
        return rows.build();
    }

    /** The names of the columns (keys) read. */
    private record Columns(String id, String label, String arrival) {
    }

    /** The state of one read. */
    private static final class Reading {
        private final String source;
        private final Map<String, Label> labels = new LinkedHashMap<>();
        private final List<LabelProblem> problems = new ArrayList<>();
        private long line;
        private long badLines;
        private long duplicates;
        private int[] positions = {};
        private int cells;

        Reading(String source) {
            this.source = source;
        }

        void add(Label label) {
            Label first = labels.putIfAbsent(label.inferenceId(), label);
            if (first != null) {
                duplicates++;
                problem(label.line(), "a second label for inference " + label.inferenceId() + " (\"" + label.value()
                        + "\"); the first, line " + first.line() + " (\"" + first.value() + "\"), is kept");
            }
        }

        void bad(String message) {
            badLines++;
            problem(line, message);
        }

        private void problem(long at, String message) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new LabelProblem(source, at, message));
            }
        }

        void csvLine(String text, Columns columns) {
            if (text.isBlank()) {
                return;
            }
            List<String> row = Csv.split(text);
            if (positions.length == 0) {
                header(row, columns);
                return;
            }
            if (row.isEmpty()) {
                bad("a quote that never closes; expected a label per line, quotes closed on the line");
                return;
            }
            if (row.size() != cells) {
                bad(row.size() + " cells but the header has " + cells);
                return;
            }
            String id = row.get(positions[0]).strip();
            String value = row.get(positions[1]).strip();
            String arrival = positions[2] < 0 ? "" : row.get(positions[2]).strip();
            label(id, value, arrival.isEmpty() ? null : arrival, columns);
        }

        private void header(List<String> names, Columns columns) {
            int id = names.indexOf(columns.id());
            int label = names.indexOf(columns.label());
            if (id < 0 || label < 0) {
                throw new DataFormatException(source, line, "expected a header with columns '" + columns.id()
                        + "' and '" + columns.label() + "' (and optionally '" + columns.arrival() + "') but found "
                        + names);
            }
            positions = new int[] {id, label, names.indexOf(columns.arrival())};
            cells = names.size();
        }

        void jsonLine(String text, Columns columns) {
            if (text.isBlank()) {
                return;
            }
            JsonNode node;
            try {
                node = Json.reader().readTree(text);
            } catch (IOException e) {
                bad("not JSON; expected one label as a JSON object");
                return;
            }
            if (!node.isObject()) {
                bad("not a JSON object (" + node.getNodeType() + "); expected one label as a JSON object");
                return;
            }
            JsonNode arrival = node.path(columns.arrival());
            if (!arrival.isMissingNode() && !arrival.isNull() && !arrival.isTextual()) {
                bad("\"" + columns.arrival() + "\" is " + arrival + "; expected an ISO-8601 time as a string");
                return;
            }
            label(scalar(node.path(columns.id())), scalar(node.path(columns.label())),
                    arrival.isTextual() ? arrival.asText() : null, columns);
        }

        /** A string, number or boolean as text; empty for anything else. */
        private static String scalar(JsonNode node) {
            return node.isTextual() || node.isNumber() || node.isBoolean() ? node.asText().strip() : "";
        }

        private void label(String id, String value, @Nullable String arrival, Columns columns) {
            if (id.isEmpty()) {
                bad("no inference id; expected a non-blank '" + columns.id() + "'");
                return;
            }
            if (value.isEmpty()) {
                bad("no label for inference " + id + "; expected a non-blank '" + columns.label() + "'");
                return;
            }
            Optional<Instant> arrivedAt = Optional.empty();
            if (arrival != null) {
                try {
                    arrivedAt = Optional.of(OffsetDateTime.parse(arrival).toInstant());
                } catch (DateTimeParseException e) {
                    bad("'" + columns.arrival() + "' is \"" + arrival + "\"; expected an ISO-8601 time with an offset,"
                            + " such as 2026-12-07T01:00:00Z");
                    return;
                }
            }
            add(new Label(id, value, arrivedAt, source, line));
        }

        GroundTruth result() {
            return new GroundTruth(labels, line, badLines, duplicates, problems);
        }
    }
}
