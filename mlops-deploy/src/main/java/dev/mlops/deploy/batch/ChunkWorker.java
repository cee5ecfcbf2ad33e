package dev.mlops.deploy.batch;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.CellProblem;
import dev.mlops.data.io.RowOrigins;
import dev.mlops.data.io.TableFormat;
import dev.mlops.deploy.batch.RecordChunker.Chunk;
import dev.mlops.train.predict.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Transforms one chunk: reads its records (the header, then the chunk's bytes, through the input
 * format's tolerant {@link TableFormat#readBatch}), sets apart the rows that cannot be predicted
 * (a cell that does not parse as its feature's type, a missing feature or record id, a row the
 * model fails on) with their physical lines and reasons, predicts the others and formats both as
 * bytes of the output and error files. Immutable and thread-safe: each call gets its own scratch
 * file.
 */
final class ChunkWorker {
    /** The output's column of physical lines, when no record id column is named. */
    static final String LINE = "line";
    /** The error file's column of reasons. */
    static final String REASON = "reason";

    private final TableFormat input;
    private final RecordChunker.Syntax syntax;
    private final byte[] header;
    private final long headerLines;
    private final Schema expected;
    private final Predictor predictor;
    private final List<String> features;
    private final @Nullable String id;
    private final List<String> keep;
    private final TableFormat output;
    private final TableFormat errors;

    /**
     * @param input the input's format
     * @param syntax the input's record syntax
     * @param header the header record's bytes (empty for JSON Lines)
     * @param headerLines the physical lines the header takes
     * @param predictor the model
     * @param id the record id column, or null for physical lines
     * @param keep the input columns copied to the output
     * @param output the output's format, writing no header
     * @param errors the error file's format, writing no header
     */
    ChunkWorker(TableFormat input, RecordChunker.Syntax syntax, byte[] header, long headerLines, Predictor predictor,
            @Nullable String id, List<String> keep, TableFormat output, TableFormat errors) {
        this.input = input;
        this.syntax = syntax;
        this.header = header.clone();
        this.headerLines = headerLines;
        this.predictor = predictor;
        this.features = predictor.inputSchema().names();
        this.id = id;
        this.keep = List.copyOf(keep);
        this.output = output;
        this.errors = errors;
        this.expected = expected(predictor.inputSchema(), id, keep);
    }

    /** The columns read with a known type: the features as the model wants them, id and kept columns as text. */
    private static Schema expected(Schema features, @Nullable String id, List<String> keep) {
        List<Field> fields = new ArrayList<>(features.fields());
        List<String> texts = new ArrayList<>(keep);
        if (id != null) {
            texts.add(id);
        }
        for (String name : texts) {
            if (!features.contains(name)) {
                fields.add(Field.of(name, ColumnType.TEXT));
            }
        }
        return Schema.of(fields);
    }

    /**
     * The result of a chunk.
     *
     * @param chunk the chunk
     * @param output the bytes to append to the output
     * @param errors the bytes to append to the error file
     * @param rowsIn the chunk's rows
     * @param rowsOut the rows predicted
     * @param bad the rows set apart
     */
    record Result(Chunk chunk, byte[] output, byte[] errors, long rowsIn, long rowsOut, long bad) {
    }

    /**
     * Transforms a chunk.
     *
     * @param chunk the chunk
     * @param scratch a file this call may overwrite
     * @return the bytes and counts
     * @throws UncheckedIOException if the scratch file cannot be written
     */
    Result process(Chunk chunk, Path scratch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TreeMap<Long, String> bad = new TreeMap<>();
        long[] counts = new long[2];
        try {
            transform(chunk, scratch, out, bad, counts);
        } catch (DataFormatException malformed) {
            // a record the reader cannot take at all (a bad quote, a row of the wrong width):
            // read the chunk's records one by one, so that only that record is set apart (the
            // reader failed before anything was added to out, bad or counts)
            for (Chunk record : RecordChunker.records(chunk, syntax)) {
                try {
                    transform(record, scratch, out, bad, counts);
                } catch (DataFormatException e) {
                    bad.put(record.firstLine(), "malformed record: " + problem(e));
                    counts[0]++;
                }
            }
        }
        ByteArrayOutputStream errorBytes = new ByteArrayOutputStream();
        if (!bad.isEmpty()) {
            double[] lines = new double[bad.size()];
            String[] reasons = new String[bad.size()];
            int i = 0;
            for (Map.Entry<Long, String> entry : bad.entrySet()) {
                lines[i] = entry.getKey();
                reasons[i++] = entry.getValue();
            }
            errors.write(Table.builder().numeric(LINE, lines).text(REASON, reasons).build(), errorBytes);
        }
        return new Result(chunk, out.toByteArray(), errorBytes.toByteArray(), counts[0], counts[1], bad.size());
    }

    /** What a reader's error says, without the scratch file's name and line, which mean nothing to a user. */
    private static String problem(DataFormatException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), "");
        String prefix = e.source() + " line " + e.line();
        String rest = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return rest.startsWith(": ") ? rest.substring(2) : rest.startsWith(", ") ? rest.substring(2) : rest;
    }

    /**
     * Reads, checks and predicts the records of a chunk, adding their output to {@code out}, the
     * rows set apart to {@code bad} and the rows in and out to {@code counts}.
     */
    private void transform(Chunk chunk, Path scratch, OutputStream out, Map<Long, String> bad, long[] counts) {
        try {
            Files.write(scratch, header, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            Files.write(scratch, chunk.bytes(), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scratch file " + scratch, e);
        }
        Batch batch = input.readBatch(scratch, expected);
        long lineOffset = chunk.firstLine() - headerLines - 1;
        Map<Long, String> problems = new TreeMap<>();
        for (CellProblem problem : batch.problems()) {
            problems.merge(problem.line() + lineOffset, "column '" + problem.column() + "' (" + problem.position()
                    + "): " + problem.problem() + " but was '" + problem.text() + "'", (a, b) -> a + "; " + b);
        }
        Table table = batch.table();
        RowOrigins origins = batch.origins().orElseThrow(() -> new IllegalStateException(
                "the input format " + input.spec() + " does not tell the lines of the rows it reads"));
        int rows = table.rowCount();
        long[] lines = new long[rows];
        for (int row = 0; row < rows; row++) {
            lines[row] = origins.line(row) + lineOffset;
        }
        List<String> needed = new ArrayList<>(features);
        if (id != null) {
            needed.add(id);
        }
        for (String name : needed) {
            String what = name.equals(id) ? "record id '" + name + "'" : "feature '" + name + "'";
            if (!table.schema().contains(name)) {
                for (int row = 0; row < rows; row++) {
                    bad.merge(lines[row], "missing " + what, (a, b) -> a + "; " + b);
                }
                continue;
            }
            Column column = table.column(name);
            for (int row = 0; row < rows; row++) {
                if (column.isMissing(row)) {
                    bad.merge(lines[row], "missing value of " + what, (a, b) -> a + "; " + b);
                }
            }
        }
        int[] good = new int[rows];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            if (!bad.containsKey(lines[row])) {
                good[count++] = row;
            }
        }
        bad.putAll(problems);
        counts[0] += rows + problems.size();
        int[] chosen = Arrays.copyOf(good, count);
        Table valid = table.rows(chosen);
        try {
            write(valid, lines, chosen, predict(valid), out);
            counts[1] += count;
        } catch (RuntimeException modelError) {
            // the model failed on the chunk: ask it row by row, so that only the rows it fails on are set apart
            for (int i = 0; i < count; i++) {
                Table one = valid.rows(i);
                Table predicted;
                try {
                    predicted = predict(one);
                } catch (RuntimeException e) {
                    bad.put(lines[chosen[i]], "the model failed: " + e);
                    continue;
                }
                write(one, lines, new int[] {chosen[i]}, predicted, out);
                counts[1]++;
            }
        }
    }

    /** Predicts, checking that the model answered one row per row. */
    private Table predict(Table rows) {
        Table predicted = predictor.predict(rows);
        if (predicted.rowCount() != rows.rowCount()) {
            throw new IllegalStateException("the model returned " + predicted.rowCount() + " rows for "
                    + rows.rowCount());
        }
        return predicted;
    }

    /** Writes the id (or line), the kept columns and the predictions of the rows. */
    private void write(Table rows, long[] lines, int[] chosen, Table predicted, OutputStream out) {
        Table.Builder table = Table.builder();
        if (id != null) {
            table.add(rows.column(id));
        } else {
            double[] values = new double[chosen.length];
            for (int i = 0; i < chosen.length; i++) {
                values[i] = lines[chosen[i]];
            }
            table.numeric(LINE, values);
        }
        for (String name : keep) {
            // a JSON Lines chunk whose records all lack a kept column has none: its values are missing
            table.add(rows.schema().contains(name) ? rows.column(name)
                    : TextColumn.of(name, new String[rows.rowCount()]));
        }
        predicted.columns().forEach(table::add);
        output.write(table.build(), out);
    }
}
