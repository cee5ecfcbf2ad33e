package dev.mlops.data.io;

import dev.mlops.core.component.AbstractComponent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Comma-separated values (RFC 4180, as parsed and written by jackson-dataformat-csv) to and from
 * {@link Table}s.
 *
 * <p>Reading: the first line is the header (unless {@link Builder#header(boolean)} says there is
 * none, when columns are named {@code column_1}, {@code column_2}, ...); blank lines are skipped,
 * except in an input of one column, where a blank line is a missing value;
 * a cell equal to a missing token ({@code ""}, {@code NA} and {@code ?} by default) is missing.
 * Without a schema each column's type is inferred from all its cells: {@code true}/{@code false}
 * in any case is boolean, a number is numeric (but an integer beyond ±2^53, such as an id, is
 * categorical), an ISO-8601 instant with zone or offset is a timestamp (local times too when a
 * zone is set), anything else is categorical; a column whose cells disagree is categorical. A
 * stream is buffered in memory so that inference can take a second pass; a file is read again.
 * With a schema, the header must name exactly the schema's columns (in any order) and every
 * cell must fit its column's type.
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
 * <p>A CSV format is a component of type {@value #TYPE}: its {@link Settings} rebuild it from a
 * spec string such as {@code csv(delimiter=";", zone=Europe/Berlin)} or from its JSON, and two
 * formats with equal settings are equal.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CsvFormat extends AbstractComponent<CsvFormat.Settings> implements TableFormat {
    /** The type name of CSV formats, as specs and documents name them. */
    public static final String TYPE = "csv";
    private static final String GENERATED_NAME_PREFIX = "column_";
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** How Jackson's message about a quoted value that the input ends inside begins. */
    private static final String UNCLOSED_QUOTE = "Missing closing quote";

    private final char delimiter;
    private final char quote;
    private final @Nullable Schema schema;
    private final TableBuilder.Options options;
    private final Charset charset;
    private final CsvFactory factory;

    private CsvFormat(Settings settings) {
        super(TYPE, settings);
        this.delimiter = settings().delimiter().charAt(0);
        this.quote = settings().quote().charAt(0);
        this.schema = settings().schema() == null ? null : Schema.of(settings().schema());
        this.options = new TableBuilder.Options(schema, settings().zone(), LocalTimes.orDefault(settings().localTimes()),
                Set.copyOf(settings().missingTokens()));
        this.charset = Charset.forName(settings().charset());
        this.factory = CsvFactory.builder()
                .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
                // Jackson's SKIP_EMPTY_LINES also strips the leading spaces of a line's first value; blank lines
                // are skipped here instead, so values stay exactly as written
                .disable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .configure(CsvParser.Feature.TRIM_SPACES, settings().trimSpaces())
                .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
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
     */
    public record Settings(String delimiter, String quote, Boolean header, List<String> missingTokens,
            @Nullable ZoneId zone, @Nullable LocalTimes localTimes, String charset, Boolean trimSpaces,
            @Nullable List<Field> schema) {
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

    @Override
    public Table read(InputStream in, String source) {
        return TableBuilder.read(in, source, options, this::readPass);
    }

    @Override
    public Table read(Path file) {
        return TableBuilder.read(file, options, this::readPass);
    }

    private void readPass(InputStream in, TableBuilder table) throws IOException {
        Reader reader = skipByteOrderMark(table.decode(in, charset));
        try (CsvParser parser = factory.createParser(reader)) {
            readRows(parser, table);
        } catch (JsonProcessingException e) {
            throw malformed(e, table.source());
        }
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            pushback.unread(first);
        }
        return pushback;
    }

    private void readRows(CsvParser parser, TableBuilder table) throws IOException {
        String source = table.source();
        Map<String, ColumnType> types = table.types().orElse(null);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar(quote).withoutHeader());
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            // WRAP_AS_ARRAY wraps the whole input in one array of row arrays
            token = parser.nextToken();
        }
        List<String> names;
        long namesLine = 1;
        Row firstRow = null;
        if (settings().header()) {
            Row headerRow = token == JsonToken.START_ARRAY ? readRow(parser, source, true) : null;
            if (headerRow == null) {
                throw new DataFormatException(source, 1, "the input is empty; expected a header line");
            }
            names = headerNames(headerRow, source);
            namesLine = headerRow.line();
        } else {
            boolean oneColumn = schema != null ? schema.size() == 1 : types != null && types.size() == 1;
            firstRow = token == JsonToken.START_ARRAY ? readRow(parser, source, !oneColumn) : null;
            names = schema != null ? schema.names()
                    : types != null ? List.copyOf(types.keySet())
                    : generatedNames(firstRow == null ? 0 : firstRow.values().size());
        }
        requireSchemaColumns(names, source, types);
        for (String name : names) {
            table.addColumn(name, namesLine);
        }
        int width = names.size();
        if (firstRow != null) {
            for (int i = 0; i < firstRow.values().size() && i < width; i++) {
                table.add(i, firstRow.values().get(i), firstRow.line());
            }
            requireWidth(source, firstRow.line(), width, firstRow.values().size());
        }
        int count = 0;
        try {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                count = 0;
                parser.nextToken();
                long line = parser.currentTokenLocation().getLineNr();
                String first = parser.getText();
                count = 1;
                JsonToken next = parser.nextToken();
                if (next == JsonToken.END_ARRAY && first.isEmpty() && width != 1) {
                    continue;
                }
                if (width > 0) {
                    table.add(0, first, line);
                }
                for (; next == JsonToken.VALUE_STRING; next = parser.nextToken()) {
                    if (count < width) {
                        table.add(count, parser.getText(), line);
                    }
                    count++;
                }
                requireWidth(source, line, width, count);
            }
        } catch (JsonProcessingException e) {
            throw malformed(e, parser, source, names, count);
        }
    }

    /**
     * The error for a value the parser could not read: an unclosed quote is placed where the
     * value opens (Jackson places it at the end of the input), with the column when it is known.
     *
     * @param names the columns' names, or empty while the header is read
     * @param index the 0-based position of the value in its record
     */
    private static DataFormatException malformed(JsonProcessingException e, CsvParser parser, String source,
            List<String> names, int index) {
        String problem = e.getOriginalMessage();
        if (problem != null && problem.startsWith(UNCLOSED_QUOTE)) {
            long line = parser.currentTokenLocation().getLineNr();
            String what = "the quote that opens this value is never closed";
            return index < names.size() ? new DataFormatException(source, line, names.get(index), index + 1, what)
                    : new DataFormatException(source, line, "value " + (index + 1) + ": " + what);
        }
        return malformed(e, source);
    }

    /** The error for input the parser could not read, at the line where the parser stopped. */
    private static DataFormatException malformed(JsonProcessingException e, String source) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new DataFormatException(source, line, "malformed CSV: " + e.getOriginalMessage());
    }

    /** One CSV record: the physical line it starts on, and its values. */
    private record Row(long line, List<String> values) {
    }

    /**
     * Reads the record that starts at the current token, skipping blank lines (a record of one
     * empty value) if asked to; returns null when the input ends first.
     */
    private static @Nullable Row readRow(CsvParser parser, String source, boolean skipBlankLines) throws IOException {
        for (JsonToken token = parser.currentToken(); token == JsonToken.START_ARRAY; token = parser.nextToken()) {
            List<String> values = new ArrayList<>();
            long line = 0;
            try {
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (values.isEmpty()) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    values.add(parser.getText());
                }
            } catch (JsonProcessingException e) {
                throw malformed(e, parser, source, List.of(), values.size());
            }
            if (!skipBlankLines || !(values.size() == 1 && values.get(0).isEmpty())) {
                return new Row(line, values);
            }
        }
        return null;
    }

    private static List<String> headerNames(Row header, String source) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String value : header.values()) {
            String name = value.strip();
            int position = names.size() + 1;
            if (name.isEmpty()) {
                throw new DataFormatException(source, header.line(), "the header's column " + position + " has no name");
            }
            Integer previous = seen.putIfAbsent(name, position);
            if (previous != null) {
                throw new DataFormatException(source, header.line(), "the header names column '" + name + "' twice, at "
                        + previous + " and " + position);
            }
            names.add(name);
        }
        return names;
    }

    private void requireWidth(String source, long line, int width, int count) {
        if (count != width) {
            throw new DataFormatException(source, line, "expected " + width + " values, as many as the "
                    + (settings().header() ? "header names" : schema != null ? "schema has" : "first row has")
                    + ", but found " + count);
        }
    }

    private static List<String> generatedNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(GENERATED_NAME_PREFIX + i);
        }
        return names;
    }

    private static void requireSchemaColumns(List<String> names, String source, @Nullable Map<String, ColumnType> types) {
        if (types == null) {
            return;
        }
        Set<String> expected = new LinkedHashSet<>(types.keySet());
        for (int i = 0; i < names.size(); i++) {
            if (!expected.remove(names.get(i))) {
                throw new DataFormatException(source, 1, names.get(i), i + 1,
                        "the header names a column that the schema does not have; the schema's columns are "
                                + String.join(", ", types.keySet()));
            }
        }
        if (!expected.isEmpty()) {
            throw new DataFormatException(source, 1, "the header lacks the schema's column(s) "
                    + String.join(", ", expected));
        }
    }

    @Override
    public void write(Table table, OutputStream out) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(out, "out");
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

        /** @return the format */
        public CsvFormat build() {
            return new CsvFormat(new Settings(String.valueOf(delimiter), String.valueOf(quote), header,
                    List.copyOf(missingTokens), zone, localTimes, charset.name(), trimSpaces,
                    schema == null ? null : schema.fields()));
        }
    }
}
