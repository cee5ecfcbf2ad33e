package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is not Parquet, or is cut short or corrupt, fails naming the file; nothing is read silently short. */
class ParquetErrorsTest {
    private static final ParquetFormat PARQUET = ParquetFormat.defaults();

    @TempDir
    Path directory;

    private byte[] written() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PARQUET.write(RandomTables.table(11, 200), out);
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    private static void assertNotParquet(Path file) {
        assertThatThrownBy(() -> PARQUET.read(file))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).as("a Parquet file has no lines").isZero();
                    assertThat(e.column()).isEmpty();
                })
                .hasMessageStartingWith(file + ": not a readable Parquet file (")
                .hasMessageNotContaining(" line ");
        assertThatThrownBy(() -> PARQUET.readChunks(file)).isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> PARQUET.read(file, List.of("number"))).isInstanceOf(DataFormatException.class);
    }

    @Test
    void aCsvFileIsNotParquet() throws IOException {
        assertNotParquet(file("table.parquet", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyFileIsNotParquet() throws IOException {
        assertNotParquet(file("empty.parquet", new byte[0]));
    }

    @Test
    void aFileCutShortAtAnyPointFailsNamingIt() throws IOException {
        byte[] bytes = written();
        for (int length : new int[] {4, bytes.length / 3, bytes.length / 2, bytes.length - 9, bytes.length - 1}) {
            assertNotParquet(file("cut-" + length + ".parquet", Arrays.copyOf(bytes, length)));
        }
    }

    @Test
    void aCorruptFooterFailsNamingTheFile() throws IOException {
        byte[] bytes = written();
        int footerLength = bytes[bytes.length - 8] & 0xff | (bytes[bytes.length - 7] & 0xff) << 8;
        for (int i = bytes.length - 8 - footerLength; i < bytes.length - 8 - footerLength / 2; i++) {
            bytes[i] = (byte) 0xff;
        }
        assertNotParquet(file("footer.parquet", bytes));
    }

    @Test
    void aColumnCompressedWithACodecMlopsDoesNotReadIsNamedWithItsCodec() throws IOException {
        Path file = directory.resolve("brotli.parquet");
        try (java.io.OutputStream out = Files.newOutputStream(file);
                org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> writer =
                        org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(new StreamOutputFile(out))
                                .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
                                .withType(org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                                        "message m { optional double x; }"))
                                .withCodecFactory(new LabelledCodecs())
                                .withCompressionCodec(CompressionCodecName.BROTLI)
                                .build()) {
            writer.write(new org.apache.parquet.example.data.simple.SimpleGroupFactory(
                    org.apache.parquet.schema.MessageTypeParser.parseMessageType("message m { optional double x; }"))
                    .newGroup().append("x", 1.0));
        }

        assertThatThrownBy(() -> PARQUET.read(file))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.column()).contains("x"))
                .hasMessageContaining("column 'x' (1): row group 1 is compressed with BROTLI, which mlops does not read");
    }

    /** Stores pages as they are but labels them with the codec asked for, as a writer of another codec would. */
    private static final class LabelledCodecs implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return codec;
                }

                @Override
                public void release() {
                    // nothing held
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("only for writing");
        }

        @Override
        public void release() {
            // nothing held
        }
    }

    @Test
    void aNameThatAsksForCompressionAroundTheFileIsRefusedAndNothingIsWritten() {
        Path file = directory.resolve("table.parquet.gz");

        assertThatThrownBy(() -> PARQUET.write(RandomTables.table(1, 5), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compresses its pages itself (setting codec, here snappy)")
                .hasMessageContaining("'table.parquet.gz' asks for gzip around the whole file")
                .hasMessageEndingWith("name it without .gz");
        assertThat(file).doesNotExist();
    }

    @Test
    void aParquetFileCompressedAsAWholeIsNamedSo() throws IOException {
        Path file = directory.resolve("table.parquet");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
            out.write(written());
        }
        Files.write(file, gzipped.toByteArray());

        assertThatThrownBy(() -> PARQUET.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": the whole file is gzip-compressed; a Parquet file compresses its pages itself, and"
                        + " Parquet readers read it only as it is: decompress it first");
    }

    @Test
    void aStreamThatIsNotParquetNamesTheSourceGiven() {
        assertThatThrownBy(() -> PARQUET.read(new ByteArrayInputStream(new byte[] {'P', 'A', 'R', '1'}), "stdin"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("stdin: not a readable Parquet file");
    }

    @Test
    void aStreamOfAWholeFileReads() {
        Table table = RandomTables.table(12, 50);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PARQUET.write(table, out);

        assertThat(PARQUET.read(new ByteArrayInputStream(out.toByteArray()), "stdin")).isEqualTo(table);
    }
}
