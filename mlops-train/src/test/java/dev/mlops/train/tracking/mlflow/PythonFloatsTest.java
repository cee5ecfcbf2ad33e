package dev.mlops.train.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PythonFloatsTest {
    /** Each value beside what CPython 3's {@code repr(float)} prints for it (checked with python3 here). */
    static Stream<Arguments> pythonRepr() {
        return Stream.of(
                Arguments.of(0.1, "0.1"),
                Arguments.of(0.5, "0.5"),
                Arguments.of(1.0, "1.0"),
                Arguments.of(-1.0, "-1.0"),
                Arguments.of(100.0, "100.0"),
                Arguments.of(0.0, "0.0"),
                Arguments.of(-0.0, "-0.0"),
                Arguments.of(0.71, "0.71"),
                Arguments.of(0.745, "0.745"),
                Arguments.of(0.7525, "0.7525"),
                Arguments.of(0.6931471805599453, "0.6931471805599453"),
                Arguments.of(0.30000000000000004, "0.30000000000000004"),
                Arguments.of(1.0 / 3, "0.3333333333333333"),
                Arguments.of(2.0 / 3, "0.6666666666666666"),
                Arguments.of(1E-05, "1e-05"),
                Arguments.of(0.0001, "0.0001"),
                Arguments.of(1.23E-05, "1.23e-05"),
                Arguments.of(-1.5E-07, "-1.5e-07"),
                Arguments.of(1000000000000000.0, "1000000000000000.0"),
                Arguments.of(1234567890123456.0, "1234567890123456.0"),
                Arguments.of(1E16, "1e+16"),
                Arguments.of(1E22, "1e+22"),
                Arguments.of(1E23, "1e+23"),
                Arguments.of(0.002, "0.002"),
                Arguments.of(5E-324, "5e-324"),
                Arguments.of(1.5E-323, "1.5e-323"),
                Arguments.of(2.2250738585072014E-308, "2.2250738585072014e-308"),
                Arguments.of(1.7976931348623157E308, "1.7976931348623157e+308"),
                Arguments.of(1.2345678901234568E17, "1.2345678901234568e+17"),
                Arguments.of(1.152921504606847E18, "1.152921504606847e+18"),
                Arguments.of(9007199254740992.0, "9007199254740992.0"),
                Arguments.of(4.35, "4.35"),
                Arguments.of(-0.05493814470533365, "-0.05493814470533365"),
                Arguments.of(5E-05, "5e-05"),
                Arguments.of(1E100, "1e+100"),
                Arguments.of(1.0000000000000002, "1.0000000000000002"),
                Arguments.of(0.9999999999999999, "0.9999999999999999"),
                Arguments.of(Double.NaN, "nan"),
                Arguments.of(Double.POSITIVE_INFINITY, "inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-inf"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void pythonRepr(double value, String expected) {
        assertThat(PythonFloats.repr(value)).isEqualTo(expected);
    }

    static LongStream seeds() {
        return new SplittableRandom(20261206L).longs(20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyFiniteValueReadsBackAndHasNoMoreDigitsThanJavasOwnText(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = PythonFloats.repr(value);

            assertThat(Double.parseDouble(text)).as("seed %d, value %s", seed, value).isEqualTo(value);
            assertThat(significantDigits(text)).as("seed %d, value %s: %s", seed, value, text)
                    .isLessThanOrEqualTo(significantDigits(Double.toString(value)));
        }
    }

    private static int significantDigits(String text) {
        return new BigDecimal(text).stripTrailingZeros().precision();
    }
}
