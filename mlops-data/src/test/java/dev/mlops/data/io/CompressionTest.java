package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mlops.core.DataFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CompressionTest {
    private static final String TEXT = "city,temp\nMünchen,12.5\r\nSão Paulo,31\rBonn,NA\n";

    @TempDir
    Path dir;

    static Stream<Compression> codecs() {
        return Stream.of(Compression.GZIP, Compression.ZSTD, Compression.BZIP2, Compression.XZ);
    }

    /** The text compressed with the codec. */
    static byte[] compressed(Compression codec, byte[] text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = codec.compress(bytes)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }

    static byte[] decompressed(Compression codec, byte[] data) throws IOException {
        try (InputStream in = codec.decompress(new ByteArrayInputStream(data), "test")) {
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Names {
        @ParameterizedTest
        @CsvSource({"rows.csv.gz, GZIP", "rows.JSONL.GZ, GZIP", "rows.jsonl.zst, ZSTD", "rows.csv.zstd, ZSTD",
            "x.ndjson.bz2, BZIP2", "data.tsv.xz, XZ", "rows.csv, NONE", "gz, NONE", ".gz, NONE", "rows.gzip, NONE",
            "rows.csv.gz.txt, NONE"})
        void theLastExtensionNamesTheCompression(String name, Compression expected) {
            assertThat(Compression.forName(Path.of("some", name))).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource({"data.csv.gz, data.csv", "rows.jsonl.ZST, rows.jsonl", "rows.csv.zstd, rows.csv",
            "x.ndjson.bz2, x.ndjson", "data.tsv.xz, data.tsv", "data.csv, data.csv", "noextension, noextension",
            ".gz, .gz", "archive.gz, archive"})
        void withoutExtensionLeavesTheFormatsName(String name, String expected) {
            assertThat(Compression.withoutExtension(name)).isEqualTo(expected);
        }

        @Test
        void eachCompressionHasItsExtensionsAndLabel() {
            assertThat(Arrays.stream(Compression.values()).map(Compression::label))
                    .containsExactly("none", "gzip", "zstd", "bzip2", "xz");
            assertThat(Arrays.stream(Compression.values()).map(Compression::extension))
                    .containsExactly("", ".gz", ".zst", ".bz2", ".xz");
            assertThat(Compression.ZSTD.extensions()).containsExactly(".zst", ".zstd");
            assertThat(Compression.NONE.extensions()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"gzip, GZIP", "GZip, GZIP", "' zstd ', ZSTD", "bzip2, BZIP2", "xz, XZ", "none, NONE"})
        void labelsReadInAnyCase(String label, Compression expected) {
            assertThat(Compression.fromLabel(label)).isEqualTo(expected);
        }

        @Test
        void anUnknownLabelListsTheKnownOnes() {
            assertThatThrownBy(() -> Compression.fromLabel("lz4")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("compression must be none, gzip, zstd, bzip2 or xz but was 'lz4'");
        }
    }

    @Nested
    class Recognition {
        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void theMagicNumberWinsOverAWrongOrMissingExtension(Compression codec) throws IOException {
            byte[] data = compressed(codec, utf8(TEXT));
            for (String name : List.of("rows.csv", "rows", "rows.csv.gz", "rows.csv.xz")) {
                Path file = Files.write(dir.resolve(name), data);

                assertThat(Compression.of(file)).as(name).isEqualTo(codec);
                try (InputStream in = Compression.open(file)) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(name).isEqualTo(TEXT);
                }
            }
        }

        @Test
        void plainTextNamedAsCompressedReadsAsPlainText() throws IOException {
            Path file = Files.writeString(dir.resolve("rows.csv.gz"), TEXT, StandardCharsets.UTF_8);

            assertThat(Compression.of(file)).isEqualTo(Compression.NONE);
            try (InputStream in = Compression.open(file)) {
                assertThat(in.readAllBytes()).isEqualTo(utf8(TEXT));
            }
        }

        @ParameterizedTest
        @CsvSource({"'BZh9,x\n1,2\n'", "'BZh\n1\n'", "'BZh91AY&x\n'", "'BZh0AY&SY\n'", "BZh", "'\u001f\u008b\n'"})
        void textThatStartsLikeAMagicNumberStaysText(String text) throws IOException {
            Path file = Files.writeString(dir.resolve("rows.csv"), text, StandardCharsets.UTF_8);

            assertThat(Compression.of(file)).isEqualTo(Compression.NONE);
            assertThat(Compression.detect(utf8(text), utf8(text).length)).isEqualTo(Compression.NONE);
        }

        @Test
        void bzip2IsRecognisedByItsBlockOrEndOfStreamMagic() throws IOException {
            byte[] full = compressed(Compression.BZIP2, utf8(TEXT));
            byte[] empty = compressed(Compression.BZIP2, new byte[0]);

            assertThat(Compression.detect(full, full.length)).isEqualTo(Compression.BZIP2);
            assertThat(Compression.detect(empty, empty.length)).isEqualTo(Compression.BZIP2);
            assertThat(Compression.detect(full, Compression.HEAD_BYTES - 1)).isEqualTo(Compression.NONE);
            for (char size = '0'; size <= ':'; size++) {
                byte[] head = full.clone();
                head[3] = (byte) size;
                assertThat(Compression.detect(head, head.length)).as("block size %s", size)
                        .isEqualTo(size >= '1' && size <= '9' ? Compression.BZIP2 : Compression.NONE);
            }
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void aFileNamedAsCompressedButCutInsideItsMagicIsTruncated(Compression codec) throws IOException {
            byte[] data = compressed(codec, utf8(TEXT));
            int magic = headerLength(codec);
            for (int cut = 0; cut < magic; cut++) {
                Path file = Files.write(dir.resolve("cut" + codec.extension()), Arrays.copyOf(data, cut));

                DataFormatException error = catchThrowableOfType(DataFormatException.class, () -> Compression.of(file));

                assertThat(error).as("cut at %d", cut).isNotNull();
                assertThat(error.getMessage()).isEqualTo(file + " line 1: the file is named as " + codec.label()
                        + " data but holds only " + cut + " byte(s), less than a " + codec.label()
                        + " header: the archive is truncated");
                assertThatThrownBy(() -> Compression.open(file)).isInstanceOf(DataFormatException.class);
            }
        }

        @ParameterizedTest
        @CsvSource({"BZh, true", "BZh1, true", "BZh9, true", "BZh91AY&S, true", "'BZh9\u0017rE8P', true",
            "BZh0, false", "'BZh:', false", "BZhA, false", "BZh91AX, false", "BZh9x, false", "BZ, true", "B, true",
            "Bz, false", "x, false"})
        void aShortFileNamedBzip2IsTruncatedOnlyIfItStartsAHeader(String start, boolean truncated) throws IOException {
            Path file = Files.write(dir.resolve("short.csv.bz2"), start.getBytes(StandardCharsets.ISO_8859_1));

            Throwable thrown = catchThrowable(() -> Compression.of(file));

            if (truncated) {
                assertThat(thrown).isInstanceOf(DataFormatException.class).hasMessageContaining("is truncated");
            } else {
                assertThat(thrown).isNull();
                assertThat(Compression.of(file)).isEqualTo(Compression.NONE);
            }
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void exactlyTheHeaderIsEnoughToRecognise(Compression codec) throws IOException {
            byte[] data = compressed(codec, utf8(TEXT));

            assertThat(Compression.detect(data, headerLength(codec))).isEqualTo(codec);
            assertThat(Compression.detect(Arrays.copyOf(data, headerLength(codec)), headerLength(codec))).isEqualTo(codec);
            assertThat(Compression.detect(data, headerLength(codec) - 1)).isEqualTo(Compression.NONE);
        }

        @Test
        void anEmptyFileWithAPlainNameIsEmptyText() throws IOException {
            Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);

            try (InputStream in = Compression.open(file)) {
                assertThat(in.readAllBytes()).isEmpty();
            }
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void aStreamIsRecognisedByItsFirstBytesAndLeftOpen(Compression codec) throws IOException {
            boolean[] closed = new boolean[1];
            InputStream raw = new FilterInputStream(new ByteArrayInputStream(compressed(codec, utf8(TEXT)))) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            try (InputStream in = Compression.decompressing(raw, "stdin")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
            }
            assertThat(closed[0]).isFalse();
        }

        @Test
        void aPlainStreamReadsAsItIs() throws IOException {
            try (InputStream in = Compression.decompressing(new ByteArrayInputStream(utf8(TEXT)), "stdin")) {
                assertThat(in.readAllBytes()).isEqualTo(utf8(TEXT));
            }
        }
    }

    @Nested
    class Streams {
        @ParameterizedTest
        @EnumSource(Compression.class)
        void whatIsCompressedDecompressesToTheSameBytes(Compression codec) throws IOException {
            SplittableRandom random = new SplittableRandom(codec.ordinal());
            byte[] text = new byte[30_000];
            for (int i = 0; i < text.length; i++) {
                text[i] = (byte) "abc,012\n".charAt(random.nextInt(8));
            }
            byte[] data = compressed(codec, text);

            assertThat(decompressed(codec, data)).isEqualTo(text);
            assertThat(Compression.detect(data, data.length)).isEqualTo(codec);
            if (codec != Compression.NONE) {
                assertThat(data.length).isLessThan(text.length / 2);
            }
        }

        @ParameterizedTest
        @EnumSource(Compression.class)
        void closingTheCompressingStreamFinishesButLeavesTheTargetOpen(Compression codec) throws IOException {
            boolean[] closed = new boolean[1];
            int[] flushes = new int[1];
            ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
                @Override
                public void close() {
                    closed[0] = true;
                }

                @Override
                public void flush() {
                    flushes[0]++;
                }
            };

            try (OutputStream out = codec.compress(bytes)) {
                out.write(utf8(TEXT));
            }

            assertThat(closed[0]).isFalse();
            assertThat(flushes[0]).isPositive();
            assertThat(decompressed(codec, bytes.toByteArray())).isEqualTo(utf8(TEXT));
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void concatenatedMembersReadAsOneStream(Compression codec) throws IOException {
            byte[] first = compressed(codec, utf8("a,b\n1,2\n"));
            byte[] second = compressed(codec, utf8("3,4\n"));
            byte[] both = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);

            assertThat(new String(decompressed(codec, both), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n3,4\n");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void bytesAfterTheLastMemberAreAnErrorNearTheLastLine(Compression codec) throws IOException {
            StringBuilder text = new StringBuilder("id,value\n");
            for (int i = 0; i < 1500; i++) {
                text.append(i).append(',').append(i * 7 % 13).append('\n');
            }
            byte[] plain = utf8(text.toString());
            byte[] data = compressed(codec, plain);
            byte[] trailing = Arrays.copyOf(data, data.length + 4);
            trailing[data.length] = 'x';
            // a decoder that fails loses at most the piece it was asked for
            long lowest = 1 + CellDecoder.lineBreaks(plain, 0, plain.length - DecompressedInput.PIECE);

            DataFormatException error = catchThrowableOfType(DataFormatException.class, () -> decompressed(codec, trailing));

            assertThat(error).isNotNull();
            assertThat(error.source()).isEqualTo("test");
            assertThat(error.line()).isBetween(lowest, 1502L);
            assertThat(error.getMessage()).startsWith("test line " + error.line() + ": the " + codec.label()
                    + " data ends early or is corrupt (").endsWith(") after the uncompressed text reached this line:"
                    + " the file is truncated or damaged");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void linesCountCarriageReturnsAndLineFeedsOnceReadInPiecesOfOneByte(Compression codec) throws IOException {
            byte[] data = compressed(codec, utf8("a\r\nb\r\n\r\nc\rd\n\ne"));
            byte[] trailing = Arrays.copyOf(data, data.length + 4);
            trailing[data.length] = 'x';

            DataFormatException error = catchThrowableOfType(DataFormatException.class, () -> {
                try (InputStream in = codec.decompress(new ByteArrayInputStream(trailing), "test")) {
                    while (in.read(new byte[1], 0, 1) >= 0) {
                        // one byte at a time, so that each \r\n is cut between two reads
                    }
                }
            });

            assertThat(error).isNotNull();
            assertThat(error.line()).isEqualTo(7);
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void dataOfAnotherFormatIsAnErrorAtLineOne(Compression codec) {
            byte[] text = utf8("a,b\n1,2\n");

            DataFormatException error = catchThrowableOfType(DataFormatException.class, () -> decompressed(codec, text));

            assertThat(error).isNotNull();
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.getMessage()).contains("the " + codec.label() + " data ends early or is corrupt");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void aFailingDiskIsAnIoErrorNotCorruptData(Compression codec) throws IOException {
            byte[] data = compressed(codec, randomText(new SplittableRandom(7), 20_000));
            IOException disk = new IOException("disk on fire");
            InputStream failing = new InputStream() {
                private int position;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    if (position >= data.length / 2) {
                        throw disk;
                    }
                    int n = Math.min(length, Math.min(100, data.length / 2 - position));
                    System.arraycopy(data, position, bytes, offset, n);
                    position += n;
                    return n;
                }
            };

            Throwable thrown = catchThrowable(() -> {
                try (InputStream in = codec.decompress(failing, "test")) {
                    in.readAllBytes();
                }
            });

            assertThat(thrown).isNotInstanceOf(DataFormatException.class);
            assertThat(thrown instanceof UncheckedIOException unchecked ? unchecked.getCause() : thrown).isSameAs(disk);
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void aReadOfNoBytesReadsNoneAndCountsNoLine(Compression codec) throws IOException {
            byte[] trailing = Arrays.copyOf(compressed(codec, utf8("a\r\nb\n")), 0);
            try (InputStream in = codec.decompress(new ByteArrayInputStream(compressed(codec, utf8("a\r\nb\nc"))),
                    "test")) {
                byte[] buffer = new byte[8];

                assertThat(in.read(buffer, 0, 0)).isZero();
                assertThat(in.read(buffer, 0, 2)).isPositive();
                assertThat(in.read(buffer, 3, 0)).isZero();
                assertThat(in.readAllBytes()).isNotEmpty();
            }
            assertThat(trailing).isEmpty();
        }

        @Test
        void noneGivesTheStreamItself() {
            InputStream in = new ByteArrayInputStream(new byte[0]);

            assertThat(Compression.NONE.decompress(in, "x")).isSameAs(in);
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void aClosedStreamRefusesToRead(Compression codec) throws IOException {
            InputStream in = codec.decompress(new ByteArrayInputStream(compressed(codec, utf8(TEXT))), "test");
            in.close();

            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("test is closed");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void readingByteByByteGivesTheSameText(Compression codec) throws IOException {
            try (InputStream in = codec.decompress(new ByteArrayInputStream(compressed(codec, utf8(TEXT))), "test")) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                for (int b = in.read(); b >= 0; b = in.read()) {
                    text.write(b);
                }
                assertThat(text.toByteArray()).isEqualTo(utf8(TEXT));
            }
        }
    }

    /** The bytes recognition needs: the magic number, for bzip2 with the block size digit and a block's magic. */
    private static int headerLength(Compression codec) {
        return switch (codec) {
            case GZIP -> 3;
            case ZSTD -> 4;
            case XZ -> 6;
            default -> Compression.HEAD_BYTES;
        };
    }

    /**
     * The files opened are closed, whether reading ends, the stream is closed twice, or opening
     * fails: counted in {@code /proc/self/fd}, where there is one (Linux).
     */
    @Nested
    class FilesClosed {
        @ParameterizedTest
        @MethodSource("dev.mlops.data.io.CompressionTest#codecs")
        void openingReadingAndFailingLeaveNoFileOpen(Compression codec) throws IOException {
            Path descriptors = Path.of("/proc/self/fd");
            org.assertj.core.api.Assumptions.assumeThat(Files.isDirectory(descriptors))
                    .as("/proc/self/fd lists the open files (Linux)").isTrue();
            byte[] data = compressed(codec, utf8(TEXT));
            Path good = Files.write(dir.resolve("good" + codec.extension()), data);
            Path badHeader = Files.write(dir.resolve("bad" + codec.extension()), Arrays.copyOf(data, 2));
            byte[] corrupt = Arrays.copyOf(data, headerLength(codec) + 1);
            Path badBody = Files.write(dir.resolve("body" + codec.extension()), corrupt);
            long before = -1;

            // the first round loads classes (their jars opened once); a leak would then add a file a round
            for (int i = 0; i <= 10; i++) {
                before = i == 1 ? openFiles(descriptors) : before;
                InputStream in = Compression.open(good);
                in.readAllBytes();
                in.close();
                in.close();
                catchThrowable(() -> Compression.open(badHeader));
                catchThrowable(() -> {
                    try (InputStream body = Compression.open(badBody)) {
                        body.readAllBytes();
                    }
                });
            }

            assertThat(openFiles(descriptors)).isLessThanOrEqualTo(before);
        }

        private static long openFiles(Path descriptors) throws IOException {
            try (Stream<Path> files = Files.list(descriptors)) {
                return files.count();
            }
        }
    }

    static byte[] randomText(SplittableRandom random, int length) {
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
            text[i] = (byte) "abcdefghij,;0123456789\n".charAt(random.nextInt(23));
        }
        return text;
    }
}
