package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSyntaxTest {
    private static final long MASTER_SEED = 0x5eed_cafeL;

    private final NumberSyntax syntax = new NumberSyntax();

    @ParameterizedTest
    @CsvSource({
        "0, 0.0", "-0, -0.0", "007, 7.0", "1., 1.0", ".5, 0.5", "-.5, -0.5", "+3, 3.0", "1e3, 1000.0", "1E-3, 0.001",
        "2.5e+2, 250.0", "0.000123, 0.000123", "123456789012345, 123456789012345.0", "NaN, NaN", "nan, NaN",
        "inf, Infinity", "-Infinity, -Infinity", "+INF, Infinity", "1e400, Infinity", "1e-400, 0.0",
        "12345678901234567890123, 1.2345678901234568E22"
    })
    void readsDecimalNumbers(String text, double expected) {
        assertThat(syntax.parse(text)).isTrue();
        assertThat(Double.valueOf(syntax.value)).isEqualTo(Double.valueOf(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x1p3", "1d", "1f", " 1", "1 ", "1,5", "--1",
        "+-1", "1_000", "Infinityy", "nanx", "١٢٣"})
    void refusesAnythingElse(String text) {
        assertThat(syntax.parse(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "9007199254740992, false", "9007199254740993, true", "-9007199254740993, true", "12345678901234567890, true",
        "9007199254740993.0, false", "1e20, false"
    })
    void flagsIntegerLiteralsBeyondTwoToThe53(String text, boolean beyond) {
        assertThat(syntax.parse(text)).isTrue();
        assertThat(syntax.integerBeyondDoublePrecision).isEqualTo(beyond);
    }

    static Stream<Arguments> seeds() {
        return LongStream.range(0, 8).mapToObj(i -> Arguments.of(new SplittableRandom(MASTER_SEED).split().nextLong() + i));
    }

    /**
     * Numbers inside a larger buffer, as the CSV reader parses them: the digits are read sixteen
     * bytes at a time when sixteen bytes are left in the buffer, so the bytes after the number
     * (digits, a point, an exponent, a delimiter) must not count, and the same text at the
     * buffer's end, read byte by byte, must give the same value.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readsTheSameNumberWhateverBytesFollowIt(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] after = "0123456789.eE+-,x ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20_000; i++) {
            int digits = random.nextInt(1, 19);
            StringBuilder numeral = new StringBuilder(random.nextBoolean() ? "" : random.nextBoolean() ? "-" : "+");
            int point = random.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                numeral.append(d == point ? "." : "").append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(4) == 0) {
                numeral.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "")
                        .append(random.nextInt(30));
            }
            String text = numeral.toString();
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            int from = random.nextInt(3);
            byte[] padded = new byte[from + bytes.length + random.nextInt(12)];
            for (int k = 0; k < padded.length; k++) {
                padded[k] = after[random.nextInt(after.length)];
            }
            System.arraycopy(bytes, 0, padded, from, bytes.length);
            double expected = Double.parseDouble(text);

            assertThat(syntax.parse(padded, from, from + bytes.length)).as("seed %d, text %s", seed, text).isTrue();
            assertThat(Double.valueOf(syntax.value)).as("seed %d, text %s", seed, text).isEqualTo(Double.valueOf(expected));
            assertThat(syntax.parse(bytes, 0, bytes.length)).as("seed %d, text %s", seed, text).isTrue();
            assertThat(Double.valueOf(syntax.value)).as("seed %d, text %s", seed, text).isEqualTo(Double.valueOf(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "12345678, 12345678.0", "123456789, 123456789.0", "1234567890123456, 1234567890123456.0",
        "12345678.12345678, 12345678.12345678", "0.12345678, 0.12345678", "-0.000000001, -1.0E-9",
        "9007199254740992, 9007199254740992.0", "9007199254740993, 9007199254740992.0", "1e22, 1.0E22",
        "1e23, 1.0E23", "0.1, 0.1", "-0.0, -0.0", "99999999.99999999, 99999999.99999999",
        "1234567.12345678, 1234567.12345678", "123456789012345, 123456789012345.0", "-1234567.1234567e-3, -1234.5671234567",
        "12345678.5, 12345678.5", "1234567.123456789, 1234567.123456789", "0.00000001e22, 1.0E14", "1.5e-22, 1.5E-22",
        "1e999, Infinity", "-12.5E+001, -125.0"
    })
    void readsRunsOfEightDigitsAndMoreInAnyBuffer(String text, double expected) {
        byte[] exact = text.getBytes(StandardCharsets.US_ASCII);
        byte[] padded = (text + "99999999").getBytes(StandardCharsets.US_ASCII);

        assertThat(syntax.parse(exact, 0, exact.length)).isTrue();
        assertThat(Double.valueOf(syntax.value)).isEqualTo(Double.valueOf(expected));
        assertThat(syntax.parse(padded, 0, exact.length)).isTrue();
        assertThat(Double.valueOf(syntax.value)).isEqualTo(Double.valueOf(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678x", "1234.5678x", "1.2.3456789", "12345678e", "٣4"})
    void refusesTextWithADigitRunThatIsNotANumber(String text) {
        byte[] padded = (text + "12345678").getBytes(StandardCharsets.UTF_8);

        assertThat(syntax.parse(padded, 0, padded.length - 8)).isFalse();
    }

    /** Every form a writer may produce reads back exactly as {@link Double#parseDouble} reads it. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithDoubleParseDoubleOnRandomNumbers(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 30));
                case 2 -> random.nextLong(-1_000_000_000_000_000L, 1_000_000_000_000_000L);
                default -> Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(0, 8));
            };
            for (String text : new String[] {
                Double.toString(value),
                String.format(Locale.ROOT, "%." + random.nextInt(0, 12) + "f", value),
                String.format(Locale.ROOT, "%." + random.nextInt(0, 17) + "e", value),
                Double.isFinite(value) ? new BigDecimal(value).toPlainString() : "NaN"
            }) {
                assertThat(syntax.parse(text)).as("seed %d, text %s", seed, text).isTrue();
                assertThat(Double.valueOf(syntax.value)).as("seed %d, text %s", seed, text).isEqualTo(Double.valueOf(text));
            }
        }
    }

    /**
     * The common forms are read where a cell starts, without first finding the cell's end: the
     * offset just past the number, and its value, as {@link Double#parseDouble} reads the text.
     * Each case sits in a buffer with a delimiter and more bytes after it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|1", "7|1", "-0|2", "+5|2", "1234567|7", "-1234567|8", "12345678|8", "123456789012345|15",
        "-64.761855|10", "1628.43|7", "0.998|5", ".5|2", "-.25|4", "5.|2", "1234567.12345678|16",
        "-2.7563e+00|11", "4.3822e-03|10", "1.5E7|5", "2.5e-21|7", "1.5e23|6", "-9.99e22|8", "1.0e0|5"})
    void readsACommonNumberWhereItStartsAndSaysWhereItEnds(String text, int length) {
        byte[] bytes = (text + ",99999,abc,123456789012345678").getBytes(StandardCharsets.US_ASCII);

        int end = syntax.parsePrefix(bytes, 0, bytes.length);

        assertThat(end).as(text).isEqualTo(length);
        assertThat(Double.valueOf(syntax.value)).as(text).isEqualTo(Double.valueOf(Double.parseDouble(text)));
        assertThat(syntax.integerBeyondDoublePrecision).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",1", "abc", "-", ".", "1e", "1e+", "1e1234", "1234567890123456", "1.5e24", "2.5e-22",
        "12345678.5", "1234567.123456789", "NaN", "\"1\""})
    void leavesEveryOtherFormToTheGeneralPath(String text) {
        byte[] bytes = (text + ",99999,abc,123456789012345678").getBytes(StandardCharsets.US_ASCII);

        int end = syntax.parsePrefix(bytes, 0, bytes.length);

        if (end >= 0) {
            // a prefix of the text may be a number: then the byte after it is not the delimiter
            assertThat(bytes[end]).as(text).isNotEqualTo((byte) ',');
        }
    }

    @Test
    void aNumberThatRunsPastTheLimitOrTheArraysWindowIsNotReadThere() {
        byte[] bytes = "12345,678901234567890".getBytes(StandardCharsets.US_ASCII);

        assertThat(syntax.parsePrefix(bytes, 0, 3)).as("digits past the limit").isEqualTo(-1);
        assertThat(syntax.parsePrefix(bytes, 0, 5)).isEqualTo(5);
        assertThat(syntax.parsePrefix(bytes, bytes.length - 16, bytes.length)).as("fewer than 17 bytes left")
                .isEqualTo(-1);
        assertThat(syntax.parsePrefix(bytes, 5, 5)).as("nothing before the limit").isEqualTo(-1);
        assertThat(syntax.parsePrefix("1.25e5,0000000000000000".getBytes(StandardCharsets.US_ASCII), 0, 5))
                .as("the exponent cut by the limit").isEqualTo(-1);
        assertThat(syntax.parsePrefix("1.25e5x000000000000000".getBytes(StandardCharsets.US_ASCII), 0, 22))
                .as("ends before the x").isEqualTo(6);
        assertThat(syntax.parsePrefix("1.25e1234,0000000000000".getBytes(StandardCharsets.US_ASCII), 0, 22))
                .as("an exponent of four digits").isEqualTo(-1);
    }
}
