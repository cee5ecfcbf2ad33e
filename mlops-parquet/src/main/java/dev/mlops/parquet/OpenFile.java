package dev.mlops.parquet;

import dev.mlops.core.DataFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.jspecify.annotations.Nullable;

/**
 * A Parquet file open for reading through parquet-hadoop's {@link ParquetFileReader}, without a
 * Hadoop {@code Configuration} ({@link PlainParquetConfiguration}) and with the pure-Java codecs
 * of {@link AirliftCodecs}; page checksums, where the writer stored them, are verified. What
 * Parquet reports about a malformed file becomes a {@link DataFormatException} naming the file,
 * and the row group where one is being read. Not thread-safe.
 */
final class OpenFile implements Closeable {
    /** Converts nothing: values are read from the column readers, not pushed to converters. */
    private static final GroupConverter NO_CONVERTER = new GroupConverter() {
        private final PrimitiveConverter primitive = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return primitive;
        }

        @Override
        public void start() {
            // values are read from the column readers
        }

        @Override
        public void end() {
            // values are read from the column readers
        }
    };

    private final InputFile input;
    private final String source;
    private final ParquetFileReader reader;
    private final List<BlockMetaData> rowGroups;
    private MessageType requested;
    private int nextRowGroup;
    private long nextRow;

    /** A row group read from the file, with its place. */
    record RowGroup(PageReadStore pages, int index, long firstRow, int rows) {
    }

    private OpenFile(InputFile input, String source, ParquetFileReader reader) {
        this.input = input;
        this.source = source;
        this.reader = reader;
        this.rowGroups = reader.getRowGroups();
        this.requested = reader.getFileMetaData().getSchema();
    }

    /**
     * Reads a file's footer.
     *
     * @param input the file
     * @param source its name, for errors
     * @return the file, open
     * @throws DataFormatException naming the file if it is not a Parquet file or its footer is
     *     truncated or corrupt
     */
    static OpenFile open(InputFile input, String source) {
        try {
            return new OpenFile(input, source, reader(input));
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(source, "not a readable Parquet file (" + cause(e) + ")", e);
        }
    }

    private static ParquetFileReader reader(InputFile input) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new AirliftCodecs())
                .usePageChecksumVerification(true)
                .build();
        return ParquetFileReader.open(input, options);
    }

    /**
     * @return the same file opened again, with all its columns requested, for another pass
     * @throws DataFormatException as {@link #open} does
     */
    OpenFile reopen() {
        return open(input, source);
    }

    /** @return the input's name, as errors name it */
    String source() {
        return source;
    }

    /** @return the file's schema */
    MessageType schema() {
        return reader.getFileMetaData().getSchema();
    }

    /** @return the file's key-value metadata */
    Map<String, String> keyValueMetadata() {
        return reader.getFileMetaData().getKeyValueMetaData();
    }

    /** @return the file's row groups, as its footer describes them */
    List<BlockMetaData> rowGroups() {
        return rowGroups;
    }

    /** @param schema the columns to read from now on: a part of the file's schema */
    void request(MessageType schema) {
        reader.setRequestedSchema(schema);
        this.requested = schema;
    }

    /** @return true if a row group remains to be {@linkplain #next() read}; reads nothing */
    boolean hasNext() {
        return nextRowGroup < rowGroups.size();
    }

    /**
     * @return the next row group's pages of the requested columns, or null after the last
     * @throws DataFormatException naming the file and the row group if its bytes cannot be read
     */
    @Nullable RowGroup next() {
        if (nextRowGroup == rowGroups.size()) {
            return null;
        }
        int index = nextRowGroup;
        long rows = rowGroups.get(index).getRowCount();
        int tableRows = tableRows(rows, () -> rowGroupName(index, nextRow, rows));
        PageReadStore pages;
        try {
            pages = reader.readNextRowGroup();
        } catch (IOException | RuntimeException e) {
            throw unreadable(index, rows, e);
        }
        if (pages == null) {
            throw new DataFormatException(source, "the footer lists " + rowGroups.size() + " row groups, but "
                    + rowGroupName(index, nextRow, rows) + " is absent", null);
        }
        RowGroup group = new RowGroup(pages, index, nextRow, tableRows);
        nextRowGroup++;
        nextRow += rows;
        return group;
    }

    /**
     * @return the rows of every row group, as a table's row count
     * @throws DataFormatException if they are more than a table holds
     */
    int rowCount() {
        long rows = 0;
        for (BlockMetaData rowGroup : rowGroups) {
            rows += rowGroup.getRowCount();
        }
        long all = rows;
        return tableRows(rows, () -> "the file, of " + all + " rows,");
    }

    /** @return the rows as an int, or a DataFormatException naming what holds more than a table can */
    private int tableRows(long rows, Supplier<String> what) {
        try {
            return Math.toIntExact(rows);
        } catch (ArithmeticException e) {
            throw new DataFormatException(source, what.get() + " holds more rows than a table can ("
                    + Integer.MAX_VALUE + "); read a larger file in pieces with readChunks", e);
        }
    }

    /**
     * Says which column of a row group that cannot be read is at fault, by reading the row
     * group's pages of one requested column at a time (Parquet reads and checks them all at once).
     */
    private DataFormatException unreadable(int index, long rows, Exception e) {
        String problem = rowGroupName(index, nextRow, rows) + " cannot be read (" + cause(e) + ")";
        MessageType file = schema();
        for (Type column : requested.getFields()) {
            try (ParquetFileReader alone = reader(input)) {
                alone.setRequestedSchema(new MessageType(file.getName(), column));
                alone.readRowGroup(index);
            } catch (IOException | RuntimeException columnFailure) {
                return new DataFormatException(source, column.getName(), file.getFieldIndex(column.getName()) + 1, problem,
                        e);
            }
        }
        return new DataFormatException(source, problem, e);
    }

    /**
     * @param group a row group this file read
     * @return the readers of its requested columns
     */
    ColumnReadStore columns(RowGroup group) {
        return new ColumnReadStoreImpl(group.pages(), NO_CONVERTER, requested, reader.getFileMetaData().getCreatedBy());
    }

    /**
     * @param index a row group's 0-based index
     * @param firstRow its first row's 0-based index in the file
     * @param rows its row count
     * @return how errors name it, such as {@code "row group 2 of 5 (rows 2000 to 2999)"}
     */
    String rowGroupName(int index, long firstRow, long rows) {
        return "row group " + (index + 1) + " of " + rowGroups.size() + " (rows " + firstRow + " to "
                + (firstRow + rows - 1) + ", 0-based)";
    }

    /** @return what an exception says, with its causes' messages, for an error message */
    static String cause(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source, e);
        }
    }
}
