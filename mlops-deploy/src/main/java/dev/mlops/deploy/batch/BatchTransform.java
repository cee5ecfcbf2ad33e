package dev.mlops.deploy.batch;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Compression;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.TableFormat;
import dev.mlops.deploy.batch.RecordChunker.Chunk;
import dev.mlops.train.predict.Predictor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A batch transform: a CSV or JSON Lines file through any {@link Predictor}, on several threads,
 * in chunks, to an output file of predictions and an error file of the rows set apart.
 *
 * <pre>{@code
 * BatchSummary summary = BatchTransform.builder(predictor, "sha256:" + modelHash)
 *         .input(Path.of("customers.csv"), CsvFormat.defaults())
 *         .output(Path.of("predictions.csv"), CsvFormat.defaults())
 *         .idColumn("customer_id")           // else each row is named by its physical line
 *         .keep(List.of("country"))           // input columns copied beside the predictions
 *         .threads(4)
 *         .resume(true)                       // go on from the checkpoint of a killed run, if any
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p><b>Output.</b> Each output row holds the record id (the id column's text, or the column
 * {@value ChunkWorker#LINE}: the row's physical 1-based line in the input, the header being line
 * 1), the kept columns, then the model's output columns ({@code prediction} and, for a
 * classifier, a score per class). The output's order is the input's: one thread cuts the input
 * into chunks of whole records (streamed, so the input may be larger than memory), the worker
 * threads transform chunks in any order, and the chunks are appended in the order they were cut,
 * at most twice as many chunks as threads being in flight at once.
 *
 * <p><b>Errors.</b> A row that cannot be predicted goes to the error file with its physical line
 * (of its first line, for a CSV record with a quoted line break) and the reason, and the job goes
 * on: a cell that does not parse as its feature's type, a missing feature value or record id, a
 * record the reader cannot take (a bad quote, a row of the wrong width), a row the model fails
 * on. A feature column absent from a CSV header, by contrast, fails the whole job with a
 * {@link BatchTransformException}. Every input row is then in exactly one of the two files.
 *
 * <p><b>Restart.</b> After each chunk the output and error files are forced to disk and a
 * checkpoint ({@code OUTPUT.checkpoint.json} unless named) is written atomically with their
 * committed lengths, the input offset and line, and the counts. A run with {@link
 * Builder#resume(boolean) resume} that finds a checkpoint cuts both files back to their committed
 * lengths (dropping the tail a killed run left) and goes on from the next chunk; it refuses, with
 * a {@link BatchTransformException} naming which, when the input's SHA-256, the model's
 * fingerprint or the output's columns differ from the checkpoint's. A run without it starts
 * afresh, replacing the files. The workers' scratch files live in one directory beside the
 * output, {@code .OUTPUT.work}; it is deleted when a run ends and, since a killed run cannot
 * delete it, again whenever a run starts or resumes, so kills leave at most one behind.
 *
 * <p>Formats: the input and output are {@link CsvFormat} (with a header; UTF-8, US-ASCII or
 * ISO-8859-1) or {@link JsonLinesFormat}; the input may be compressed ({@link Compression}, read
 * on the fly; its offsets, lines and progress are those of the uncompressed text, and a resumed
 * run reads the text again up to its checkpoint), the output and error files are not, since they
 * are appended to and cut back; the id and kept columns are read as text (a missing
 * token such as {@code NA} reads as missing). Time is read from the injected {@link Clock}. An
 * instance runs one job at a time; {@link #run()} is not to be called from two threads at once.
 */
public final class BatchTransform {
    private static final int HASH_BUFFER = 1 << 20;
    private static final Set<Charset> BYTE_CHARSETS = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1);

    private final Predictor predictor;
    private final String model;
    private final Path input;
    private final TableFormat inputFormat;
    private final Path output;
    private final TableFormat outputFormat;
    private final Path errors;
    private final TableFormat errorsFormat;
    private final Path checkpoint;
    private final @Nullable String id;
    private final List<String> keep;
    private final int threads;
    private final int chunkRows;
    private final int chunkBytes;
    private final boolean resume;
    private final Clock clock;
    private final Consumer<BatchProgress> progress;

    private BatchTransform(Builder builder) {
        this.predictor = builder.predictor;
        this.model = builder.model;
        this.input = Objects.requireNonNull(builder.input, "input: call input(file, format)");
        this.inputFormat = Objects.requireNonNull(builder.inputFormat, "inputFormat");
        this.output = Objects.requireNonNull(builder.output, "output: call output(file, format)");
        this.outputFormat = Objects.requireNonNull(builder.outputFormat, "outputFormat");
        this.errors = builder.errors != null ? builder.errors : sibling(output, ".errors.csv");
        this.errorsFormat = builder.errorsFormat != null ? builder.errorsFormat : CsvFormat.defaults();
        this.checkpoint = builder.checkpoint != null ? builder.checkpoint : sibling(output, ".checkpoint.json");
        this.id = builder.id;
        this.keep = List.copyOf(builder.keep);
        this.threads = builder.threads;
        this.chunkRows = builder.chunkRows;
        this.chunkBytes = builder.chunkBytes;
        this.resume = builder.resume;
        this.clock = builder.clock;
        this.progress = builder.progress;
        syntaxOf(inputFormat, "input");
        headerless(outputFormat, "output");
        headerless(errorsFormat, "errors");
        Set<Path> files = new HashSet<>();
        for (Path file : List.of(input, output, errors, checkpoint)) {
            if (!files.add(file.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("the input, output, error and checkpoint files must be four "
                        + "different files, but " + file + " is named twice");
            }
        }
        List<String> columns = columns();
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                throw new IllegalArgumentException("the output would hold the column '" + column + "' twice (its "
                        + "columns: " + String.join(", ", columns) + "); keep another set of columns or name "
                        + "another id column");
            }
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * @param predictor the model
     * @param modelFingerprint what identifies the model, such as its artifact's SHA-256: a
     *     checkpoint written with another fingerprint is not resumed
     * @return a builder
     */
    public static Builder builder(Predictor predictor, String modelFingerprint) {
        return new Builder(predictor, modelFingerprint);
    }

    /** @return the error file */
    public Path errors() {
        return errors;
    }

    /** @return the checkpoint file */
    public Path checkpoint() {
        return checkpoint;
    }

    /** @return the output's columns, in order: the record id (or line), the kept columns, the model's outputs */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(id != null ? id : ChunkWorker.LINE);
        columns.addAll(keep);
        columns.addAll(predictor.outputs().schema().names());
        return List.copyOf(columns);
    }

    /**
     * Runs the job, or resumes it (see the class comment).
     *
     * @return the summary over the whole input
     * @throws BatchTransformException if the input lacks a header or a column it needs, or a
     *     checkpoint cannot be resumed
     * @throws dev.mlops.core.json.DocumentException if the checkpoint file is not a checkpoint
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public BatchSummary run() {
        Instant started = clock.instant();
        RecordChunker.Syntax syntax = syntaxOf(inputFormat, "input");
        try {
            long size = uncompressedSize(input);
            String hash = digest(input);
            byte[] header = header(syntax);
            long headerLines = count(header);
            // a header without a line feed ends the file: the data start at its end, not past it
            Checkpoint state = start(hash, Math.min(header.length, size), headerLines);
            long resumedRows = state.rowsIn();
            long resumedBytes = state.inputOffset();
            if (!state.complete()) {
                state = transform(state, syntax, header, headerLines, size, started, resumedRows, resumedBytes);
            }
            return new BatchSummary(state.rowsIn(), state.rowsOut(), state.errors(), resumedRows, state.chunks(),
                    Duration.between(started, clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException("batch transform of " + input + " failed: " + e.getMessage(), e);
        }
    }

    /** Resumes from the checkpoint, or starts afresh: the headers written, a first checkpoint saved. */
    private Checkpoint start(String hash, long dataStart, long headerLines) throws IOException {
        List<String> columns = columns();
        if (resume && Files.exists(checkpoint)) {
            Checkpoint state = Checkpoint.read(checkpoint);
            if (!state.inputSha256().equals(hash)) {
                throw new BatchTransformException("cannot resume from " + checkpoint + ": the input " + input
                        + " changed since it was written (SHA-256 " + state.inputSha256() + " then, " + hash
                        + " now); run again without resuming to start afresh");
            }
            if (!state.model().equals(model)) {
                throw new BatchTransformException("cannot resume from " + checkpoint + ": the model changed since it "
                        + "was written (fingerprint " + state.model() + " then, " + model + " now); run again "
                        + "without resuming to start afresh");
            }
            if (!state.columns().equals(columns)) {
                throw new BatchTransformException("cannot resume from " + checkpoint + ": the output's columns "
                        + "changed (" + String.join(", ", state.columns()) + " then, " + String.join(", ", columns)
                        + " now)");
            }
            cutBack(output, state.outputLength());
            cutBack(errors, state.errorsLength());
            return state;
        }
        // an earlier run's checkpoint must not outlive the files it described
        Files.deleteIfExists(checkpoint);
        Schema outputs = predictor.outputs().schema();
        List<Field> fields = new ArrayList<>();
        for (String column : columns) {
            fields.add(outputs.contains(column) ? outputs.field(column)
                    : Field.of(column, ColumnType.TEXT));
        }
        long outputLength = writeFresh(output, outputFormat, Schema.of(fields));
        long errorsLength = writeFresh(errors, errorsFormat, Schema.of(
                Field.of(ChunkWorker.LINE, ColumnType.NUMERIC),
                Field.of(ChunkWorker.REASON, ColumnType.TEXT)));
        Checkpoint state = new Checkpoint(hash, model, columns, 0, dataStart, headerLines + 1, outputLength,
                errorsLength, 0, 0, 0, false);
        state.write(checkpoint);
        return state;
    }

    /** Cuts a file back to its committed length, refusing one shorter than that. */
    private void cutBack(Path file, long length) throws IOException {
        long actual = Files.exists(file) ? Files.size(file) : -1;
        if (actual < length) {
            throw new BatchTransformException("cannot resume from " + checkpoint + ": " + file + " holds "
                    + Math.max(0, actual) + " bytes but the checkpoint committed " + length + "; it was changed "
                    + "since, so run again without resuming to start afresh");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }

    /** Writes a file's header (nothing, for JSON Lines) and returns its length. */
    private static long writeFresh(Path file, TableFormat format, Schema schema) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format.write(Table.empty(schema), bytes);
        Files.write(file, bytes.toByteArray());
        return bytes.size();
    }

    private Checkpoint transform(Checkpoint first, RecordChunker.Syntax syntax, byte[] header, long headerLines,
            long size, Instant started, long resumedRows, long resumedBytes) throws IOException {
        ChunkWorker worker = new ChunkWorker(inputFormat, syntax, header, headerLines, predictor, id, keep,
                headerless(outputFormat, "output"), headerless(errorsFormat, "errors"));
        // one fixed scratch directory per output: a killed run's leftover is removed here
        Path scratchDirectory = scratchDirectory(output);
        delete(scratchDirectory);
        Files.createDirectories(scratchDirectory);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            return new Thread(task, "batch-transform-" + threadNumber.incrementAndGet());
        });
        ThreadLocal<Path> scratch = ThreadLocal.withInitial(() -> {
            try {
                return Files.createTempFile(scratchDirectory, "chunk", ".part");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a scratch file in " + scratchDirectory, e);
            }
        });
        Checkpoint state = first;
        try (InputStream in = Compression.open(input);
                FileChannel out = FileChannel.open(output, StandardOpenOption.WRITE);
                FileChannel err = FileChannel.open(errors, StandardOpenOption.WRITE)) {
            in.skipNBytes(first.inputOffset());
            out.position(first.outputLength());
            err.position(first.errorsLength());
            RecordChunker chunker = new RecordChunker(in, syntax, first.inputOffset(), first.inputLine(),
                    first.chunks());
            ArrayDeque<Future<ChunkWorker.Result>> pending = new ArrayDeque<>();
            for (Chunk chunk = chunker.next(chunkRows, chunkBytes); chunk != null;
                    chunk = chunker.next(chunkRows, chunkBytes)) {
                Chunk submitted = chunk;
                pending.add(pool.submit(() -> worker.process(submitted, scratch.get())));
                while (pending.size() >= 2 * threads) {
                    state = commit(await(pending.remove()), state, out, err, size, started, resumedRows, resumedBytes);
                }
            }
            while (!pending.isEmpty()) {
                state = commit(await(pending.remove()), state, out, err, size, started, resumedRows, resumedBytes);
            }
        } finally {
            pool.shutdownNow();
            delete(scratchDirectory);
        }
        Checkpoint done = state.completed();
        done.write(checkpoint);
        return done;
    }

    private static ChunkWorker.Result await(Future<ChunkWorker.Result> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchTransformException("the batch transform was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Appends a chunk's bytes, forces both files to disk, then writes the checkpoint that counts them. */
    private Checkpoint commit(ChunkWorker.Result result, Checkpoint state, FileChannel out, FileChannel err,
            long size, Instant started, long resumedRows, long resumedBytes) throws IOException {
        writeFully(out, result.output());
        writeFully(err, result.errors());
        out.force(false);
        err.force(false);
        Chunk chunk = result.chunk();
        Checkpoint next = state.advance(chunk.end(), chunk.endLine(), result.output().length,
                result.errors().length, result.rowsIn(), result.rowsOut(), result.bad());
        next.write(checkpoint);
        progress.accept(new BatchProgress(next.rowsIn(), next.errors(), next.rowsIn() - resumedRows,
                next.inputOffset(), next.inputOffset() - resumedBytes, size,
                Duration.between(started, clock.instant())));
        return next;
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * @param output the output file
     * @return its scratch directory, {@code .OUTPUT.work} beside it
     */
    static Path scratchDirectory(Path output) {
        return output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".work");
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch directory " + directory, e);
        }
    }

    /** The CSV header record (checked to hold the columns needed), or nothing for JSON Lines. */
    private byte[] header(RecordChunker.Syntax syntax) throws IOException {
        if (!(inputFormat instanceof CsvFormat csv)) {
            return new byte[0];
        }
        Chunk first;
        try (InputStream in = Compression.open(input)) {
            first = RecordChunker.first(in, syntax);
        }
        if (first == null) {
            throw new BatchTransformException(input + " is empty: a CSV input needs a header line naming its columns");
        }
        byte[] header = first.bytes();
        if (header[header.length - 1] != '\n') {
            header = Arrays.copyOf(header, header.length + 1);
            header[header.length - 1] = '\n';
        }
        List<String> names = csv.read(new ByteArrayInputStream(header), input.toString()).schema().names();
        List<String> needed = new ArrayList<>(predictor.inputSchema().names());
        if (id != null) {
            needed.add(id);
        }
        needed.addAll(keep);
        for (String name : needed) {
            if (!names.contains(name)) {
                String role = name.equals(id) ? "the id column" : keep.contains(name) && !predictor.inputSchema()
                        .contains(name) ? "a kept column" : "a feature of the model";
                throw new BatchTransformException(input + " line 1: the header lacks the column '" + name + "', "
                        + role + "; its columns are " + String.join(", ", names));
            }
        }
        return header;
    }

    /** @return the size of the input's text: the file's, or its uncompressed text's when it is compressed */
    private static long uncompressedSize(Path file) throws IOException {
        if (Compression.of(file) == Compression.NONE) {
            return Files.size(file);
        }
        try (InputStream in = Compression.open(file)) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Refuses a compressed output: the files grow chunk by chunk and are cut back to a checkpoint's length. */
    private static void requireUncompressed(Path file, TableFormat format, String role) {
        Compression named = Compression.forName(file);
        if (named != Compression.NONE || format.spec().settings().hasNonNull("compression")
                && !"none".equals(format.spec().settings().get("compression").asText())) {
            throw new IllegalArgumentException("the " + role + " " + file + " would be compressed, but a batch transform"
                    + " appends its " + role + " chunk by chunk and cuts it back to the last checkpoint on resume, so it"
                    + " writes it uncompressed: name it without " + (named == Compression.NONE ? "the compression setting"
                    : named.extension()) + " and compress it once the run is done (the input may be compressed)");
        }
    }

    private static long count(byte[] bytes) {
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /**
     * The SHA-256 of a file, as a checkpoint records the input's; a model file's serves as the
     * model's fingerprint.
     *
     * @param file the file
     * @return its SHA-256, 64 lower-case hex digits
     * @throws UncheckedIOException if the file cannot be read
     */
    public static String sha256(Path file) {
        try {
            return digest(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String digest(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(HASH_BUFFER);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @return the record syntax of a CSV format (checked readable byte by byte) or of JSON Lines */
    private static RecordChunker.Syntax syntaxOf(TableFormat format, String role) {
        if (format instanceof JsonLinesFormat) {
            return RecordChunker.Syntax.JSON_LINES;
        }
        if (format instanceof CsvFormat csv) {
            CsvFormat.Settings settings = csv.settings();
            if (!settings.header()) {
                throw new IllegalArgumentException("the " + role + " format must have a header, but was "
                        + csv.spec());
            }
            if (!BYTE_CHARSETS.contains(Charset.forName(settings.charset()))) {
                throw new IllegalArgumentException("a batch transform reads CSV in UTF-8, US-ASCII or ISO-8859-1, "
                        + "but the " + role + " format is " + csv.spec());
            }
            return new RecordChunker.Syntax(settings.quote().charAt(0), (byte) settings.delimiter().charAt(0),
                    settings.trimSpaces());
        }
        throw new IllegalArgumentException("a batch transform reads and writes CSV or JSON Lines, but the " + role
                + " format is " + format.spec());
    }

    /** The format that writes chunks after the first: a CSV format without its header. */
    private static TableFormat headerless(TableFormat format, String role) {
        syntaxOf(format, role);
        if (format instanceof CsvFormat csv) {
            CsvFormat.Settings s = csv.settings();
            return CsvFormat.of(new CsvFormat.Settings(s.delimiter(), s.quote(), false, s.missingTokens(), s.zone(),
                    s.localTimes(), s.charset(), s.trimSpaces(), s.schema(), s.compression()));
        }
        return format;
    }

    /** Builds a {@link BatchTransform}; not thread-safe. */
    public static final class Builder {
        private final Predictor predictor;
        private final String model;
        private @Nullable Path input;
        private @Nullable TableFormat inputFormat;
        private @Nullable Path output;
        private @Nullable TableFormat outputFormat;
        private @Nullable Path errors;
        private @Nullable TableFormat errorsFormat;
        private @Nullable Path checkpoint;
        private @Nullable String id;
        private List<String> keep = List.of();
        private int threads = Runtime.getRuntime().availableProcessors();
        private int chunkRows = 16_384;
        private int chunkBytes = 1 << 20;
        private boolean resume;
        private Clock clock = Clock.systemUTC();
        private Consumer<BatchProgress> progress = p -> { };

        private Builder(Predictor predictor, String model) {
            this.predictor = Objects.requireNonNull(predictor, "predictor");
            this.model = Objects.requireNonNull(model, "modelFingerprint");
            if (model.isBlank()) {
                throw new IllegalArgumentException("modelFingerprint must not be blank");
            }
        }

        /**
         * @param file the input file
         * @param format its format: a {@link CsvFormat} with a header or a {@link JsonLinesFormat}
         * @return this builder
         */
        public Builder input(Path file, TableFormat format) {
            this.input = Objects.requireNonNull(file, "file");
            this.inputFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * @param file the output file, replaced unless resuming; not compressed
         * @param format its format: a {@link CsvFormat} with a header or a {@link JsonLinesFormat}
         * @return this builder
         * @throws IllegalArgumentException if the file's name or the format's setting would compress it
         */
        public Builder output(Path file, TableFormat format) {
            requireUncompressed(Objects.requireNonNull(file, "file"), Objects.requireNonNull(format, "format"), "output");
            this.output = file;
            this.outputFormat = format;
            return this;
        }

        /**
         * @param file the error file (default: the output's name with {@code .errors.csv} appended)
         * @param format its format (default CSV): columns {@value ChunkWorker#LINE} and {@value ChunkWorker#REASON}
         * @return this builder
         * @throws IllegalArgumentException if the file's name or the format's setting would compress it
         */
        public Builder errors(Path file, TableFormat format) {
            requireUncompressed(Objects.requireNonNull(file, "file"), Objects.requireNonNull(format, "format"),
                    "error file");
            this.errors = file;
            this.errorsFormat = format;
            return this;
        }

        /**
         * @param file the checkpoint file (default: the output's name with {@code .checkpoint.json} appended)
         * @return this builder
         */
        public Builder checkpoint(Path file) {
            this.checkpoint = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @param column the input column that identifies a record, copied to each output row
         *     (default: none, the row's physical line in a column {@value ChunkWorker#LINE})
         * @return this builder
         */
        public Builder idColumn(String column) {
            Objects.requireNonNull(column, "column");
            if (column.isBlank()) {
                throw new IllegalArgumentException("the id column must not be blank");
            }
            this.id = column;
            return this;
        }

        /**
         * @param columns input columns copied to each output row, after the id
         * @return this builder
         */
        public Builder keep(List<String> columns) {
            this.keep = List.copyOf(columns);
            return this;
        }

        /**
         * @param threads the worker threads, at least 1 (default: the processors)
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * @param rows the most records in a chunk, the unit of work and of restart (default 16384)
         * @return this builder
         */
        public Builder chunkRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("chunk rows must be at least 1 but was " + rows);
            }
            this.chunkRows = rows;
            return this;
        }

        /**
         * @param bytes the size after which a chunk ends at its next record (default 1 MiB); a chunk
         *     whose quote is still open at twice this ends at the next line feed anyway, its cut-off
         *     record going to the error file as malformed
         * @return this builder
         */
        public Builder chunkBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("chunk bytes must be at least 1 but was " + bytes);
            }
            this.chunkBytes = bytes;
            return this;
        }

        /**
         * @param resume whether to go on from an existing checkpoint (default false: start afresh)
         * @return this builder
         */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * @param clock the clock that times the run (default UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param listener told the progress after each completed chunk, on the thread that runs the job
         * @return this builder
         */
        public Builder progress(Consumer<BatchProgress> listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @return the batch transform
         * @throws NullPointerException if the input or output was not given
         * @throws IllegalArgumentException if a format is not CSV with a header or JSON Lines, two files
         *     are the same, or the output would hold a column twice
         */
        public BatchTransform build() {
            return new BatchTransform(this);
        }
    }
}
