package dev.mlops.parquet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How {@link ParquetFormat} compresses the pages of the files it writes; reading takes each
 * column chunk's own codec from the file. Every codec here is compressed and decompressed in
 * pure Java (aircompressor for Snappy, Zstandard and LZ4, the JDK's {@link java.util.zip.Deflater}
 * for gzip): no native library is loaded and no Hadoop installation is needed. The settings write
 * a codec in lower case ({@code snappy}, {@code zstd}, ...).
 */
public enum ParquetCodec {
    /** Snappy: what Apache Spark and parquet-mr write by default; fast, moderate ratio. */
    SNAPPY(CompressionCodecName.SNAPPY),
    /** Zstandard at level 3: a better ratio than Snappy for a little more time. */
    ZSTD(CompressionCodecName.ZSTD),
    /** gzip (DEFLATE): read by every Parquet reader; slower. */
    GZIP(CompressionCodecName.GZIP),
    /** LZ4 blocks without Hadoop's framing (Parquet's {@code LZ4_RAW}); the fastest to decompress. */
    LZ4_RAW(CompressionCodecName.LZ4_RAW),
    /** No compression. */
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED);

    private final CompressionCodecName parquetName;

    ParquetCodec(CompressionCodecName parquetName) {
        this.parquetName = parquetName;
    }

    /** @return Parquet's name of the codec, as a file's metadata records it */
    CompressionCodecName parquetName() {
        return parquetName;
    }

    /** @return the lower-case name used in settings, such as {@code "zstd"} */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a label written by {@link #label()}, in any case.
     *
     * @param label such as {@code "snappy"} or {@code "ZSTD"}
     * @return the codec
     * @throws IllegalArgumentException if the label names no codec; the message lists them
     */
    @JsonCreator
    public static ParquetCodec fromLabel(String label) {
        for (ParquetCodec codec : values()) {
            if (codec.label().equalsIgnoreCase(label.trim())) {
                return codec;
            }
        }
        throw new IllegalArgumentException("codec must be one of " + Arrays.stream(values()).map(ParquetCodec::label)
                .collect(Collectors.joining(", ")) + " but was '" + label + "'");
    }
}
