package dev.mlops.data.io;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.internal.TimestampSyntax;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns cells of text into a typed {@link Table} with the inference rules of {@link CsvFormat}
 * and {@link JsonLinesFormat}, which both read through it: a user's {@link TableFormat} parses
 * its syntax and hands the cells over, and gets the same types and the same errors.
 *
 * <p>The rules, per column: a cell equal to a missing token is missing (only for
 * {@link CellKind#TEXT}); {@code true}/{@code false} in any case is boolean (nothing else, not
 * {@code yes} nor {@code 1}); a number is numeric, except an integer beyond ±2^53 (an id a double
 * cannot hold), which is categorical; an ISO-8601 instant with a zone or offset is a timestamp,
 * and so is a local date or date-time when a zone is set; anything else is categorical. A local
 * time in a daylight-saving gap or overlap of the zone is refused, naming its cell, or resolved
 * by the {@link Options#localTimes() policy} given (under inference too, so that such a time
 * never silently turns a column of timestamps into categories); a read that resolved some logs
 * their number at info level through slf4j. A column
 * whose cells disagree is categorical, and a column with no present cell too. With a
 * {@link Options#schema() schema}, every cell must fit its column's type instead, or reading
 * fails with a {@link DataFormatException} naming the source, the line, the column's name and
 * its 1-based position.
 *
 * <p>How a format uses it: {@link #read(InputStream, String, Options, Pass)} (or the
 * {@link Path} twin) calls the format's {@link Pass} with a fresh builder, once when types are
 * given, and a second time when inference met a cell that contradicted a column's first type
 * (the second pass reads every column with the types the first settled on, so the result equals
 * inference over the whole input). A stream is therefore buffered in memory when types are
 * inferred; a file is opened again. Within a pass, the format declares its columns with
 * {@link #addColumn} and feeds every column the same number of cells, by {@link #addRow} or
 * cell by cell; a format of text decodes its bytes with {@link #decode}, which reports bytes
 * that are not valid in the charset instead of replacing them:
 * <pre>{@code
 * public Table read(InputStream in, String source) {
 *     return TableBuilder.read(in, source, TableBuilder.Options.defaults(), (input, table) -> {
 *         BufferedReader lines = new BufferedReader(table.decode(input, StandardCharsets.UTF_8));
 *         String line = lines.readLine();
 *         for (String name : line.split("\\|")) {
 *             table.addColumn(name, 1);
 *         }
 *         long number = 1;
 *         while ((line = lines.readLine()) != null) {
 *             table.addRow(++number, List.of(line.split("\\|", -1)));
 *         }
 *     });
 * }
 * }</pre>
 *
 * <p>A builder belongs to one pass of one reading thread: not thread-safe. The static methods
 * are thread-safe.
 */
public final class TableBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(TableBuilder.class);

    private final String source;
    private final @Nullable Schema schema;
    private final @Nullable Map<String, ColumnType> types;
    private final Options options;
    private final TimestampSyntax timestamps;
    private final int longestMissingToken;
    /** The missing tokens in a hash set: looked up for every short cell, so not the options' sorted set. */
    private final Set<String> missingTokens;
    private final List<ColumnAccumulator> columns = new ArrayList<>();
    private final Map<String, Integer> indexes = new HashMap<>();
    /** True when reading a batch against expected types: columns without one are inferred, bad cells are found, not thrown. */
    private final boolean tolerant;
    private final Cell.Text textCell = new Cell.Text();

    private TableBuilder(String source, @Nullable Schema schema, @Nullable Map<String, ColumnType> types,
            Options options, boolean tolerant) {
        this.source = source;
        this.schema = schema;
        this.types = types;
        this.options = options;
        this.tolerant = tolerant;
        this.timestamps = new TimestampSyntax(options.zone(), options.localTimes().resolution());
        this.longestMissingToken = options.missingTokens().stream().mapToInt(String::length).max().orElse(-1);
        this.missingTokens = Set.copyOf(options.missingTokens());
    }

    /**
     * What a {@link TableBuilder} reads with: a schema or inference, the zone of local times and
     * the policy for those in its gaps and overlaps, the missing tokens. Immutable and
     * thread-safe.
     *
     * @param schema the columns and types every input must have, or null to infer the types
     * @param zone the zone local dates and date-times were recorded in, or null when they are not
     *     timestamps (categories under inference, an error under a timestamp column)
     * @param localTimes what to do with a local time in a daylight-saving gap or overlap of the
     *     zone: refuse it ({@link LocalTimes#ERROR}) or resolve it
     * @param missingTokens the cell texts that mean a missing value, compared exactly with cells
     *     of {@link CellKind#TEXT}; an unmodifiable sorted copy
     */
    public record Options(@Nullable Schema schema, @Nullable ZoneId zone, LocalTimes localTimes,
            Set<String> missingTokens) {
        /**
        * Copies the missing tokens.
        *
        * @param schema the columns and types every input must have, or null to infer the types
        * @param zone the zone local dates and date-times were recorded in, or null when they are not
        *     timestamps (categories under inference, an error under a timestamp column)
        * @param localTimes what to do with a local time in a daylight-saving gap or overlap of the
        *     zone: refuse it ({@link LocalTimes#ERROR}) or resolve it
        * @param missingTokens the cell texts that mean a missing value, compared exactly with cells
        *     of {@link CellKind#TEXT}; an unmodifiable sorted copy
        */
        public Options {
            Objects.requireNonNull(localTimes, "localTimes");
            missingTokens = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(missingTokens,
                    "missingTokens")));
        }

        /**
         * @return inference, no zone, local times in gaps and overlaps refused, and the missing
         *     tokens {@code ""}, {@code NA} and {@code ?}
         */
        public static Options defaults() {
            return new Options(null, null, LocalTimes.ERROR, Set.of("", "NA", "?"));
        }

        /**
         * @param schema the schema to enforce, or null to infer types
         * @return these options with that schema
         */
        public Options withSchema(@Nullable Schema schema) {
            return new Options(schema, zone, localTimes, missingTokens);
        }

        /**
         * @param zone the zone of local times, or null
         * @return these options with that zone
         */
        public Options withZone(@Nullable ZoneId zone) {
            return new Options(schema, zone, localTimes, missingTokens);
        }

        /**
         * @param localTimes what to do with a local time in a gap or overlap of the zone
         * @return these options with that policy
         */
        public Options withLocalTimes(LocalTimes localTimes) {
            return new Options(schema, zone, localTimes, missingTokens);
        }

        /**
         * @param tokens the missing tokens
         * @return these options with those tokens
         */
        public Options withMissingTokens(Set<String> tokens) {
            return new Options(schema, zone, localTimes, tokens);
        }
    }

    /** One pass of a format over its input, feeding every cell to the builder. */
    @FunctionalInterface
    public interface Pass {

        /**
         * Reads the input once.
         *
         * @param in the input, positioned at its start; the pass need not close it
         * @param table the builder of this pass
         * @throws IOException if the input cannot be read
         * @throws DataFormatException if the input is malformed
         */
        void run(InputStream in, TableBuilder table) throws IOException;
    }

    /**
     * Reads a stream, which is read to its end but not closed; when types are inferred it is
     * first read into memory, so that a second pass can read it again.
     *
     * @param in the input
     * @param source the input's name for error messages, such as a file name or "stdin"
     * @param options schema or inference, zone, missing tokens
     * @param pass the format's reading of the input
     * @return the table, with the columns in the order the last pass declared them (the
     *     schema's order when a schema is given)
     * @throws DataFormatException if the pass finds the input malformed or a cell does not fit
     *     its column's type
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static Table read(InputStream in, String source, Options options, Pass pass) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(pass, "pass");
        if (options.schema() != null) {
            InputStream unclosed = Compression.unclosed(in);
            return read(() -> unclosed, source, options, pass);
        }
        byte[] content;
        try {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return read(() -> new ByteArrayInputStream(content), source, options, pass);
    }

    /**
     * Reads a file, opening it again for a second pass; its name is the source in messages. A
     * compressed file is uncompressed on the fly ({@link Compression#open(Path)}), so the pass
     * sees the text and its errors name the text's lines.
     *
     * @param file the file
     * @param options schema or inference, zone, missing tokens
     * @param pass the format's reading of the input
     * @return the table
     * @throws DataFormatException if the pass finds the file malformed or a cell does not fit
     *     its column's type
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Table read(Path file, Options options, Pass pass) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(pass, "pass");
        return read(() -> Compression.open(file), file.toString(), options, pass);
    }

    /** Opens the input afresh for each pass. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private static Table read(Opener opener, String source, Options options, Pass pass) {
        return read(source, options, table -> {
            try (InputStream in = opener.open()) {
                pass.run(in, table);
            }
        });
    }

    /** One pass of a reader that opens its input itself (a file it reads in parallel chunks). */
    @FunctionalInterface
    interface Runner {
        /**
         * Reads the input once into the builder.
         *
         * @throws IOException if the input cannot be read
         */
        void run(TableBuilder table) throws IOException;
    }

    /**
     * Reads an input in one or two passes, as {@link #read(InputStream, String, Options, Pass)}
     * does.
     */
    static Table read(String source, Options options, Runner runner) {
        try {
            Schema schema = options.schema();
            if (schema != null) {
                Map<String, ColumnType> types = new LinkedHashMap<>();
                for (Field field : schema.fields()) {
                    types.put(field.name(), field.type());
                }
                TableBuilder builder = run(runner, source, schema, types, options, false);
                List<Column> ordered = new ArrayList<>(schema.size());
                for (Field field : schema.fields()) {
                    Integer index = builder.indexes.get(field.name());
                    if (index == null) {
                        throw new DataFormatException(source, 1, "the input lacks the schema's column '"
                                + field.name() + "'");
                    }
                    ordered.add(builder.columns.get(index).build().withSensitive(field.sensitive()));
                }
                builder.logResolved();
                return Table.of(ordered);
            }
            TableBuilder first = run(runner, source, null, null, options, false);
            if (first.columns.stream().noneMatch(ColumnAccumulator::contradicted)) {
                return first.build(Map.of());
            }
            return run(runner, source, null, first.settledTypes(), options, false).build(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * Reads an input as a batch checked against expected types, in one or two passes: the
     * columns the schema names are read as their types, and the runner, seeing
     * {@link #tolerant()}, sets a row with a cell that does not fit apart ({@link #stage});
     * other columns are inferred, and the schema's columns the input lacks are absent. The
     * columns keep the input's order.
     *
     * @param expected the expected columns; the options' schema is not used
     * @return the table of the last pass (the runner collects what else it needs of that pass)
     */
    static Table readTolerant(String source, Options options, Schema expected, Runner runner) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Map<String, Boolean> sensitive = new HashMap<>();
        for (Field field : expected.fields()) {
            types.put(field.name(), field.type());
            sensitive.put(field.name(), field.sensitive());
        }
        Options inferring = options.withSchema(null);
        try {
            TableBuilder first = run(runner, source, null, types, inferring, true);
            if (first.columns.stream().noneMatch(ColumnAccumulator::contradicted)) {
                return first.build(sensitive);
            }
            return run(runner, source, null, first.settledTypes(), inferring, true).build(sensitive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private Map<String, ColumnType> settledTypes() {
        Map<String, ColumnType> settled = new LinkedHashMap<>();
        for (ColumnAccumulator accumulator : columns) {
            settled.put(accumulator.name(), accumulator.type());
        }
        return settled;
    }

    private static TableBuilder run(Runner runner, String source, @Nullable Schema schema,
            @Nullable Map<String, ColumnType> types, Options options, boolean tolerant) throws IOException {
        TableBuilder builder = new TableBuilder(source, schema, types, options, tolerant);
        runner.run(builder);
        return builder;
    }

    /** Builds the columns in input order, marking those the map says are sensitive. */
    private Table build(Map<String, Boolean> sensitive) {
        List<Column> built = new ArrayList<>(columns.size());
        for (ColumnAccumulator accumulator : columns) {
            built.add(accumulator.build().withSensitive(sensitive.getOrDefault(accumulator.name(), false)));
        }
        logResolved();
        return Table.of(built);
    }

    /** Reports the local times in gaps and overlaps that the policy resolved, if any. */
    private void logResolved() {
        long resolved = columns.stream().mapToLong(ColumnAccumulator::resolvedLocalTimes).sum();
        if (resolved > 0) {
            LOG.info("{}: resolved {} local time(s) in a daylight-saving gap or overlap of {} as localTimes={}",
                    source, resolved, options.zone(), options.localTimes().label());
        }
    }

    /**
     * Decodes a pass's input strictly: a byte sequence that is not valid in the charset (a
     * Latin-1 "ü" read as UTF-8) is a {@link DataFormatException} naming this builder's source,
     * the physical 1-based line ({@code \n}, {@code \r\n} or a lone {@code \r} end a line) and
     * the 0-based byte offset from the input's start, never a silent U+FFFD as
     * {@link java.io.InputStreamReader} would give. Characters before the invalid bytes are read
     * first. The reader is not buffered beyond its bytes and not thread-safe; closing it closes
     * the input.
     *
     * @param in the pass's input
     * @param charset the charset of its bytes
     * @return a reader of its characters
     */
    public Reader decode(InputStream in, Charset charset) {
        return new StrictReader(in, Objects.requireNonNull(charset, "charset"), source,
                "if the input has another encoding, name its charset, such as ISO-8859-1 or windows-1252");
    }

    /** @return the input's name, as errors name it */
    public String source() {
        return source;
    }

    /** @return the schema the reading enforces, or empty when it infers types */
    public Optional<Schema> schema() {
        return Optional.ofNullable(schema);
    }

    /**
     * @return the type of each column this pass reads with, in order: the schema's, or on a
     *     second pass of inference the types the first pass settled on (so the columns are known
     *     before the input names them); empty when this pass infers; unmodifiable
     */
    public Optional<Map<String, ColumnType>> types() {
        return Optional.ofNullable(types).map(Collections::unmodifiableMap);
    }

    /** @return the number of columns declared so far */
    public int columnCount() {
        return columns.size();
    }

    /**
     * @param column a column's 0-based index
     * @return its name
     * @throws IndexOutOfBoundsException if no such column was declared
     */
    public String name(int column) {
        return columns.get(column).name();
    }

    /**
     * @param name a column's name
     * @return its 0-based index, or -1 if no column of that name was declared
     */
    public int indexOf(String name) {
        return indexes.getOrDefault(Objects.requireNonNull(name, "name"), -1);
    }

    /**
     * Declares the next column.
     *
     * @param name its name
     * @param line the physical 1-based line that names it, for errors
     * @return its 0-based index
     * @throws DataFormatException if the name is blank or declared before, or a schema is given
     *     that has no such column; the message names the source, the line and the column
     */
    public int addColumn(String name, long line) {
        Objects.requireNonNull(name, "name");
        int position = columns.size() + 1;
        if (name.isBlank()) {
            throw new DataFormatException(source, line, "column " + position + " has no name");
        }
        ColumnType type = types == null ? null : types.get(name);
        if (types != null && type == null && !tolerant) {
            throw new DataFormatException(source, line, name, position,
                    "the schema has no such column; the schema's columns are " + String.join(", ", types.keySet()));
        }
        Integer previous = indexes.putIfAbsent(name, columns.size());
        if (previous != null) {
            throw new DataFormatException(source, line, "column '" + name + "' is named twice, at " + (previous + 1)
                    + " and " + position);
        }
        columns.add(new ColumnAccumulator(source, name, position, type, timestamps));
        return columns.size() - 1;
    }

    /**
     * Adds a missing cell to a column.
     *
     * @param column the column's 0-based index
     * @throws IndexOutOfBoundsException if no such column was declared
     */
    public void addMissing(int column) {
        columns.get(column).addMissing();
    }

    /**
     * Adds a cell of untyped text, missing if it equals a missing token.
     *
     * @param column the column's 0-based index
     * @param text the cell's text, exactly as written
     * @param line the cell's physical 1-based line, for errors
     * @throws DataFormatException if the column's type is given and the cell does not fit it;
     *     the message names the source, the line, the column and the cell
     * @throws IndexOutOfBoundsException if no such column was declared
     */
    public void add(int column, String text, long line) {
        add(column, text, CellKind.TEXT, line);
    }

    /**
     * Adds a cell; one of {@link CellKind#TEXT} is missing if it equals a missing token.
     *
     * @param column the column's 0-based index
     * @param text the cell's text: untyped text, or a JSON literal's text (a string's content)
     * @param kind where the text came from
     * @param line the cell's physical 1-based line, for errors
     * @throws DataFormatException if the column's type is given and the cell does not fit it;
     *     the message names the source, the line, the column and the cell
     * @throws IndexOutOfBoundsException if no such column was declared
     */
    public void add(int column, String text, CellKind kind, long line) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        ColumnAccumulator accumulator = columns.get(column);
        if (kind == CellKind.TEXT && text.length() <= longestMissingToken && missingTokens.contains(text)) {
            accumulator.addMissing();
        } else {
            accumulator.add(textCell.set(text, kind), line);
        }
    }

    /**
     * @return a builder with no columns yet that reads as this one does (the same source, types,
     *     options and tolerance): for one part of an input read in parallel
     */
    TableBuilder fork() {
        return new TableBuilder(source, schema, types, options, tolerant);
    }

    /**
     * Makes room in every declared column for the rows this builder is expected to read, so that
     * its arrays grow once rather than by doubling.
     *
     * @param rows the expected rows, at least 0
     */
    void expectRows(int rows) {
        for (ColumnAccumulator column : columns) {
            column.expectRows(rows);
        }
    }

    /** @return the number of rows added so far */
    int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    /**
     * Appends the cells of a fork that read the next part of the input, column by column.
     *
     * @param next a fork with the same columns, in the same order
     * @param rows the number of rows expected in the end, at least those added so far and the
     *     fork's: each column's arrays grow to that at once
     */
    void append(TableBuilder next, int rows) {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).append(next.columns.get(i), rows);
        }
    }

    /**
     * Takes over the columns a fork collected, when this builder has none yet.
     *
     * @param fork the fork that read the whole input
     */
    void adopt(TableBuilder fork) {
        if (!columns.isEmpty()) {
            throw new IllegalStateException("a builder with columns cannot adopt another's");
        }
        columns.addAll(fork.columns);
        indexes.putAll(fork.indexes);
    }

    /** @return true if this pass reads a batch against expected types ({@link #readTolerant}) */
    boolean tolerant() {
        return tolerant;
    }

    /** @return true if the column's type was given (by a schema, expected types or a first pass) */
    boolean fixed(int column) {
        return columns.get(column).fixed();
    }

    /** @return the column's 1-based position in the input */
    int position(int column) {
        return columns.get(column).position();
    }

    /**
     * Adds a present cell that is not a missing token (the reader compared it).
     *
     * @throws DataFormatException as {@link #add(int, String, CellKind, long)} does
     */
    void addPresent(int column, Cell cell, long line) {
        columns.get(column).add(cell, line);
    }

    /**
     * Adds a present cell of ASCII bytes with no doubled quote, not a missing token (the reader
     * compared it), straight from the bytes when the column's type allows.
     *
     * @return false, adding nothing, if the cell must be added with {@link #addPresent} instead
     */
    boolean addAscii(int column, byte[] bytes, int from, int to) {
        return columns.get(column).addAscii(bytes, from, to);
    }

    /**
     * @param column the column's index
     * @return the parser of the column's present cells, or null until its type is known
     */
    @Nullable CellParser parser(int column) {
        return columns.get(column).parser();
    }

    /**
     * Parses a present cell of a column of given type without appending it, for a reader that
     * appends a row only when all its cells fit ({@link #commit}).
     *
     * @return what the type expected if the cell does not fit, or null if it fits
     */
    @Nullable String stage(int column, Cell cell, long line) {
        return columns.get(column).stage(cell, line);
    }

    /** Appends the value the column's last {@link #stage} parsed. */
    void commit(int column) {
        columns.get(column).commit();
    }

    /**
     * Adds one row of untyped text, a cell per declared column in order; a null cell is missing.
     *
     * @param line the row's physical 1-based line, for errors
     * @param cells the cells
     * @throws DataFormatException if there are more or fewer cells than columns, or a cell does
     *     not fit its column's given type; the message names the source and the line
     */
    public void addRow(long line, List<@Nullable String> cells) {
        Objects.requireNonNull(cells, "cells");
        if (cells.size() != columns.size()) {
            throw new DataFormatException(source, line, "expected " + columns.size() + " values, one per column, but found "
                    + cells.size());
        }
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null) {
                addMissing(i);
            } else {
                add(i, cell, line);
            }
        }
    }
}
