package dev.mlops.parquet;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.Compression;
import dev.mlops.data.io.LocalTimes;
import dev.mlops.data.io.TableChunks;
import dev.mlops.data.io.TableFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.OutputFile;
import org.jspecify.annotations.Nullable;

/**
 * Apache Parquet files to and from {@link Table}s, through parquet-hadoop's own reader and writer
 * without Hadoop's file system, configuration or native codecs.
 *
 * <pre>{@code
 * TableFormat parquet = ParquetFormat.defaults();              // or, with mlops-parquet on the class path,
 * // ComponentRegistry.defaults().create(TableFormat.class, "parquet(codec=zstd)")
 * parquet.write(table, Path.of("credit-g.parquet"));
 * Table back = parquet.read(Path.of("credit-g.parquet"));      // equal to table
 * Table two = parquet.read(Path.of("credit-g.parquet"), List.of("age", "class")); // reads two columns' bytes
 * try (TableChunks groups = parquet.readChunks(Path.of("big.parquet"))) {
 *     while (groups.hasNext()) {
 *         Table rowGroup = groups.next();                        // one row group in memory at a time
 *     }
 * }
 * }</pre>
 *
 * <p>Writing: numeric columns as {@code DOUBLE}, categorical ones as dictionary-encoded
 * {@code BINARY (STRING)}, text as {@code BINARY (STRING)}, booleans as {@code BOOLEAN}, timestamps
 * as {@code INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true)}; every column optional, a missing
 * value a null, NaN a NaN. An instant with a fraction of a microsecond, or beyond about ±292,000
 * years, is refused (an {@link IllegalArgumentException} naming the column and the 0-based row)
 * before anything is written: Parquet's microseconds cannot hold it, and nothing is rounded.
 * mlops' own schema (text or categorical, sensitive) goes into the file's key-value metadata, so
 * that a table reads back equal, {@link dev.mlops.core.table.Fingerprint} and all. Pages are
 * compressed with the {@link Settings#codec() codec} (Snappy by default, as Spark writes);
 * a row group closes when its data reaches {@link Settings#rowGroupBytes() rowGroupBytes}.
 *
 * <p>Reading a file written elsewhere (Spark, pandas, DuckDB) maps Parquet's types: {@code FLOAT},
 * {@code DOUBLE}, {@code INT32}, {@code INT64} and {@code DECIMAL} are numeric, except that a
 * column of 64-bit integers or long decimals holding an integer beyond ±2^53 (an id a double
 * cannot hold) is categorical, as CSV's inference reads such a column; UTF-8 strings
 * ({@code STRING}, {@code ENUM}, {@code JSON}) are categorical, as CSV's inference never gives
 * text; {@code BOOLEAN} is boolean; {@code TIMESTAMP} adjusted to UTC in any unit and Spark's
 * legacy {@code INT96} are timestamps; {@code DATE} is a timestamp at UTC midnight; a
 * {@code TIMESTAMP} not adjusted to UTC (a local date-time, pandas' naive datetimes, Spark's
 * {@code TIMESTAMP_NTZ}) is a timestamp in the {@link Settings#zone() zone} when one is set, and
 * else categorical (its ISO-8601 text), as CSV reads a local time without a zone. A nested or
 * repeated column, or one of another type ({@code TIME}, {@code UUID}, raw {@code BINARY}), is
 * a {@link DataFormatException} naming the file and the column, unless a projection leaves it out.
 *
 * <p>Reading reads only what is asked: {@link #read(Path, Collection)} reads only the named
 * columns' chunks, and {@link #readChunks(Path)} yields one table per row group, holding only that
 * row group in memory. {@link #readBatch} reads each column a check expects as the expected type
 * where its values can be read so (an integer or decimal column as categorical or text reads
 * their text, {@code 42} or {@code 1.50}; a string column is never parsed as numbers), and else as
 * inferred, so that the suite's schema check reports the mismatch; Parquet has no lines, so a
 * batch knows no origins and no cell problems, and findings name rows.
 *
 * <p>Errors: a file that is not Parquet, is truncated or has a corrupt footer is a
 * {@link DataFormatException} naming the file; a page that cannot be read names the file, the
 * column, the row group and, where the value is known, the 0-based row. Its
 * {@link DataFormatException#line() line} is 0: a Parquet file has no lines.
 *
 * <p>A Parquet format is a component of type {@value #TYPE}: its {@link Settings} rebuild it
 * from a spec string such as {@code parquet(codec=zstd, zone=Europe/Berlin)} or from its JSON,
 * and two formats with equal settings are equal. Instances are immutable and thread-safe.
 */
public final class ParquetFormat extends AbstractComponent<ParquetFormat.Settings> implements TableFormat {
    /** The type name of Parquet formats, as specs, documents and a file's extension name it. */
    public static final String TYPE = "parquet";
    /** The default row-group size: Parquet's and Spark's, 128 MiB. */
    public static final long DEFAULT_ROW_GROUP_BYTES = 128L << 20;

