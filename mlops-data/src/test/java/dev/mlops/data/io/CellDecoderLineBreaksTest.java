package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CellDecoder#lineBreaks}, which skips eight bytes at a time, counts as a byte-by-byte count does. */
class CellDecoderLineBreaksTest {
    private static final long MASTER_SEED = 0x11_4e_b4_ea_75L;

    /** Seeds, lengths and how often a byte is a line break (from every byte to almost none). */
    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return LongStream.range(0, 40).mapToObj(i -> Arguments.of(master.nextLong(), master.nextInt(200),
                1 + master.nextInt(i % 2 == 0 ? 3 : 120)));
    }

    @ParameterizedTest(name = "seed {0}, {1} bytes, a break in {2}")
    @MethodSource("sweep")
    void countsAsAByteByByteCount(long seed, int length, int breakEvery) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = random.nextInt(breakEvery) == 0 ? (byte) (random.nextBoolean() ? '\r' : '\n')
                    : (byte) "a,\"9é".charAt(random.nextInt(5));
        }
        for (int trial = 0; trial < 20; trial++) {
            int from = length == 0 ? 0 : random.nextInt(length + 1);
            int to = from + random.nextInt(length - from + 1);

            assertThat(CellDecoder.lineBreaks(bytes, from, to)).as("seed %d, [%d, %d)", seed, from, to)
                    .isEqualTo(byteByByte(bytes, from, to));
        }
    }

    @Test
    void aCarriageReturnAndLineFeedAcrossAWordBorderAreOneBreak() {
        byte[] bytes = "abcdefg\r\nhijklmn\rop\n\nq".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(CellDecoder.lineBreaks(bytes, 0, bytes.length)).isEqualTo(4);
        assertThat(CellDecoder.lineBreaks(bytes, 8, bytes.length)).isEqualTo(4);
        assertThat(CellDecoder.lineBreaks(bytes, 0, 8)).isEqualTo(1);
    }

    /** The reference: {@code \n}, {@code \r\n} and a lone {@code \r} each end a line; a {@code \n} at {@code from} counts. */
    private static long byteByByte(byte[] bytes, int from, int to) {
        long breaks = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n' && (i == from || bytes[i - 1] != '\r')) {
                breaks++;
            }
        }
        return breaks;
    }
}
