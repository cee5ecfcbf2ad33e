package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
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
}
