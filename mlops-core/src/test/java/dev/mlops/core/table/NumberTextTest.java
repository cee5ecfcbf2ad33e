package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {

    /** One master seed for every sweep; a failure names it with the value that broke. */
    private static final long MASTER_SEED = 0x5eed_2024_0601L;
    private static final int VALUES_PER_SWEEP = 20_000;

    private static boolean roundTrips(double value, String text) {
        return Double.doubleToLongBits(Double.parseDouble(text)) == Double.doubleToLongBits(value);
    }

    @Nested
    class FixedCases {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "42.0, 42",
            "-42.0, -42",
            "0.0, 0",
            "-0.0, -0.0",
            "1.5, 1.5",
            "-1.5, -1.5",
            "0.1, 0.1",
            "1234.25, 1234.25",
            "999999999999999.0, 999999999999999",
            "-999999999999999.0, -999999999999999",
            "1e15, 1.0E15",
            "1e20, 1.0E20",
            "1e-7, 1.0E-7",
            "4.9e-324, 4.9E-324",
            "1.7976931348623157e308, 1.7976931348623157E308",
            "NaN, NaN",
            "Infinity, Infinity",
            "-Infinity, -Infinity"
        })
        void formats(double value, String text) {
            assertThat(NumberText.format(value)).isEqualTo(text);
            assertThat(roundTrips(value, text)).as("%s reads back", text).isTrue();
        }

        @Test
        void negativeZeroKeepsItsSign() {
            String text = NumberText.format(-0.0);

            assertThat(text).isEqualTo("-0.0");
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        }

        @Test
        void aLargeNumberReadsBackExactly() {
            assertThat(Double.parseDouble(NumberText.format(1e20))).isEqualTo(1e20);
            assertThat(Double.parseDouble(NumberText.format(Long.MAX_VALUE))).isEqualTo((double) Long.MAX_VALUE);
            assertThat(Double.parseDouble(NumberText.format(0x1p53 + 2))).isEqualTo(0x1p53 + 2);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(doubles = {1.5, 1234.25, 1e20, 0.001, 123456.789})
        void theDefaultLocaleDoesNotMatter(double value) {
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.GERMANY);
                String german = NumberText.format(value);
                Locale.setDefault(Locale.ROOT);

                assertThat(german).isEqualTo(NumberText.format(value)).doesNotContain(",");
            } finally {
                Locale.setDefault(before);
            }
        }
    }

    @Nested
    class SeededSweeps {

        static Stream<Arguments> sweeps() {
            List<Arguments> sweeps = new ArrayList<>();
            sweeps.add(Arguments.of("any bit pattern",
                    (ToDoubleFunction<SplittableRandom>) r -> Double.longBitsToDouble(r.nextLong())));
            sweeps.add(Arguments.of("uniform in [-1e6, 1e6)",
                    (ToDoubleFunction<SplittableRandom>) r -> r.nextDouble(-1e6, 1e6)));
            sweeps.add(Arguments.of("integers up to 2^53",
                    (ToDoubleFunction<SplittableRandom>) r -> (double) r.nextLong(-(1L << 53), 1L << 53)));
            sweeps.add(Arguments.of("integers near 1e15",
                    (ToDoubleFunction<SplittableRandom>) r -> (double) r.nextLong(999_999_999_000_000L,
                            1_000_000_001_000_000L) * (r.nextBoolean() ? 1 : -1)));
            sweeps.add(Arguments.of("decimals with few digits at any scale",
                    (ToDoubleFunction<SplittableRandom>) r -> r.nextInt(-99_999, 100_000)
                            * Math.pow(10, r.nextInt(-320, 305))));
            sweeps.add(Arguments.of("subnormals",
                    (ToDoubleFunction<SplittableRandom>) r -> Double.longBitsToDouble(r.nextLong(1L, 1L << 52))));
            return sweeps.stream();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("sweeps")
        void everyValueReadsBackToTheSameDouble(String kind, ToDoubleFunction<SplittableRandom> draw) {
            SplittableRandom random = new SplittableRandom(MASTER_SEED);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < VALUES_PER_SWEEP; i++) {
                double value = draw.applyAsDouble(random);
                String text = NumberText.format(value);
                if (!roundTrips(value, text) || text.indexOf(',') >= 0) {
                    failures.add(Double.doubleToRawLongBits(value) + " (" + value + ") -> " + text);
                }
            }

            assertThat(failures).as("values of '%s' from seed %d that do not read back", kind, MASTER_SEED).isEmpty();
        }

        @Test
        void integralValuesBelowTheLimitHaveNoFractionOrExponent() {
            SplittableRandom random = new SplittableRandom(MASTER_SEED);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < VALUES_PER_SWEEP; i++) {
                long integer = random.nextLong(-999_999_999_999_999L, 1_000_000_000_000_000L);
                String text = NumberText.format(integer);
                if (!text.equals(Long.toString(integer))) {
                    failures.add(integer + " -> " + text);
                }
            }

            assertThat(failures).as("integers from seed %d printed with a fraction", MASTER_SEED).isEmpty();
        }
    }
}
