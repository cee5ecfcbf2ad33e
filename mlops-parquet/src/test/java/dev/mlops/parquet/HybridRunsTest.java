package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HybridRuns} decodes what parquet-column's {@link RunLengthBitPackingHybridEncoder} writes
 * to the values {@link RunLengthBitPackingHybridDecoder} reads, in one call or many.
 */
class HybridRunsTest {
    private static final long MASTER_SEED = 20_261_207L;

    /** How the values of a sweep case repeat. */
    enum Pattern {
        /** Runs of one value, 1 to 200 long: mostly repeated runs. */
        REPEATS,
        /** Every value drawn anew: bit-packed runs. */
        RANDOM,
        /** Repeats and random stretches in turn: both kinds of run, with partial groups between. */
        MIXED
    }

    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int width = 0; width <= 32; width++) {
            for (Pattern pattern : Pattern.values()) {
                for (int size : new int[] {0, 1, 7, 8, 9, 10 + master.nextInt(5_000)}) {
                    cases.add(Arguments.of(width, pattern, size, master.nextLong()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "width {0}, {1}, {2} values, seed {3}")
    @MethodSource("sweep")
    void decodesWhatParquetEncodesInOneCallOrInChunks(int width, Pattern pattern, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] values = values(random, width, pattern, size);
        byte[] encoded = encode(width, values);
        String why = "width " + width + ", " + pattern + ", " + size + " values, seed " + seed;

        assertThat(parquetDecodes(width, encoded, size)).as("the oracle, " + why).isEqualTo(values);
        assertThat(readAtOnce(width, encoded, size)).as(why).isEqualTo(values);
        assertThat(readInChunks(width, encoded, size, random)).as("in chunks, " + why).isEqualTo(values);
    }

    @Test
    void readsFromThePositionToTheLimitWithoutMovingThemAndWritesOnlyTheTargetRange() {
        int[] values = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 2, 3, 4, 5, 6, 7, 0, 1};
        byte[] encoded = encode(3, values);
        ByteBuffer data = ByteBuffer.allocate(encoded.length + 7);
        data.put(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}).put(encoded).put(new byte[] {-1, -1, -1, -1});
        data.position(3).limit(3 + encoded.length);
        int[] target = new int[values.length + 4];
        Arrays.fill(target, -9);

        new HybridRuns(data, 3).read(target, 2, values.length);

        assertThat(Arrays.copyOfRange(target, 2, 2 + values.length)).isEqualTo(values);
        assertThat(new int[] {target[0], target[1], target[target.length - 2], target[target.length - 1]})
                .containsOnly(-9);
        assertThat(data.position()).isEqualTo(3);
        assertThat(data.limit()).isEqualTo(3 + encoded.length);
    }

    @Test
    void readingNothingReadsNoHeader() {
        int[] target = {7};

        new HybridRuns(ByteBuffer.allocate(0), 4).read(target, 0, 0);

        assertThat(target).containsExactly(7);
    }

    @Nested
    class CutShort {
        /** Widths 1 to 32, each with a count of values that ends in a partial group. */
        static Stream<Arguments> widths() {
            SplittableRandom master = new SplittableRandom(MASTER_SEED + 1);
            return java.util.stream.IntStream.rangeClosed(1, 32)
                    .mapToObj(width -> Arguments.of(width, 9 + master.nextInt(400), master.nextLong()));
        }

        @ParameterizedTest(name = "width {0}, {1} values, seed {2}")
        @MethodSource("widths")
        void aFinalBitPackedRunCutShortReadsAsParquetReadsIt(int width, int size, long seed) {
            int[] values = values(new SplittableRandom(seed), width, Pattern.RANDOM, size);
            for (int i = 1; i < size; i++) {
                // no value repeats the one before, so that the encoder writes a single bit-packed run
                values[i] ^= values[i] == values[i - 1] ? 1 : 0;
            }
            byte[] encoded = encode(width, values);
            assertThat(encoded[0] & 1).as("one bit-packed run").isEqualTo(1);
            assertThat(encoded.length).isEqualTo(varintLength(encoded, 0) + (size + 7) / 8 * width);
            int header = varintLength(encoded, 0);

            for (int dropped = 1; dropped < encoded.length - header; dropped++) {
                byte[] cut = Arrays.copyOf(encoded, encoded.length - dropped);

                assertThat(readAtOnce(width, cut, size)).as("width %d, %d bytes dropped, seed %d", width, dropped, seed)
                        .isEqualTo(parquetDecodes(width, cut, size));
            }
            byte[] cut = Arrays.copyOf(encoded, header + 1);
            assertThat(readAtOnce(width, cut, size)).as("all but one byte of the run dropped")
                    .isEqualTo(parquetDecodes(width, cut, size))
                    .contains(0);
        }

        private static int varintLength(byte[] encoded, int at) {
            int length = 1;
            while ((encoded[at + length - 1] & 0x80) != 0) {
                length++;
            }
            return length;
        }
    }

    @Nested
    class EmptyRuns {
        @ParameterizedTest(name = "width {0}")
        @ValueSource(ints = {0, 1, 8, 13, 32})
        void aRunOfNoValuesIsSkippedWithItsRepeatedValue(int width) {
            int[] values = {1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1};
            for (int i = 0; i < values.length; i++) {
                values[i] = width == 0 ? 0 : values[i];
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.write(0); // an empty repeated run, then its value
            byte[] value = new byte[(width + 7) / 8];
            Arrays.fill(value, (byte) 3); // read as a header, a bit-packed run of one group
            data.write(value, 0, value.length);
            data.write(1); // an empty bit-packed run: no groups
            data.write(encode(width, values), 0, encode(width, values).length);
            data.write(0); // an empty run after the values, never reached

            assertThat(readAtOnce(width, data.toByteArray(), values.length)).isEqualTo(values);
        }
    }

    @Nested
    class BadInput {
        @Test
        void dataEndingBeforeTheValuesIsRefused() {
            byte[] encoded = encode(4, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});

            assertThatThrownBy(() -> readAtOnce(4, encoded, 17))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the encoded values end before the page's values do");
            assertThatThrownBy(() -> readAtOnce(4, new byte[0], 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the encoded values end before the page's values do");
        }

        @Test
        void aHeaderLongerThanFiveBytesOrCutShortIsRefused() {
            byte[] sixBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01, 0x00};
            byte[] cutShort = {(byte) 0x82, (byte) 0x80};

            assertThatThrownBy(() -> readAtOnce(8, sixBytes, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a run header is cut short or longer than 5 bytes");
            assertThatThrownBy(() -> readAtOnce(8, cutShort, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a run header is cut short or longer than 5 bytes");
        }

        @Test
        void aHeaderOfFiveBytesIsRead() {
            // a repeated run of 2^30 values, value 7: header 2^31 in five varint bytes
            byte[] fiveBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 7};

            assertThat(readAtOnce(3, fiveBytes, 20)).containsOnly(7).hasSize(20);
        }

        @ParameterizedTest(name = "width {0}")
        @ValueSource(ints = {1, 9, 17, 25, 32})
        void aRepeatedValueCutShortIsRefused(int width) {
            byte[] data = new byte[1 + (width + 7) / 8 - 1];
            data[0] = 2 * 4; // a repeated run of 4 values, whose value lacks its last byte

            assertThatThrownBy(() -> readAtOnce(width, data, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a repeated run's value is cut short");
        }

        @Test
        void aRepeatedValueOfFourBytesIsLittleEndian() {
            byte[] data = {2 * 3, 0x04, 0x03, 0x02, (byte) 0x81};

            assertThat(readAtOnce(32, data, 3)).containsOnly(0x81020304);
        }

        @ParameterizedTest(name = "width {0}")
        @ValueSource(ints = {-1, 33, Integer.MIN_VALUE})
        void aWidthOutsideZeroTo32IsRefused(int width) {
            assertThatThrownBy(() -> new HybridRuns(ByteBuffer.allocate(4), width))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a bit width of " + width + " is outside 0 to 32");
        }

        @Test
        void aRunLongerThanAnIntCountsIsRefused() {
            long repeated = 1L << 32; // 2^31 values
            long packed = (1L << 29) | 1; // 2^28 groups of 8: 2^31 values

            assertThatThrownBy(() -> readAtOnce(8, varint(repeated, 5), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a run of 2147483648 values, more than a page holds");
            assertThatThrownBy(() -> readAtOnce(8, varint(packed, 0), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a run of 2147483648 values, more than a page holds");
        }

        @Test
        void aRunOfAsManyValuesAsAnIntCountsIsRead() {
            long repeated = (long) Integer.MAX_VALUE << 1;
            long packed = ((long) (Integer.MAX_VALUE / 8) << 1) | 1;

            assertThat(readAtOnce(8, varint(repeated, 5), 3)).containsExactly(5, 5, 5);
            assertThat(readAtOnce(8, varint(packed, 0), 3)).containsExactly(0, 0, 0);
        }

        /** @return a run header, then one byte */
        private static byte[] varint(long header, int then) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long value = header;
            while (value >= 0x80) {
                out.write((int) (value & 0x7f) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
            out.write(then);
            return out.toByteArray();
        }
    }

    private static int[] values(SplittableRandom random, int width, Pattern pattern, int size) {
        int[] values = new int[size];
        int i = 0;
        boolean repeat = pattern != Pattern.RANDOM;
        while (i < size) {
            int length = repeat ? 1 + random.nextInt(pattern == Pattern.MIXED ? 100 : 200) : 1 + random.nextInt(30);
            int end = pattern == Pattern.RANDOM ? size : Math.min(size, i + length);
            int value = draw(random, width);
            for (; i < end; i++) {
                values[i] = repeat ? value : draw(random, width);
            }
            repeat = pattern == Pattern.REPEATS || pattern == Pattern.MIXED && !repeat;
        }
        return values;
    }

    private static int draw(SplittableRandom random, int width) {
        return width == 0 ? 0 : (int) (random.nextLong() >>> (Long.SIZE - width));
    }

    private static byte[] encode(int width, int[] values) {
        try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(width, 64, 1 << 20,
                HeapByteBufferAllocator.getInstance())) {
            for (int value : values) {
                encoder.writeInt(value);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            encoder.toBytes().writeAllTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] parquetDecodes(int width, byte[] encoded, int size) {
        RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(width,
                new ByteArrayInputStream(encoded));
        int[] values = new int[size];
        try {
            for (int i = 0; i < size; i++) {
                values[i] = decoder.readInt();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private static int[] readAtOnce(int width, byte[] encoded, int size) {
        int[] values = new int[size];
        new HybridRuns(ByteBuffer.wrap(encoded), width).read(values, 0, size);
        return values;
    }

    private static int[] readInChunks(int width, byte[] encoded, int size, SplittableRandom random) {
        int[] values = new int[size];
        HybridRuns runs = new HybridRuns(ByteBuffer.wrap(encoded), width);
        int at = 0;
        while (at < size) {
            int chunk = Math.min(size - at, random.nextInt(4) == 0 ? random.nextInt(60) : random.nextInt(12));
            runs.read(values, at, chunk);
            at += chunk;
        }
        return values;
    }
}
