package dev.mlops.data.io;

import dev.mlops.core.component.AbstractComponent;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Comma-separated values (RFC 4180) to and from {@link Table}s: read by our own byte-level
 * parser with jackson-dataformat-csv's syntax, written by jackson-dataformat-csv.
 *
 * <p>Reading: the first line is the header (unless {@link Builder#header(boolean)} says there is
 * none, when columns are named {@code column_1}, {@code column_2}, ...); blank lines are skipped,
 * except in an input of one column, where a blank line is a missing value (when neither a header
 * nor a schema names the columns, blank lines before the first record are skipped all the same:
 * the number of columns is not known before it);
 * a cell equal to a missing token ({@code ""}, {@code NA} and {@code ?} by default) is missing.
 * Without a schema each column's type is inferred from all its cells: {@code true}/{@code false}
 * in any case is boolean, a number is numeric (but an integer beyond ±2^53, such as an id, is
 * categorical), an ISO-8601 instant with zone or offset is a timestamp (local times too when a
 * zone is set), anything else is categorical; a column whose cells disagree is categorical. A
 * stream is buffered in memory so that inference can take a second pass; a file is read again.
 * With a schema, the header must name exactly the schema's columns (in any order) and every
 * cell must fit its column's type. {@link #readBatch} reads a file against expected types
 * instead, setting a row with a cell that does not fit apart and keeping each row's line and
 * bytes.
 *
 * <p>Syntax: a record ends at {@code \n}, {@code \r\n} or a lone {@code \r} outside quotes; a
 * value that starts with the quote runs to the closing quote, a doubled quote standing for one,
 * and only spaces or control characters may follow it before the delimiter; a quote elsewhere is
 * an ordinary character; {@link Builder#trimSpaces(boolean) trimming} removes spaces and control
 * characters around unquoted values. Numbers are parsed from the bytes (FastDoubleParser where
 * the exact value needs more than one multiplication); text is decoded strictly only where a
 * column needs it. UTF-8 and the single-byte charsets whose first 128 bytes are ASCII are read
 * as bytes; other charsets (UTF-16, Shift_JIS), or a delimiter or quote that is not one byte in
 * the charset, are decoded strictly and re-encoded first, and their batches keep no origins.
 *
 * <p>Errors name the input, the physical line (the header is line 1) and the column: a row with
 * more or fewer values than the header, a value that does not fit its type, a quote that never
 * closes (at the line and column where it opens), an empty or repeated header name, and bytes
 * that are not valid in the charset (with their 0-based byte offset; decoding is strict and
 * never puts U+FFFD in their place).
 *
 * <p>Writing: a header, then one line per row with {@code \n} line ends; values are quoted only
 * where needed; numbers are written so they read back to the same double, without locale;
 * missing values are empty cells. A categorical or text value equal to a missing token (the
 * empty string, {@code NA}) therefore reads back as missing.
 *
 * <p>Compressed files ({@link Compression}: gzip, zstd, bzip2, xz) read and write transparently:
 * reading recognises them by their first bytes, files and streams alike, and errors and
 * {@link RowOrigins} name the lines and bytes of the uncompressed text; writing a file compresses
 * as its name says ({@code rows.csv.gz}) unless {@link Builder#compression the setting} says
 * otherwise. A large compressed file is read on one thread (the parallel chunks need to seek).
 *
 * <p>A CSV format is a component of type {@value #TYPE}: its {@link Settings} rebuild it from a
 * spec string such as {@code csv(delimiter=";", zone=Europe/Berlin, compression=gzip)} or from its JSON, and two
 * formats with equal settings are equal.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CsvFormat extends AbstractComponent<CsvFormat.Settings> implements TableFormat {
    /** The type name of CSV formats, as specs and documents name them. */
    public static final String TYPE = "csv";
    /** The size of the chunks a large file is read in, in parallel. */
    private static final long CHUNK_BYTES = 2L << 20;

    private final char delimiter;
    private final char quote;
    private final @Nullable Schema schema;
    private final TableBuilder.Options options;
    private final Charset charset;
    /** Whether the tokenizer reads the input's bytes as they are, or re-encoded as UTF-8 ({@link Utf8Transcoder}). */
    private final boolean direct;
    private final CsvReader reader;
    private final CsvFactory factory;
    private final @Nullable Compression compression;

    private CsvFormat(Settings settings) {
        super(TYPE, settings);
        this.delimiter = settings().delimiter().charAt(0);
        this.quote = settings().quote().charAt(0);
        this.schema = settings().schema() == null ? null : Schema.of(settings().schema());
        this.options = new TableBuilder.Options(schema, settings().zone(), LocalTimes.orDefault(settings().localTimes()),
                Set.copyOf(settings().missingTokens()));
        this.charset = Charset.forName(settings().charset());
        this.direct = direct(charset, delimiter, quote);
        this.reader = new CsvReader(singleByte(delimiter, charset, direct, Utf8Transcoder.DELIMITER_BYTE),
                singleByte(quote, charset, direct, Utf8Transcoder.QUOTE_BYTE), settings().header(),
                settings().trimSpaces(), direct ? charset : StandardCharsets.UTF_8, schema, options.missingTokens(),
                direct ? (char) 0 : delimiter, direct ? (char) 0 : quote, true);
        this.compression = settings().compression();
        this.factory = CsvFactory.builder()
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
    }

    /**
     * The settings of a {@link CsvFormat}, as its spec string ({@code csv(delimiter=";",
     * zone=Europe/Berlin)}) and its JSON in a document hold them. Every setting is optional: a
     * null one takes its default.
     *
     * <p>The schema is a setting as the list of its fields ({@code [{name=id, type=numeric}]}),
     * so that a format that enforces a schema rebuilds from its spec like any other; a format
     * that infers types has none, and its spec stays short.
     *
     * @param delimiter the one character between values (default {@code ","}); not a line break
     *     nor the quote
     * @param quote the one character that encloses values holding delimiters or line breaks
     *     (default {@code "\""}); not a line break
     * @param header true if the first line names the columns (default); without a header,
     *     reading names the columns {@code column_1}, {@code column_2}, ... or takes the schema's
     *     names in order, and writing writes none
     * @param missingTokens the cell texts that mean a missing value, compared exactly (default
     *     {@code ""}, {@code "?"}, {@code "NA"}); kept sorted and without repeats, so that equal
     *     sets are equal settings
     * @param zone the zone local dates and date-times were recorded in, read as instants there;
     *     null (the default) reads them as categories under inference and refuses them under a
     *     timestamp column
     * @param localTimes what reading does with a local time in a daylight-saving gap or overlap
     *     of the zone ({@code error}, {@code earlier}, {@code later}); null (the default) or
     *     {@code error}, kept as null so that equal policies are equal settings, refuses it
     * @param charset the charset of the bytes, by its canonical name (default {@code UTF-8},
     *     whatever the platform's default); decoded strictly, so that bytes not valid in it are
     *     an error naming the line and byte offset
     * @param trimSpaces true to remove spaces around unquoted values (default false)
     * @param schema the fields the input must have, in the order reading returns them, or null
     *     (the default) to infer types
     * @param compression how writing compresses ({@code none}, {@code gzip}, {@code zstd},
     *     {@code bzip2}, {@code xz}), a stream too; null (the default) compresses a file as its
     *     name says ({@code .csv.gz}) and a stream not at all. Reading needs no setting: it
     *     recognises compressed bytes by their magic number ({@link Compression})
     */
    public record Settings(String delimiter, String quote, Boolean header, List<String> missingTokens,
            @Nullable ZoneId zone, @Nullable LocalTimes localTimes, String charset, Boolean trimSpaces,
            @Nullable List<Field> schema, @Nullable Compression compression) {
        /**
         * Fills in the defaults and checks the settings.
         *
         * @param delimiter the one character between values (default {@code ","}); not a line break
         *     nor the quote
         * @param quote the one character that encloses values holding delimiters or line breaks
         *     (default {@code "\""}); not a line break
         * @param header true if the first line names the columns (default); without a header,
         *     reading names the columns {@code column_1}, {@code column_2}, ... or takes the schema's
         *     names in order, and writing writes none
         * @param missingTokens the cell texts that mean a missing value, compared exactly (default
         *     {@code ""}, {@code "?"}, {@code "NA"}); kept sorted and without repeats, so that equal
         *     sets are equal settings
         * @param zone the zone local dates and date-times were recorded in, read as instants there;
         *     null (the default) reads them as categories under inference and refuses them under a
         *     timestamp column
         * @param localTimes what reading does with a local time in a daylight-saving gap or overlap
         *     of the zone ({@code error}, {@code earlier}, {@code later}); null (the default) or
         *     {@code error}, kept as null so that equal policies are equal settings, refuses it
         * @param charset the charset of the bytes, by its canonical name (default {@code UTF-8},
         *     whatever the platform's default); decoded strictly, so that bytes not valid in it are
         *     an error naming the line and byte offset
         * @param trimSpaces true to remove spaces around unquoted values (default false)
         * @param schema the fields the input must have, in the order reading returns them, or null
         *     (the default) to infer types
         * @param compression how writing compresses ({@code none}, {@code gzip}, {@code zstd},
         *     {@code bzip2}, {@code xz}), a stream too; null (the default) compresses a file as its
         *     name says ({@code .csv.gz}) and a stream not at all
         * @throws IllegalArgumentException naming the setting and its value if the delimiter or
         *     quote is not one character, is a line break, or they are equal; if the charset is
         *     unknown; if the schema repeats a name
         */
        public Settings {
            delimiter = character("delimiter", delimiter == null ? "," : delimiter);
            quote = character("quote", quote == null ? "\"" : quote);
            if (delimiter.equals(quote)) {
                throw new IllegalArgumentException("delimiter must not equal the quote character but both were '"
                        + delimiter + "'");
            }
            header = header == null || header;
            localTimes = localTimes == LocalTimes.ERROR ? null : localTimes;
            missingTokens = missingTokens == null ? List.of("", "?", "NA") : List.copyOf(new TreeSet<>(missingTokens));
            charset = charsetName(charset == null ? StandardCharsets.UTF_8.name() : charset);
            trimSpaces = trimSpaces != null && trimSpaces;
            if (schema != null) {
                schema = Schema.of(schema).fields();
            }
        }

        private static String character(String setting, String value) {
            if (value.length() != 1 || value.equals("\n") || value.equals("\r")) {
                throw new IllegalArgumentException(setting + " must be one character and not a line break but was '"
                        + value + "'");
            }
            return value;
        }

        private static String charsetName(String name) {
            try {
                return Charset.forName(name).name();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("charset must be a charset this Java runtime supports, such as"
                        + " UTF-8 or ISO-8859-1, but was '" + name + "'", e);
            }
        }
    }

    /**
     * @param settings the settings
     * @return the format with those settings
     */
    public static CsvFormat of(Settings settings) {
        return new CsvFormat(Objects.requireNonNull(settings, "settings"));
    }

    /** @return the format with the default settings: comma, double quote, a header, missing tokens "", NA and ? */
    public static CsvFormat defaults() {
        return builder().build();
    }

    /** @return a builder starting from the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the schema that reading enforces, or empty when reading infers types */
    public Optional<Schema> schema() {
        return Optional.ofNullable(schema);
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
            return TableBuilder.read(text, source, options, this::readPass);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A large uncompressed file with a header in UTF-8 or a single-byte charset is read in
     * chunks of 2 MiB on up to as many threads as there are processors; the table and any error
     * are those of a sequential read. A compressed file is uncompressed on the fly, on one thread.
     */
    @Override
    public Table read(Path file) {
        return read(file, Runtime.getRuntime().availableProcessors(), CHUNK_BYTES);
    }

    /** Reads a file on up to the given number of threads in chunks of the given size; the tests' knob. */
    Table read(Path file, int threads, long chunkBytes) {
        Objects.requireNonNull(file, "file");
        if (!direct || Compression.of(file) != Compression.NONE) {
            return TableBuilder.read(file, options, this::readPass);
        }
        return TableBuilder.read(file.toString(), options, table -> reader.read(file, table, null, threads, chunkBytes));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A large file is read in parallel chunks as {@link #read(Path)} reads it. The origins of
     * a compressed file's rows are the lines and bytes of its uncompressed text, which
     * {@link RowOrigins#copy} copies from.
     */
    @Override
    public Batch readBatch(Path file, Schema expected) {
        return readBatch(file, expected, Runtime.getRuntime().availableProcessors(), CHUNK_BYTES);
    }

    /** Reads a batch on up to the given number of threads in chunks of the given size; the tests' knob. */
    Batch readBatch(Path file, Schema expected, int threads, long chunkBytes) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(expected, "expected");
        if (!direct) {
            // the tokenizer sees re-encoded bytes, whose offsets are not the file's
            return TableFormat.super.readBatch(file, expected);
        }
        boolean compressed = Compression.of(file) != Compression.NONE;
        CsvReader.BatchSink[] last = new CsvReader.BatchSink[1];
        Table table = TableBuilder.readTolerant(file.toString(), options, expected, builder -> {
            CsvReader.BatchSink sink = new CsvReader.BatchSink();
            last[0] = sink;
            if (compressed) {
                try (InputStream in = Compression.open(file)) {
                    reader.read(in, builder, sink);
                }
            } else {
                reader.read(file, builder, sink, threads, chunkBytes);
            }
        });
        return Batch.of(table, last[0].origins(), last[0].problems());
    }

    private void readPass(InputStream in, TableBuilder table) throws IOException {
        reader.read(direct ? in : new Utf8Transcoder(table.decode(in, charset), delimiter, quote), table, null);
    }

    /**
     * Tells whether the tokenizer can read the charset's bytes as they are: UTF-8 with an ASCII
     * delimiter and quote, or a single-byte charset whose first 128 bytes are ASCII and that
     * writes the delimiter and the quote as one byte each.
     */
    private static boolean direct(Charset charset, char delimiter, char quote) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return delimiter < 0x80 && quote < 0x80;
        }
        if (!charset.canEncode() || charset.newEncoder().maxBytesPerChar() != 1.0f) {
            return false;
        }
        byte[] ascii = new byte[0x80];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        char[] decoded = new String(ascii, charset).toCharArray();
        for (int i = 0; i < decoded.length; i++) {
            if (decoded[i] != i) {
                return false;
            }
        }
        return charset.newEncoder().canEncode(delimiter) && charset.newEncoder().canEncode(quote);
    }

    private static byte singleByte(char c, Charset charset, boolean direct, int transcoded) {
        if (!direct) {
            return c < 0x80 ? (byte) c : (byte) transcoded;
        }
        return String.valueOf(c).getBytes(charset)[0];
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
            throw new UncheckedIOException("cannot write CSV", e);
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

    private void writePlain(Table table, OutputStream out) {
        CsvSchema.Builder columns = CsvSchema.builder();
        for (String name : table.schema().names()) {
            columns.addColumn(name);
        }
        CsvSchema csvSchema = columns.build().withColumnSeparator(delimiter).withQuoteChar(quote)
                .withLineSeparator("\n").withUseHeader(settings().header());
        Writer writer = new OutputStreamWriter(out, charset);
        try (CsvGenerator generator = factory.createGenerator(writer)) {
            generator.setSchema(csvSchema);
            List<Column> columnList = table.columns();
            for (int row = 0; row < table.rowCount(); row++) {
                generator.writeStartArray();
                for (Column column : columnList) {
                    generator.writeString(column.format(row));
                }
                generator.writeEndArray();
            }
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
    }

    /** Settings of a {@link CsvFormat}; not thread-safe. */
    public static final class Builder {
        private char delimiter = ',';
        private char quote = '"';
        private boolean header = true;
        private Set<String> missingTokens = Set.of("", "NA", "?");
        private @Nullable Schema schema;
        private @Nullable ZoneId zone;
        private LocalTimes localTimes = LocalTimes.ERROR;
        private Charset charset = StandardCharsets.UTF_8;
        private boolean trimSpaces;
        private @Nullable Compression compression;

        private Builder() {
        }

        /**
         * Sets the character between values (default {@code ,}).
         *
         * @param delimiter such as {@code ';'} or {@code '\t'}
         * @return this builder
         * @throws IllegalArgumentException if it is a quote, a line break or equal to the quote
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '\n' || delimiter == '\r' || delimiter == quote) {
                throw new IllegalArgumentException("delimiter must not be a line break or the quote character but was '"
                        + delimiter + "'");
            }
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Sets the quote character (default {@code "}).
         *
         * @param quote the character that encloses values holding delimiters or line breaks
         * @return this builder
         * @throws IllegalArgumentException if it equals the delimiter or is a line break
         */
        public Builder quote(char quote) {
            if (quote == '\n' || quote == '\r' || quote == delimiter) {
                throw new IllegalArgumentException("quote must not be a line break or the delimiter but was '"
                        + quote + "'");
            }
            this.quote = quote;
            return this;
        }

        /**
         * Says whether the first line is a header (default true); without one, reading names the
         * columns {@code column_1}, {@code column_2}, ... or takes the schema's names in order,
         * and writing writes no header.
         *
         * @param header true if there is a header line
         * @return this builder
         */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /**
         * Sets the cell texts that mean a missing value (default {@code ""}, {@code NA} and {@code ?}).
         *
         * @param tokens the tokens, compared exactly
         * @return this builder
         */
        public Builder missingTokens(String... tokens) {
            this.missingTokens = Set.of(tokens);
            return this;
        }

        /**
         * Reads with this schema instead of inferring types.
         *
         * @param schema the columns the input must have, and their types
         * @return this builder
         */
        public Builder schema(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * Reads local dates and date-times as instants in this zone; without a zone they are
         * categories under inference and an error under a timestamp column of a schema.
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
         * Sets the charset of the bytes (default UTF-8, whatever the platform's default), such
         * as ISO-8859-1 or windows-1252; decoding is strict, so that bytes not valid in it are an
         * error naming the line and byte offset.
         *
         * @param charset the charset
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * Says whether spaces around unquoted values are removed (default false).
         *
         * @param trimSpaces true to trim
         * @return this builder
         */
        public Builder trimSpaces(boolean trimSpaces) {
            this.trimSpaces = trimSpaces;
            return this;
        }

        /**
         * Says how writing compresses, a file whatever its name and a stream too; without it a
         * file is compressed as its name says ({@code rows.csv.gz}) and a stream is not. Reading
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
        public CsvFormat build() {
            return new CsvFormat(new Settings(String.valueOf(delimiter), String.valueOf(quote), header,
                    List.copyOf(missingTokens), zone, localTimes, charset.name(), trimSpaces,
                    schema == null ? null : schema.fields(), compression));
        }
    }
}
