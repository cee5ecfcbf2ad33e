package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.TableChunks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file whose decoded table is larger than the heap streams by row group: a child JVM
 * with {@code -Xmx48m} reads {@value #ROWS} rows of {@value #COLUMNS} numeric columns (a decoded
 * table of 160 MB) chunk by chunk and sums each column; the sums equal those the values
 * were made from. The file is written row by row, so that this JVM never holds it either.
 */
class ParquetStreamingIT {
    private static final int ROWS = 2_000_000;
    private static final int COLUMNS = 10;
    private static final String HEAP = "-Xmx48m";
    private static final String[] NAMES = java.util.stream.IntStream.range(0, COLUMNS).mapToObj(c -> "c" + c)
            .toArray(String[]::new);

    /** The value of a cell: a small integer, so that every sum is exact in any order; every 7th row of column 0 is missing. */
    static double value(long row, int column) {
        return row % 1_000 + column;
    }

    static boolean missing(long row, int column) {
        return column == 0 && row % 7 == 0;
    }

    @Test
    void aFileLargerThanTheHeapStreamsByRowGroup(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("big.parquet");
        double[] expected = write(file);
        Path log = directory.resolve("child.log");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("the child's exit code; its output:%n%s", output).isZero();

        Map<String, String> reported = new HashMap<>();
        output.lines().filter(line -> line.contains("=")).forEach(line -> reported.put(line.substring(0, line.indexOf('=')),
                line.substring(line.indexOf('=') + 1)));
        long maxHeap = Long.parseLong(reported.get("maxHeap"));
        assertThat(Long.parseLong(reported.get("decodedBytes"))).as("the decoded table against the child's heap")
                .isGreaterThan(3 * maxHeap);
        assertThat(Long.parseLong(reported.get("rows"))).isEqualTo(ROWS);
        assertThat(Integer.parseInt(reported.get("chunks"))).as("row groups read one at a time").isGreaterThan(10);
        assertThat(reported.get("sums")).isEqualTo(Arrays.toString(expected));
    }

    /** Writes the file row by row, returning each column's sum. */
    private static double[] write(Path file) throws IOException {
        double[] sums = new double[COLUMNS];
        try (OutputStream out = Files.newOutputStream(file);
                ParquetWriter<long[]> writer = new Builder(new StreamOutputFile(out))
                        .withConf(new PlainParquetConfiguration())
                        .withCodecFactory(new AirliftCodecs())
                        .withRowGroupSize(1L << 20)
                        .build()) {
            long[] row = new long[1];
            for (long r = 0; r < ROWS; r++) {
                row[0] = r;
                writer.write(row);
                for (int c = 0; c < COLUMNS; c++) {
                    if (!missing(r, c)) {
                        sums[c] += value(r, c);
                    }
                }
            }
        }
        return sums;
    }

    /** The child: streams the file's chunks and reports what it summed. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            double[] sums = new double[COLUMNS];
            long rows = 0;
            int chunks = 0;
            try (TableChunks pieces = ParquetFormat.defaults().readChunks(Path.of(args[0]))) {
                while (pieces.hasNext()) {
                    Table chunk = pieces.next();
                    chunks++;
                    rows += chunk.rowCount();
                    for (int c = 0; c < COLUMNS; c++) {
                        NumericColumn column = chunk.numericColumn(NAMES[c]);
                        for (int r = 0; r < column.size(); r++) {
                            if (!column.isMissing(r)) {
                                sums[c] += column.get(r);
                            }
                        }
                    }
                }
            }
            System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
            System.out.println("decodedBytes=" + rows * COLUMNS * Double.BYTES);
            System.out.println("rows=" + rows);
            System.out.println("chunks=" + chunks);
            System.out.println("sums=" + Arrays.toString(sums));
        }
    }

    /** Ten optional DOUBLE columns, each cell made from its row number. */
    private static final class Support extends WriteSupport<long[]> {
        private final MessageType schema;
        private RecordConsumer consumer;

        Support() {
            Types.MessageTypeBuilder builder = Types.buildMessage();
            for (int c = 0; c < COLUMNS; c++) {
                builder.optional(PrimitiveTypeName.DOUBLE).named(NAMES[c]);
            }
            this.schema = builder.named("big");
        }

        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(long[] row) {
            consumer.startMessage();
            for (int c = 0; c < COLUMNS; c++) {
                if (!missing(row[0], c)) {
                    consumer.startField(NAMES[c], c);
                    consumer.addDouble(value(row[0], c));
                    consumer.endField(NAMES[c], c);
                }
            }
            consumer.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<long[], Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<long[]> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return new Support();
        }

        @Override
        protected WriteSupport<long[]> getWriteSupport(ParquetConfiguration configuration) {
            return new Support();
        }
    }

}