    private final LocalTimes localTimes;

    private ParquetFormat(Settings settings) {
        super(TYPE, settings);
        this.localTimes = settings.localTimes() == null ? LocalTimes.ERROR : settings.localTimes();
    }

    /**
     * The settings of a {@link ParquetFormat}, as its spec string ({@code parquet(codec=zstd)}) and
     * its JSON in a document hold them. Every setting is optional: a null one takes its default.
     *
     * @param codec how written pages are compressed (default {@code snappy}); reading takes each
     *     column chunk's codec from the file
     * @param rowGroupBytes the size of data after which a written row group closes (default
     *     128 MiB, as Spark writes); smaller row groups stream in less memory
     * @param zone the zone local date-times (a {@code TIMESTAMP} not adjusted to UTC) were
     *     recorded in, read as instants there; null (the default) reads them as categories
     * @param localTimes what reading does with a local date-time in a daylight-saving gap or
     *     overlap of the zone ({@code error}, {@code earlier}, {@code later}); null (the default)
     *     or {@code error}, kept as null so that equal policies are equal settings, refuses it
     */
    public record Settings(ParquetCodec codec, Long rowGroupBytes, @Nullable ZoneId zone,
            @Nullable LocalTimes localTimes) {
        /**
         * Fills in the defaults and checks the settings.
         *
         * @param codec how written pages are compressed (default {@code snappy})
         * @param rowGroupBytes the size of data after which a written row group closes (default
         *     128 MiB)
         * @param zone the zone of local date-times, or null
         * @param localTimes the policy for a local date-time in a gap or overlap of the zone, or null
         * @throws IllegalArgumentException naming the setting and its value if rowGroupBytes is
         *     not positive
         */
        public Settings {
            codec = codec == null ? ParquetCodec.SNAPPY : codec;
            rowGroupBytes = rowGroupBytes == null ? DEFAULT_ROW_GROUP_BYTES : rowGroupBytes;
            if (rowGroupBytes <= 0) {
                throw new IllegalArgumentException("rowGroupBytes must be positive but was " + rowGroupBytes);
            }
            localTimes = localTimes == LocalTimes.ERROR ? null : localTimes;
        }
    }

    /**
     * @param settings the settings
     * @return the format with those settings
     */
    public static ParquetFormat of(Settings settings) {
        return new ParquetFormat(Objects.requireNonNull(settings, "settings"));
    }

    /** @return the format with the default settings: Snappy, 128 MiB row groups, local date-times as categories */
    public static ParquetFormat defaults() {
        return builder().build();
    }

    /** @return a builder starting from the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A Parquet file is read from its end (the footer), so the stream is first read into memory.
     */
    @Override
    public Table read(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        try (RowGroupChunks chunks = chunks(new BytesInputFile(bytes), source, null, null)) {
            return chunks.readAll();
        }
    }

