package dev.mlops.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes a file of one required {@code INT64} column {@code id}, page by page with Parquet's
 * low-level writer, whose column chunks carry no minimum and maximum, as some writers leave
 * them out: the reader must then look at the values themselves.
 */
final class StatisticsFreeFile {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message m { required int64 id; }");

    private StatisticsFreeFile() {
    }

    /**
     * @param file the file to write
     * @param nullCountOnly true to store a null count (0) without minimum and maximum, false to store no statistics
     * @param rowGroups each row group's values
     * @return the file
     */
    static Path write(Path file, boolean nullCountOnly, long[]... rowGroups) {
        ColumnDescriptor id = SCHEMA.getColumns().get(0);
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetFileWriter writer = new ParquetFileWriter(new StreamOutputFile(out), SCHEMA,
                    ParquetFileWriter.Mode.CREATE, 1 << 20, 0, null, ParquetProperties.builder().build());
            writer.start();
            for (long[] values : rowGroups) {
                ByteBuffer page = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (long value : values) {
                    page.putLong(value);
                }
                Statistics.Builder statistics = Statistics.getBuilderForReading(id.getPrimitiveType());
                if (nullCountOnly) {
                    statistics.withNumNulls(0);
                }
                writer.startBlock(values.length);
                writer.startColumn(id, values.length, CompressionCodecName.UNCOMPRESSED);
                writer.writeDataPage(values.length, page.capacity(), BytesInput.from(page.array()), statistics.build(),
                        values.length, Encoding.RLE, Encoding.RLE, Encoding.PLAIN);
                writer.endColumn();
                writer.endBlock();
            }
            writer.end(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
