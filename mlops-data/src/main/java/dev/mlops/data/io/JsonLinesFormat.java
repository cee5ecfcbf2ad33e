package dev.mlops.data.io;

import dev.mlops.core.component.AbstractComponent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * JSON Lines (one JSON object per line, UTF-8) to and from {@link Table}s.
 *
 * <p>Reading: blank lines are skipped; each other line must hold exactly one flat JSON object.
 * The columns are the union of the objects' keys in order of first appearance; a key that is
 * absent from an object, or {@code null}, is a missing value. Without a schema each column's
 * type is inferred from its values: JSON numbers are numeric (an integer beyond ±2^53, such as
 * an id, is categorical), JSON booleans are boolean, strings are categorical, except ISO-8601
 * instants (timestamps) and the names {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
 * (numbers); a column whose values disagree is categorical. With a schema, every key must be a
 * column of the schema and every value must fit its type.
 *
 * <p>Errors name the input, the physical line and, for a bad value, the column: malformed JSON,
 * a line that is not an object, a nested object or array, a key repeated within an object, and
 * bytes that are not valid UTF-8 (with their 0-based byte offset; decoding is strict and never
 * puts U+FFFD in their place).
 *
 * <p>Writing: one object per row with the keys in schema order, {@code null} for a missing
 * value, non-finite numbers as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}, timestamps as ISO-8601 strings, each line ended by {@code \n}.
 *
 * <p>Compressed files ({@link Compression}: gzip, zstd, bzip2, xz) read and write transparently:
 * reading recognises them by their first bytes, files and streams alike, and errors and
 * {@link RowOrigins} name the lines and bytes of the uncompressed text; writing a file compresses
 * as its name says ({@code rows.jsonl.zst}) unless {@link Builder#compression the setting} says
 * otherwise.
 *
 * <p>A JSON Lines format is a component of type {@value #TYPE}: its {@link Settings} rebuild it
 * from a spec string such as {@code jsonl(zone=Europe/Berlin, compression=zstd)} or from its JSON,
 * and two formats with equal settings are equal.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JsonLinesFormat extends AbstractComponent<JsonLinesFormat.Settings> implements TableFormat {
    /** The type name of JSON Lines formats, as specs and documents name them. */
    public static final String TYPE = "jsonl";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final TableBuilder.Options options;
    private final @Nullable Compression compression;

    private JsonLinesFormat(Settings settings) {
        super(TYPE, settings);
        this.options = new TableBuilder.Options(settings().schema() == null ? null : Schema.of(settings().schema()),
                settings().zone(), LocalTimes.orDefault(settings().localTimes()), Set.of());
        this.compression = settings().compression();
    }

    /**
     * The settings of a {@link JsonLinesFormat}, as its spec string
     * ({@code jsonl(zone=Europe/Berlin)}) and its JSON in a document hold them. All are
     * optional; JSON Lines is always UTF-8, and a missing value is {@code null} or an absent key,
     * so there are no charset or missing-token settings.
     *
     * <p>The schema is a setting as the list of its fields ({@code [{name=id, type=numeric}]}),
     * so that a format that enforces a schema rebuilds from its spec like any other.
     *
     * @param zone the zone local dates and date-times were recorded in, read as instants there;
     *     null (the default) reads only zoned instants as timestamps
     * @param localTimes what reading does with a local time in a daylight-saving gap or overlap
     *     of the zone ({@code error}, {@code earlier}, {@code later}); null (the default) or
     *     {@code error}, kept as null so that equal policies are equal settings, refuses it
     * @param schema the fields the objects may have, in the order reading returns them, or null
     *     (the default) to infer types
     * @param compression how writing compresses ({@code none}, {@code gzip}, {@code zstd},
     *     {@code bzip2}, {@code xz}), a stream too; null (the default) compresses a file as its
     *     name says ({@code .jsonl.zst}) and a stream not at all. Reading needs no setting: it
     *     recognises compressed bytes by their magic number ({@link Compression})
     */
    public record Settings(@Nullable ZoneId zone, @Nullable LocalTimes localTimes, @Nullable List<Field> schema,
            @Nullable Compression compression) {
        /**
         * Checks the schema.
         *
         * @param zone the zone local dates and date-times were recorded in, read as instants there;
         *     null (the default) reads only zoned instants as timestamps
         * @param localTimes what reading does with a local time in a daylight-saving gap or overlap
         *     of the zone ({@code error}, {@code earlier}, {@code later}); null (the default) or
         *     {@code error}, kept as null so that equal policies are equal settings, refuses it
         * @param schema the fields the objects may have, in the order reading returns them, or null
         *     (the default) to infer types
         * @param compression how writing compresses ({@code none}, {@code gzip}, {@code zstd},
         *     {@code bzip2}, {@code xz}), a stream too; null (the default) compresses a file as its
         *     name says ({@code .jsonl.zst}) and a stream not at all. Reading needs no setting: it
         *     recognises compressed bytes by their magic number ({@link Compression})
         * @throws IllegalArgumentException if the schema repeats a name
         */
        public Settings {
            localTimes = localTimes == LocalTimes.ERROR ? null : localTimes;
            if (schema != null) {
                schema = Schema.of(schema).fields();
            }
        }
    }

    /**
     * @param settings the settings
     * @return the format with those settings
     */
    public static JsonLinesFormat of(Settings settings) {
        return new JsonLinesFormat(Objects.requireNonNull(settings, "settings"));
    }

    /** @return the format that infers types and reads only zoned instants as timestamps */
    public static JsonLinesFormat defaults() {
        return builder().build();
    }

    /** @return a builder starting from the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the schema that reading enforces, or empty when reading infers types */
    public Optional<Schema> schema() {
        return Optional.ofNullable(options.schema());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Compressed bytes (gzip, zstd, bzip2, xz) are recognised by their magic number and
     * uncompressed on the fly ({@link Compression#decompressing(InputStream, String)}).
     */
    @Override
    public Table read(InputStream in, String source) {
        try (InputStream text = Compression.decompressing(in, source)) {
            return TableBuilder.read(text, source, options, (input, table) -> readPass(input, table, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    @Override
    public Table read(Path file) {
        return TableBuilder.read(file, options, (input, table) -> readPass(input, table, null));
    }

    @Override
    public Batch readBatch(Path file, Schema expected) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(expected, "expected");
        CsvReader.BatchSink[] last = new CsvReader.BatchSink[1];
        Table table = TableBuilder.readTolerant(file.toString(), options, expected, builder -> {
            CsvReader.BatchSink sink = new CsvReader.BatchSink();
            sink.start(0);
            last[0] = sink;
            try (InputStream in = Compression.open(file)) {
                readPass(in, builder, sink);
            }
        });
        return Batch.of(table, last[0].origins(), last[0].problems());
    }

    /**
     * Reads the lines as records of one cell: the tokenizer's delimiter and quote are bytes that
     * valid UTF-8 never holds, so a line of more than one cell holds invalid bytes.
     */
    private static void readPass(InputStream in, TableBuilder table, CsvReader.@Nullable BatchSink sink)
            throws IOException {
        String source = table.source();
        Map<String, Integer> lastFilledRow = new HashMap<>();
        if (!table.tolerant()) {
            table.types().ifPresent(types -> types.keySet().forEach(name -> table.addColumn(name, 1)));
        }
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, source, "JSON Lines is UTF-8");
        CsvTokenizer lines = new CsvTokenizer(in, source, decoder, (byte) Utf8Transcoder.DELIMITER_BYTE,
                (byte) Utf8Transcoder.QUOTE_BYTE, false);
        Cell.Raw cell = new Cell.Raw(decoder, (byte) Utf8Transcoder.QUOTE_BYTE);
        List<Entry> entries = new ArrayList<>();
        int rows = 0;
        while (lines.next()) {
            if (lines.cellCount() != 1) {
                int recordStart = (int) (lines.recordStart() - lines.bufferOffset());
                decoder.check(lines.buffer(), recordStart, lines.limit(), lines.limit(), lines::lineAt, lines.bufferOffset(),
                        lines.atEndOfInput());
            }
            String line = cell.set(lines, 0).text();
            long lineNumber = lines.recordLine();
            if (line.isBlank()) {
                continue;
            }
            entries.clear();
            readObject(line, lineNumber, rows, table, lastFilledRow, entries);
            if (sink != null && !fits(entries, table, lineNumber, lines, sink)) {
                // the row is left out: the keys it named are filled by no row yet
                for (Entry entry : entries) {
                    lastFilledRow.put(table.name(entry.column()), rows - 1);
                }
                continue;
            }
            for (Entry entry : entries) {
                if (entry.kind() == null) {
                    table.addMissing(entry.column());
                } else if (sink != null && table.fixed(entry.column())) {
                    table.commit(entry.column());
                } else {
                    table.add(entry.column(), entry.text(), entry.kind(), lineNumber);
                }
            }
            for (int column = 0; column < table.columnCount(); column++) {
                if (lastFilledRow.getOrDefault(table.name(column), -1) != rows) {
                    table.addMissing(column);
                }
            }
            if (sink != null) {
                sink.add(lineNumber, lines.recordStart(), lines.recordEnd());
            }
            rows++;
        }
    }

    /** One key's value: its column, and its text and kind, or a null kind for JSON null. */
    private record Entry(int column, String text, @Nullable CellKind kind) {
    }

    /**
     * Stages the values of columns of given type, noting each that does not fit.
     *
     * @return true if all fit; then each is committed in the row
     */
    private static boolean fits(List<Entry> entries, TableBuilder table, long lineNumber, CsvTokenizer lines,
            CsvReader.BatchSink sink) {
        boolean fits = true;
        Cell.Text cell = new Cell.Text();
        for (Entry entry : entries) {
            CellKind kind = entry.kind();
            if (kind != null && table.fixed(entry.column())) {
                String problem = table.stage(entry.column(), cell.set(entry.text(), kind), lineNumber);
                if (problem != null) {
                    fits = false;
                    sink.problem(new CellProblem(lineNumber, lines.recordStart(), lines.recordEnd(),
                            table.name(entry.column()), table.position(entry.column()), entry.text(), problem));
                }
            }
        }
        return fits;
    }

    private static void readObject(String line, long lineNumber, int row, TableBuilder table,
            Map<String, Integer> lastFilledRow, List<Entry> entries) throws IOException {
        String source = table.source();
        try (JsonParser parser = FACTORY.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DataFormatException(source, lineNumber, "expected a JSON object but found " + abbreviate(line));
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int column = table.indexOf(key);
                if (column < 0) {
                    Optional<Map<String, ColumnType>> types = table.types();
                    if (types.isPresent() && !table.tolerant()) {
                        throw new DataFormatException(source, lineNumber, "the key '" + key
                                + "' is not a column of the schema; the schema's columns are "
                                + String.join(", ", types.get().keySet()));
                    }
                    column = table.addColumn(key, lineNumber);
                    for (int i = 0; i < row; i++) {
                        table.addMissing(column);
                    }
                }
                Integer previous = lastFilledRow.put(key, row);
                if (previous != null && previous == row) {
                    throw new DataFormatException(source, lineNumber, "the key '" + key + "' appears twice in one object");
                }
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_NULL -> entries.add(new Entry(column, "", null));
                    case VALUE_STRING -> entries.add(new Entry(column, parser.getText(), CellKind.JSON_STRING));
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                            entries.add(new Entry(column, parser.getText(), CellKind.JSON_NUMBER));
                    case VALUE_TRUE, VALUE_FALSE -> entries.add(new Entry(column, parser.getText(), CellKind.JSON_BOOLEAN));
                    default -> throw new DataFormatException(source, lineNumber, key, column + 1,
                            "expected a flat value (string, number, boolean or null) but found a nested "
                                    + (value == JsonToken.START_ARRAY ? "array" : "object"));
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new DataFormatException(source, lineNumber, "expected one JSON object on the line but found "
                        + abbreviate(line));
            }
        } catch (JsonProcessingException e) {
            throw new DataFormatException(source, lineNumber, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String abbreviate(String line) {
        return ColumnAccumulator.quote(line);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The stream is compressed as the {@code compression} setting says, if it says.
     */
    @Override
    public void write(Table table, OutputStream out) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(out, "out");
        try (OutputStream compressed = (compression == null ? Compression.NONE : compression).compress(out)) {
            writePlain(table, compressed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON Lines", e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Compressed as the {@code compression} setting says, or else as the file's name says.
     */
    @Override
    public void write(Table table, Path file) {
        Objects.requireNonNull(table, "table");
        (compression == null ? Compression.forName(file) : compression).write(file, out -> writePlain(table, out));
    }

    private static void writePlain(Table table, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<Column> columns = table.columns();
        try (JsonGenerator generator = FACTORY.createGenerator(writer)) {
            generator.setRootValueSeparator(null);
            for (int row = 0; row < table.rowCount(); row++) {
                generator.writeStartObject();
                for (Column column : columns) {
                    generator.writeFieldName(column.name());
                    writeValue(generator, column, row);
                }
                generator.writeEndObject();
                generator.writeRaw('\n');
            }
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON Lines", e);
        }
    }

    private static void writeValue(JsonGenerator generator, Column column, int row) throws IOException {
        if (column.isMissing(row)) {
            generator.writeNull();
        } else if (column instanceof NumericColumn numeric && Double.isFinite(numeric.get(row))) {
            generator.writeNumber(numeric.format(row));
        } else if (column instanceof BooleanColumn bool) {
            generator.writeBoolean(bool.get(row));
        } else {
            generator.writeString(column.format(row));
        }
    }

    /** Settings of a {@link JsonLinesFormat}; not thread-safe. */
    public static final class Builder {
        private @Nullable Schema schema;
        private @Nullable ZoneId zone;
        private LocalTimes localTimes = LocalTimes.ERROR;
        private @Nullable Compression compression;

        private Builder() {
        }

        /**
         * Reads with this schema instead of inferring types.
         *
         * @param schema the columns the objects may have, and their types
         * @return this builder
         */
        public Builder schema(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * Reads local dates and date-times as instants in this zone.
         *
         * @param zone the zone the local times were recorded in
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Says what reading does with a local time in a daylight-saving gap or overlap of the
         * zone (default {@link LocalTimes#ERROR}: refuse it).
         *
         * @param localTimes the policy
         * @return this builder
         */
        public Builder localTimes(LocalTimes localTimes) {
            this.localTimes = Objects.requireNonNull(localTimes, "localTimes");
            return this;
        }

        /**
         * Says how writing compresses, a file whatever its name and a stream too; without it a
         * file is compressed as its name says ({@code rows.jsonl.zst}) and a stream is not. Reading
         * recognises compressed bytes whatever this says.
         *
         * @param compression the compression, {@link Compression#NONE} for plain text
         * @return this builder
         */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            return this;
        }

        /** @return the format */
        public JsonLinesFormat build() {
            return new JsonLinesFormat(new Settings(zone, localTimes, schema == null ? null : schema.fields(),
                    compression));
        }
    }
}