    @Override
    public Table read(Path file) {
        try (RowGroupChunks chunks = chunks(file, null, null)) {
            return chunks.readAll();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only the named columns' chunks are read from the file.
     */
    @Override
    public Table read(Path file, Collection<String> columns) {
        Objects.requireNonNull(columns, "columns");
        try (RowGroupChunks chunks = chunks(file, columns, null)) {
            return chunks.readAll();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One piece per row group, in the file's order; only the current row group is decoded.
     */
    @Override
    public TableChunks readChunks(Path file) {
        return chunks(file, null, null);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One piece per row group, of the named columns' chunks alone.
     */
    @Override
    public TableChunks readChunks(Path file, Collection<String> columns) {
        return chunks(file, Objects.requireNonNull(columns, "columns"), null);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each column the schema names is read as its type where its Parquet values can be (see
     * the class comment); the batch has no origins and no cell problems, since a Parquet file
     * has no lines and its values are typed.
     */
    @Override
    public Batch readBatch(Path file, Schema expected) {
        Objects.requireNonNull(expected, "expected");
        try (RowGroupChunks chunks = chunks(file, null, expected)) {
            return Batch.of(chunks.readAll());
        }
    }

    private RowGroupChunks chunks(Path file, @Nullable Collection<String> columns, @Nullable Schema expected) {
        Objects.requireNonNull(file, "file");
        try {
            // an absent or unreadable file is an I/O error, not a malformed one
            Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return chunks(new LocalInputFile(file), file.toString(), columns, expected);
        } catch (DataFormatException unreadable) {
            // only a file that fails to read is looked at again: a Parquet file never starts with a compression's magic
            Compression outer = Compression.of(file);
            if (outer != Compression.NONE) {
                throw new DataFormatException(file.toString(), "the whole file is " + outer.label() + "-compressed; a"
                        + " Parquet file compresses its pages itself, and Parquet readers read it only as it is:"
                        + " decompress it first", unreadable);
            }
            throw unreadable;
        }
    }

    private RowGroupChunks chunks(InputFile input, String source, @Nullable Collection<String> columns,
            @Nullable Schema expected) {
        OpenFile file = OpenFile.open(input, source);
        try {
            ReadPlan plan = ReadPlan.of(file, columns, expected, settings().zone(), localTimes);
            return new RowGroupChunks(file, plan);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A Parquet file compresses its pages itself ({@link Settings#codec()}), so a name that
     * asks for compression around the whole file ({@code rows.parquet.gz}) is refused: no Parquet
     * reader would read such a file.
     *
     * @throws IllegalArgumentException if the file's name asks for compression around the file, the
     *     table has no columns, or an instant has a fraction of a microsecond or lies beyond about
     *     ±292,000 years; nothing is written
     */
    @Override
    public void write(Table table, Path file) {
        Compression outer = Compression.forName(Objects.requireNonNull(file, "file"));
        if (outer != Compression.NONE) {
            throw new IllegalArgumentException("a Parquet file compresses its pages itself (setting codec, here "
                    + settings().codec().label() + "), but the name '" + file.getFileName() + "' asks for "
                    + outer.label() + " around the whole file, which no Parquet reader reads: name it without "
                    + outer.extension());
        }
        AtomicFiles.write(file, out -> write(table, out));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the table has no columns, or an instant has a fraction
     *     of a microsecond or lies beyond about ±292,000 years; the message names the column and
     *     the 0-based row, and nothing is written
     */
    @Override
    public void write(Table table, OutputStream out) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(out, "out");
        TableWriteSupport support = new TableWriteSupport(table);
        TableWriteSupport.Row row = new TableWriteSupport.Row();
        try (ParquetWriter<TableWriteSupport.Row> writer = new WriterBuilder(new StreamOutputFile(out), support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new AirliftCodecs())
                .withCompressionCodec(settings().codec().parquetName())
                .withRowGroupSize(settings().rowGroupBytes())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(true)
                .build()) {
            for (int i = 0; i < table.rowCount(); i++) {
                row.index = i;
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Parquet", e);
        }
    }

    /** parquet-hadoop's writer builder for {@link TableWriteSupport}. */
    private static final class WriterBuilder extends ParquetWriter.Builder<TableWriteSupport.Row, WriterBuilder> {
        private final TableWriteSupport support;

        WriterBuilder(OutputFile file, TableWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected WriterBuilder self() {
            return this;
        }

        /** Abstract in the builder, so implemented; not called, since the writer is given a ParquetConfiguration. */
        @Override
        @SuppressWarnings("deprecation")
        protected TableWriteSupport getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return support;
        }

        @Override
        protected TableWriteSupport getWriteSupport(org.apache.parquet.conf.ParquetConfiguration configuration) {
            return support;
        }
    }

    /** Settings of a {@link ParquetFormat}; not thread-safe. */
    public static final class Builder {
        private ParquetCodec codec = ParquetCodec.SNAPPY;
        private long rowGroupBytes = DEFAULT_ROW_GROUP_BYTES;
        private @Nullable ZoneId zone;
        private LocalTimes localTimes = LocalTimes.ERROR;

        private Builder() {
        }

        /**
         * Sets how written pages are compressed (default {@link ParquetCodec#SNAPPY}).
         *
         * @param codec the codec
         * @return this builder
         */
        public Builder codec(ParquetCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Sets the size of data after which a written row group closes (default 128 MiB);
         * parquet-hadoop checks it every 100 to 10,000 rows, so a row group holds at least 100
         * rows.
         *
         * @param rowGroupBytes the size in bytes, positive
         * @return this builder
         * @throws IllegalArgumentException if it is not positive
         */
        public Builder rowGroupBytes(long rowGroupBytes) {
            if (rowGroupBytes <= 0) {
                throw new IllegalArgumentException("rowGroupBytes must be positive but was " + rowGroupBytes);
            }
            this.rowGroupBytes = rowGroupBytes;
            return this;
        }

        /**
         * Reads local date-times (a {@code TIMESTAMP} not adjusted to UTC) as instants in this zone;
         * without a zone they are categories.
         *
         * @param zone the zone the local date-times were recorded in
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Says what reading does with a local date-time in a daylight-saving gap or overlap of the
         * zone (default {@link LocalTimes#ERROR}: refuse it, naming the column and row).
         *
         * @param localTimes the policy
         * @return this builder
         */
        public Builder localTimes(LocalTimes localTimes) {
            this.localTimes = Objects.requireNonNull(localTimes, "localTimes");
            return this;
        }

        /** @return the format */
        public ParquetFormat build() {
            return new ParquetFormat(new Settings(codec, rowGroupBytes, zone, localTimes));
        }
    }
}
