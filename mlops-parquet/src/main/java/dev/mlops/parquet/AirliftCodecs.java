package dev.mlops.parquet;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's page codecs in pure Java, in place of parquet-hadoop's {@code CodecFactory}, which
 * builds every codec but "uncompressed" through Hadoop's {@code Configuration} and
 * {@code ReflectionUtils} and then loads snappy-java's or zstd-jni's native library. Snappy,
 * Zstandard and LZ4 blocks go through aircompressor (what Trino's Parquet reader uses), gzip
 * through the JDK. The formats are Parquet's: a raw Snappy block, a Zstandard frame, a raw LZ4
 * block ({@code LZ4_RAW}) and a gzip member per page, so files written here read in Spark and
 * files Spark writes read here.
 *
 * <p>One instance serves one reader or writer: not thread-safe.
 */
final class AirliftCodecs implements CompressionCodecFactory {
    /** The codecs this factory compresses and decompresses. */
    static final Set<CompressionCodecName> SUPPORTED = EnumSet.of(CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD, CompressionCodecName.GZIP,
            CompressionCodecName.LZ4_RAW);

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Uncompressed();
            case SNAPPY -> new BlockCompressor(codec, new SnappyCompressor());
            case ZSTD -> new BlockCompressor(codec, new ZstdCompressor());
            case LZ4_RAW -> new BlockCompressor(codec, new Lz4Compressor());
            case GZIP -> new GzipCompressor();
            default -> throw unsupported(codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Uncompressed();
            case SNAPPY -> new BlockDecompressor(new SnappyDecompressor());
            case ZSTD -> new BlockDecompressor(new ZstdDecompressor());
            case LZ4_RAW -> new BlockDecompressor(new Lz4Decompressor());
            case GZIP -> new GzipDecompressor();
            default -> throw unsupported(codec);
        };
    }

    @Override
    public void release() {
        // nothing is pooled
    }

    /**
     * @return the bytes as one buffer over a heap array: a view of the page's own array where it
     *     has one (so a page is not copied before it is decompressed), else a copy
     */
    private static ByteBuffer heap(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            return bytes;
        }
        ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
        copy.put(bytes.duplicate()).flip();
        return copy;
    }

    private static ByteBuffer heap(BytesInput bytes) throws IOException {
        ByteBufferInputStream in = bytes.toInputStream();
        return heap(in.slice(in.available()));
    }

    private static IllegalArgumentException unsupported(CompressionCodecName codec) {
        return new IllegalArgumentException("the Parquet codec " + codec + " is not supported; supported are "
                + SUPPORTED);
    }

    /** Decompresses a page into an array of its uncompressed size, which it must fill exactly. */
    private abstract static class ArrayDecompressor implements BytesInputDecompressor {
        @Override
        public final BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(decompressed(heap(bytes), uncompressedSize));
        }

        @Override
        public final void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            ByteBuffer compressed = input.duplicate();
            compressed.limit(compressed.position() + compressedSize);
            output.put(decompressed(heap(compressed), uncompressedSize));
        }

        private byte[] decompressed(ByteBuffer input, int uncompressedSize) throws IOException {
            byte[] output = new byte[uncompressedSize];
            int size = decompress(input.array(), input.arrayOffset() + input.position(), input.remaining(), output);
            if (size != uncompressedSize) {
                throw new IOException("a page decompressed to " + size + " bytes, but its header says "
                        + uncompressedSize);
            }
            return output;
        }

        /** @return the number of bytes written to the output from the input's bytes {@code [offset, offset + length)} */
        abstract int decompress(byte[] input, int offset, int length, byte[] output) throws IOException;

        @Override
        public final void release() {
            // nothing is pooled
        }
    }

    /** A codec of aircompressor's, one block per page. */
    private static final class BlockDecompressor extends ArrayDecompressor {
        private final Decompressor decompressor;

        BlockDecompressor(Decompressor decompressor) {
            this.decompressor = decompressor;
        }

        @Override
        int decompress(byte[] input, int offset, int length, byte[] output) throws IOException {
            try {
                return decompressor.decompress(input, offset, length, output, 0, output.length);
            } catch (RuntimeException e) {
                // aircompressor reports corrupt input as MalformedInputException or an index out of bounds
                throw new IOException("a page does not decompress: " + e.getMessage(), e);
            }
        }
    }

    /** gzip, whose members the JDK reads (Hadoop's codec may write several per page). */
    private static final class GzipDecompressor extends ArrayDecompressor {
        @Override
        int decompress(byte[] input, int offset, int length, byte[] output) throws IOException {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input, offset, length))) {
                int size = in.readNBytes(output, 0, output.length);
                if (in.read() >= 0) {
                    throw new IOException("a gzip page holds more than the " + output.length
                            + " bytes its header says");
                }
                return size;
            }
        }
    }

    /** A codec of aircompressor's, one block per page. */
    private static final class BlockCompressor implements BytesInputCompressor {
        private final CompressionCodecName codec;
        private final Compressor compressor;

        BlockCompressor(CompressionCodecName codec, Compressor compressor) {
            this.codec = codec;
            this.compressor = compressor;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            ByteBuffer input = heap(bytes);
            byte[] output = new byte[compressor.maxCompressedLength(input.remaining())];
            int size = compressor.compress(input.array(), input.arrayOffset() + input.position(), input.remaining(), output,
                    0, output.length);
            return BytesInput.from(output, 0, size);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
            // nothing is pooled
        }
    }

    /** gzip through the JDK's Deflater. */
    private static final class GzipCompressor implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
                bytes.writeAllTo(out);
            }
            return BytesInput.from(compressed);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.GZIP;
        }

        @Override
        public void release() {
            // nothing is pooled
        }
    }

    /** Pages as they are. */
    private static final class Uncompressed implements BytesInputCompressor, BytesInputDecompressor {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
            ByteBuffer page = input.duplicate();
            page.limit(page.position() + compressedSize);
            output.put(page);
        }

        @Override
        public void release() {
            // nothing is pooled
        }
    }
}
