package dev.mlops.monitor.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.mlops.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads capture files written by a {@link CaptureWriter} back as {@link CaptureRecord}s.
 *
 * <p>A directory is read file by file in name order, which is time order; a file line by line.
 * Reading is never stopped by one bad line: a last line cut off in the middle (no final
 * {@code '\n'} and not valid JSON: its writer was killed mid-line) is skipped and counted as
 * torn; a line that is not JSON, not an object, has no inference id, or has a field of the
 * wrong type is skipped, counted, and named with its file and 1-based line in
 * {@link CaptureReadResult#problems()} (the first {@value #MAX_PROBLEMS}).
 *
 * <p>Stateless and thread-safe.
 */
public final class CaptureReader {

    /** At most this many bad lines are named in a result; all are counted. */
    public static final int MAX_PROBLEMS = 1000;

    private static final ObjectReader RECORD = Json.reader().forType(CaptureRecord.class);

    private CaptureReader() {
        throw new AssertionError("no instances");
    }

    /**
     * Reads every capture file of a directory into memory.
     *
     * @param directory a capture directory
     * @return the records and what the reading found
     * @throws UncheckedIOException if the directory or a file cannot be read
     */
    public static CaptureBatch readAll(Path directory) {
        List<CaptureRecord> records = new ArrayList<>();
        CaptureReadResult result = read(directory, records::add);
        return new CaptureBatch(records, result);
    }

    /**
     * Reads every capture file of a directory, handing each record to {@code sink}.
     *
     * @param directory a capture directory
     * @param sink receives the records in order
     * @return what the reading found
     * @throws UncheckedIOException if the directory or a file cannot be read
     */
    public static CaptureReadResult read(Path directory, Consumer<CaptureRecord> sink) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(sink, "sink");
        Tally tally = new Tally();
        List<Path> files = CaptureFiles.list(directory);
        for (Path file : files) {
            lines(file, line -> parse(file, line, tally, sink));
        }
        return tally.result(files.size());
    }

    /**
     * Reads one capture file, handing each record to {@code sink}.
     *
     * @param file a capture file
     * @param sink receives the records in order
     * @return what the reading found
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CaptureReadResult readFile(Path file, Consumer<CaptureRecord> sink) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sink, "sink");
        Tally tally = new Tally();
        lines(file, line -> parse(file, line, tally, sink));
        return tally.result(1);
    }

    /** One physical line of a file: {@code length} bytes from {@code offset}, without its {@code '\n'}. */
    record Line(long number, byte[] bytes, int offset, int length, boolean terminated) {
    }

    /**
     * Splits a file into lines, telling whether each ended with {@code '\n'}. The file is read
     * whole (capture files are bounded by the writer's rotation).
     */
    static void lines(Path file, Consumer<Line> lines) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read capture file " + file + ": " + e, e);
        }
        long number = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.accept(new Line(++number, bytes, start, i - start, true));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.accept(new Line(++number, bytes, start, bytes.length - start, false));
        }
    }

    /**
     * Parses a line as a JSON object; on failure counts it as torn (an unterminated last line)
     * or bad, and returns null.
     */
    static @Nullable JsonNode tree(Path file, Line line, Tally tally) {
        JsonNode node;
        try {
            node = Json.reader().readTree(line.bytes(), line.offset(), line.length());
        } catch (IOException e) {
            if (!line.terminated()) {
                tally.tornLines++;
            } else {
                tally.bad(file, line.number(), "not JSON (" + message(e)
                        + "); expected one record as a JSON object");
            }
            return null;
        }
        if (node == null || !node.isObject()) {
            tally.bad(file, line.number(), "not a JSON object ("
                    + (node == null || node.isMissingNode() ? "empty line" : node.getNodeType())
                    + "); expected one record as a JSON object");
            return null;
        }
        return node;
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException
                ? ((JsonProcessingException) e).getOriginalMessage()
                : e.toString();
    }

    private static void parse(Path file, Line line, Tally tally,
            Consumer<CaptureRecord> sink) {
        JsonNode node = tree(file, line, tally);
        if (node == null) {
            return;
        }
        JsonNode id = node.get("inferenceId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            tally.bad(file, line.number(), "record without an inference id; expected a"
                    + " non-blank string \"inferenceId\"");
            return;
        }
        CaptureRecord record;
        try {
            record = RECORD.readValue(node);
        } catch (IOException | IllegalArgumentException e) {
            tally.bad(file, line.number(), "not a capture record (" + message(e) + "); expected inferenceId, time, modelVariant, stage, input, output");
            return;
        }
        tally.records++;
        sink.accept(record);
    }

    /** Counts of one read; shared with {@link SageMakerCapture}. */
    static final class Tally {
        long records;
        long tornLines;
        long badLines;
        final List<CaptureProblem> problems = new ArrayList<>();

        void bad(Path file, long line, String message) {
            badLines++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new CaptureProblem(file, line, message));
            }
        }

        CaptureReadResult result(int files) {
            return new CaptureReadResult(files, records, tornLines, badLines, problems);
        }
    }
}
