package dev.mlops.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadableTextTest {

    @Nested
    class Numbers {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "1.0979916975628612e-10, 1.09799e-10",
            "1e-10, 1e-10",
            "-1e-10, -1e-10",
            "1e10, 10000000000",
            "1.5e10, 15000000000",
            "999999999999999, 999999999999999",
            "1e15, 1e+15",
            "-1e15, -1e+15",
            "1e-100, 1e-100",
            "1e+100, 1e+100",
            "1.5e+20, 1.5e+20",
            "1e-7, 1e-07",
            "0.0000123456789, 1.23457e-05",
            "0, 0",
            "-0.0, 0",
            "4, 4",
            "-7, -7",
            "-0.5, -0.5",
            "0.1, 0.1",
            "0.30000000000000004, 0.3",
            "20.903000000000002, 20.903",
            "12.058814452756371, 12.0588",
            "0.000123456789, 0.000123457",
            "123456.7, 123457",
            "999999.5, 1e+06",
            "1234567.89, 1.23457e+06",
            "0.99999999, 1",
            "9.9999996e-5, 0.0001",
            "123456789012345678, 1.23457e+17",
            "4.9e-324, 4.94066e-324",
            "1.7976931348623157e308, 1.79769e+308",
            "NaN, NaN",
            "Infinity, Infinity",
            "-Infinity, -Infinity"
        })
        void haveSixSignificantDigitsAndKeepEveryExponentDigit(double value, String text) {
            assertThat(ReadableText.number(value)).isEqualTo(text);
        }
    }

    @Nested
    class Values {

        @Test
        void aShortValueIsQuotedAsItIs() {
            assertThat(ReadableText.value("München")).isEqualTo("\"München\"");
            assertThat(ReadableText.value("")).isEqualTo("\"\"");
        }

        @Test
        void aLongValueIsCutWithItsFullLengthStated() {
            String text = ReadableText.value("a".repeat(50_000));

            assertThat(text).isEqualTo("\"" + "a".repeat(ReadableText.WIDTH - 1) + "…\" (50,000 characters)");
        }

        @Test
        void aValueOfExactlyTheWidthIsKeptWholeAndOneMoreIsCut() {
            String atWidth = "w".repeat(ReadableText.WIDTH);
            assertThat(ReadableText.value(atWidth)).isEqualTo("\"" + atWidth + "\"");
            assertThat(ReadableText.value(atWidth + "w")).isEqualTo("\"" + "w".repeat(ReadableText.WIDTH - 1)
                    + "…\" (41 characters)");
        }

        @Test
        void newlinesTabsAndControlCharactersAreEscaped() {
            assertThat(ReadableText.value("one\ntwo\tthree\u0007\r\"q\"\\")).isEqualTo(
                    "\"one\\ntwo\\tthree\\u0007\\r\\\"q\\\"\\\\\"");
        }

        @Test
        void aCutNeverSplitsASurrogatePair() {
            String text = ReadableText.value("a".repeat(ReadableText.WIDTH - 2) + "😀" + "b".repeat(10));

            assertThat(text).isEqualTo("\"" + "a".repeat(ReadableText.WIDTH - 2) + "…\" (50 characters)");
        }
    }

    @Nested
    class Names {

        @Test
        void aPlainNameStaysAsItIs() {
            assertThat(ReadableText.name("age")).isEqualTo("age");
        }

        @Test
        void aLongNameIsCutWithItsLengthAndAnEscapedOneHasNoRawControlCharacter() {
            assertThat(ReadableText.name("c".repeat(200)))
                    .isEqualTo("c".repeat(ReadableText.WIDTH - 1) + "… (200 characters)");
            assertThat(ReadableText.name("a\nb")).isEqualTo("a\\nb");
        }
    }
}
