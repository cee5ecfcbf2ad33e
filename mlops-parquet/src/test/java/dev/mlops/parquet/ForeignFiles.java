package dev.mlops.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes Parquet files as other tools do, with parquet-hadoop's example writer: any schema, no
 * mlops metadata unless given, statistics on or off.
 */
final class ForeignFiles {
    private ForeignFiles() {
    }

    /**
     * @param file the file to write
     * @param schema the Parquet schema in its text form ({@code message m { optional int64 id; }})
     * @param statistics whether column chunks carry statistics
     * @param metadata key-value metadata
     * @param rows each fills one row
     * @return the file
     */
    @SafeVarargs
    static Path write(Path file, String schema, boolean statistics, Map<String, String> metadata,
            Consumer<Group>... rows) {
        List<Consumer<Group>> list = new ArrayList<>(rows.length);
        for (Consumer<Group> row : rows) {
            list.add(row);
        }
        return write(file, schema, statistics, metadata, ParquetProperties.WriterVersion.PARQUET_1_0, true, list);
    }

    /**
     * @param file the file to write
     * @param schema the Parquet schema in its text form
     * @param statistics whether column chunks carry statistics
     * @param metadata key-value metadata
     * @param pages the page format: v1 (Spark's default) or v2
     * @param dictionary whether values are dictionary-encoded (else plain)
     * @param rows each fills one row
     * @return the file
     */
    static Path write(Path file, String schema, boolean statistics, Map<String, String> metadata,
            ParquetProperties.WriterVersion pages, boolean dictionary, List<Consumer<Group>> rows) {
        return write(file, schema, writer -> writer.withExtraMetaData(metadata).withStatisticsEnabled(statistics)
                .withWriterVersion(pages).withDictionaryEncoding(dictionary).withPageRowCountLimit(50), rows);
    }

    /**
     * @param file the file to write
     * @param schema the Parquet schema in its text form
     * @param options sets the writer's options (page format, encodings, page and row group sizes)
     *     on a builder that has the schema and the pure-Java codecs
     * @param rows each fills one row
     * @return the file
     */
    static Path write(Path file, String schema, UnaryOperator<ExampleParquetWriter.Builder> options,
            List<Consumer<Group>> rows) {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (OutputStream out = Files.newOutputStream(file);
                ParquetWriter<Group> writer = options.apply(ExampleParquetWriter.builder(new StreamOutputFile(out))
                        .withConf(new PlainParquetConfiguration())
                        .withCodecFactory(new AirliftCodecs())
                        .withType(type))
                        .build()) {
            for (Consumer<Group> row : rows) {
                Group group = groups.newGroup();
                row.accept(group);
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@link #write(Path, String, boolean, Map, Consumer[])} with statistics and no metadata. */
    @SafeVarargs
    static Path write(Path file, String schema, Consumer<Group>... rows) {
        return write(file, schema, true, Map.of(), rows);
    }
}
