package dev.mlops.data.io;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One pass of {@link CsvFormat} over bytes: the header, then each record's cells into a
 * {@link TableBuilder}, numbers parsed from the bytes and text decoded strictly only where a
 * column needs it. When the builder reads a batch ({@link TableBuilder#tolerant()}), a row with a
 * cell that does not fit its column's type is set apart as {@link CellProblem}s and every row
 * kept gets its {@link RowOrigins}. Immutable and thread-safe; each pass has its own state.
 */
final class CsvReader {
    private static final String GENERATED_NAME_PREFIX = "column_";
    /** A chunk's read buffer: small enough for the young generation (a larger one is a humongous object under G1). */
    private static final int CHUNK_BUFFER = 1 << 16;
    /** The share of rows a column makes room for beyond the estimate from the chunks read so far. */
    private static final double ROW_ESTIMATE_MARGIN = 0.05;
    /** The rows a sequential read of a file reads before it sizes the columns for the whole file. */
    private static final int SIZING_ROWS = 1 << 12;
    private static final byte[] UTF8_BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String HINT = "if the input has another encoding, name its charset, such as ISO-8859-1 or"
            + " windows-1252";

    private final byte delimiter;
    private final byte quote;
    private final boolean header;
    private final boolean trimSpaces;
    /** The charset of the bytes the tokenizer sees: UTF-8 or an ASCII-compatible single-byte charset. */
    private final Charset charset;
    private final @Nullable Schema schema;
    private final MissingTokens missingTokens;
    private final char transcodedDelimiter;
    private final char transcodedQuote;
    /** Whether a plain read takes plain records through {@link PlainRecords}; off only to compare with the usual path. */
    private final boolean plainRecords;

    /**
     * @param delimiter the delimiter's byte in the charset
     * @param quote the quote's byte in the charset
     * @param header whether the first record names the columns
     * @param trimSpaces whether spaces around unquoted values are removed
     * @param charset the charset of the bytes, ASCII-compatible
     * @param schema the schema a strict read enforces, or null
     * @param missingTokens the missing tokens
     * @param transcodedDelimiter the delimiter beyond ASCII that {@link Utf8Transcoder} wrote as one byte, or 0
     * @param transcodedQuote the quote beyond ASCII that {@link Utf8Transcoder} wrote as one byte, or 0
     * @param plainRecords whether a plain read (not a batch's, not trimming) reads plain records
     *     straight into the columns ({@link PlainRecords}); the table is the same either way
     */
    CsvReader(byte delimiter, byte quote, boolean header, boolean trimSpaces, Charset charset,
            @Nullable Schema schema, Set<String> missingTokens, char transcodedDelimiter, char transcodedQuote,
            boolean plainRecords) {
        this.plainRecords = plainRecords;
        this.transcodedDelimiter = transcodedDelimiter >= 0x80 ? transcodedDelimiter : 0;
        this.transcodedQuote = transcodedQuote >= 0x80 ? transcodedQuote : 0;
        this.delimiter = delimiter;
        this.quote = quote;
        this.header = header;
        this.trimSpaces = trimSpaces;
        this.charset = charset;
        this.schema = schema;
        this.missingTokens = new MissingTokens(missingTokens, charset);
    }

    /** What a pass of a batch read collects beside the table: each kept row's origin, and the bad cells. */
    static final class BatchSink {
        private RowOrigins.@Nullable Builder origins;
        private final List<CellProblem> problems = new ArrayList<>();

        /** Starts the origins: the data starts at the given offset, after the header if any. */
        void start(long dataStart) {
            origins = RowOrigins.builder(dataStart);
        }

        /** Notes the origin of the next row kept. */
        void add(long line, long start, long end) {
            Objects.requireNonNull(origins, "origins").add(line, start, end);
        }

        /** Notes a cell that did not fit. */
        void problem(CellProblem problem) {
            problems.add(problem);
        }

        /** Appends a chunk's origins and problems, whose lines count from 1 at the chunk's start. */
        void append(BatchSink chunk, long lineOffset) {
            RowOrigins rows = chunk.origins();
            for (int i = 0; i < rows.rowCount(); i++) {
                add(rows.line(i) + lineOffset, rows.start(i), rows.end(i));
            }
            for (CellProblem problem : chunk.problems) {
                problems.add(new CellProblem(problem.line() + lineOffset, problem.start(), problem.end(), problem.column(),
                        problem.position(), problem.text(), problem.problem()));
            }
        }

        /** @return the origins of the rows kept */
        RowOrigins origins() {
            return origins == null ? RowOrigins.builder(0).build() : origins.build();
        }

        /** @return the cells that did not fit, in input order */
        List<CellProblem> problems() {
            return problems;
        }
    }

    /**
     * Reads the input once.
     *
     * @param in the bytes, from the input's start
     * @param table the builder of this pass
     * @param sink where a batch read collects origins and problems, or null for a plain read
     * @throws IOException if the input cannot be read
     */
    void read(InputStream in, TableBuilder table, @Nullable BatchSink sink) throws IOException {
        read(in, table, sink, 0);
    }

    /**
     * Reads the input once, its columns sized from its first records when its size is known.
     *
     * @param size the input's size in bytes, or 0 if unknown
     */
    private void read(InputStream in, TableBuilder table, @Nullable BatchSink sink, long size) throws IOException {
        String source = table.source();
        CellDecoder decoder = new CellDecoder(charset, source, HINT, transcodedDelimiter, transcodedQuote);
        CsvTokenizer tokenizer = new CsvTokenizer(in, source, decoder, delimiter, quote, trimSpaces);
        if (charset.equals(StandardCharsets.UTF_8)) {
            tokenizer.skipPrefix(UTF8_BYTE_ORDER_MARK);
        }
        Cell.Raw cell = new Cell.Raw(decoder, quote);
        long afterByteOrderMark = tokenizer.recordEnd();
        Map<String, ColumnType> types = table.types().orElse(null);
        List<String> names;
        long namesLine = 1;
        boolean pending = false;
        if (header) {
            if (!nextSkippingBlank(tokenizer, true)) {
                throw new DataFormatException(source, 1, "the input is empty; expected a header line");
            }
            names = headerNames(tokenizer, cell, source);
            namesLine = tokenizer.recordLine();
        } else {
            // only a given schema, or the expected types of a batch, say before the first record
            // that there is one column; under inference every pass skips the blank lines before
            // it, as the first pass must
            boolean oneColumn = schema != null ? schema.size() == 1
                    : table.tolerant() && types != null && types.size() == 1;
            pending = nextSkippingBlank(tokenizer, !oneColumn);
            names = headerlessNames(table, pending ? tokenizer.cellCount() : 0);
        }
        if (sink != null) {
            sink.start(header ? tokenizer.recordEnd() : afterByteOrderMark);
        }
        if (!table.tolerant()) {
            requireSchemaColumns(names, source, types);
        }
        for (String name : names) {
            table.addColumn(name, namesLine);
        }
        tokenizer.names(names);
        records(tokenizer, cell, table, names.size(), sink, pending, size);
    }

    /**
     * Adds the tokenizer's records to the builder, skipping blank lines unless there is one column.
     *
     * @param pending true if the tokenizer holds a first record already read
     */
    private void records(CsvTokenizer tokenizer, Cell.Raw cell, TableBuilder table, int width,
            @Nullable BatchSink sink, boolean pending, long size) throws IOException {
        boolean first = pending;
        long start = tokenizer.recordStart();
        int sized = size > 0 ? SIZING_ROWS : -1;
        PlainRecords plain = plainRecords && sink == null && !trimSpaces
                ? new PlainRecords(table, delimiter, quote, missingTokens) : null;
        while (true) {
            if (table.rowCount() == sized) {
                table.expectRows(expectedRows(sized, tokenizer.recordStart() - start, size - start));
                sized = -1;
            }
            if (!first && plain != null && tokenizer.nextPlain(plain)) {
                continue;
            }
            if (!first && !tokenizer.next()) {
                break;
            }
            if (!first && width != 1 && isBlank(tokenizer)) {
                continue;
            }
            first = false;
            if (sink == null) {
                addRecord(tokenizer, cell, table, width);
            } else {
                addRecord(tokenizer, cell, table, width, sink);
            }
        }
    }

    /**
     * Reads a file, in chunks on several threads when it is large enough (and, without a header,
     * has more than one column): the chunks start after a line break, each is read into a
     * {@link TableBuilder#fork() fork} with lines counted from its start, and they are appended
     * in order, each once the one before is known to have ended exactly where it began. A chunk
     * that began inside a quoted value (the record before ran past its start) is read again from
     * where that record ended, on the calling thread; an error in any chunk reads the file again
     * on one thread. So the table and every error are those of a sequential read, whatever the
     * number of threads.
     *
     * @param file the file
     * @param table the builder of this pass
     * @param sink where a batch read collects origins and problems, or null for a plain read
     * @param threads the most threads to read with
     * @param chunkBytes the size of a chunk; a file of fewer than two chunks is read on one thread
     * @throws IOException if the file cannot be read
     */
    void read(Path file, TableBuilder table, @Nullable BatchSink sink, int threads, long chunkBytes)
            throws IOException {
        if (threads < 2 || Files.size(file) < 2 * chunkBytes || !readInChunks(file, table, sink, threads, chunkBytes)) {
            try (InputStream in = Files.newInputStream(file)) {
                read(in, table, sink, Files.size(file));
            }
        }
    }

    /** The result of one chunk: its rows, the lines it spans, where its last record ended. */
    private record Chunk(TableBuilder table, @Nullable BatchSink sink, long lines, long end) {
    }

    /**
     * Reads the file's records in chunks.
     *
     * @return false, with the builder untouched, if the file must be read sequentially instead
     */
    private boolean readInChunks(Path file, TableBuilder table, @Nullable BatchSink sink, int threads,
            long chunkBytes) throws IOException {
        String source = table.source();
        TableBuilder whole = table.fork();
        BatchSink wholeSink = sink == null ? null : new BatchSink();
        List<String> names;
        long dataStart;
        long dataLine;
        try (InputStream in = Files.newInputStream(file)) {
            CellDecoder decoder = new CellDecoder(charset, source, HINT);
            CsvTokenizer tokenizer = new CsvTokenizer(in, source, decoder, delimiter, quote, trimSpaces);
            if (charset.equals(StandardCharsets.UTF_8)) {
                tokenizer.skipPrefix(UTF8_BYTE_ORDER_MARK);
            }
            long afterByteOrderMark = tokenizer.recordEnd();
            if (!nextSkippingBlank(tokenizer, true)) {
                return false;
            }
            names = header ? headerNames(tokenizer, new Cell.Raw(decoder, quote), source)
                    : headerlessNames(whole, tokenizer.cellCount());
            if (!header && names.size() == 1) {
                // one column without a header: a blank line is a missing value, except, under
                // inference, before the first record
                return false;
            }
            if (!whole.tolerant()) {
                requireSchemaColumns(names, source, whole.types().orElse(null));
            }
            for (String name : names) {
                whole.addColumn(name, header ? tokenizer.recordLine() : 1);
            }
            dataStart = header ? tokenizer.recordEnd() : afterByteOrderMark;
            dataLine = header ? tokenizer.line() : 1;
        } catch (DataFormatException e) {
            return false;
        }
        long[] starts = chunkStarts(file, dataStart, chunkBytes);
        if (starts.length < 3) {
            return false;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, starts.length - 1), runnable -> {
            Thread thread = new Thread(runnable, "mlops-csv-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // at most one chunk more than threads is read ahead of the check that each ended where the next began
            int window = threads + 1;
            // the rows a chunk is expected to hold, from the last one merged: its columns make room for them at once
            AtomicInteger chunkRows = new AtomicInteger();
            List<@Nullable Future<Chunk>> chunks = new ArrayList<>();
            for (int i = 0; i + 1 < starts.length && i < window; i++) {
                chunks.add(submit(pool, file, whole, names, starts, i, sink != null, chunkRows));
            }
            if (wholeSink != null) {
                wholeSink.start(dataStart);
            }
            long line = dataLine;
            // where the last record appended ended: the start of the next record
            long next = dataStart;
            int reserved = 0;
            for (int i = 0; i + 1 < starts.length; i++) {
                Future<Chunk> speculative = Objects.requireNonNull(chunks.get(i), "chunk");
                chunks.set(i, null);
                if (i + window + 1 < starts.length) {
                    chunks.add(submit(pool, file, whole, names, starts, i + window, sink != null, chunkRows));
                }
                if (starts[i + 1] <= next) {
                    // the last record appended ran past this whole chunk: it lay inside quotes
                    continue;
                }
                // a chunk that began inside quotes (the last record appended ran past its start) is read
                // again from where that record ended
                Chunk chunk = starts[i] == next ? speculative.get()
                        : readChunk(file, whole, names, next, starts[i + 1], sink != null, chunkRows.get());
                int rows = Math.addExact(whole.rowCount(), chunk.table().rowCount());
                if (rows > reserved) {
                    reserved = expectedRows(rows, chunk.end() - dataStart, starts[starts.length - 1] - dataStart);
                }
                whole.append(chunk.table(), reserved);
                chunkRows.set(expectedRows(chunk.table().rowCount(), 1, 1));
                if (wholeSink != null) {
                    wholeSink.append(Objects.requireNonNull(chunk.sink(), "sink"), line - 1);
                }
                line += chunk.lines();
                next = chunk.end();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return false;
        } catch (DataFormatException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + source, e);
        } finally {
            pool.shutdownNow();
        }
        table.adopt(whole);
        if (sink != null && wholeSink != null) {
            sink.origins = wholeSink.origins;
            sink.problems.addAll(wholeSink.problems);
        }
        return true;
    }

    /**
     * Estimates the rows of the whole data from those of its first bytes, with a margin, so that
     * the columns grow once (and the chunks' arrays die young) rather than by doubling.
     *
     * @param rows the rows read so far
     * @param bytes the bytes they took
     * @param total the bytes of all the data
     * @return the expected rows, at least those read so far
     */
    private static int expectedRows(int rows, long bytes, long total) {
        double expected = rows * (double) total / bytes * (1 + ROW_ESTIMATE_MARGIN);
        return (int) Math.max(rows, Math.min(Integer.MAX_VALUE - 8, Math.ceil(expected)));
    }

    private Future<Chunk> submit(ExecutorService pool, Path file, TableBuilder whole, List<String> names, long[] starts,
            int chunk, boolean batch, AtomicInteger chunkRows) {
        return pool.submit(() -> readChunk(file, whole, names, starts[chunk], starts[chunk + 1], batch,
                chunkRows.get()));
    }

    /**
     * Reads the records that start in {@code [start, end)}, the last one to its end, with lines
     * counted from 1 at {@code start}, into columns with room for the rows expected (0 if unknown).
     */
    private Chunk readChunk(Path file, TableBuilder whole, List<String> names, long start, long end, boolean batch,
            int expectedRows) throws IOException {
        TableBuilder table = whole.fork();
        for (String name : names) {
            table.addColumn(name, 1);
        }
        table.expectRows(expectedRows);
        BatchSink sink = batch ? new BatchSink() : null;
        if (sink != null) {
            sink.start(start);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream in = Channels.newInputStream(channel.position(start));
            CellDecoder decoder = new CellDecoder(charset, table.source(), HINT);
            CsvTokenizer tokenizer = new CsvTokenizer(in, table.source(), decoder, delimiter, quote, trimSpaces, start, 1,
                    end, CHUNK_BUFFER);
            tokenizer.names(names);
            records(tokenizer, new Cell.Raw(decoder, quote), table, names.size(), sink, false, 0);
            return new Chunk(table, sink, tokenizer.line() - 1, tokenizer.recordEnd());
        }
    }

    /**
     * Splits the data into chunks of about the given size, each starting just after a
     * {@code \n} (which may still be inside a quoted value: the read checks).
     *
     * @return the chunks' starts and, last, the file's size
     */
    private static long[] chunkStarts(Path file, long dataStart, long chunkBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            List<Long> starts = new ArrayList<>();
            starts.add(dataStart);
            ByteBuffer window = ByteBuffer.allocate(1 << 16);
            for (long nominal = dataStart + chunkBytes; nominal < size; nominal += chunkBytes) {
                long at = nominal;
                long found = -1;
                while (found < 0 && at < size) {
                    window.clear();
                    int n = channel.read(window, at);
                    for (int i = 0; i < n && found < 0; i++) {
                        if (window.get(i) == '\n') {
                            found = at + i + 1;
                        }
                    }
                    at += Math.max(n, 0);
                }
                if (found > starts.get(starts.size() - 1) && found < size) {
                    starts.add(found);
                }
            }
            starts.add(size);
            return starts.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /**
     * Adds a record's cells, then checks its width (a bad cell before a bad width is reported
     * first). A cell of ASCII bytes without doubled quotes whose length no missing token has
     * goes straight from the bytes to its column when the column's type allows.
     */
    private void addRecord(CsvTokenizer tokenizer, Cell.Raw cell, TableBuilder table, int width) {
        long line = tokenizer.recordLine();
        int count = tokenizer.cellCount();
        byte[] bytes = tokenizer.buffer();
        for (int i = 0; i < count; i++) {
            if (i < width && tokenizer.cellFlags(i) == 0) {
                int from = tokenizer.cellStart(i);
                int to = tokenizer.cellEnd(i);
                if (!missingTokens.mayHaveLength(to - from) && table.addAscii(i, bytes, from, to)) {
                    continue;
                }
            }
            cell.set(tokenizer, i);
            if (i < width) {
                if (missingTokens.matches(cell)) {
                    table.addMissing(i);
                } else {
                    table.addPresent(i, cell, line);
                }
            }
            cell.requireValid();
        }
        requireWidth(table.source(), line, width, count);
    }

    /** Adds a record of a batch if all its cells fit their columns' given types; otherwise notes each that does not. */
    private void addRecord(CsvTokenizer tokenizer, Cell.Raw cell, TableBuilder table, int width, BatchSink sink) {
        long line = tokenizer.recordLine();
        int count = tokenizer.cellCount();
        for (int i = 0; i < count; i++) {
            cell.set(tokenizer, i).requireValid();
        }
        requireWidth(table.source(), line, width, count);
        boolean fits = true;
        for (int i = 0; i < width; i++) {
            if (table.fixed(i) && !missingTokens.matches(cell.set(tokenizer, i))) {
                String problem = table.stage(i, cell, line);
                if (problem != null) {
                    fits = false;
                    sink.problem(new CellProblem(line, tokenizer.recordStart(), tokenizer.recordEnd(), table.name(i),
                            table.position(i), cell.text(), problem));
                }
            }
        }
        if (!fits) {
            return;
        }
        for (int i = 0; i < width; i++) {
            cell.set(tokenizer, i);
            if (missingTokens.matches(cell)) {
                table.addMissing(i);
            } else if (table.fixed(i)) {
                table.commit(i);
            } else {
                table.addPresent(i, cell, line);
            }
        }
        sink.add(line, tokenizer.recordStart(), tokenizer.recordEnd());
    }

    /** A record of one empty cell: a blank line, or one holding only {@code ""}. */
    private static boolean isBlank(CsvTokenizer tokenizer) {
        return tokenizer.cellCount() == 1 && tokenizer.cellEnd(0) == tokenizer.cellStart(0);
    }

    private static boolean nextSkippingBlank(CsvTokenizer tokenizer, boolean skipBlank) throws IOException {
        while (tokenizer.next()) {
            if (!skipBlank || !isBlank(tokenizer)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> headerNames(CsvTokenizer tokenizer, Cell.Raw cell, String source) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        long line = tokenizer.recordLine();
        for (int i = 0; i < tokenizer.cellCount(); i++) {
            String name = cell.set(tokenizer, i).text().strip();
            int position = names.size() + 1;
            if (name.isEmpty()) {
                throw new DataFormatException(source, line, "the header's column " + position + " has no name");
            }
            Integer previous = seen.putIfAbsent(name, position);
            if (previous != null) {
                throw new DataFormatException(source, line, "the header names column '" + name + "' twice, at "
                        + previous + " and " + position);
            }
            names.add(name);
        }
        return names;
    }

    private void requireWidth(String source, long line, int width, int count) {
        if (count != width) {
            throw new DataFormatException(source, line, "expected " + width + " values, as many as the "
                    + (header ? "header names" : schema != null ? "schema has" : "first row has")
                    + ", but found " + count);
        }
    }

    /**
     * The columns of a file without a header: the schema's, the expected ones of a batch, those a
     * first pass found, or as many generated names as the first record has values.
     */
    private List<String> headerlessNames(TableBuilder table, int firstRecordWidth) {
        Map<String, ColumnType> types = table.types().orElse(null);
        return schema != null ? schema.names() : types != null ? List.copyOf(types.keySet())
                : generatedNames(firstRecordWidth);
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
}
