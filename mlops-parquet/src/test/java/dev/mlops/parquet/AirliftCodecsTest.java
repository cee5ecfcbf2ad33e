package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The pure-Java page codecs, on heap arrays and on buffers, and what they do with a damaged page. */
class AirliftCodecsTest {
    private static final byte[] PAGE = ("a page of values, a page of values, a page of values, München 東京 "
            + "a page of values").getBytes(StandardCharsets.UTF_8);

    private static byte[] bytes(BytesInput input) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        input.writeAllTo(out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(ParquetCodec.class)
    void everyCodecRoundTripsAPageAsArraysAndAsBuffers(ParquetCodec codec) throws IOException {
        AirliftCodecs codecs = new AirliftCodecs();
        CompressionCodecFactory.BytesInputCompressor compressor = codecs.getCompressor(codec.parquetName());
        byte[] compressed = bytes(compressor.compress(BytesInput.from(PAGE)));

        assertThat(compressor.getCodecName()).isEqualTo(codec.parquetName());
        assertThat(bytes(codecs.getDecompressor(codec.parquetName()).decompress(BytesInput.from(compressed), PAGE.length)))
                .isEqualTo(PAGE);
        ByteBuffer input = ByteBuffer.allocate(compressed.length + 3);
        input.put(compressed).put(new byte[] {7, 7, 7}).flip();
        ByteBuffer output = ByteBuffer.allocate(PAGE.length);
        codecs.getDecompressor(codec.parquetName()).decompress(input, compressed.length, output, PAGE.length);
        assertThat(output.array()).isEqualTo(PAGE);
        assertThat(output.position()).isEqualTo(PAGE.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(compressed.length + 2);
        direct.put(new byte[] {9, 9}).put(compressed).position(2);
        ByteBuffer fromDirect = ByteBuffer.allocate(PAGE.length);
        codecs.getDecompressor(codec.parquetName()).decompress(direct, compressed.length, fromDirect, PAGE.length);
        assertThat(fromDirect.array()).as("decompressed from a direct buffer").isEqualTo(PAGE);
        ByteBuffer offHeapPage = ByteBuffer.allocateDirect(PAGE.length).put(PAGE).flip();
        assertThat(bytes(codecs.getDecompressor(codec.parquetName()).decompress(
                compressor.compress(BytesInput.from(offHeapPage)), PAGE.length)))
                .as("compressed from a direct buffer").isEqualTo(PAGE);
        compressor.release();
        codecs.release();
    }

    @ParameterizedTest
    @EnumSource(value = ParquetCodec.class, names = "UNCOMPRESSED", mode = EnumSource.Mode.EXCLUDE)
    void aPageThatDecompressesToAnotherSizeIsAnError(ParquetCodec codec) throws IOException {
        AirliftCodecs codecs = new AirliftCodecs();
        byte[] compressed = bytes(codecs.getCompressor(codec.parquetName()).compress(BytesInput.from(PAGE)));

        assertThatThrownBy(() -> codecs.getDecompressor(codec.parquetName())
                .decompress(BytesInput.from(compressed), PAGE.length + 5)).isInstanceOf(IOException.class);
        byte[] damaged = Arrays.copyOf(compressed, compressed.length / 2);
        assertThatThrownBy(() -> codecs.getDecompressor(codec.parquetName())
                .decompress(BytesInput.from(damaged), PAGE.length)).isInstanceOf(IOException.class);
    }

    @Test
    void aGzipPageLongerThanItsHeaderSaysIsAnError() throws IOException {
        AirliftCodecs codecs = new AirliftCodecs();
        byte[] withZero = Arrays.copyOf(PAGE, PAGE.length + 1);
        byte[] compressed = bytes(codecs.getCompressor(CompressionCodecName.GZIP).compress(BytesInput.from(withZero)));

        assertThatThrownBy(() -> codecs.getDecompressor(CompressionCodecName.GZIP)
                .decompress(BytesInput.from(compressed), PAGE.length))
                .isInstanceOf(IOException.class)
                .hasMessage("a gzip page holds more than the " + PAGE.length + " bytes its header says");
    }

    @Test
    void aCodecMlopsDoesNotReadIsRefusedNamingTheSupportedOnes() {
        AirliftCodecs codecs = new AirliftCodecs();

        assertThatThrownBy(() -> codecs.getDecompressor(CompressionCodecName.BROTLI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BROTLI is not supported").hasMessageContaining("SNAPPY");
        assertThatThrownBy(() -> codecs.getCompressor(CompressionCodecName.LZO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LZO is not supported");
    }
}
